import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { INTRINSIC_FUNCTIONS, parseIntrinsic, type JsonPathRoots } from '../../../server/src/asl';
import {
  compactJson,
  evaluateIntrinsic,
  IntrinsicFailure,
  javaNumber,
  javaRandom,
} from '../../../server/src/runtime/intrinsicFunctions';

const host = { random: () => 0.5, uuid: () => '11111111-2222-4333-8444-555555555555' };

function run(text: string, input: unknown = {}, extra: Omit<JsonPathRoots, 'input'> = {}): unknown {
  const parsed = parseIntrinsic(text);
  assert.ok(parsed.ok, text);
  return evaluateIntrinsic(parsed.call, { input, ...extra }, host);
}

function failure(text: string, input: unknown = {}): string {
  try {
    run(text, input);
  } catch (e) {
    assert.ok(e instanceof IntrinsicFailure, `expected IntrinsicFailure, got ${String(e)}`);
    assert.equal(e.error, 'States.IntrinsicFailure');
    return e.cause;
  }
  assert.fail(`${text} should fail`);
}

const fn = (fst: unknown, snd?: unknown, trd?: unknown) => ({ FunctionInput: { fst, snd, trd } });

test('every catalogued function is implemented', () => {
  for (const name of INTRINSIC_FUNCTIONS.keys()) {
    const cause = (() => {
      try {
        run(`${name}()`);
        return '';
      } catch (e) {
        return e instanceof IntrinsicFailure ? e.cause : String(e);
      }
    })();
    assert.doesNotMatch(cause, /not supported/, name);
  }
});

test('States.Format: natural text of values, Java-style objects, escapes, placeholder count', () => {
  const f = "States.Format('fst={} and snd={}.', $.FunctionInput.fst, $.FunctionInput.snd)";
  assert.equal(run(f, fn('', ' ')), 'fst= and snd= .');
  assert.equal(run(f, fn(null, 1)), 'fst=null and snd=1.');
  assert.equal(run(f, fn(1.1, true)), 'fst=1.1 and snd=true.');
  assert.equal(run(f, fn('{"Arg1": 1}', 'x')), 'fst={"Arg1": 1} and snd=x.');
  assert.equal(
    run(f, fn({ Arg1: 1, Arg2: [] }, [1, 'a', { b: null }])),
    'fst={Arg1=1, Arg2=[]} and snd=[1, a, {b=null}].',
  );
  assert.equal(
    run(
      "States.Format('{}', $$.StateMachine)",
      {},
      { context: { StateMachine: { Id: 'arn:sm', Name: 'sm' } } },
    ),
    '{Id=arn:sm, Name=sm}',
  );
  assert.equal(run("States.Format('\\{\\} it\\'s {} \\\\', 'x')"), "{} it's x \\");
  assert.equal(run("States.Format('{} {}', States.MathAdd(1, 1), 1.5E10)"), '2 15000000000');
  assert.match(failure("States.Format('{} {}', 1)"), /does not match the number of placeholders/);
  assert.match(failure("States.Format('{}')"), /\(0\).*\(1\)/);
  assert.match(failure("States.Format('a\\nb {}', 1)"), /Invalid escape sequence '\\n'/);
  assert.match(
    failure('States.Format($.t, 1)', { t: 5 }),
    /first argument of States.Format must be a string/,
  );
  assert.equal(run('States.Format($.t, 1)', { t: 'n={}' }), 'n=1');
});

test('States.MathAdd rounds each argument half up, as AWS does', () => {
  const cases: Array<[number, number, number]> = [
    [-9, 3, -6],
    [1.49, 1.5, 3],
    [1.5, 1.51, 4],
    [-1.49, -1.5, -2],
    [-1.5, -1.51, -3],
    [0.5, 0, 1],
    [-0.5, 0, 0],
    [-0.5, 0.5, 1],
    [-1.5, 0, -1],
    [-1.51, 0, -2],
    [2.5, 0, 3],
    [-2.5, 0, -2],
    [-3.5, 0, -3],
  ];
  for (const [a, b, sum] of cases) {
    assert.equal(
      run('States.MathAdd($.FunctionInput.fst, $.FunctionInput.snd)', fn(a, b)),
      sum,
      `${a} + ${b}`,
    );
  }
  assert.match(failure("States.MathAdd('1', 2)"), /first argument of States.MathAdd must be a number/);
  assert.match(failure('States.MathAdd(2147483648, 0)'), /32-bit integer range/);
});

