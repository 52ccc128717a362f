/**
 * Document symbols over the protocol: the server advertises them and answers a nested outline for
 * JSON and YAML documents, and an empty list for an unknown document.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import {
  DocumentSymbolRequest,
  FoldingRangeRequest,
  SelectionRangeRequest,
  type DocumentSymbol,
  type FoldingRange,
  type SelectionRange,
} from 'vscode-languageserver-protocol';
import { LspTestClient } from './lspTestClient';

test('documentSymbol returns the nested outline (JSON and YAML)', { timeout: 10_000 }, async () => {
  const client = await LspTestClient.start();
  try {
    assert.equal(client.initializeResult?.capabilities.documentSymbolProvider, true);
    const jsonUri = 'file:///outline.asl.json';
    await client.open(
      jsonUri,
      '{"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true, "Branches": [{"StartAt": "X", "States": {"X": {"Type": "Succeed"}}}]}}}',
    );
    const yamlUri = 'file:///outline.asl.yaml';
    await client.open(yamlUri, 'StartAt: A\nStates:\n  A:\n    Type: Succeed\n', 'asl-yaml');
    const json = (await client.connection.sendRequest(DocumentSymbolRequest.type, {
      textDocument: { uri: jsonUri },
    })) as DocumentSymbol[];
    assert.equal(json.length, 1);
    assert.equal(json[0].name, 'P');
    assert.equal(json[0].children?.[0]?.children?.[0]?.name, 'X');
    const yaml = (await client.connection.sendRequest(DocumentSymbolRequest.type, {
      textDocument: { uri: yamlUri },
    })) as DocumentSymbol[];
    assert.deepEqual(
      yaml.map((s) => [s.name, s.detail, s.selectionRange.start]),
      [['A', 'Succeed', { line: 2, character: 2 }]],
    );
    const folds = (await client.connection.sendRequest(FoldingRangeRequest.type, {
      textDocument: { uri: yamlUri },
    })) as FoldingRange[];
    assert.deepEqual(
      folds.map((f) => [f.startLine, f.endLine]),
      [
        [0, 3],
        [1, 3],
        [2, 3],
      ],
    );
    const [sel] = (await client.connection.sendRequest(SelectionRangeRequest.type, {
      textDocument: { uri: yamlUri },
      positions: [{ line: 3, character: 11 }],
    })) as SelectionRange[];
    assert.deepEqual(sel.range, { start: { line: 3, character: 10 }, end: { line: 3, character: 17 } });
    assert.ok(sel.parent);
    const none = await client.connection.sendRequest(DocumentSymbolRequest.type, {
      textDocument: { uri: 'file:///not-open.asl.json' },
    });
    assert.deepEqual(none, []);
  } finally {
    client.dispose();
  }
});
