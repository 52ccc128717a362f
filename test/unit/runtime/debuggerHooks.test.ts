/**
 * The debugger hooks beforeAttempt and onStateError on the virtual clock: call order relative to events,
 * dispositions, retrier/catcher indexes, attempt numbers, nested branches/iterations, awaited hooks pausing the
 * state, and throwing hooks failing the execution cleanly. Uses only the runtime's public surface.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  createExecution,
  type BeforeAttemptContext,
  type ExecutionEvent,
  type ExecutionOptions,
  type StateErrorContext,
} from '../../../server/src/runtime';
import { START, testHost } from './runtimeTestHost';

const retryThenCatch = {
  StartAt: 'T',
  States: {
    T: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Retry: [
        { ErrorEquals: ['Other'], MaxAttempts: 5 },
        { ErrorEquals: ['Boom'], IntervalSeconds: 2, BackoffRate: 2, MaxAttempts: 2 },
      ],
      Catch: [
        { ErrorEquals: ['Nope'], Next: 'Caught' },
        { ErrorEquals: ['States.ALL'], ResultPath: '$.err', Next: 'Caught' },
      ],
      End: true,
    },
    Caught: { Type: 'Pass', End: true },
  },
};

const boom = { T: { '0-9': { Throw: { Error: 'Boom', Cause: 'bad luck' } } } };

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

function describeEvent(e: ExecutionEvent): string | undefined {
  if (e.kind === 'errorRaised') return `errorRaised ${e.stateName} ${e.error} caught=${e.caught}`;
  if (e.kind === 'historyEvent' && /Failed|Scheduled|Entered/.test(e.event.type)) return e.event.type;
  return undefined;
}

test('retry, retry, catch: hooks in order with retrier/catcher indexes, attempts, delays and clock', async () => {
  const log: string[] = [];
  const attempts: BeforeAttemptContext[] = [];
  const errors: StateErrorContext[] = [];
  const execution = createExecution({
    definition: retryThenCatch,
    input: { a: 1 },
    host: testHost(),
    mocks: boom,
    beforeAttempt: (c) => {
      attempts.push(c);
      log.push(`beforeAttempt ${c.attempt} at +${execution.now() - START}`);
    },
    onStateError: (c) => {
      errors.push(c);
      log.push(`onStateError ${c.disposition} at +${execution.now() - START}`);
    },
  });
  execution.onEvent((e) => {
    const d = describeEvent(e);
    if (d) log.push(d);
  });
  const result = await execution.start();
  assert.equal(result.status, 'SUCCEEDED');
  assert.deepEqual(result.output, { a: 1, err: { Error: 'Boom', Cause: 'bad luck' } });
  assert.deepEqual(log, [
    'TaskStateEntered',
    'TaskScheduled',
    'TaskFailed',
    'errorRaised T Boom caught=true',
    'onStateError retry at +0',
    'beforeAttempt 1 at +2000',
    'TaskScheduled',
    'TaskFailed',
    'errorRaised T Boom caught=true',
    'onStateError retry at +2000',
    'beforeAttempt 2 at +6000',
    'TaskScheduled',
    'TaskFailed',
    'onStateError catch at +6000',
    'errorRaised T Boom caught=true',
    'PassStateEntered',
  ]);
  assert.deepEqual(
    errors.map((e) => [e.disposition, e.retrierIndex, e.catcherIndex, e.error, e.cause]),
    [
      ['retry', 1, undefined, 'Boom', 'bad luck'],
      ['retry', 1, undefined, 'Boom', 'bad luck'],
      ['catch', undefined, 1, 'Boom', 'bad luck'],
    ],
  );
  assert.deepEqual(
    attempts.map((a) => [a.attempt, a.retrierIndex, a.delayMs, a.error, a.cause]),
    [
      [1, 1, 2000, 'Boom', 'bad luck'],
      [2, 1, 4000, 'Boom', 'bad luck'],
    ],
  );
  for (const a of attempts) {
    assert.equal(a.stateName, 'T');
    assert.equal(a.stateType, 'Task');
    assert.deepEqual(a.statePath, ['States', 'T']);
    assert.deepEqual(a.input, { a: 1 });
    assert.equal((a.context as { State: { RetryCount: number } }).State.RetryCount, a.attempt);
    assert.deepEqual(a.location, [{ kind: 'execution', name: execution.name }]);
  }
  // The context of the failed attempt: RetryCount 0, 1, 2.
  assert.deepEqual(
    errors.map((e) => (e.context as { State: { RetryCount: number } }).State.RetryCount),
    [0, 1, 2],
  );
});

test('uncaught errors: a Task without Catch and a Pass with a bad path report disposition uncaught', async () => {
  const errors: StateErrorContext[] = [];
  const taskResult = await createExecution({
    definition: {
      StartAt: 'T',
      States: { T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', End: true } },
    },
    host: testHost(),
    mocks: boom,
    onStateError: (c) => void errors.push(c),
  }).start();
  assert.equal(taskResult.status, 'FAILED');
  const passResult = await createExecution({
    definition: { StartAt: 'P', States: { P: { Type: 'Pass', InputPath: '$.missing', End: true } } },
    input: { x: 1 },
    host: testHost(),
    onStateError: (c) => void errors.push(c),
  }).start();
  assert.equal(passResult.status, 'FAILED');
  assert.deepEqual(
    errors.map((e) => [e.stateName, e.stateType, e.disposition, e.error, e.retrierIndex, e.catcherIndex]),
    [
      ['T', 'Task', 'uncaught', 'Boom', undefined, undefined],
      ['P', 'Pass', 'uncaught', 'States.Runtime', undefined, undefined],
    ],
  );
  // The hook sees the cause that propagates (the execution's cause).
  assert.equal(errors[1].cause, passResult.cause);
  assert.match(errors[1].cause ?? '', /^An error occurred while executing the state 'P'/);
  assert.deepEqual(errors[1].input, { x: 1 });
});

test('nested: a failing task in a Parallel branch and in a Map iteration reports its own activity and location', async () => {
  const errors: StateErrorContext[] = [];
  const attempts: BeforeAttemptContext[] = [];
  const execution = createExecution({
    definition: {
      StartAt: 'P',
      States: {
        P: {
          Type: 'Parallel',
          Branches: [
            { StartAt: 'Ok', States: { Ok: { Type: 'Pass', End: true } } },
            {
              StartAt: 'M',
              States: {
                M: {
                  Type: 'Map',
                  ItemProcessor: {
                    StartAt: 'T',
                    States: {
                      T: {
                        Type: 'Task',
                        Resource: 'arn:aws:states:::lambda:invoke',
                        Retry: [{ ErrorEquals: ['Boom'], MaxAttempts: 1 }],
                        End: true,
                      },
                    },
                  },
                  End: true,
                },
              },
            },
          ],
          Catch: [{ ErrorEquals: ['Boom'], Next: 'Done' }],
          End: true,
        },
        Done: { Type: 'Pass', End: true },
      },
    },
    input: [7],
    host: testHost(),
    mocks: boom,
    beforeAttempt: (c) => void attempts.push(c),
    onStateError: (c) => void errors.push(c),
  });
  const started = new Map<number, ExecutionEvent>();
  execution.onEvent((e) => {
    if (e.kind === 'activityStarted') started.set(e.activity.id, e);
  });
  const result = await execution.start();
  assert.equal(result.status, 'SUCCEEDED');
  assert.deepEqual(
    errors.map((e) => [e.stateName, e.disposition]),
    [
      ['T', 'retry'],
      ['T', 'uncaught'],
      ['M', 'uncaught'],
      ['P', 'catch'],
    ],
  );
  const [retry, taskUncaught, mapUncaught, parallelCatch] = errors;
  assert.deepEqual(
    taskUncaught.location.map((f) => f.kind),
    ['execution', 'branch', 'iteration'],
  );
  assert.deepEqual(taskUncaught.location[1], {
    kind: 'branch',
    stateName: 'P',
    statePath: ['States', 'P'],
    branchIndex: 1,
  });
  assert.deepEqual(taskUncaught.location[2], {
    kind: 'iteration',
    stateName: 'M',
    statePath: ['States', 'P', 'Branches', 1, 'States', 'M'],
    index: 0,
  });
  assert.deepEqual(taskUncaught.statePath, [
    'States',
    'P',
    'Branches',
    1,
    'States',
    'M',
    'ItemProcessor',
    'States',
    'T',
  ]);
  assert.equal(retry.activityId, taskUncaught.activityId);
  assert.equal(attempts.length, 1);
  assert.equal(attempts[0].activityId, taskUncaught.activityId);
  assert.equal(attempts[0].attempt, 1);
  assert.deepEqual(attempts[0].input, 7);
  // Each hook names the activity the state runs in: iteration, branch, execution.
  const iteration = started.get(taskUncaught.activityId);
  const branch = started.get(mapUncaught.activityId);
  const root = started.get(parallelCatch.activityId);
  assert.ok(
    iteration?.kind === 'activityStarted' && iteration.activity.location.at(-1)?.kind === 'iteration',
  );
  assert.ok(branch?.kind === 'activityStarted' && branch.activity.location.at(-1)?.kind === 'branch');
  assert.ok(root?.kind === 'activityStarted' && root.activity.location.at(-1)?.kind === 'execution');
  assert.equal(parallelCatch.catcherIndex, 0);
});

test('an awaiting onStateError hook pauses the state: no catcher, no next state, no clock movement until it settles', async () => {
  const gate = deferred();
  const called = deferred();
  const execution = createExecution({
    definition: retryThenCatch,
    host: testHost(),
    mocks: { T: { '0': { Throw: { Error: 'Fatal', Cause: 'x' } } } },
    onStateError: async (c) => {
      assert.equal(c.disposition, 'catch');
      called.resolve();
      await gate.promise;
    },
  });
  const done = execution.start();
  await called.promise;
  // Let every pending continuation and macrotask run: the execution must still be paused in the hook.
  await new Promise<void>((r) => setImmediate(r));
  assert.equal(execution.status, 'RUNNING');
  assert.equal(execution.history().at(-1)?.type, 'TaskFailed');
  assert.equal(execution.activities()[0].current?.stateName, 'T');
  assert.equal(execution.now(), START);
  gate.resolve();
  const result = await done;
  assert.equal(result.status, 'SUCCEEDED');
  assert.equal(result.history.at(-1)?.type, 'ExecutionSucceeded');
});

test('an awaiting beforeAttempt hook pauses before the attempt runs (no TaskScheduled yet)', async () => {
  const gate = deferred();
  const called = deferred();
  const execution = createExecution({
    definition: retryThenCatch,
    host: testHost(),
    mocks: { T: { '0': { Throw: { Error: 'Boom' } }, '1': { Return: { ok: 1 } } } },
    beforeAttempt: async () => {
      called.resolve();
      await gate.promise;
    },
  });
  const done = execution.start();
  await called.promise;
  await new Promise<void>((r) => setImmediate(r));
  const scheduled = () => execution.history().filter((e) => e.type === 'TaskScheduled').length;
  assert.equal(scheduled(), 1);
  assert.equal(execution.now(), START + 2000);
  gate.resolve();
  const result = await done;
  assert.equal(result.status, 'SUCCEEDED');
  assert.deepEqual(result.output, { ok: 1 });
  assert.equal(result.history.filter((e) => e.type === 'TaskScheduled').length, 2);
});

test('a throwing hook fails the execution with States.Runtime naming the hook (also inside a Map iteration)', async () => {
  const onStateError = await createExecution({
    definition: retryThenCatch,
    host: testHost(),
    mocks: boom,
    onStateError: () => {
      throw new Error('debugger went away');
    },
  }).start();
  assert.equal(onStateError.status, 'FAILED');
  assert.equal(onStateError.error, 'States.Runtime');
  assert.equal(onStateError.cause, "The host's onStateError hook failed: debugger went away");

  const inMap = await createExecution({
    definition: {
      StartAt: 'M',
      States: { M: { Type: 'Map', ItemProcessor: retryThenCatch, End: true } },
    },
    input: [1, 2, 3],
    host: testHost(),
    mocks: boom,
    beforeAttempt: async () => Promise.reject(new Error('no thanks')),
  }).start();
  assert.equal(inMap.status, 'FAILED');
  assert.equal(inMap.error, 'States.Runtime');
  assert.equal(inMap.cause, "The host's beforeAttempt hook failed: no thanks");
  assert.equal(inMap.history.at(-1)?.type, 'ExecutionFailed');
});

test('hooks do not change the events or the history of a sequential execution', async () => {
  const collect = async (extra: Partial<ExecutionOptions>) => {
    const execution = createExecution({
      definition: retryThenCatch,
      input: { a: 1 },
      host: testHost(),
      mocks: boom,
      ...extra,
    });
    const kinds: string[] = [];
    execution.onEvent((e) => kinds.push(e.kind === 'historyEvent' ? e.event.type : e.kind));
    const result = await execution.start();
    return { kinds, history: result.history };
  };
  const without = await collect({});
  const withHooks = await collect({ beforeAttempt: async () => undefined, onStateError: () => undefined });
  assert.deepEqual(withHooks.kinds, without.kinds);
  assert.deepEqual(withHooks.history, without.history);
});

test('a throwing beforeState hook inside Map iterations fails the execution with its message; siblings abort', async () => {
  const result = await createExecution({
    definition: {
      StartAt: 'M',
      States: {
        M: {
          Type: 'Map',
          ItemProcessor: {
            StartAt: 'A',
            States: { A: { Type: 'Wait', Seconds: 1, Next: 'B' }, B: { Type: 'Pass', End: true } },
          },
          End: true,
        },
      },
    },
    input: [1, 2, 3],
    host: testHost(),
    beforeState: (c) => {
      if (c.stateName === 'B') throw new Error('hook boom');
    },
  }).start();
  assert.equal(result.status, 'FAILED');
  assert.equal(result.error, 'States.Runtime');
  assert.equal(result.cause, 'hook boom');
  const types = result.history.map((e) => e.type);
  assert.equal(types.filter((t) => t === 'MapIterationFailed').length, 1);
  assert.equal(types.filter((t) => t === 'MapIterationAborted').length, 2);
  assert.equal(types.at(-1), 'ExecutionFailed');
});
