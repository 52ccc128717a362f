import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import {
  describeStatePath,
  parseStateMachine,
  parseStatePathKey,
  stateAtLine,
  stateAtOffset,
  stateNameLine,
  statePathKey,
} from '../../../server/src/asl';
import { fixture } from '../../support/paths';

const nestedText = fs.readFileSync(fixture('workflows', 'nested.asl.json'), 'utf8');

test('builds every state, nested ones included, with paths and scopes', () => {
  const model = parseStateMachine(nestedText);
  assert.deepEqual(
    model.states.map((s) => s.name),
    ['Prepare', 'Fan out', 'Left', 'Each item', 'Double', 'Done', 'Failed'],
  );
  const double = model.statesByName.get('Double')![0];
  assert.deepEqual(double.path, [
    'States',
    'Fan out',
    'Branches',
    1,
    'States',
    'Each item',
    'ItemProcessor',
    'States',
    'Double',
  ]);
  assert.equal(double.scope.kind, 'itemProcessor');
  assert.equal(double.scope.owner?.name, 'Each item');
  assert.equal(double.scope.depth, 2);
  assert.equal(describeStatePath(double), 'Fan out › branch 2 › Each item › item processor › Double');
  assert.equal(model.scopes.length, 4);
  assert.equal(model.rootScope?.startAt, 'Prepare');
});

test('effective query language: own field, else top level (not the enclosing state)', () => {
  const model = parseStateMachine(nestedText);
  assert.equal(model.queryLanguage, 'JSONPath');
  assert.equal(model.statesByName.get('Double')![0].queryLanguage, 'JSONata');
  assert.equal(model.statesByName.get('Left')![0].queryLanguage, 'JSONPath');
  const jsonata = parseStateMachine(
    '{"QueryLanguage":"JSONata","StartAt":"A","States":{"A":{"Type":"Pass","End":true}}}',
  );
  assert.equal(jsonata.states[0].queryLanguage, 'JSONata');
});

test('collects transitions with their nodes', () => {
  const model = parseStateMachine(nestedText);
  const fanOut = model.statesByName.get('Fan out')![0];
  assert.deepEqual(
    fanOut.transitions.map((t) => [t.kind, t.target]),
    [
      ['Next', 'Done'],
      ['CatchNext', 'Failed'],
    ],
  );
  const next = fanOut.transitions[0];
  assert.equal(nestedText.slice(next.node.offset, next.node.offset + next.node.length), '"Done"');
});

test('definition is plain JSON and __proto__ keys stay data', () => {
  const model = parseStateMachine(
    '{"StartAt":"A","States":{"A":{"Type":"Pass","Result":{"__proto__":{"x":1}},"End":true}}}',
  );
  const result = (model.states[0].definition as { Result: Record<string, unknown> }).Result;
  assert.deepEqual(Object.keys(result), ['__proto__']);
  assert.equal(Object.getPrototypeOf(result), Object.prototype);
  assert.equal(({} as Record<string, unknown>).x, undefined);
});

test('locations: state at offset and line, name line', () => {
  const model = parseStateMachine(nestedText);
  const offset = nestedText.indexOf('$states.input * 2');
  assert.equal(stateAtOffset(model, offset)?.name, 'Double');
  const line = model.lines.positionAt(offset).line;
  assert.equal(stateAtLine(model, line)?.name, 'Double');
  const double = model.statesByName.get('Double')![0];
  assert.equal(stateNameLine(model, double), model.lines.positionAt(nestedText.indexOf('"Double": {')).line);
  const prepareLine = model.lines.positionAt(nestedText.indexOf('"items": [1, 2, 3]')).line;
  assert.equal(stateAtLine(model, prepareLine)?.name, 'Prepare');
});

test('state path keys round-trip', () => {
  const model = parseStateMachine(nestedText);
  for (const state of model.states) {
    assert.deepEqual(parseStatePathKey(statePathKey(state.path)), state.path);
  }
});

test('broken documents: syntax problems with ranges and the states that parsed', () => {
  const text =
    '{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"}, "B": {"Type": ${T}, "End": true}}}';
  const model = parseStateMachine(text);
  assert.ok(model.tree.problems.length > 0);
  assert.equal(model.tree.problems[0].code, 'json-syntax');
  assert.equal(model.tree.problems[0].offset, text.indexOf('$'));
  assert.deepEqual(
    model.states.map((s) => s.name),
    ['A', 'B'],
  );
  assert.equal(parseStateMachine('').rootScope, undefined);
  assert.equal(parseStateMachine('[1,2]').states.length, 0);
});

test('comments and trailing commas follow the options', () => {
  const text = '{\n// note\n"StartAt": "A", "States": {"A": {"Type": "Succeed"},},}';
  assert.equal(parseStateMachine(text).tree.problems.length, 0);
  const strict = parseStateMachine(text, { allowComments: false, allowTrailingCommas: false });
  const codes = strict.tree.problems.map((p) => p.code);
  assert.ok(codes.includes('comment-not-allowed'), codes.join());
  assert.ok(codes.includes('trailing-comma'), codes.join());
});
