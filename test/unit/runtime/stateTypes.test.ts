import assert from 'node:assert/strict';
import { test } from 'node:test';
import { run, START, types } from './runtimeTestHost';

test('Pass: Result placed by ResultPath, OutputPath selects', async () => {
  const r = await run(
    {
      StartAt: 'A',
      States: { A: { Type: 'Pass', Result: { v: 1 }, ResultPath: '$.r', OutputPath: '$.r', End: true } },
    },
    { keep: true },
  );
  assert.equal(r.status, 'SUCCEEDED');
  assert.deepEqual(r.output, { v: 1 });
  assert.deepEqual(types(r), [
    'ExecutionStarted',
    'PassStateEntered',
    'PassStateExited',
    'ExecutionSucceeded',
  ]);
});

test('Pass: Parameters payload template with .$ paths, context object and intrinsics', async () => {
  const r = await run(
    {
      StartAt: 'A',
      States: {
        A: {
          Type: 'Pass',
          Parameters: {
            'name.$': '$.who',
            'state.$': '$$.State.Name',
            'greeting.$': "States.Format('hi {}', $.who)",
          },
          End: true,
        },
      },
    },
    { who: 'ann' },
  );
  assert.deepEqual(r.output, { name: 'ann', state: 'A', greeting: 'hi ann' });
});

test('Choice: first matching rule wins, Default otherwise, NoChoiceMatched without Default', async () => {
  const def = (withDefault: boolean) => ({
    StartAt: 'C',
    States: {
      C: {
        Type: 'Choice',
        Choices: [
          { Not: { Variable: '$.n', IsPresent: true }, Next: 'Missing' },
          {
            And: [
              { Variable: '$.n', NumericGreaterThan: 1 },
              { Variable: '$.s', StringMatches: 'a*z' },
            ],
            Next: 'Big',
          },
        ],
        ...(withDefault ? { Default: 'Other' } : {}),
      },
      Big: { Type: 'Pass', Result: 'big', End: true },
      Missing: { Type: 'Pass', Result: 'missing', End: true },
      Other: { Type: 'Pass', Result: 'other', End: true },
    },
  });
  assert.equal((await run(def(true), { n: 5, s: 'abcz' })).output, 'big');
  assert.equal((await run(def(true), {})).output, 'missing');
  assert.equal((await run(def(true), { n: 0, s: 'x' })).output, 'other');
  const none = await run(def(false), { n: 0 });
  assert.equal(none.status, 'FAILED');
  assert.equal(none.error, 'States.NoChoiceMatched');
});

test('Wait: simulated time advances instantly and shows in history timestamps', async () => {
  const r = await run({ StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 3600, End: true } } });
  assert.equal(r.status, 'SUCCEEDED');
  const exited = r.history.find((e) => e.type === 'WaitStateExited');
  assert.equal(exited?.timestamp, new Date(START + 3_600_000).toISOString());
});

test('Wait: SecondsPath with a negative value is States.Runtime with the AWS wording', async () => {
  const r = await run(
    { StartAt: 'W', States: { W: { Type: 'Wait', SecondsPath: '$.s', End: true } } },
    { s: -1 },
  );
  assert.equal(r.error, 'States.Runtime');
  assert.match(
    r.cause ?? '',
    /entered at the event id #2\)\. The SecondsPath parameter references a negative value/,
  );
});

test('Succeed and Fail (with ErrorPath/CausePath)', async () => {
  const ok = await run({ StartAt: 'S', States: { S: { Type: 'Succeed', OutputPath: '$.a' } } }, { a: 7 });
  assert.equal(ok.output, 7);
  const bad = await run(
    { StartAt: 'F', States: { F: { Type: 'Fail', ErrorPath: '$.e', CausePath: '$$.State.Name' } } },
    { e: 'Oops' },
  );
  assert.equal(bad.status, 'FAILED');
  assert.equal(bad.error, 'Oops');
  assert.equal(bad.cause, 'F');
  assert.deepEqual(types(bad), ['ExecutionStarted', 'FailStateEntered', 'ExecutionFailed']);
});

test('JSONata: Output, Assign takes effect in the next state, undefined result is QueryEvaluationError', async () => {
  const r = await run(
    {
      QueryLanguage: 'JSONata',
      StartAt: 'A',
      States: {
        A: { Type: 'Pass', Assign: { x: 41 }, Output: '{% $states.input.v %}', Next: 'B' },
        B: { Type: 'Pass', Output: { sum: '{% $x + 1 %}', was: '{% $states.input %}' }, End: true },
      },
    },
    { v: 'in' },
  );
  assert.deepEqual(r.output, { sum: 42, was: 'in' });
  const bad = await run({
    QueryLanguage: 'JSONata',
    StartAt: 'A',
    States: { A: { Type: 'Pass', Output: '{% $nope %}', End: true } },
  });
  assert.equal(bad.error, 'States.QueryEvaluationError');
  assert.match(bad.cause ?? '', /returned nothing \(undefined\)/);
  assert.deepEqual(types(bad), [
    'ExecutionStarted',
    'PassStateEntered',
    'EvaluationFailed',
    'ExecutionFailed',
  ]);
});

test('InputPath on a missing field fails with States.Runtime naming the path', async () => {
  const r = await run(
    { StartAt: 'A', States: { A: { Type: 'Pass', InputPath: '$.missing', End: true } } },
    {},
  );
  assert.equal(r.error, 'States.Runtime');
  assert.match(r.cause ?? '', /Invalid path '\$\.missing' : No results for path: \$\['missing'\]/);
});
