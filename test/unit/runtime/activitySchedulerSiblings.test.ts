/**
 * Scheduler behaviour seen through whole executions: the first failing Map iteration / Parallel branch aborts
 * its queued siblings before any of them runs on (one failure recorded, the rest aborted). Mocked tasks only.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { run, types } from './runtimeTestHost';

const count = (list: string[], type: string) => list.filter((t) => t === type).length;

test('Map: four iterations timing out together record one failed iteration and three aborted ones', async () => {
  const timedOut = { Throw: { Error: 'States.Timeout' } };
  const r = await run(
    {
      StartAt: 'M',
      States: {
        M: {
          Type: 'Map',
          ItemProcessor: {
            StartAt: 'Invoke',
            States: {
              Invoke: {
                Type: 'Task',
                Resource: 'arn:aws:states:::lambda:invoke',
                TimeoutSeconds: 5,
                End: true,
              },
            },
          },
          End: true,
        },
      },
    },
    [1, 2, 3, 4],
    { mocks: { Invoke: { '0-3': timedOut } } },
  );
  const t = types(r);
  assert.equal(r.status, 'FAILED');
  assert.equal(r.error, 'States.Timeout');
  assert.equal(count(t, 'MapIterationStarted'), 4);
  assert.equal(count(t, 'TaskStarted'), 4);
  assert.equal(count(t, 'MapIterationFailed'), 1, t.join(','));
  assert.equal(count(t, 'MapIterationAborted'), 3, t.join(','));
  assert.deepEqual(t.slice(t.indexOf('TaskTimedOut')), [
    'TaskTimedOut',
    'MapIterationFailed',
    'TaskStateAborted',
    'MapIterationAborted',
    'TaskStateAborted',
    'MapIterationAborted',
    'TaskStateAborted',
    'MapIterationAborted',
    'MapStateFailed',
    'ExecutionFailed',
  ]);
});

test('Parallel: branches failing together record one failure; the others are aborted', async () => {
  const branch = (name: string) => ({
    StartAt: name,
    States: {
      [name]: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:f', End: true },
    },
  });
  const r = await run(
    {
      StartAt: 'P',
      States: { P: { Type: 'Parallel', Branches: [branch('A'), branch('B'), branch('C')], End: true } },
    },
    {},
    {
      mocks: {
        A: { '0': { Throw: { Error: 'Boom', Cause: 'a' } } },
        B: { '0': { Throw: { Error: 'Boom', Cause: 'b' } } },
        C: { '0': { Throw: { Error: 'Boom', Cause: 'c' } } },
      },
    },
  );
  const t = types(r);
  assert.equal(r.status, 'FAILED');
  assert.equal(r.error, 'Boom');
  assert.equal(r.cause, 'a');
  assert.equal(count(t, 'LambdaFunctionFailed'), 1, t.join(','));
  assert.equal(count(t, 'TaskStateAborted'), 3, t.join(','));
});
