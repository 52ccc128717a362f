import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as YAML from 'yaml';
import {
  freeVariableReferences,
  implicitInputReferences,
  isJsonataString,
  JSONATA_FUNCTIONS,
  jsonataCallAt,
  jsonataBody,
  parseJsonataExpression,
  statesReferences,
} from '../../../server/src/asl';
import { conformanceDir, corpusDir } from '../../support/paths';

function refs(expression: string): Array<[string, number]> {
  const r = parseJsonataExpression(expression);
  assert.ok(r.ok, `expected ${expression} to parse`);
  return freeVariableReferences(r.ast).map((v) => [v.name, v.offset]);
}

test('recognises {% %} strings and locates the body', () => {
  assert.equal(isJsonataString('{% $states.input %}'), true);
  assert.equal(isJsonataString('{% $states.input%}'), true);
  assert.equal(isJsonataString('{%%}'), true);
  assert.equal(isJsonataString('$customerName'), false);
  assert.equal(isJsonataString(' {% 1 %}'), false);
  assert.equal(isJsonataString('{%'), false);
  assert.equal(isJsonataString(42), false);
  assert.deepEqual(jsonataBody('{% $x + 1 %}'), { expression: ' $x + 1 ', offset: 2 });
});

test('parse errors carry the offset of the offending token', () => {
  const r = parseJsonataExpression('$x + + 2');
  assert.ok(!r.ok);
  assert.equal(r.error.offset, 5);
  assert.match(r.error.message, /^S0211/);
  const end = parseJsonataExpression('$sum(1');
  assert.ok(!end.ok);
  assert.equal(end.error.offset, 5);
  assert.match(end.error.message, /Expected "\)"/);
  const empty = parseJsonataExpression('  ');
  assert.ok(!empty.ok);
  assert.match(empty.error.message, /empty/);
});

test('free variables exclude bindings, parameters, functions and $states', () => {
  assert.deepEqual(refs('$x + $states.input.a + $sum($list)'), [
    ['x', 0],
    ['list', 28],
  ]);
  assert.deepEqual(refs('($a := 1; $a + $b)'), [['b', 15]]);
  assert.deepEqual(refs('function($p) { $p + $q }'), [['q', 20]]);
  assert.deepEqual(refs('items@$i#$n.($i + $n + $o)'), [['o', 23]]);
  assert.deepEqual(refs('($f := function($n) { $n <= 1 ? 1 : $n * $f($n - 1) }; $f(5))'), []);
  assert.deepEqual(refs('($g := function() { $h() }; $h := function() { 1 }; $g())'), []);
  assert.deepEqual(refs('($x := $x + 1; $x)'), [['x', 7]]);
  assert.deepEqual(refs('$.a'), []);
  assert.deepEqual(refs('$customer.name & " " & $uppercase($customer.surname)'), [
    ['customer', 0],
    ['customer', 34],
  ]);
});

test('the function catalogue has the standard library and the AWS additions', () => {
  for (const name of ['$sum', '$string', '$map', '$now', '$millis', '$eval', '$formatNumber']) {
    assert.ok(JSONATA_FUNCTIONS.has(name), name);
    assert.equal(JSONATA_FUNCTIONS.get(name)!.aws, undefined, name);
  }
  for (const name of ['$partition', '$range', '$hash', '$random', '$uuid', '$parse']) {
    assert.equal(JSONATA_FUNCTIONS.get(name)?.aws, true, name);
  }
  for (const f of JSONATA_FUNCTIONS.values()) assert.ok(f.signature.startsWith(f.name + '('), f.name);
});

function jsonataStrings(value: unknown, out: string[]): string[] {
  if (isJsonataString(value)) out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => jsonataStrings(v, out));
  else if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach((v) => jsonataStrings(v, out));
  }
  return out;
}

test('parses every JSONata string in the valid real-world corpus, none reads the implicit input', () => {
  const realWorld = path.join(corpusDir, 'real-world');
  const files = fs
    .readFileSync(path.join(realWorld, 'EXPECTED.tsv'), 'utf8')
    .split('\n')
    .slice(1)
    .map((l) => l.split('\t'))
    .filter(([file, expected]) => file && expected === 'valid')
    .map(([file]) => file);
  let checked = 0;
  const failures: string[] = [];
  for (const file of files) {
    const text = fs.readFileSync(path.join(realWorld, file), 'utf8');
    const definition: unknown = /\.ya?ml$/.test(file) ? YAML.parse(text) : JSON.parse(text);
    for (const s of jsonataStrings(definition, [])) {
      checked++;
      const body = jsonataBody(s);
      const r = parseJsonataExpression(body.expression);
      if (!r.ok) failures.push(`${file}: ${s} -> ${r.error.message}`);
      else {
        for (const v of freeVariableReferences(r.ast)) {
          assert.equal(body.expression.slice(v.offset, v.offset + v.name.length + 1), '$' + v.name);
        }
        for (const x of implicitInputReferences(r.ast)) {
          failures.push(`${file}: ${s} -> implicit input ${x.text}`);
        }
      }
    }
  }
  console.log(`corpus: ${checked} JSONata expressions parsed, ${failures.length} rejected`);
  assert.deepEqual(failures, []);
  assert.ok(checked > 500, `too few JSONata strings found: ${checked}`);
});

