import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import {
  evaluateJsonata,
  QueryEvaluationError,
  type JsonataBindings,
  type JsonataOptions,
} from '../../../server/src/runtime/jsonataEvaluator';

const options: JsonataOptions = {
  random: () => 0.25,
  uuid: () => 'uuid-1',
  now: () => Date.UTC(2024, 0, 2, 3, 4, 5),
};
const bindings: JsonataBindings = {
  states: {
    input: {
      FunctionInput: { fst: [0, 1, 2], snd: 2 },
      values: [1, 2, 3],
      text: '-0',
      nested: { a: { b: 1 } },
    },
    result: { Payload: 'ok' },
    errorOutput: { Error: 'E', Cause: 'C' },
    context: { Execution: { Id: 'arn:exec' } },
  },
  variables: { answer: 42, config: { retries: 3 } },
};

const ev = (expression: string, extra: Partial<JsonataOptions> = {}) =>
  evaluateJsonata(expression, bindings, { ...options, ...extra });

async function failure(
  expression: string,
  extra: Partial<JsonataOptions> = {},
): Promise<QueryEvaluationError> {
  try {
    await ev(expression, extra);
  } catch (e) {
    assert.ok(e instanceof QueryEvaluationError, `expected QueryEvaluationError, got ${String(e)}`);
    assert.equal(e.error, 'States.QueryEvaluationError');
    return e;
  }
  assert.fail(`${expression} should fail`);
}

test('$states and variables are bound; there is no implicit input document', async () => {
  assert.deepEqual(await ev('$states.input.nested.a'), { b: 1 });
  assert.equal(await ev('$states.result.Payload'), 'ok');
  assert.equal(await ev('$states.errorOutput.Cause'), 'C');
  assert.equal(await ev('$states.context.Execution.Id'), 'arn:exec');
  assert.equal(await ev('$answer + $config.retries'), 45);
  assert.equal(await ev('$sum($states.input.values) + $answer'), 48);
  assert.deepEqual(await ev('$states.input.values.($ * 2)'), [2, 4, 6]);
  assert.equal(await ev('$'), undefined);
  assert.equal(await ev('FunctionInput'), undefined);
  assert.equal(await ev('$doesNotExist'), undefined);
  assert.equal(await ev('$variable := 1'), 1);
});

test('AWS functions: $partition, $range, $hash, $random, $uuid, $parse', async () => {
  assert.deepEqual(await ev('$partition($states.input.FunctionInput.fst, $states.input.FunctionInput.snd)'), [
    [0, 1],
    [2],
  ]);
  assert.deepEqual(await ev('$partition([0], 1)'), [[0]]);
  assert.deepEqual(await ev('$range(0, 9, 3)'), [0, 3, 6, 9]);
  assert.deepEqual(await ev('$range(1, 9, 2)'), [1, 3, 5, 7, 9]);
  assert.equal(await ev('$range(1, 9, 9)'), 1); // AWS unwraps a one-element range
  assert.equal(
    await ev('$hash("input data", "SHA-256")'),
    'b4a697a057313163aee33cd8d40c66e9f0f177e00cac2de32475ffff6169c3e3',
  );
  assert.equal(await ev('$hash("input data", "MD5")'), '812f45842bc6d66ee14572ce20db8e86');
  assert.equal(await ev('$random()'), 0.25);
  const seeded = await ev('$random(7)');
  assert.equal(seeded, await ev('$random(7)'));
  assert.ok(typeof seeded === 'number' && seeded >= 0 && seeded < 1);
  assert.equal(await ev('$uuid()'), 'uuid-1');
  assert.equal(await ev('$parse($states.input.text)'), 0);
  assert.deepEqual(await ev('$parse(\'{"Arg1": 1, "Arg2": []}\')'), { Arg1: 1, Arg2: [] });
  assert.equal(await ev('$now()'), '2024-01-02T03:04:05.000Z');
  assert.equal(await ev('$millis()'), Date.UTC(2024, 0, 2, 3, 4, 5));
  assert.match((await failure('$parse("{oops")')).cause, /^The string given to \$parse is not valid JSON/);
  assert.match((await failure('$hash("x", "SHA-3")')).cause, /'SHA-3' is not supported/);
  assert.match((await failure('$range(0, 5000, 1)')).cause, /at most 1000/);
  assert.match((await failure('$partition([1], 0)')).cause, /positive integer/);
});

