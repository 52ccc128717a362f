import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { closestName, editDistance } from '../../../../server/src/service/validation/closestName';
import { expectDiagnostic, machine, validate } from './validationHelpers';

test('closestName: case-insensitive match first, then a small edit distance, else nothing', () => {
  assert.equal(closestName('inputpath', ['InputPath', 'OutputPath']), 'InputPath');
  assert.equal(closestName('ResultPth', ['ResultPath', 'ResultSelector']), 'ResultPath');
  assert.equal(closestName('Completely', ['InputPath', 'OutputPath']), undefined);
  assert.equal(editDistance('kitten', 'sitting'), 3);
  assert.equal(editDistance('abc', 'abc'), 0);
});

test('ranges inside a string fall back to the whole value when the JSON text has escapes', () => {
  const plain = machine({ P: { Type: 'Pass', InputPath: '$.a..', End: true } });
  const d1 = validate(plain).find((d) => d.code === 'invalid-json-path');
  assert.ok(d1);
  assert.ok(d1.range.end.character - d1.range.start.character < '"$.a.."'.length, 'a sub-range of the value');
  const escaped = machine({ P: { Type: 'Pass', InputPath: '$["a\\"b"]..', End: true } });
  expectDiagnostic(escaped, validate(escaped), 'invalid-json-path', JSON.stringify('$["a\\"b"]..'));
});

test('editDistance reuses its rows across calls of different lengths', () => {
  assert.equal(editDistance('kitten', 'sitting'), 3);
  assert.equal(editDistance('a'.repeat(100), 'a'.repeat(99) + 'b'), 1);
  assert.equal(editDistance('flaw', 'lawn'), 2);
  assert.equal(editDistance('', 'abc'), 3);
  assert.equal(editDistance('abc', ''), 3);
});
