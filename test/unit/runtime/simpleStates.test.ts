import assert from 'node:assert/strict';
import { test } from 'node:test';
import { run, types } from './runtimeTestHost';

const jsonataWait = (field: Record<string, unknown>) => ({
  QueryLanguage: 'JSONata',
  StartAt: 'W',
  States: { W: { Type: 'Wait', ...field, End: true } },
});

test('Wait (JSONata): an unparsable Timestamp is an EvaluationFailed QueryEvaluationError', async () => {
  const r = await run(jsonataWait({ Timestamp: '{% $states.input.t %}' }), { t: '2016-12-05T21:29:29' });
  assert.equal(r.status, 'FAILED');
  assert.equal(r.error, 'States.QueryEvaluationError');
  assert.equal(
    r.cause,
    "An error occurred while executing the state 'W' (entered at the event id #2). The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format string: 2016-12-05T21:29:29",
  );
  assert.deepEqual(types(r), ['ExecutionStarted', 'WaitStateEntered', 'EvaluationFailed', 'ExecutionFailed']);
  const evaluation = r.history.find((e) => e.type === 'EvaluationFailed');
  assert.equal(
    (evaluation as unknown as { evaluationFailedEventDetails: { location?: string } })
      .evaluationFailedEventDetails.location,
    'Timestamp',
  );
});

test('Wait (JSONata): a negative Seconds value is an EvaluationFailed QueryEvaluationError', async () => {
  const r = await run(jsonataWait({ Seconds: '{% $states.input.s %}' }), { s: -1 });
  assert.equal(r.error, 'States.QueryEvaluationError');
  assert.deepEqual(types(r), ['ExecutionStarted', 'WaitStateEntered', 'EvaluationFailed', 'ExecutionFailed']);
});

test('Wait (JSONata): a valid Timestamp still waits and exits', async () => {
  const r = await run(jsonataWait({ Timestamp: '{% $states.input.t %}' }), { t: '2030-01-01T00:00:00Z' });
  assert.equal(r.status, 'SUCCEEDED');
  assert.deepEqual(types(r), [
    'ExecutionStarted',
    'WaitStateEntered',
    'WaitStateExited',
    'ExecutionSucceeded',
  ]);
});
