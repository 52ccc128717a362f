import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import {
  checkIntrinsicCall,
  INTRINSIC_FUNCTIONS,
  intrinsicCallAt,
  looksLikeIntrinsic,
  parseIntrinsic,
  type IntrinsicCall,
} from '../../../server/src/asl';

function call(text: string): IntrinsicCall {
  const r = parseIntrinsic(text);
  assert.ok(r.ok, `expected ${text} to parse: ${r.ok ? '' : r.error.message}`);
  return r.call;
}

function codes(text: string): string[] {
  return checkIntrinsicCall(call(text)).map((p) => p.code);
}

test('the catalogue has the 18 AWS functions with arity and examples that check clean', () => {
  assert.equal(INTRINSIC_FUNCTIONS.size, 18);
  for (const [name, sig] of INTRINSIC_FUNCTIONS) {
    assert.equal(sig.name, name);
    assert.ok(sig.description.length > 10 && sig.example.startsWith(name + '('), name);
    assert.deepEqual(checkIntrinsicCall(call(sig.example)), [], sig.example);
  }
  assert.equal(INTRINSIC_FUNCTIONS.get('States.Format')!.maxArgs, Infinity);
  assert.equal(INTRINSIC_FUNCTIONS.get('States.MathRandom')!.minArgs, 2);
  assert.equal(INTRINSIC_FUNCTIONS.get('States.MathRandom')!.maxArgs, 3);
  assert.equal(INTRINSIC_FUNCTIONS.get('States.UUID')!.maxArgs, 0);
});

test('parses literals, paths and nested calls with offsets', () => {
  const c = call("States.Format('a {} b {}', $.x[0], States.MathAdd($$.Map.Item.Index, -1))");
  assert.equal(c.name, 'States.Format');
  assert.equal(c.nameOffset, 0);
  assert.equal(c.nameLength, 13);
  assert.deepEqual(
    c.args.map((a) => a.kind),
    ['string', 'path', 'call'],
  );
  assert.equal(c.args[0].value, 'a {} b {}');
  assert.equal(c.args[1].offset, 27);
  assert.equal(c.args[1].path!.text, '$.x[0]');
  const inner = c.args[2].call!;
  assert.equal(inner.name, 'States.MathAdd');
  assert.equal(inner.args[0].path!.root, 'context');
  assert.equal(inner.args[1].value, -1);
  assert.equal(c.length, "States.Format('a {} b {}', $.x[0], States.MathAdd($$.Map.Item.Index, -1))".length);

  const v = call('States.Array($myVar.list, true, null, 1.5)');
  assert.equal(v.args[0].path!.variableName, 'myVar');
  assert.deepEqual(
    v.args.map((a) => a.value),
    [undefined, true, null, 1.5],
  );
  assert.equal(
    call("States.Format('{}', $.detail['flow-name'])").args[1].path!.text,
    "$.detail['flow-name']",
  );
  assert.equal(call('States.UUID()').args.length, 0);
});

test("string escapes: \\' \\{ \\} \\\\ are resolved, raw text is kept for Format", () => {
  const a = call("States.Format('it\\'s \\{literal\\} \\\\ {}', $.x)").args[0];
  assert.equal(a.value, "it's {literal} \\ {}");
  assert.equal(a.raw, "it\\'s \\{literal\\} \\\\ {}");
  assert.deepEqual(codes("States.Format('\\{\\} {}', $.x)"), []);
});

test('syntax errors point at the problem', () => {
  const bad = (text: string) => {
    const r = parseIntrinsic(text);
    assert.ok(!r.ok, text);
    return r.error;
  };
  assert.equal(bad("States.Format('abc").offset, 14);
  assert.equal(bad('States.Format($.a $.b)').offset, 18);
  assert.equal(bad('States.Format("x")').offset, 14);
  assert.equal(bad('States.Array(foo)').offset, 13);
  assert.equal(bad('States.Array($.a b)').offset, 17);
  assert.equal(bad('States.Array($.a..)').offset, 16);
  assert.equal(bad('States.Array(1) tail').offset, 16);
  assert.equal(bad('States.Array(1,').offset, 15);
  const deep = 'States.Array('.repeat(11) + ')'.repeat(11);
  assert.match(bad(deep).message, /nested at most 10/);
  assert.equal(parseIntrinsic('States.Array('.repeat(10) + ')'.repeat(10)).ok, true);
});

test('static checks: unknown names, arity, literal kinds, Format placeholders', () => {
  assert.deepEqual(codes('States.Nope(1)'), ['unknown-intrinsic']);
  assert.match(checkIntrinsicCall(call('States.format(1)'))[0].message, /did you mean 'States.Format'/);
  assert.deepEqual(codes('States.MathAdd(1)'), ['intrinsic-arity']);
  assert.deepEqual(codes('States.UUID(1)'), ['intrinsic-arity']);
  assert.deepEqual(codes("States.ArrayLength('abc')"), ['intrinsic-argument']);
  assert.deepEqual(codes('States.ArrayPartition($.a, 1.5)'), ['intrinsic-argument']);
  assert.deepEqual(codes("States.Hash($.a, 'SHA-3')"), ['intrinsic-argument']);
  assert.deepEqual(codes("States.JsonToString('x')"), ['intrinsic-argument']);
  assert.deepEqual(codes("States.Format('{} {}', $.a)"), ['intrinsic-argument']);
  assert.deepEqual(codes('States.Format($.t, $.a)'), []);
  assert.deepEqual(codes('States.JsonMerge($.a, $.b, false)'), []);
  const nested = checkIntrinsicCall(call('States.Array(States.Bad())'));
  assert.deepEqual(
    nested.map((p) => [p.code, p.offset, p.length]),
    [['unknown-intrinsic', 13, 10]],
  );
});

test('looksLikeIntrinsic separates calls from paths', () => {
  assert.equal(looksLikeIntrinsic("States.Format('x')"), true);
  assert.equal(looksLikeIntrinsic('  States.UUID ()'), true);
  assert.equal(looksLikeIntrinsic('$.a'), false);
  assert.equal(looksLikeIntrinsic('$.a.length()'), false);
});

test('intrinsicCallAt finds the open call and argument index in unfinished text', () => {
  const text = "States.Format('a, {}', States.MathAdd($.x[?(@.a, 1)], ";
  assert.deepEqual(intrinsicCallAt(text, text.length), {
    name: 'States.MathAdd',
    nameOffset: 23,
    argIndex: 1,
  });
  assert.deepEqual(intrinsicCallAt(text, 16), { name: 'States.Format', nameOffset: 0, argIndex: 0 });
  assert.deepEqual(intrinsicCallAt(text, 23), { name: 'States.Format', nameOffset: 0, argIndex: 1 });
  const done = 'States.Array(States.UUID(), ';
  assert.deepEqual(intrinsicCallAt(done, done.length), { name: 'States.Array', nameOffset: 0, argIndex: 1 });
  assert.equal(intrinsicCallAt('$.a', 3), undefined);
  assert.equal(intrinsicCallAt('States.UUID()', 13), undefined);
});
