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
  // AWS answers the payload fields as JSON text.
  assert.deepEqual(r.inspectionData, {
    input: '{"a":{"b":1}}',
    afterInputPath: '{"b":1}',
    afterParameters: '{"v":1}',
    afterResultSelector: '{"v":1}',
    afterResultPath: '{"a":{"b":1},"out":{"v":1}}',
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

test('TestState: a Pass with Result reports result instead of afterInputPath/afterParameters', async () => {
  const r = await testState({
    definition: { Type: 'Pass', InputPath: '$.a', Parameters: { 'x.$': '$' }, Result: { k: 1 }, End: true },
    input: { a: 2 },
    inspectionLevel: 'TRACE',
    host: testHost(),
  });
  assert.deepEqual(r.output, { k: 1 });
  assert.deepEqual(r.inspectionData, {
    input: '{"a":2}',
    result: '{"k":1}',
    afterResultSelector: '{"k":1}',
    afterResultPath: '{"k":1}',
  });
});

test('TestState: INFO level has no inspection data; a Task reports afterArguments and result in JSONata', async () => {
  const definition = {
    Type: 'Task',
    QueryLanguage: 'JSONata',
    Resource: 'arn:aws:states:::lambda:invoke',
    Arguments: { n: '{% $states.input.n + 1 %}' },
    Output: '{% $states.result.v %}',
    End: true,
  };
  const mock = { result: '{"v": "done"}' };
  const info = await testState({ definition, input: { n: 1 }, mock, host: testHost() });
  assert.equal(info.output, 'done');
  assert.equal(info.inspectionData, undefined);
  const debug = await testState({
    definition,
    input: { n: 1 },
    mock,
    inspectionLevel: 'DEBUG',
    host: testHost(),
  });
  assert.deepEqual(debug.inspectionData, {
    input: '{"n":1}',
    afterArguments: '{"n":2}',
    result: '{"v":"done"}',
  });
});

test('TestState: a mocked Parallel reports only the steps after its branches', async () => {
  const branches = [{ StartAt: 'B', States: { B: { Type: 'Pass', End: true } } }];
  const mock = { result: '[{"b": 1}]' };
  const jsonPath = await testState({
    definition: { Type: 'Parallel', InputPath: '$.p', Branches: branches, ResultPath: '$.r', End: true },
    input: { p: 1 },
    mock,
    inspectionLevel: 'DEBUG',
    host: testHost(),
  });
  assert.deepEqual(jsonPath.output, { p: 1, r: [{ b: 1 }] });
  assert.deepEqual(jsonPath.inspectionData, {
    input: '{"p":1}',
    afterResultSelector: '[{"b":1}]',
    afterResultPath: '{"p":1,"r":[{"b":1}]}',
  });
  const jsonata = await testState({
    definition: {
      Type: 'Parallel',
      QueryLanguage: 'JSONata',
      Arguments: '{% $states.input.p %}',
      Branches: branches,
      End: true,
    },
    input: { p: 1 },
    mock,
    inspectionLevel: 'DEBUG',
    host: testHost(),
  });
  assert.deepEqual(jsonata.output, [{ b: 1 }]);
  assert.deepEqual(jsonata.inspectionData, { input: '{"p":1}' });
});

const mapDefinition = (extra: Record<string, unknown>) => ({
  Type: 'Map',
  QueryLanguage: 'JSONata',
  Items: '{% $states.input.v %}',
  ItemProcessor: { StartAt: 'I', States: { I: { Type: 'Pass', End: true } } },
  End: true,
  ...extra,
});

test('TestState: Map inspection evaluates MaxConcurrency and tolerated failures given as JSONata', async () => {
  const r = await testState({
    definition: mapDefinition({
      MaxConcurrency: '{% $states.input.c %}',
      ToleratedFailurePercentage: '{% $x := 5 %}',
    }),
    input: { v: [1, 2], c: 3 },
    mock: { result: '[1, 1]' },
    inspectionLevel: 'DEBUG',
    host: testHost(),
  });
  assert.equal(r.status, 'SUCCEEDED');
  assert.deepEqual(r.inspectionData, {
    input: '{"v":[1,2],"c":3}',
    maxConcurrency: 3,
    toleratedFailurePercentage: 5,
  });
  const plain = await testState({
    definition: mapDefinition({}),
    input: { v: [1] },
    mock: { result: '[1]' },
    inspectionLevel: 'DEBUG',
    host: testHost(),
  });
  assert.deepEqual(plain.inspectionData, { input: '{"v":[1]}', maxConcurrency: 0 });
});

test('TestState: failed Map iterations matter only against a configured tolerance; catchIndex is reported', async () => {
  const untolerated = await testState({
    definition: mapDefinition({}),
    input: { v: [1, 2, 3] },
    mock: { result: '[0, 0, 1]' },
    stateConfiguration: { mapIterationFailureCount: 2 },
    host: testHost(),
  });
  assert.equal(untolerated.status, 'SUCCEEDED');
  assert.deepEqual(untolerated.output, [0, 0, 1]);
  const caught = await testState({
    definition: mapDefinition({
      ToleratedFailureCount: 1,
      End: undefined,
      Next: 'After',
      Catch: [
        { ErrorEquals: ['Other'], Next: 'Elsewhere' },
        { ErrorEquals: ['States.ExceedToleratedFailureThreshold'], Next: 'Handle' },
      ],
    }),
    input: { v: [1, 2, 3] },
    mock: { result: '[0, 0, 1]' },
    stateConfiguration: { mapIterationFailureCount: 2 },
    inspectionLevel: 'TRACE',
    host: testHost(),
  });
  assert.equal(caught.status, 'CAUGHT_ERROR');
  assert.equal(caught.error, 'States.ExceedToleratedFailureThreshold');
  assert.equal(caught.nextState, 'Handle');
  assert.deepEqual(caught.inspectionData?.errorDetails, { catchIndex: 1 });
});

test('TestState: a retrier that ran out reports its retryIndex with the uncaught failure', async () => {
  const r = await testState({
    definition: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Retry: [
        { ErrorEquals: ['Other'], MaxAttempts: 1 },
        { ErrorEquals: ['Boom'], MaxAttempts: 2 },
      ],
      End: true,
    },
    mock: { errorOutput: { error: 'Boom', cause: 'c' } },
    stateConfiguration: { retrierRetryCount: 2 },
    inspectionLevel: 'DEBUG',
    host: testHost(),
  });
  assert.equal(r.status, 'FAILED');
  assert.equal(r.error, 'Boom');
  assert.deepEqual(r.inspectionData?.errorDetails, { retryIndex: 1 });
});

const givenContext = {
  Execution: { Id: 'arn:aws:states:::execution:M:e', Input: { values: ['a', 'b'] }, Name: 'e' },
  State: { Name: 'Given', EnteredTime: '2025-01-15T10:30:01.500Z', RetryCount: 0 },
  StateMachine: { Id: 'arn:aws:states:::stateMachine:M', Name: 'M' },
  Task: { Token: 'tok-1' },
};

test('TestState: a given context object is $$ as given (also an empty one)', async () => {
  const definition = {
    Type: 'Task',
    Resource: 'arn:aws:states:::lambda:invoke',
    Parameters: { 'name.$': '$$.State.Name', 'input.$': '$$.Execution.Input.values' },
    ResultSelector: { 'ctx.$': '$$' },
    End: true,
  };
  const r = await testState({
    definition,
    input: {},
    mock: { result: '{}' },
    context: givenContext,
    inspectionLevel: 'DEBUG',
    host: testHost(),
  });
  assert.equal(r.status, 'SUCCEEDED');
  assert.deepEqual(r.output, { ctx: givenContext });
  assert.equal(r.inspectionData?.afterParameters, '{"name":"Given","input":["a","b"]}');
  const empty = await testState({
    definition: { ...definition, Parameters: {} },
    input: {},
    mock: { result: '{}' },
    context: {},
    host: testHost(),
  });
  assert.deepEqual(empty.output, { ctx: {} });
});

test('TestState: a mocked callback task runs (not refused as Express) and sees the given task token', async () => {
  const r = await testState({
    definition: {
      Type: 'Task',
      Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken',
      Parameters: { 'TaskToken.$': '$$.Task.Token' },
      ResultPath: '$.r',
      Next: 'N',
    },
    mock: { result: '{"ok": true}' },
    context: givenContext,
    inspectionLevel: 'DEBUG',
    host: testHost(),
  });
  assert.equal(r.status, 'SUCCEEDED');
  assert.equal(r.nextState, 'N');
  assert.deepEqual(r.output, { r: { ok: true } });
  assert.equal(r.inspectionData?.afterParameters, '{"TaskToken":"tok-1"}');
});

test('TestState: a mocked JSONPath Map evaluates ItemsPath (context paths included) and fails on a non-array', async () => {
  const processor = { StartAt: 'I', States: { I: { Type: 'Pass', End: true } } };
  const ok = await testState({
    definition: {
      Type: 'Map',
      ItemsPath: '$$.Execution.Input.values',
      MaxConcurrency: 1,
      ItemProcessor: processor,
      End: true,
    },
    input: ['x'],
    mock: { result: '["A", "B"]' },
    context: givenContext,
    inspectionLevel: 'TRACE',
    host: testHost(),
  });
  assert.equal(ok.status, 'SUCCEEDED');
  assert.deepEqual(ok.output, ['A', 'B']);
  assert.deepEqual(ok.inspectionData, {
    input: '["x"]',
    afterInputPath: '["x"]',
    afterItemsPath: '["a","b"]',
    afterResultSelector: '["A","B"]',
    afterResultPath: '["A","B"]',
    maxConcurrency: 1,
  });
  const bad = await testState({
    definition: { Type: 'Map', ItemsPath: '$$', ItemProcessor: processor, End: true },
    input: ['x'],
    mock: { result: '[]' },
    context: givenContext,
    inspectionLevel: 'TRACE',
    host: testHost(),
  });
  assert.equal(bad.status, 'FAILED');
  assert.equal(bad.error, 'States.Runtime');
  assert.equal(bad.cause, 'Reference path "$" must point to array.');
  assert.deepEqual(bad.inspectionData, { input: '["x"]', afterInputPath: '["x"]' });
});

test('TestState: given variables are visible and reported in inspection data', async () => {
  const r = await testState({
    definition: { Type: 'Pass', QueryLanguage: 'JSONata', Output: '{% $v + 1 %}', End: true },
    variables: { v: 1 },
    inspectionLevel: 'TRACE',
    host: testHost(),
  });
  assert.equal(r.output, 2);
  assert.deepEqual(r.inspectionData, { input: '{}', variables: '{"v":1}' });
});

test('TestState: bad requests fail with a clear message instead of throwing', async () => {
  const cases: Array<[Parameters<typeof testState>[0], RegExp]> = [
    [{ definition: null, host: testHost() }, /must be a JSON object/],
    [{ definition: ['Pass'], host: testHost() }, /must be a JSON object/],
    [{ definition: { End: true }, host: testHost() }, /no 'Type' field/],
    [
      { definition: { StartAt: 'A', States: { A: { Type: 'Pass', End: true } } }, host: testHost() },
      /stateName/,
    ],
    [
      {
        definition: { StartAt: 'A', States: { A: { Type: 'Pass', End: true } } },
        stateName: 'Z',
        host: testHost(),
      },
      /The state 'Z' is not in the definition/,
    ],
    [
      {
        definition: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', End: true },
        host: testHost(),
      },
      /has no answer: give the test a mock/,
    ],
    [
      {
        definition: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', End: true },
        mock: { result: 'not json' },
        host: testHost(),
      },
      /mocked result is not valid JSON/,
    ],
    [
      {
        definition: {
          Type: 'Map',
          ItemsPath: '$.[',
          ItemProcessor: { StartAt: 'I', States: { I: { Type: 'Pass', End: true } } },
          End: true,
        },
        mock: { result: '[]' },
        host: testHost(),
      },
      /^Invalid path '\$\.\['/,
    ],
  ];
  for (const [options, cause] of cases) {
    const r = await testState(options);
    assert.equal(r.status, 'FAILED', String(cause));
    assert.match(r.cause ?? '', cause);
  }
});

test('TestState: an unmocked Map/Parallel runs its iterations; the next state is its own Next, not an inner state', async () => {
  const map = await testState({
    definition: {
      Type: 'Map',
      ItemsPath: '$.v',
      ItemProcessor: { StartAt: 'Inner', States: { Inner: { Type: 'Pass', End: true } } },
      ResultPath: '$.r',
      Next: 'After',
    },
    input: { v: [1, 2] },
    inspectionLevel: 'DEBUG',
    host: testHost(),
  });
  assert.equal(map.status, 'SUCCEEDED');
  assert.equal(map.nextState, 'After');
  assert.deepEqual(map.inspectionData, {
    input: '{"v":[1,2]}',
    afterInputPath: '{"v":[1,2]}',
    afterItemsPath: '[1,2]',
    afterResultSelector: '[1,2]',
    afterResultPath: '{"v":[1,2],"r":[1,2]}',
    maxConcurrency: 0,
  });
  const parallel = await testState({
    definition: {
      Type: 'Parallel',
      Branches: [{ StartAt: 'B', States: { B: { Type: 'Fail', Error: 'Inner', Cause: 'c' } } }],
      Catch: [{ ErrorEquals: ['Inner'], Next: 'Handler' }],
      Next: 'After',
    },
    input: {},
    host: testHost(),
  });
  assert.equal(parallel.status, 'CAUGHT_ERROR');
  assert.equal(parallel.error, 'Inner');
  assert.equal(parallel.nextState, 'Handler');
});
