// Hostile input: __proto__/constructor keys stay plain data in definitions, JSONata results, intrinsics and
// executions (Object.prototype is checked after each); 10 MB strings validate; endless JSONata is bounded and
// fails with States.QueryEvaluationError; payloads over 256 KiB fail with States.DataLimitExceeded as AWS does.
import { afterEach, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseIntrinsic, parseStateMachine } from '../../../server/src/asl';
import { evaluateIntrinsic } from '../../../server/src/runtime/intrinsicFunctions';
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

// Known bug (robustness report): jsonataEvaluator.ts toJson copies results with `out[k] = ...`, so an own
// "__proto__" key in a result becomes the result's prototype instead of data. Marked todo until fixed.
test(
  'JSONata results keep an own __proto__ key as data, with the ordinary prototype',
  { todo: 'jsonataEvaluator toJson assigns out["__proto__"]' },
  async () => {
    const bindings = { states: { input: JSON.parse(HOSTILE_JSON) as unknown, context: {} }, variables: {} };
    for (const expression of HOSTILE_JSONATA) {
      const result = await evaluateJsonata(expression, bindings, host);
      assert.equal(Object.getPrototypeOf(result), Object.prototype, expression);
      assert.ok(Object.keys(result as object).includes('__proto__'), expression);
    }
  },
);

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
    evaluateJsonata('($f := function($x){ $f($x) }; $f(1))', bindings, { ...host, maxSteps: 200_000 }),
    (e: unknown) =>
      e instanceof QueryEvaluationError && e.kind === 'limit' && /could not be evaluated/.test(e.cause),
  );
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
