/**
 * Tests for the activity scheduler: the run lock is held again on every way out of `blocked` (value, failure,
 * cancellation), FIFO lock hand-over over many waiters, and virtual timers firing in (time, creation) order
 * with cancellation. Uses the scheduler directly on the virtual clock; no real time.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ActivityScheduler, CancelScope } from '../../../server/src/runtime/activityScheduler';
import { ActivityCancelled } from '../../../server/src/runtime/statesError';

const virtualClock = () => new ActivityScheduler({ mode: 'virtual', start: 0, realNow: () => 0 });

/** Lets pending promise continuations run (a critical section spanning several turns). */
async function turns(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await Promise.resolve();
}

/** Records how many activities ran code at the same time (must never exceed 1). */
function occupancy() {
  let inside = 0;
  const state = { max: 0, log: [] as string[] };
  return {
    state,
    async section(name: string, length = 10): Promise<void> {
      inside++;
      state.max = Math.max(state.max, inside);
      state.log.push(`${name}+`);
      await turns(length);
      state.log.push(`${name}-`);
      inside--;
    },
  };
}

test('a failed blocked call rethrows only with the lock held again (no two activities at once)', async () => {
  const s = virtualClock();
  const root = new CancelScope();
  const o = occupancy();
  const a = (async () => {
    await s.acquire(root);
    await o.section('a1');
    await assert.rejects(
      s.blocked(root, () => Promise.reject(new Error('handler failed')), { external: true }),
      /handler failed/,
    );
    await o.section('a2');
    s.release();
  })();
  const b = (async () => {
    await s.acquire(root);
    await o.section('b', 40);
    s.release();
  })();
  await Promise.all([a, b]);
  assert.equal(o.state.max, 1, o.state.log.join(' '));
  assert.deepEqual(o.state.log, ['a1+', 'a1-', 'b+', 'b-', 'a2+', 'a2-']);
});

test('a wait cancelled by another activity ends with the lock held again', async () => {
  const s = virtualClock();
  const root = new CancelScope();
  const waiting = new CancelScope(root);
  const o = occupancy();
  let reason: unknown;
  const a = (async () => {
    await s.acquire(waiting);
    try {
      await s.sleep(waiting, 60_000);
    } catch (e) {
      reason = e;
      await o.section('a-cleanup');
    }
    s.release();
  })();
  const b = (async () => {
    await s.acquire(root);
    waiting.cancel(new ActivityCancelled('siblingFailed'));
    await o.section('b', 40);
    s.release();
  })();
  await Promise.all([a, b]);
  assert.ok(reason instanceof ActivityCancelled && reason.reason === 'siblingFailed');
  assert.equal(o.state.max, 1, o.state.log.join(' '));
  assert.deepEqual(o.state.log, ['b+', 'b-', 'a-cleanup+', 'a-cleanup-']);
});

test('blocked work that succeeds in a cancelled scope throws the cancel reason with the lock held', async () => {
  const s = virtualClock();
  const root = new CancelScope();
  const child = new CancelScope(root);
  const o = occupancy();
  const a = (async () => {
    await s.acquire(child);
    const outcome = s.blocked(child, async () => {
      child.cancel(new ActivityCancelled('aborted'));
      return 1;
    });
    await assert.rejects(outcome, (e: unknown) => e instanceof ActivityCancelled && e.reason === 'aborted');
    await o.section('a');
    s.release();
  })();
  const b = (async () => {
    await s.acquire(root);
    await o.section('b', 30);
    s.release();
  })();
  await Promise.all([a, b]);
  assert.equal(o.state.max, 1, o.state.log.join(' '));
});

test('acquire in an already cancelled scope throws without taking the lock', async () => {
  const s = virtualClock();
  const scope = new CancelScope();
  scope.cancel(new ActivityCancelled('aborted'));
  await assert.rejects(s.acquire(scope), ActivityCancelled);
  // The lock is still free: another scope gets it at once.
  const other = new CancelScope();
  let got = false;
  void s.acquire(other).then(() => (got = true));
  await turns(2);
  assert.equal(got, true);
});

test('the lock passes to waiters in FIFO order, across queue compaction (5,000 waiters)', async () => {
  const s = virtualClock();
  const root = new CancelScope();
  const order: number[] = [];
  await s.acquire(root);
  const all = Array.from({ length: 5_000 }, (_, i) =>
    s.acquire(root).then(() => {
      order.push(i);
      s.release();
    }),
  );
  s.release();
  await Promise.all(all);
  assert.equal(order.length, 5_000);
  assert.ok(
    order.every((v, i) => v === i),
    'waiters ran out of order',
  );
});

test('virtual timers fire in (time, creation) order; cancelled ones never fire; the clock jumps', async () => {
  const s = virtualClock();
  const root = new CancelScope();
  const fired: Array<{ id: number; at: number }> = [];
  // Deterministic pseudo-random delays with many ties.
  let x = 7;
  const delays = Array.from({ length: 300 }, () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return (x % 50) * 1000;
  });
  const timers = delays.map((ms, id) => {
    const t = s.timer(root, ms);
    const done = t.promise.then(
      () => fired.push({ id, at: s.now() }),
      () => undefined,
    );
    return { t, done };
  });
  const cancelled = new Set<number>();
  for (let id = 0; id < timers.length; id += 3) {
    timers[id].t.cancel();
    cancelled.add(id);
  }
  const live = timers.filter((_, id) => !cancelled.has(id));
  await Promise.all(live.map((t) => t.done));
  const expected = delays
    .map((ms, id) => ({ id, at: ms }))
    .filter(({ id }) => !cancelled.has(id))
    .sort((a, b) => a.at - b.at || a.id - b.id);
  assert.deepEqual(fired, expected);
  assert.equal(s.now(), Math.max(...expected.map((e) => e.at)));
});

test('cancelling a scope rejects its pending timers and leaves the others to fire', async () => {
  const s = virtualClock();
  const root = new CancelScope();
  const doomed = new CancelScope(root);
  const outcomes: string[] = [];
  const a = s.timer(doomed, 1_000).promise.then(
    () => outcomes.push('a fired'),
    (e: ActivityCancelled) => outcomes.push(`a ${e.reason}`),
  );
  const b = s.timer(root, 2_000).promise.then(() => outcomes.push(`b fired at ${s.now()}`));
  doomed.cancel(new ActivityCancelled('timedOut'));
  await Promise.all([a, b]);
  assert.deepEqual(outcomes, ['a timedOut', 'b fired at 2000']);
});