test('array functions', () => {
  assert.deepEqual(run('States.Array()'), []);
  assert.deepEqual(run('States.Array($.a, null, 1.1, true)', { a: { x: [] } }), [{ x: [] }, null, 1.1, true]);
  const part = 'States.ArrayPartition($.FunctionInput.fst, $.FunctionInput.snd)';
  assert.deepEqual(run(part, fn([], 2)), []);
  assert.deepEqual(run(part, fn([0, 1, 2, 3], 3)), [[0, 1, 2], [3]]);
  assert.deepEqual(run(part, fn([0, 1], 5)), [[0, 1]]);
  assert.match(failure(part, fn([1], 0)), /must be positive/);
  assert.match(failure(part, fn([1], 1.5)), /must be an integer/);
  const contains = 'States.ArrayContains($.FunctionInput.fst, $.FunctionInput.snd)';
  assert.equal(run(contains, fn([], null)), false);
  assert.equal(run(contains, fn([[1, 2, 3], 2], [1, 2, 3])), true);
  assert.equal(run(contains, fn([{ 1: 2, 2: [] }], { 2: [], 1: 2 })), true);
  assert.equal(run(contains, fn([true, false], false)), true);
  const range = 'States.ArrayRange($.FunctionInput.fst, $.FunctionInput.snd, $.FunctionInput.trd)';
  assert.deepEqual(run(range, fn(0, 10, 3)), [0, 3, 6, 9]);
  assert.deepEqual(run(range, fn(1, 9, 9)), [1]);
  assert.deepEqual(run(range, fn(9, 1, -4)), [9, 5, 1]);
  assert.deepEqual(run(range, fn(1, 0, 1)), []);
  assert.equal((run(range, fn(1, 1000, 1)) as number[]).length, 1000);
  assert.match(failure(range, fn(0, 1000, 1)), /1001 elements; at most 1000/);
  assert.match(failure(range, fn(0, 5, 0)), /must not be 0/);
  assert.equal(
    run('States.ArrayGetItem($.FunctionInput.fst, $.FunctionInput.snd)', fn([1, 2, 3, 4, 5, 6], 5)),
    6,
  );
  assert.match(failure('States.ArrayGetItem($.a, 3)', { a: [1] }), /index 3 is out of bounds/);
  assert.match(failure('States.ArrayGetItem($.a, -1)', { a: [1] }), /out of bounds/);
  assert.equal(run('States.ArrayLength($.a)', { a: [1, 2, 3] }), 3);
  assert.match(failure("States.ArrayLength('x')"), /must be an array, but was string/);
  assert.deepEqual(
    run('States.ArrayUnique($.a)', {
      a: [null, null, 1, 1, 1.1, 'x', 'x', [], [], { a: 1, b: 2 }, { b: 2, a: 1 }, { a: 1, b: 1 }],
    }),
    [null, 1, 1.1, 'x', [], { a: 1, b: 2 }, { a: 1, b: 1 }],
  );
});

test('string and JSON functions', () => {
  const split = 'States.StringSplit($.FunctionInput.fst, $.FunctionInput.snd)';
  assert.deepEqual(run(split, fn(' , ', ',')), [' ', ' ']);
  assert.deepEqual(run(split, fn(', , ,', ',')), [' ', ' ']);
  assert.deepEqual(run(split, fn(',,,,', ',')), []);
  assert.deepEqual(run(split, fn('This.is+a,test=string', '.+,=')), ['This', 'is', 'a', 'test', 'string']);
  assert.deepEqual(run(split, fn('split on T and \nnew line', 'T\n')), ['split on ', ' and ', 'new line']);
  assert.deepEqual(run("States.StringSplit('Hello\nWorld', '\n')"), ['Hello', 'World']);
  const toJson = 'States.StringToJson($.s)';
  assert.equal(run(toJson, { s: '' }), null);
  assert.equal(run(toJson, { s: ' ' }), null);
  assert.equal(run(toJson, { s: '-0' }), -0);
  assert.deepEqual(run(toJson, { s: '{"Arg1": 1, "Arg2": []}' }), { Arg1: 1, Arg2: [] });
  assert.match(failure(toJson, { s: '{oops' }), /not valid JSON/);
  const toString = 'States.JsonToString($.v)';
  assert.equal(run(toString, { v: null }), 'null');
  assert.equal(run(toString, { v: 1.1 }), '1.1');
  assert.equal(run(toString, { v: 'HelloWorld' }), '"HelloWorld"');
  assert.equal(run(toString, { v: { Arg1: 1, Arg2: [1, 'x'] } }), '{"Arg1":1,"Arg2":[1,"x"]}');
  assert.match(failure("States.JsonToString('x')"), /must be a path/);
  assert.deepEqual(
    run('States.JsonMerge(States.StringToJson(\'{"constant": "false"}\'), $.b, false)', { b: { x: 1 } }),
    { constant: 'false', x: 1 },
  );
  assert.deepEqual(
    run('States.JsonMerge($.a, $.b, false)', {
      a: { a: { a1: 1 }, b: 2, d: 3 },
      b: { a: { a3: 1 }, c: 3, d: 4 },
    }),
    {
      a: { a3: 1 },
      b: 2,
      c: 3,
      d: 4,
    },
  );
  assert.match(failure('States.JsonMerge($.a, $.a, true)', { a: {} }), /shallow merges only/);
  assert.match(failure('States.JsonMerge($.a, $.a, false)', { a: [] }), /must be an object, but was array/);
});

