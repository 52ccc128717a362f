// Hostile input: __proto__/constructor keys stay plain data in definitions, JSONata results, intrinsics and
// executions (Object.prototype is checked after each); 10 MB strings validate; endless JSONata is bounded and
// fails with States.QueryEvaluationError; payloads over 256 KiB fail with States.DataLimitExceeded as AWS does.
import { afterEach, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { MAX_SYNTAX_PROBLEMS, parseIntrinsic, parseStateMachine } from '../../../server/src/asl';
import '../../../server/src/asl/parseYaml';
import { evaluateIntrinsic, IntrinsicFailure } from '../../../server/src/runtime/intrinsicFunctions';
import { evaluateJsonata, QueryEvaluationError } from '../../../server/src/runtime/jsonataEvaluator';
import { defaultServiceSettings } from '../../../server/src/service/types';
import { validateStateMachine } from '../../../server/src/service/validation/validateStateMachine';
import { loadCreateExecution } from '../../fuzz/runtimeFuzzer';
import { repoRoot } from '../../support/paths';

const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype).sort();

function assertPrototypeClean(): void {
  assert.deepEqual(Object.getOwnPropertyNames(Object.prototype).sort(), PROTOTYPE_NAMES);
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
}

afterEach(assertPrototypeClean);

const HOSTILE_JSON =
  '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}, "a": 1}';
const HOSTILE_JSONATA = [
  '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}',
  '$merge([$states.input, {"__proto__": {"polluted": true}}])',
  '$states.input',
];
const host = { random: () => 0.25, uuid: () => '00000000-0000-4000-8000-000000000001' };

test('__proto__ and constructor keys in a definition are plain data (parser and validator)', () => {
  const text =
    '{"StartAt": "__proto__", "__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 1}},' +
    ' "States": {"__proto__": {"Type": "Pass", "Parameters": {"__proto__": {"polluted": 2}}, "Next": "constructor"},' +
    ' "constructor": {"Type": "Succeed"}}}';
  const model = parseStateMachine(text, { format: 'json' });
  assert.deepEqual(
    model.states.map((s) => s.name),
    ['__proto__', 'constructor'],
  );
  const states = (model.definition as { States: Record<string, unknown> }).States;
  assert.equal(Object.getPrototypeOf(states), Object.prototype, 'States keeps its ordinary prototype');
  assert.deepEqual(Object.keys(states), ['__proto__', 'constructor']);
  const messages = validateStateMachine(model, defaultServiceSettings).map((d) => String(d.message));
  // The two stray top-level fields are reported; the states named __proto__ and constructor are fine.
  assert.equal(messages.length, 2, messages.join('\n'));
  assert.ok(
    messages.every((m) => /"(__proto__|constructor)" is not a field/.test(m)),
    messages.join('\n'),
  );
});

test('a YAML alias bomb is a located problem and the aliases stop expanding (no hang, no huge model)', () => {
  const lines = ['StartAt: A', 'States:', '  A:', '    Type: Pass', '    End: true', '    Result:'];
  lines.push(`      l0: &l0 [${Array(9).fill('"lol"').join(', ')}]`);
  // 9^12 values if every alias were expanded.
  for (let i = 1; i <= 12; i++) {
    lines.push(
      `      l${i}: &l${i} [${Array(9)
        .fill(`*l${i - 1}`)
        .join(', ')}]`,
    );
  }
  const text = lines.join('\n') + '\n';
  const model = parseStateMachine(text, { format: 'yaml' });
  const problems = model.tree.problems.filter((p) => p.code === 'yaml-alias-limit');
  assert.equal(problems.length, 1, JSON.stringify(model.tree.problems));
  // At the alias being expanded when the budget ran out (one of l5's `*l4`: 9^5 values).
  assert.match(text.slice(problems[0]!.offset, problems[0]!.offset + 4), /^\*l\d+/);
  assert.match(problems[0]!.message, /expand to more than 100,000 values/);
  assert.ok(JSON.stringify(model.definition).length < 2_000_000);
  validateStateMachine(model, defaultServiceSettings);
  // Ordinary aliases still expand.
  const small = parseStateMachine(
    'StartAt: A\nStates:\n  A:\n    Type: Pass\n    End: true\n    Result:\n      a: &x {k: 1}\n      b: *x\n',
    { format: 'yaml' },
  );
  assert.deepEqual(small.tree.problems, []);
  assert.deepEqual((small.states[0]!.definition as { Result?: unknown }).Result, {
    a: { k: 1 },
    b: { k: 1 },
  });
});

