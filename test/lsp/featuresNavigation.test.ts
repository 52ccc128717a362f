/**
 * Definition, references, prepareRename and rename over the protocol, on a JSON document;
 * a taken name comes back as an error response with a clear message.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import {
  DefinitionRequest,
  PrepareRenameRequest,
  ReferencesRequest,
  RenameRequest,
  type Location,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { LspTestClient } from './lspTestClient';

const TEXT =
  '{"StartAt": "A",\n "States": {\n  "A": {"Type": "Pass", "Next": "B"},\n  "B": {"Type": "Succeed"}\n }\n}';

test('definition, references and rename of a state', { timeout: 10_000 }, async () => {
  const client = await LspTestClient.start();
  try {
    const caps = client.initializeResult?.capabilities;
    assert.equal(caps?.definitionProvider, true);
    assert.equal(caps?.referencesProvider, true);
    const uri = 'file:///nav.asl.json';
    await client.open(uri, TEXT);
    const onNextB = { line: 2, character: TEXT.split('\n')[2].indexOf('"B"') + 1 };
    const def = (await client.connection.sendRequest(DefinitionRequest.type, {
      textDocument: { uri },
      position: onNextB,
    })) as Location;
    assert.deepEqual(def.range, { start: { line: 3, character: 3 }, end: { line: 3, character: 4 } });
    const refs = (await client.connection.sendRequest(ReferencesRequest.type, {
      textDocument: { uri },
      position: onNextB,
      context: { includeDeclaration: true },
    })) as Location[];
    assert.deepEqual(
      refs.map((r) => r.range.start.line),
      [2, 3],
    );
    const prepared = await client.connection.sendRequest(PrepareRenameRequest.type, {
      textDocument: { uri },
      position: onNextB,
    });
    assert.ok(prepared);
    const edit = (await client.connection.sendRequest(RenameRequest.type, {
      textDocument: { uri },
      position: onNextB,
      newName: 'Done',
    })) as WorkspaceEdit;
    assert.deepEqual(
      edit.changes?.[uri]?.map((e) => e.newText),
      ['Done', 'Done'],
    );
    await assert.rejects(
      client.connection.sendRequest(RenameRequest.type, {
        textDocument: { uri },
        position: onNextB,
        newName: 'A',
      }),
      /already exists/,
    );
  } finally {
    client.dispose();
  }
});
