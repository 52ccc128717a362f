import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { StateInspection } from '../../../server/src/runtime';
import { buildInspectionData, retrierDecision } from '../../../server/src/runtime/testStateInspection';

const seen = (fields: Partial<StateInspection>): StateInspection => ({
  stateName: 'S',
  statePath: [] as unknown as StateInspection['statePath'],
  stateType: 'Choice',
  input: { a: 1 },
  context: {},
  variables: {},
  retryCount: 0,
  ...fields,
});

test('inspection: Choice/Fail report afterInputPath in JSONPath and only the input in JSONata', () => {
  const i = seen({ afterInputPath: { a: 1 } });
  assert.deepEqual(buildInspectionData(i, { def: { Type: 'Choice' }, jsonata: false, input: { a: 1 } }), {
    input: '{"a":1}',
    afterInputPath: '{"a":1}',
  });
  assert.deepEqual(buildInspectionData(i, { def: { Type: 'Fail' }, jsonata: true, input: { a: 1 } }), {
    input: '{"a":1}',
  });
});

test('inspection: a Task reports every JSONPath step as JSON text; empty variables are left out', () => {
  const i = seen({
    stateType: 'Task',
    afterInputPath: 'x',
    effectiveInput: { p: 1 },
    result: null,
    afterResultSelector: null,
    afterResultPath: { r: null },
  });
  const data = buildInspectionData(i, { def: { Type: 'Task' }, jsonata: false, input: 'x', variables: {} });
  assert.deepEqual(data, {
    input: '"x"',
    afterInputPath: '"x"',
    afterParameters: '{"p":1}',
    result: 'null',
    afterResultSelector: 'null',
    afterResultPath: '{"r":null}',
  });
});

test('retrier decision: backoff grows per earlier retry, capped by MaxDelaySeconds; exhausted keeps the index', () => {
  const def = {
    Retry: [
      { ErrorEquals: ['Other'] },
      {
        ErrorEquals: ['States.ALL'],
        IntervalSeconds: 3,
        BackoffRate: 2,
        MaxAttempts: 4,
        MaxDelaySeconds: 10,
      },
    ],
  };
  assert.deepEqual(retrierDecision(def, 'Boom', 0), { retryBackoffIntervalSeconds: 3, retryIndex: 1 });
  assert.deepEqual(retrierDecision(def, 'Boom', 1), { retryBackoffIntervalSeconds: 6, retryIndex: 1 });
  assert.deepEqual(retrierDecision(def, 'Boom', 2), { retryBackoffIntervalSeconds: 10, retryIndex: 1 });
  assert.deepEqual(retrierDecision(def, 'Boom', 4), { retryIndex: 1 });
  assert.deepEqual(retrierDecision(def, 'Other', 0), { retryBackoffIntervalSeconds: 1, retryIndex: 0 });
  // States.Runtime is never retried.
  assert.equal(retrierDecision(def, 'States.Runtime', 0), undefined);
});

test('inspection: a ResultSelector that failed leaves afterResultSelector out (no raw-result stand-in)', () => {
  const i = seen({ stateType: 'Task', afterInputPath: {}, effectiveInput: {}, result: { a: 1 } });
  const def = { Type: 'Task', ResultSelector: { 'b.$': '$.missing' } };
  const data = buildInspectionData(i, { def, jsonata: false, input: {} });
  assert.equal(data.result, '{"a":1}');
  assert.equal('afterResultSelector' in data, false);
  const plain = buildInspectionData(i, { def: { Type: 'Task' }, jsonata: false, input: {} });
  assert.equal(plain.afterResultSelector, '{"a":1}');
});
