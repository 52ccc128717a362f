/**
 * The benchmark generator (bench/src/generateLargeDefinition.ts) produces a deterministic, valid ASL document
 * with exactly the requested number of states at about the requested size. Checks correctness only, never speed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { generateLargeDefinition } from '../../../bench/src/generateLargeDefinition';
import { createAslLanguageService } from '../../../server/src/service/aslLanguageService';

test('the 1 MB / 2,000-state benchmark document is deterministic, valid and the right size', () => {
  const options = { states: 2000, targetBytes: 1024 * 1024 };
  const text = generateLargeDefinition(options);
  assert.equal(generateLargeDefinition(options), text);
  assert.ok(Math.abs(text.length - options.targetBytes) < options.targetBytes * 0.05, `size ${text.length}`);
  const service = createAslLanguageService();
  const model = service.parse(TextDocument.create('file:///bench.asl.json', 'asl', 1, text));
  assert.equal(model.states.length, 2000);
  const types = new Set<string>(model.states.map((s) => String(s.type)));
  for (const type of ['Pass', 'Task', 'Choice', 'Map', 'Parallel', 'Succeed']) {
    assert.ok(types.has(type), type);
  }
  assert.ok(model.states.some((s) => s.queryLanguage === 'JSONata'));
  assert.ok(model.states.some((s) => s.queryLanguage === 'JSONPath'));
  assert.deepEqual(service.doValidation(model), []);
});

test('the 48 KB / 200-state document is valid and within 5% of 48 KB', () => {
  const text = generateLargeDefinition({ states: 200, targetBytes: 48 * 1024 });
  assert.ok(Math.abs(text.length - 48 * 1024) < 48 * 1024 * 0.05, `size ${text.length}`);
  const service = createAslLanguageService();
  const model = service.parse(TextDocument.create('file:///bench200.asl.json', 'asl', 1, text));
  assert.equal(model.states.length, 200);
  assert.deepEqual(service.doValidation(model), []);
});
