/**
 * JSONata regexes run on V8's linear-time engine once a node host has enabled it: catastrophic patterns
 * finish, ordinary ones give the same matches, patterns the linear engine cannot run use the ordinary one.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { linearRegExpAvailable, toLinearRegExp } from '../../../server/src/asl/jsonataRegex';
import { enableLinearRegExp } from '../../../server/src/node/linearRegExp';
import { evaluateJsonata } from '../../../server/src/runtime/jsonataEvaluator';

enableLinearRegExp();

const options = { random: () => 0.5, uuid: () => '00000000-0000-4000-8000-000000000000' };
const bindings = (input: unknown) => ({ states: { input, context: {} }, variables: {} });

test('the linear engine is available after a node host enabled it', () => {
  assert.equal(linearRegExpAvailable(), true);
  assert.ok(toLinearRegExp(/x+y/g).flags.includes('l'));
});

test('patterns the linear engine cannot run keep the ordinary engine', () => {
  assert.equal(toLinearRegExp(/(a)\1/).flags.includes('l'), false);
  assert.equal(toLinearRegExp(/(?<=a)b/).flags.includes('l'), false);
  assert.equal(toLinearRegExp(/abc/i).flags, 'i');
});

// Without the linear engine the first pattern backtracks for longer than anyone waits (2^40 paths); the
// timeout only keeps a regression from hanging the suite.
test('a catastrophic regex in JSONata finishes', { timeout: 60_000 }, async () => {
  const s = 'x'.repeat(40);
  assert.equal(await evaluateJsonata('$contains($states.input, /(x+x+)+y/)', bindings(s), options), false);
  const long = 'x'.repeat(256 * 1024);
  assert.equal(await evaluateJsonata('$contains($states.input, /x+y/)', bindings(long), options), false);
});

test('ordinary regexes give the same answers on the linear engine', async () => {
  assert.deepEqual(await evaluateJsonata('$match("ab12cd345", /[0-9]+/).match', bindings({}), options), [
    '12',
    '345',
  ]);
  assert.equal(await evaluateJsonata('$replace("a-b-c", /-/, "+")', bindings({}), options), 'a+b+c');
  assert.deepEqual(await evaluateJsonata('$split("a1b22c", /[0-9]+/)', bindings({}), options), [
    'a',
    'b',
    'c',
  ]);
  assert.equal(await evaluateJsonata('$contains("Hello", /hello/i)', bindings({}), options), true);
  assert.equal(await evaluateJsonata('$replace("aa", /(a)\\1/, "b")', bindings({}), options), 'b');
});