test('a megabyte of syntax errors is capped at MAX_SYNTAX_PROBLEMS plus one summary (JSON and YAML)', () => {
  for (const [text, format] of [
    [`{${','.repeat(1_000_000)}}`, 'json'],
    [': - :\n'.repeat(20_000), 'yaml'],
  ] as const) {
    const problems = parseStateMachine(text, { format }).tree.problems;
    assert.equal(problems.length, MAX_SYNTAX_PROBLEMS + 1, format);
    const last = problems[MAX_SYNTAX_PROBLEMS]!;
    assert.equal(last.code, 'too-many-problems');
    assert.match(last.message, /^[\d,]+ more syntax problems from here on are not shown/);
    assert.ok(last.offset >= problems[MAX_SYNTAX_PROBLEMS - 1]!.offset, format);
  }
});

test('a 10 MB string in a definition parses and validates without problems', () => {
  const text = `{"StartAt": "A", "States": {"A": {"Type": "Pass", "Result": "${'x'.repeat(10 * 1024 * 1024)}", "End": true}}}`;
  const model = parseStateMachine(text, { format: 'json' });
  assert.deepEqual(model.tree.problems, []);
  assert.deepEqual(validateStateMachine(model, defaultServiceSettings), []);
});

test('the CLI validates a 10 MB definition: exit 0, nothing printed', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'asl-hostile-'));
  try {
    const file = path.join(dir, 'big.asl.json');
    fs.writeFileSync(
      file,
      `{"StartAt": "A", "States": {"A": {"Type": "Pass", "Result": "${'y'.repeat(10 * 1024 * 1024)}", "End": true}}}`,
    );
    const cli = path.join(repoRoot, 'out', 'server', 'src', 'cli', 'cliMain.js');
    const r = spawnSync(process.execPath, [cli, 'validate', file], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, '');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('JSONata over __proto__/constructor keys never pollutes Object.prototype', async () => {
  const bindings = { states: { input: JSON.parse(HOSTILE_JSON) as unknown, context: {} }, variables: {} };
  for (const expression of HOSTILE_JSONATA) {
    await evaluateJsonata(expression, bindings, host);
    assertPrototypeClean();
  }
});

test('JSONata results keep an own __proto__ key as data, with the ordinary prototype', async () => {
  const bindings = { states: { input: JSON.parse(HOSTILE_JSON) as unknown, context: {} }, variables: {} };
  for (const expression of [
    '$states.input',
    '$merge([$states.input, {"b": 2}])',
    '$parse($string($states.input))',
  ]) {
    const result = (await evaluateJsonata(expression, bindings, host)) as Record<string, unknown>;
    assert.equal(Object.getPrototypeOf(result), Object.prototype, expression);
    assert.ok(Object.prototype.hasOwnProperty.call(result, '__proto__'), expression);
    assert.deepEqual(result['__proto__'], { polluted: true }, expression);
    assert.equal(Object.getPrototypeOf(result['__proto__']), Object.prototype, expression);
  }
  // jsonata 2.0.6 itself drops a "__proto__" key written in an object constructor (it groups keys in a
  // plain object): the result is still ordinary data, never a different prototype.
  const built = await evaluateJsonata('{"__proto__": {"polluted": true}, "b": 1}', bindings, host);
  assert.equal(Object.getPrototypeOf(built), Object.prototype);
  assert.deepEqual(Object.keys(built as object), ['b']);
});

test('own fields named constructor/__proto__/toString read as data in JSONata', async () => {
  const input = JSON.parse(
    '{"constructor": {"prototype": 5}, "toString": "s", "list": [{"valueOf": 1}, {"valueOf": 2}]}',
  );
  const bindings = { states: { input: input as unknown, context: {} }, variables: { constructor: 'var' } };
  assert.equal(await evaluateJsonata('$states.input.constructor.prototype', bindings, host), 5);
  assert.equal(await evaluateJsonata('$states.input.toString', bindings, host), 's');
  assert.deepEqual(await evaluateJsonata('$states.input.list.valueOf', bindings, host), [1, 2]);
  assert.equal(await evaluateJsonata('$lookup($states.input, "toString")', bindings, host), 's');
  assert.equal(await evaluateJsonata('$constructor', bindings, host), 'var');
  assert.deepEqual(await evaluateJsonata('$lookup($states.input.list, "valueOf")', bindings, host), [1, 2]);
});

// jsonata reads fields with obj[key] and calls any JavaScript function it reaches (with the context as
// `this`): without the guard, `$states.input.__proto__.__defineGetter__(...)` polluted Object.prototype.
const MEMBER_ATTACKS = [
  '($x := $states.input.__proto__.__defineGetter__("polluted", function(){"yes"}); 1)',
  '$states.input.__proto__.__defineSetter__("polluted", function($v){$v})',
  '{"a": 1}.__defineGetter__("polluted", function(){"yes"})',
  '$states.input.constructor.constructor("return process")()',
  '$lookup($states.input, "constructor")',
  '($f := $lookup($states.input, "__defineGetter__"); $states.input.__proto__.$f("polluted", function(){1}))',
  '$states.input.__proto__.$__defineGetter__("polluted", function(){1})',
  '$states.input.toString()',
  '[[$states.input]].hasOwnProperty("a")',
  '$states.input.valueOf()',
];

test('JSONata cannot reach or call built-in JavaScript members (QueryEvaluationError, prototype clean)', async () => {
  const bindings = { states: { input: { a: 1 }, context: {} }, variables: {} };
  for (const expression of MEMBER_ATTACKS) {
    await assert.rejects(
      evaluateJsonata(expression, bindings, host),
      (e: unknown) => {
        assert.ok(e instanceof QueryEvaluationError, `${expression}: ${String(e)}`);
        assert.equal(e.kind, 'evaluation', expression);
        // A variable is never a built-in (jsonata's frames are own-property lookups): that one is T1006.
        assert.match(e.cause, /names a built-in JavaScript member, not data|^T1006/, expression);
        return true;
      },
      expression,
    );
    assertPrototypeClean();
  }
  // Reading the prototype object itself is harmless data: an empty object.
  assert.deepEqual(await evaluateJsonata('$states.input.__proto__', bindings, host), {});
});

test('States.StringToJson and States.JsonMerge keep __proto__ as data', () => {
  const roots = { input: JSON.parse(HOSTILE_JSON) as unknown, context: {} };
  const call = (text: string): unknown => {
    const parsed = parseIntrinsic(text);
    assert.ok(parsed.ok, `${text} parses`);
    return evaluateIntrinsic(parsed.call, roots, host);
  };
  const parsed = call(`States.StringToJson('{"__proto__": {"polluted": 4}}')`) as Record<string, unknown>;
  assert.equal(Object.getPrototypeOf(parsed), Object.prototype);
  assert.deepEqual(Object.keys(parsed), ['__proto__']);
  const merged = call('States.JsonMerge($, $.constructor, false)') as Record<string, unknown>;
  assert.equal(Object.getPrototypeOf(merged), Object.prototype);
});

test('intrinsics on hostile sizes: 100,000-deep data fails with IntrinsicFailure, ArrayUnique is linear', () => {
  const deep = JSON.parse('['.repeat(100_000) + ']'.repeat(100_000)) as unknown;
  const distinct = Array.from({ length: 100_000 }, (_, i) => ({ i }));
  const roots = {
    input: { deep, distinct, mixed: [{ a: 1, b: 2 }, { b: 2, a: 1 }, 1, '1', [1], [1], null] },
    context: {},
  };
  const call = (text: string): unknown => {
    const parsed = parseIntrinsic(text);
    assert.ok(parsed.ok, `${text} parses`);
    return evaluateIntrinsic(parsed.call, roots, host);
  };
  for (const text of [
    'States.JsonToString($.deep)',
    'States.ArrayUnique($.deep)',
    "States.Hash($.deep, 'MD5')",
  ]) {
    assert.throws(
      () => call(text),
      (e: unknown) => e instanceof IntrinsicFailure && /nested too deeply|exceeds/.test(e.message),
      text,
    );
  }
  assert.equal((call('States.ArrayUnique($.distinct)') as unknown[]).length, 100_000);
  assert.deepEqual(call('States.ArrayUnique($.mixed)'), [{ a: 1, b: 2 }, 1, '1', [1], null]);
});

test('unbounded JSONata recursion fails with States.QueryEvaluationError (depth bound)', async () => {
  const bindings = { states: { input: {}, context: {} }, variables: {} };
  await assert.rejects(
    evaluateJsonata('($f := function($x){ $f($x) + 1 }; $f(1))', bindings, host),
    (e: unknown) => {
      assert.ok(e instanceof QueryEvaluationError);
      assert.equal(e.error, 'States.QueryEvaluationError');
      assert.equal(e.kind, 'limit');
      return true;
    },
  );
});

test('an endless JSONata tail-call loop is bounded by the step limit', async () => {
  const bindings = { states: { input: {}, context: {} }, variables: {} };
  await assert.rejects(
    evaluateJsonata('($f := function($x){ $f($x) }; $f(1))', bindings, { ...host, maxSteps: 20_000 }),
    (e: unknown) =>
      e instanceof QueryEvaluationError && e.kind === 'limit' && /could not be evaluated/.test(e.cause),
  );
});

test('zero-argument self-calls and long loops are bounded too (QueryEvaluationError, kind limit)', async () => {
  const bindings = { states: { input: {}, context: {} }, variables: {} };
  for (const expression of [
    '($x := function(){ $x() }; $x())',
    '$reduce([1..9999999], function($a, $b){ $a + $b })',
    '$sort([1..100000], function($a, $b){ $a < $b })',
  ]) {
    await assert.rejects(
      evaluateJsonata(expression, bindings, { ...host, maxSteps: 20_000 }),
      (e: unknown) => e instanceof QueryEvaluationError && e.kind === 'limit',
      expression,
    );
  }
});

const createExecution = loadCreateExecution();
const runtimeSkip = createExecution ? false : 'the runtime is not built yet';
const runtimeHost = { now: () => Date.UTC(2026, 0, 1), ...host };

async function execute(definition: unknown, input: unknown, mocks = {}) {
  return createExecution!({ definition, input, mocks, host: runtimeHost }).start();
}

test(
  'executions keep __proto__/constructor input keys as data (JSONPath, JSONata, Assign)',
  { skip: runtimeSkip },
  async () => {
    const input = JSON.parse(HOSTILE_JSON) as unknown;
    const jsonPath = await execute(
      {
        StartAt: 'A',
        States: {
          A: {
            Type: 'Pass',
            Parameters: { 'p.$': '$.__proto__', 'c.$': '$.constructor.prototype' },
            ResultPath: '$.__proto__',
            Next: 'B',
          },
          B: { Type: 'Pass', Assign: { '__proto__.$': '$' }, End: true },
        },
      },
      input,
    );
    assert.equal(jsonPath.status, 'SUCCEEDED', jsonPath.cause);
    assert.deepEqual(Object.keys(jsonPath.output as object), ['__proto__', 'constructor', 'a']);
    assert.deepEqual((jsonPath.output as Record<string, unknown>)['__proto__'], {
      p: { polluted: true },
      c: { polluted: true },
    });
    assertPrototypeClean();
    const jsonata = await execute(
      {
        QueryLanguage: 'JSONata',
        StartAt: 'A',
        States: {
          A: {
            Type: 'Pass',
            Assign: { __proto__: '{% $states.input %}', constructor: 1 },
            Output: '{% $states.input %}',
            End: true,
          },
        },
      },
      input,
    );
    assert.equal(jsonata.status, 'SUCCEEDED', jsonata.cause);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  },
);

test(
  'a task result over 256 KiB fails with States.DataLimitExceeded, which States.ALL catches (AWS-observed)',
  { skip: runtimeSkip },
  async () => {
    const task = { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', End: true };
    const mocks = { A: { '0': { Return: 'x'.repeat(300_000) } } };
    const failed = await execute({ StartAt: 'A', States: { A: task } }, {}, mocks);
    assert.equal(failed.status, 'FAILED');
    assert.equal(failed.error, 'States.DataLimitExceeded');
    assert.ok(failed.cause && failed.cause.length > 0);
    const caught = await execute(
      {
        StartAt: 'A',
        States: {
          A: {
            ...task,
            End: undefined,
            Next: 'Done',
            Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Done' }],
          },
          Done: { Type: 'Pass', End: true },
        },
      },
      {},
      mocks,
    );
    assert.equal(caught.status, 'SUCCEEDED');
    assert.equal((caught.output as Record<string, unknown>).Error, 'States.DataLimitExceeded');
  },
);

test('a JSONata Output over 256 KiB fails with States.DataLimitExceeded', { skip: runtimeSkip }, async () => {
  const result = await execute(
    {
      QueryLanguage: 'JSONata',
      StartAt: 'A',
      States: { A: { Type: 'Pass', Output: '{% $pad("x", 300000) %}', End: true } },
    },
    {},
  );
  assert.equal(result.status, 'FAILED');
  assert.equal(result.error, 'States.DataLimitExceeded');
});

test(
  'an endless JSONata expression in a state fails the execution with States.QueryEvaluationError',
  { skip: runtimeSkip },
  async () => {
    const result = await execute(
      {
        QueryLanguage: 'JSONata',
        StartAt: 'A',
        States: { A: { Type: 'Pass', Output: '{% ($f := function($x){ $f($x) + 1 }; $f(1)) %}', End: true } },
      },
      {},
    );
    assert.equal(result.status, 'FAILED');
    assert.equal(result.error, 'States.QueryEvaluationError');
    assert.match(result.cause ?? '', /could not be evaluated/);
  },
);

// Fixed by runtime-core (cee8c58): payload templates, JSONata Output objects and Assign keep "__proto__" as data.
test(
  'a "__proto__" field in Parameters / JSONata Output templates stays data',
  { skip: runtimeSkip },
  async () => {
    const jsonPath = await execute(
      JSON.parse(
        '{"StartAt":"A","States":{"A":{"Type":"Pass","Parameters":{"__proto__":{"x":1},"p.$":"$.v"},"End":true}}}',
      ),
      { v: 2 },
    );
    assert.deepEqual(Object.keys(jsonPath.output as object), ['__proto__', 'p']);
    const jsonata = await execute(
      JSON.parse(
        '{"QueryLanguage":"JSONata","StartAt":"A","States":{"A":{"Type":"Pass","Output":{"__proto__":{"x":1},"k":"{% 1 %}"},"End":true}}}',
      ),
      {},
    );
    assert.deepEqual(Object.keys(jsonata.output as object), ['__proto__', 'k']);
  },
);

test(
  'a 10 MB execution input ends with States.DataLimitExceeded (no hang, no crash); 10 MB strings work in JSONata',
  { skip: runtimeSkip },
  async () => {
    const big = 'x'.repeat(10 * 1024 * 1024);
    const result = await execute({ StartAt: 'A', States: { A: { Type: 'Pass', End: true } } }, { big });
    assert.equal(result.status, 'FAILED');
    assert.equal(result.error, 'States.DataLimitExceeded');
    assert.ok((result.cause ?? '').length > 0);
    const bindings = { states: { input: { big }, context: {} }, variables: {} };
    assert.equal(await evaluateJsonata('$length($states.input.big)', bindings, host), big.length);
  },
);
