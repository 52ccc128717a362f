import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  historyRequestOf,
  matchesEventTypes,
  matchesInspectionData,
  matchesText,
  matchesValue,
} from './conformanceCompare';

const none = new Set<string>();

test('conformance compare: <...> placeholders match inside strings; declared masks match anything; nothing else does', () => {
  assert.equal(
    matchesValue('arn:<partition>:states:<region>:1:x', 'arn:aws:states:us-east-1:1:x', none),
    true,
  );
  assert.equal(
    matchesValue('arn:<partition>:states:<region>:1:x', 'arn:aws:states:us-east-1:2:x', none),
    false,
  );
  assert.equal(matchesValue('date', '2024-01-01', new Set(['date'])), true);
  assert.equal(matchesValue('date', '2024-01-01', none), false);
  assert.equal(matchesValue({ a: 1 }, { a: 1, b: 2 }, none), false);
  assert.equal(matchesValue([1, 2], [2, 1], none), false);
});

test('conformance compare: causes compare as JSON when both are JSON; null expects no cause', () => {
  assert.equal(matchesText('{"a": 1, "b": [2]}', '{"b":[2],"a":1}', none), true);
  assert.equal(matchesText('{"a": 1}', '{"a":2}', none), false);
  assert.equal(matchesText(null, undefined, none), true);
  assert.equal(matchesText(null, 'x', none), false);
});

test('conformance compare: event types in order, or as a multiset when Parallel-sorted', () => {
  assert.equal(matchesEventTypes(['A', 'B'], ['B', 'A'], false), false);
  assert.equal(matchesEventTypes(['A', 'B'], ['B', 'A'], true), true);
  assert.equal(matchesEventTypes(['A', 'B'], ['A', 'B', 'B'], true), false);
});

test('conformance compare: inspectionData payloads are JSON text compared as JSON, structures as values', () => {
  // The snapshot library parsed texts starting with "{"; others stayed text with the request's spacing.
  const expected = {
    input: { a: 1 },
    afterResultPath: '[{"b": 1}]',
    result: '"x"',
    errorDetails: { catchIndex: 0 },
  };
  const actual = {
    input: '{"a":1}',
    afterResultPath: '[{"b":1}]',
    result: '"x"',
    errorDetails: { catchIndex: 0 },
  };
  assert.equal(matchesInspectionData(expected, actual, none), true);
  // A payload given as a value instead of JSON text is not what AWS answers.
  assert.equal(matchesInspectionData(expected, { ...actual, input: { a: 1 } }, none), false);
  assert.equal(matchesInspectionData(expected, { ...actual, result: '"y"' }, none), false);
  assert.equal(matchesInspectionData(expected, { ...actual, errorDetails: { catchIndex: 1 } }, none), false);
  assert.equal(matchesInspectionData(expected, { ...actual, afterInputPath: '{}' }, none), false);
  const { result: _r, ...missing } = actual;
  assert.equal(matchesInspectionData(expected, missing, none), false);
});

test('conformance history request: reverseOrder[True] in an api snapshot key asks for the reversed history', () => {
  assert.deepEqual(historyRequestOf('api', 'get_execution_history_reverseOrder[True]'), {
    reverseOrder: true,
  });
  assert.deepEqual(historyRequestOf('api', 'get_execution_history_reverseOrder[False]'), {
    reverseOrder: false,
  });
  assert.deepEqual(historyRequestOf('api', 'start_execution'), { reverseOrder: false });
  assert.deepEqual(historyRequestOf('api', undefined), { reverseOrder: false });
  // Only api/ cases are GetExecutionHistory requests.
  assert.deepEqual(historyRequestOf('scenarios', 'x_reverseOrder[True]'), { reverseOrder: false });
});
