import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testState } from '../../../server/src/runtime/testState';
import { testHost } from './runtimeTestHost';

test('TestState: a JSONPath Pass with DEBUG inspection data', async () => {
  const r = await testState({
    definition: {
      Type: 'Pass',
      InputPath: '$.a',
      Parameters: { 'v.$': '$.b' },
      ResultPath: '$.out',
      Next: 'After',
    },
    input: { a: { b: 1 } },
    inspectionLevel: 'DEBUG',
    host: testHost(),
  });
  assert.equal(r.status, 'SUCCEEDED');
  assert.equal(r.nextState, 'After');
  assert.deepEqual(r.output, { a: { b: 1 }, out: { v: 1 } });
  assert.deepEqual(r.inspectionData, {
    input: { a: { b: 1 } },
    afterInputPath: { b: 1 },
    afterParameters: { v: 1 },
    afterResultSelector: { v: 1 },
    afterResultPath: { a: { b: 1 }, out: { v: 1 } },
  });
});

test('TestState: a Choice picks the next state; a state is taken from a whole machine by name', async () => {
  const r = await testState({
    definition: {
      QueryLanguage: 'JSONata',
      StartAt: 'C',
      States: {
        C: {
          Type: 'Choice',
          Choices: [{ Condition: '{% $states.input.n > 1 %}', Next: 'Big' }],
          Default: 'Small',
        },
        Big: { Type: 'Succeed' },
        Small: { Type: 'Succeed' },
      },
    },
    stateName: 'C',
    input: { n: 5 },
    host: testHost(),
  });
  assert.equal(r.status, 'SUCCEEDED');
  assert.equal(r.nextState, 'Big');
});

test('TestState: a mocked task error is RETRIABLE while a retrier has attempts left, then CAUGHT_ERROR', async () => {
  const definition = {
    Type: 'Task',
    Resource: 'arn:aws:states:::lambda:invoke',
    Retry: [{ ErrorEquals: ['Boom'], MaxAttempts: 2, IntervalSeconds: 2 }],
    Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Handler' }],
    End: true,
  };
  const mock = { errorOutput: { error: 'Boom', cause: 'c' } };
  const retriable = await testState({ definition, mock, inspectionLevel: 'DEBUG', host: testHost() });
  assert.equal(retriable.status, 'RETRIABLE');
  assert.deepEqual(retriable.inspectionData?.errorDetails, { retryBackoffIntervalSeconds: 2, retryIndex: 0 });
  const caught = await testState({
    definition,
    mock,
    stateConfiguration: { retrierRetryCount: 2 },
    host: testHost(),
  });
  assert.equal(caught.status, 'CAUGHT_ERROR');
  assert.equal(caught.nextState, 'Handler');
  assert.deepEqual(caught.output, { Error: 'Boom', Cause: 'c' });
});
