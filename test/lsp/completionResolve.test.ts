/**
 * completionItem/resolve over the protocol: the server announces resolveProvider, state-name items arrive
 * without docs and come back from resolve with their detail and markdown documentation.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import {
  CompletionRequest,
  CompletionResolveRequest,
  type CompletionItem,
  type CompletionList,
  type MarkupContent,
} from 'vscode-languageserver-protocol';
import { LspTestClient } from './lspTestClient';

test('completion items of a Next value are resolved with their docs', { timeout: 10_000 }, async () => {
  const client = await LspTestClient.start();
  try {
    assert.equal(client.initializeResult?.capabilities.completionProvider?.resolveProvider, true);
    const uri = 'file:///resolve.asl.json';
    const text =
      '{"StartAt": "A",\n "States": {\n  "A": {"Type": "Pass", "Next": ""},\n  "B": {"Type": "Succeed"}\n }\n}';
    await client.open(uri, text);
    const list = (await client.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri },
      position: { line: 2, character: 33 },
    })) as CompletionList;
    assert.deepEqual(
      list.items.map((i) => i.label),
      ['B'],
    );
    assert.equal(list.items[0].documentation, undefined, 'docs are left to resolve');
    const resolved = (await client.connection.sendRequest(
      CompletionResolveRequest.type,
      list.items[0],
    )) as CompletionItem;
    assert.equal(resolved.label, 'B');
    assert.equal(resolved.detail, 'Succeed state `B` in this scope.');
    const doc = resolved.documentation as MarkupContent;
    assert.equal(doc.kind, 'markdown');
    assert.match(doc.value, /^Succeed state `B` in this scope\.\n\n\S/);
    assert.deepEqual(resolved.textEdit, list.items[0].textEdit);
  } finally {
    client.dispose();
  }
});
