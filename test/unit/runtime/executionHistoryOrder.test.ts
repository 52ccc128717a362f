/**
 * Execution.history({ reverseOrder }): GetExecutionHistory's reverseOrder lists the same events newest first.
 * Runtime-only test (no transport, no files).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createExecution } from '../../../server/src/runtime';
import { testHost } from './runtimeTestHost';

const twoPasses = {
  StartAt: 'A',
  States: { A: { Type: 'Pass', Next: 'B' }, B: { Type: 'Pass', End: true } },
};

test('history: oldest first by default; reverseOrder lists the same events newest first', async () => {
  const execution = createExecution({ definition: twoPasses, input: {}, host: testHost() });
  await execution.start();
  const forward = execution.history();
  assert.deepEqual(
    forward.map((e) => e.type),
    [
      'ExecutionStarted',
      'PassStateEntered',
      'PassStateExited',
      'PassStateEntered',
      'PassStateExited',
      'ExecutionSucceeded',
    ],
  );
  assert.deepEqual(execution.history({ reverseOrder: false }), forward);
  const reversed = execution.history({ reverseOrder: true });
  assert.deepEqual(
    reversed.map((e) => e.id),
    [6, 5, 4, 3, 2, 1],
  );
  // Same events (ids, previousEventId, details), only the order differs.
  assert.deepEqual([...reversed].reverse(), forward);
  // Reversing a copy leaves the execution's own record (and a later forward read) untouched.
  assert.deepEqual(
    execution.history().map((e) => e.id),
    [1, 2, 3, 4, 5, 6],
  );
});
