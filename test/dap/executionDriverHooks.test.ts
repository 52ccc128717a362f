// ExecutionDriver's retry-attempt and state-error hooks called directly (no interpreter): which step kinds,
// pause requests and exception filters stop there, and what the view shows while held.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import type {
  BeforeAttemptContext,
  LocationFrame,
  StateErrorContext,
} from '../../server/src/runtime/executionApi';
import { type ActivityView, ExecutionDriver, type StopReason } from '../../server/src/debug/executionDriver';

const location: LocationFrame[] = [{ kind: 'execution', name: 'unit' }];

function attempt(activityId: number, n: number): BeforeAttemptContext {
  return {
    activityId,
    location,
    stateName: 'Charge',
    statePath: ['States', 'Charge'],
    stateType: 'Task',
    attempt: n,
    retrierIndex: 0,
    error: 'Lambda.TooManyRequestsException',
    cause: 'Rate exceeded',
    delayMs: 1000,
    input: { id: 1 },
    variables: {},
    context: {},
  };
}

function raised(disposition: StateErrorContext['disposition'], error = 'CardDeclined'): StateErrorContext {
  return {
    activityId: 1,
    location,
    stateName: 'Charge',
    statePath: ['States', 'Charge'],
    stateType: 'Task',
    error,
    cause: 'Insufficient funds',
    disposition,
    catcherIndex: disposition === 'catch' ? 0 : undefined,
    retrierIndex: disposition === 'retry' ? 0 : undefined,
    input: {},
    variables: {},
    context: {},
  };
}

function makeDriver(watch: { caught?: string[]; uncaught?: string[] } = {}): {
  driver: ExecutionDriver;
  stops: Array<{ reason: StopReason; view: ActivityView; text?: string }>;
} {
  const stops: Array<{ reason: StopReason; view: ActivityView; text?: string }> = [];
  const driver = new ExecutionDriver({
    debug: true,
    stopOnEntry: false,
    decideBreak: async () => ({ stop: false, breakpointIds: [] }),
    breakOnError: (error, caught) => (caught ? watch.caught : watch.uncaught)?.includes(error) ?? false,
    listener: {
      stopped: (reason, view, detail) => stops.push({ reason, view, text: detail.text }),
      threadStarted: () => undefined,
      threadExited: () => undefined,
      event: () => undefined,
      finished: () => undefined,
    },
  });
  return { driver, stops };
}

/** Calls a hook and reports whether it held the activity (the promise still pending after the stop). */
async function holds(call: Promise<void>, driver: ExecutionDriver): Promise<boolean> {
  let settled = false;
  const done = call.then(() => (settled = true));
  await new Promise<void>((resolve) => setImmediate(resolve));
  const held = !settled;
  driver.continue();
  await done;
  return held;
}

test('hooks are absent when not debugging', () => {
  const driver = new ExecutionDriver({
    debug: false,
    stopOnEntry: false,
    decideBreak: async () => ({ stop: false, breakpointIds: [] }),
    breakOnError: () => true,
    listener: {
      stopped: () => undefined,
      threadStarted: () => undefined,
      threadExited: () => undefined,
      event: () => undefined,
      finished: () => undefined,
    },
  });
  assert.equal(driver.attemptHook, undefined);
  assert.equal(driver.errorHook, undefined);
});

test('a retry attempt stops for a pause request, showing the attempt while held', async () => {
  const { driver, stops } = makeDriver();
  driver.pause();
  const pending = driver.attemptHook!(attempt(1, 2));
  await new Promise<void>((resolve) => setImmediate(resolve));
  assert.equal(stops.length, 1);
  assert.equal(stops[0].reason, 'pause');
  assert.equal(stops[0].view.attempt?.attempt, 2);
  assert.match(stops[0].text ?? '', /Retry attempt 2 of "Charge" after Lambda\.TooManyRequestsException/);
  assert.deepEqual(
    driver.threads().map((v) => v.activityId),
    [1],
  );
  driver.continue();
  await pending;
  assert.equal(stops[0].view.attempt, undefined);
});

test('with nothing requested, a retry attempt and an unwatched error run on', async () => {
  const { driver, stops } = makeDriver();
  assert.equal(await holds(driver.attemptHook!(attempt(1, 1)), driver), false);
  assert.equal(await holds(driver.errorHook!(raised('catch')), driver), false);
  assert.equal(stops.length, 0);
  // The error is still recorded for the Error scope, with the runtime's disposition.
  assert.equal(driver.viewOfActivity(1)?.error?.disposition, 'catch');
});

test('watched errors stop by filter: caught for retry/catch, uncaught otherwise', async () => {
  const caught = makeDriver({ caught: ['CardDeclined'] });
  assert.equal(await holds(caught.driver.errorHook!(raised('retry')), caught.driver), true);
  assert.equal(await holds(caught.driver.errorHook!(raised('catch')), caught.driver), true);
  assert.equal(await holds(caught.driver.errorHook!(raised('uncaught')), caught.driver), false);
  assert.deepEqual(
    caught.stops.map((s) => s.reason),
    ['exception', 'exception'],
  );
  const uncaught = makeDriver({ uncaught: ['CardDeclined'] });
  assert.equal(await holds(uncaught.driver.errorHook!(raised('catch')), uncaught.driver), false);
  assert.equal(await holds(uncaught.driver.errorHook!(raised('uncaught', 'Other')), uncaught.driver), false);
  assert.equal(await holds(uncaught.driver.errorHook!(raised('uncaught')), uncaught.driver), true);
  assert.equal(uncaught.stops.length, 1);
  assert.equal(uncaught.stops[0].view.error?.caught, false);
});