test('encoding and hashing', () => {
  assert.equal(run("States.Base64Encode('Data to encode')"), 'RGF0YSB0byBlbmNvZGU=');
  assert.equal(run("States.Base64Encode('')"), '');
  assert.equal(run("States.Base64Encode('héllo ✓')"), 'aMOpbGxvIOKckw==');
  assert.equal(run("States.Base64Decode('RGF0YSB0byBlbmNvZGU=')"), 'Data to encode');
  assert.equal(run("States.Base64Decode('aMOpbGxvIOKckw==')"), 'héllo ✓');
  assert.match(failure("States.Base64Decode('***')"), /not valid Base64/);
  assert.match(failure('States.Base64Encode($.s)', { s: 'x'.repeat(10_001) }), /exceeds 10000 characters/);
  const hash = (alg: string) => run(`States.Hash('input data', '${alg}')`);
  assert.equal(hash('MD5'), '812f45842bc6d66ee14572ce20db8e86');
  assert.equal(hash('SHA-1'), 'aaff4a450a104cd177d28d18d74485e8cae074b7');
  assert.equal(hash('SHA-256'), 'b4a697a057313163aee33cd8d40c66e9f0f177e00cac2de32475ffff6169c3e3');
  assert.equal(
    hash('SHA-384'),
    'd28a7d5cf25a74f11a50a18452b75e04bb3d70c9dd0510d6123aa008c756511b87525bdc835ebb27e1fb9e9374a15562',
  );
  assert.equal(
    hash('SHA-512'),
    '6ce4adb348546d4f449c4d25aad9a7c9cb711d9e91982d3f0b29ca2f3f47d4ce2deba23bf2954f0f1d593fc50283731a533d30d425402d4f91316d871303aac4',
  );
  assert.match(failure("States.Hash('x', 'SHA-3')"), /'SHA-3' is not supported/);
});

test('randomness and UUIDs come from the host; a seed gives a repeatable value', () => {
  assert.equal(run('States.MathRandom(1, 10)'), 6); // host.random() = 0.5 over [1, 10]
  assert.equal(run('States.MathRandom(12.5, 44.51)'), 29);
  const seeded = run('States.MathRandom(0, 999, 3)');
  assert.equal(seeded, run('States.MathRandom(0, 999, 3)'));
  assert.ok(typeof seeded === 'number' && seeded >= 0 && seeded <= 999);
  assert.notEqual(run('States.MathRandom(0, 1000000, 4)'), run('States.MathRandom(0, 1000000, 5)'));
  assert.match(failure('States.MathRandom(5, 1)'), /lower than its start/);
  assert.match(failure('States.MathRandom(-2147483648, 2147483647, 1)'), /32-bit integer range/);
  assert.match(
    failure("States.MathRandom(0, 10, 'x')"),
    /third argument of States.MathRandom must be an integer/,
  );
  assert.equal(run('States.UUID()'), host.uuid());
});

test('java.util.Random compatibility and number text', () => {
  // new java.util.Random(42).nextInt() is -1170105035, so its first 31-bit draw is 1562431130:
  // nextInt(10) = 0 and nextInt(100) = 30; nextDouble() is 0.7275636800328681.
  assert.equal(javaRandom(42).nextInt(10), 0);
  assert.equal(javaRandom(42).nextInt(100), 30);
  assert.equal(javaRandom(42).nextInt(16), 11); // power of two: (16 * 1562431130) >> 31
  const d = javaRandom(42).nextDouble();
  assert.ok(Math.abs(d - 0.7275636800328681) < 1e-15, String(d));
  assert.equal(javaNumber(1.1), '1.1');
  assert.equal(javaNumber(1), '1');
  assert.equal(javaNumber(1.5e-7), '1.5E-7');
  assert.equal(javaNumber(12345678.9), '1.23456789E7');
  assert.equal(compactJson({ a: [1, { b: 0.0001 }] }), '{"a":[1,{"b":1.0E-4}]}');
});

test('paths that find nothing and nested calls fail with the path in the cause', () => {
  assert.match(
    failure('States.ArrayLength($.nope)'),
    /The JSONPath '\$.nope' given to States.ArrayLength could not be found/,
  );
  assert.equal(
    run(
      "States.ArrayGetItem(States.StringSplit($$.StateMachine.Name, '-'), States.MathAdd(States.ArrayLength(States.StringSplit($$.StateMachine.Name, '-')), -1))",
      {},
      { context: { StateMachine: { Name: 'order-flow-v2' } } },
    ),
    'v2',
  );
  assert.equal(run('States.ArrayLength($items)', {}, { variables: { items: [1, 2] } }), 2);
  assert.match(failure('States.MathAdd(1)'), /expects 2 arguments but was given 1/);
  assert.match(failure('States.Nope()'), /not supported/);
});
