// The parse cache: one parse per (uri, version), LRU eviction, clear on settings changes.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createDocumentModelCache } from '../../server/src/lsp/documentModelCache';
import { createAslLanguageService } from '../../server/src/service/aslLanguageService';

function countingService() {
  const service = createAslLanguageService();
  const calls: string[] = [];
  return {
    calls,
    parse(document: TextDocument) {
      calls.push(`${document.uri}@${document.version}`);
      return service.parse(document);
    },
  };
}

const doc = (uri: string, version: number, text = '{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}') =>
  TextDocument.create(uri, 'asl', version, text);

test('parses once per uri and version', () => {
  const service = countingService();
  const cache = createDocumentModelCache(service);
  const first = cache.get(doc('file:///a', 1));
  assert.equal(cache.get(doc('file:///a', 1)), first);
  assert.equal(first.rootScope?.startAt, 'A');
  const second = cache.get(doc('file:///a', 2, '{"StartAt": "B", "States": {"B": {"Type": "Succeed"}}}'));
  assert.notEqual(second, first);
  assert.equal(second.rootScope?.startAt, 'B');
  assert.deepEqual(service.calls, ['file:///a@1', 'file:///a@2']);
  assert.equal(cache.size, 1);
});

test('evicts the least recently used document beyond the limit', () => {
  const service = countingService();
  const cache = createDocumentModelCache(service, 2);
  cache.get(doc('file:///a', 1));
  cache.get(doc('file:///b', 1));
  cache.get(doc('file:///a', 1)); // a is now the most recent
  cache.get(doc('file:///c', 1)); // evicts b
  assert.equal(cache.size, 2);
  cache.get(doc('file:///a', 1));
  cache.get(doc('file:///b', 1));
  assert.deepEqual(service.calls, ['file:///a@1', 'file:///b@1', 'file:///c@1', 'file:///b@1']);
});

test('onDocumentRemoved and clear force a new parse', () => {
  const service = countingService();
  const cache = createDocumentModelCache(service);
  cache.get(doc('file:///a', 1));
  cache.onDocumentRemoved('file:///a');
  cache.get(doc('file:///a', 1));
  cache.clear();
  assert.equal(cache.size, 0);
  cache.get(doc('file:///a', 1));
  assert.deepEqual(service.calls, ['file:///a@1', 'file:///a@1', 'file:///a@1']);
});