test('jsonataCallAt finds the open $function( call and argument index in unfinished text', () => {
  const text = '$substring($states.input.name, $count([1, 2]), ';
  assert.deepEqual(jsonataCallAt(text, text.length), { name: '$substring', nameOffset: 0, argIndex: 2 });
  assert.deepEqual(jsonataCallAt(text, 38), { name: '$count', nameOffset: 31, argIndex: 0 });
  assert.deepEqual(jsonataCallAt('$join(["a,b", \'c,d\'], ', 22), {
    name: '$join',
    nameOffset: 0,
    argIndex: 1,
  });
  assert.deepEqual(jsonataCallAt('$f(/* a, b */ 1', 15), { name: '$f', nameOffset: 0, argIndex: 0 });
  assert.equal(jsonataCallAt('($x := 1; $x, ', 14), undefined);
  assert.equal(jsonataCallAt('$sum([1])', 9), undefined);
});

test('implicitInputReferences flags $ and bare names at the top level and $$ anywhere', () => {
  const implicit = (expression: string) => {
    const r = parseJsonataExpression(expression);
    assert.ok(r.ok, expression);
    return implicitInputReferences(r.ast).map((x) => [x.kind, x.text, x.offset]);
  };
  assert.deepEqual(implicit('foo'), [['field', 'foo', 0]]);
  assert.deepEqual(implicit(' $.foo'), [['context', '$', 1]]);
  assert.deepEqual(implicit('$count(items)'), [['field', 'items', 7]]);
  assert.deepEqual(implicit('$states.input.$$.x'), [['root', '$$', 14]]);
  assert.deepEqual(implicit('{"a": foo}'), [['field', 'foo', 6]]);
  // Relative to a context item: predicates, later steps, lambdas, grouping, sorting, transforms.
  for (const ok of [
    '$states.input.items[price > 1].name',
    '$states.input[$ > 1]',
    '$states.input.(a + b)',
    '$states.input{type: $sum(v)}',
    '$states.input^(name)',
    '$map($states.input, function($v){ x })',
    '$states.input ~> |a|{"b": 1}|',
    '$v[0].name',
  ]) {
    assert.deepEqual(implicit(ok), [], ok);
  }
});

test('every JSONata string of the AWS-recorded conformance definitions parses and reads no implicit input', () => {
  let checked = 0;
  const failures: string[] = [];
  for (const category of fs.readdirSync(conformanceDir)) {
    const dir = path.join(conformanceDir, category);
    if (!fs.statSync(dir).isDirectory()) continue;
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      const recorded = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as {
        definition?: unknown;
        request?: unknown;
      };
      for (const s of jsonataStrings(recorded.definition ?? recorded.request, [])) {
        checked++;
        const r = parseJsonataExpression(jsonataBody(s).expression);
        if (!r.ok) failures.push(`${category}/${file}: ${s} -> ${r.error.message}`);
        else {
          for (const x of implicitInputReferences(r.ast)) {
            failures.push(`${category}/${file}: ${s} -> implicit ${x.text}`);
          }
        }
      }
    }
  }
  console.log(`conformance: ${checked} JSONata expressions parsed, ${failures.length} rejected`);
  assert.deepEqual(failures, []);
  assert.ok(checked > 300, `too few JSONata strings found: ${checked}`);
});

test('statesReferences lists $states reads with the fields they select', () => {
  const refs = (expression: string) => {
    const r = parseJsonataExpression(expression);
    assert.ok(r.ok, expression);
    return statesReferences(r.ast).map((x) => [x.field, x.path.join('.'), x.offset]);
  };
  assert.deepEqual(refs('$states.result.Payload'), [['result', 'result.Payload', 0]]);
  assert.deepEqual(refs('$count($states.errorOutput) + 1'), [['errorOutput', 'errorOutput', 7]]);
  assert.deepEqual(refs('$states'), [[undefined, '', 0]]);
  assert.deepEqual(refs('$states.context.Map.Item.Value'), [['context', 'context.Map.Item.Value', 0]]);
  assert.deepEqual(refs('$states.input.items[$states.input.min < price].name'), [
    ['input', 'input.items', 0],
    ['input', 'input.min', 20],
  ]);
  assert.deepEqual(refs('"$states.result" & $x'), []);
});