test('standard library behaviour is jsonata 2.0.6', async () => {
  assert.deepEqual(await ev('$merge([{"a": 1}, {"b": 2}])'), { a: 1, b: 2 });
  assert.equal(await ev("$contains('hello$world', /^hello\\$/)"), true);
  assert.equal(await ev("$number('2')"), 2);
  assert.equal(await ev('$string({"a": [1, 2]})'), '{"a":[1,2]}');
  assert.deepEqual(await ev('[1..3]'), [1, 2, 3]);
});

test('failures carry the jsonata code and message as AWS reports them', async () => {
  const e = await failure('$randomSeeded($states.input.FunctionInput.fst)');
  assert.equal(e.cause, 'T1006: Attempted to invoke a non-function');
  assert.equal(e.code, 'T1006');
  assert.equal(e.kind, 'evaluation');
  assert.match(
    (await failure('1 + "a"')).cause,
    /^T2002: The right side of the "\+" operator must evaluate to a number$/,
  );
  assert.match((await failure('$error("boom")')).cause, /boom/);
  const syntax = await failure('1 +');
  assert.equal(syntax.kind, 'syntax');
  assert.match(syntax.cause, /^S0207/);
});

test('a function result is an unsupported result type', async () => {
  const e = await failure('$fn := function($x){$x}', { field: 'Items' });
  assert.equal(e.kind, 'unsupported-result');
  assert.equal(
    e.cause,
    "The JSONata expression '$fn := function($x){$x}' specified for the field 'Items' returned an unsupported result type.",
  );
  assert.deepEqual(await ev('{"a": 1, "f": function(){1}, "l": [1, function(){2}]}'), { a: 1, l: [1, null] });
});

test('runaway expressions fail instead of hanging: depth, step and time bounds', async () => {
  const deep = await failure('($f := function($n){ $n + $f($n + 1) }; $f(0))', { maxDepth: 300 });
  assert.equal(deep.kind, 'limit');
  assert.match(deep.cause, /exceeded the maximum depth of 300/);
  // A tail call keeps the depth flat; the step bound still stops it.
  const loop = await failure('($f := function($n){ $f($n + 1) }; $f(0))', { maxSteps: 20_000 });
  assert.match(
    loop.cause,
    /^The JSONata expression .* could not be evaluated\. The evaluation exceeded 20000 steps\.$/,
  );
  // With a clock that jumps ahead, the time bound fires (checked every 1024 steps).
  let t = 0;
  const timed = await failure('($f := function($n){ $f($n + 1) }; $f(0))', {
    now: () => (t += 1000),
    timeoutMs: 5000,
  });
  assert.match(timed.cause, /did not finish within 5000 ms/);
});

test('expressions are never run as JavaScript', async () => {
  assert.equal(await ev('"process.exit(1)"'), 'process.exit(1)');
  assert.equal((await failure('$eval("$exit(1)")')).kind, 'evaluation');
  assert.equal(await ev('$eval("1 + 1")'), 2);
});

test('a compiled expression is shared safely: hosts, clocks and limits are per evaluation', async () => {
  const expression = '[$uuid(), $random(), $millis()]';
  const [a, b] = await Promise.all([
    evaluateJsonata(expression, bindings, { random: () => 0.1, uuid: () => 'a', now: () => 1 }),
    evaluateJsonata(expression, bindings, { random: () => 0.2, uuid: () => 'b', now: () => 2 }),
  ]);
  assert.deepEqual(a, ['a', 0.1, 1]);
  assert.deepEqual(b, ['b', 0.2, 2]);
  const loop = '($f := function($n){ $n > 3000 ? $n : $f($n + 1) }; $f(0))';
  const [bounded, free] = await Promise.allSettled([
    evaluateJsonata(loop, bindings, { ...options, maxSteps: 1000 }),
    evaluateJsonata(loop, bindings, options),
  ]);
  assert.equal(bounded.status, 'rejected');
  assert.deepEqual(free, { status: 'fulfilled', value: 3001 });
});
