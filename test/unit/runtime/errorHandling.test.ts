import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createExecution } from '../../../server/src/runtime';
import { run, START, testHost, types } from './runtimeTestHost';

const task = (extra: Record<string, unknown> = {}) => ({
  StartAt: 'T',
  States: {
    T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', End: true, ...extra },
    Caught: { Type: 'Pass', End: true },
  },
});

test('Retry: backoff with MaxDelaySeconds on the virtual clock, then success from the mocks', async () => {
  const r = await run(
    task({
      Retry: [
        { ErrorEquals: ['Boom'], IntervalSeconds: 3, BackoffRate: 2, MaxDelaySeconds: 4, MaxAttempts: 3 },
      ],
    }),
    {},
    { mocks: { T: { '0-1': { Throw: { Error: 'Boom', Cause: 'c' } }, '2': { Return: { ok: true } } } } },
  );
  assert.equal(r.status, 'SUCCEEDED');
  assert.deepEqual(r.output, { ok: true });
  assert.equal(types(r).filter((t) => t === 'TaskScheduled').length, 3);
  // waits 3 s then min(6, 4) = 4 s
  assert.equal(r.stopDate, new Date(START + 7000).toISOString());
});

test('Retry exhausted then Catch with ResultPath keeps the input and adds the error output', async () => {
  const r = await run(
    task({
      Retry: [{ ErrorEquals: ['States.ALL'], MaxAttempts: 1 }],
      Catch: [{ ErrorEquals: ['States.TaskFailed'], ResultPath: '$.err', Next: 'Caught' }],
    }),
    { a: 1 },
    { mocks: { T: { '0-5': { Throw: { Error: 'Custom', Cause: 'why' } } } } },
  );
  assert.equal(r.status, 'SUCCEEDED');
  assert.deepEqual(r.output, { a: 1, err: { Error: 'Custom', Cause: 'why' } });
  assert.ok(types(r).includes('TaskStateExited'));
});

test('States.ALL does not catch States.Runtime', async () => {
  const r = await run(
    task({ OutputPath: '$.no.such', Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Caught' }] }),
    {},
    { mocks: { T: { '0': { Return: {} } } } },
  );
  assert.equal(r.status, 'FAILED');
  assert.equal(r.error, 'States.Runtime');
  assert.match(r.cause ?? '', /Missing property in path \$\['no'\]/);
});

test('Task timeout while waiting for a callback fires on simulated time when the host never answers', async () => {
  const host = testHost({ unansweredTask: () => 'wait' });
  const execution = createExecution({
    definition: {
      StartAt: 'T',
      States: {
        T: {
          Type: 'Task',
          Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken',
          TimeoutSeconds: 30,
          End: true,
        },
      },
    },
    host,
  });
  const pending: string[] = [];
  execution.onEvent((e) => {
    if (e.kind === 'pendingTask') pending.push(e.task.token);
  });
  const started = execution.start();
  // The task is pending and external: nothing advances time until someone answers.
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(execution.pendingTasks().length, 1);
  execution.sendTaskHeartbeat(pending[0]);
  execution.sendTaskSuccess(pending[0], { answered: true });
  const r = await started;
  assert.equal(r.status, 'SUCCEEDED');
  assert.deepEqual(r.output, { answered: true });
  assert.deepEqual(types(r).slice(2, 6), ['TaskScheduled', 'TaskStarted', 'TaskSubmitted', 'TaskSucceeded']);
});

test('sendTaskFailure fails the task with the given error and cause', async () => {
  const execution = createExecution({
    definition: {
      StartAt: 'T',
      States: { T: { Type: 'Task', Resource: 'arn:aws:states:us-east-1:1:activity:work', End: true } },
    },
    host: testHost({ unansweredTask: () => 'wait' }),
  });
  execution.onEvent((e) => {
    if (e.kind === 'pendingTask') execution.sendTaskFailure(e.task.token, 'Nope', 'worker said no');
  });
  const r = await execution.start();
  assert.equal(r.error, 'Nope');
  assert.equal(r.cause, 'worker said no');
  assert.ok(types(r).includes('ActivityFailed'));
  assert.throws(() => execution.sendTaskSuccess('unknown-token', {}), /No task is waiting/);
});

test('an unanswered task fails by default with a message naming the state', async () => {
  const r = await run(task());
  assert.equal(r.status, 'FAILED');
  assert.match(r.cause ?? '', /Task state 'T'/);
});

test('execution TimeoutSeconds ends as TIMED_OUT on simulated time', async () => {
  const r = await run({
    TimeoutSeconds: 10,
    StartAt: 'W',
    States: { W: { Type: 'Wait', Seconds: 100, End: true } },
  });
  assert.equal(r.status, 'TIMED_OUT');
  assert.equal(types(r).at(-1), 'ExecutionTimedOut');
  assert.equal(r.stopDate, new Date(START + 10_000).toISOString());
});

test('stop() aborts a waiting execution', async () => {
  const execution = createExecution({
    definition: { StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 100, End: true } } },
    host: testHost(),
    beforeState: () => {
      execution.stop('Stopped', 'by test');
    },
  });
  const r = await execution.start();
  assert.equal(r.status, 'ABORTED');
  assert.equal(types(r).at(-1), 'ExecutionAborted');
});
