/**
 * Quick fix over the protocol: the diagnostic published for a misspelt Next comes back with a
 * "Change to '<closest>'" code action whose edit fixes the name, and "Create state" (one line, like the document).
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { CodeActionRequest, type CodeAction } from 'vscode-languageserver-protocol';
import { LspTestClient } from './lspTestClient';

test('codeAction offers the closest state for an invalid Next', { timeout: 10_000 }, async () => {
  const client = await LspTestClient.start();
  try {
    const uri = 'file:///fix.asl.json';
    await client.open(
      uri,
      '{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "Dne"}, "Done": {"Type": "Succeed"}}}',
    );
    const { diagnostics } = await client.diagnosticsForVersion(uri, 1);
    const target = diagnostics.filter((d) => d.code === 'invalid-transition-target');
    assert.equal(target.length, 1);
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: target[0].range,
      context: { diagnostics: target },
    })) as CodeAction[];
    assert.deepEqual(
      actions.map((a) => [a.title, a.edit?.changes?.[uri]?.[0]?.newText]),
      [
        ["Change to 'Done'", 'Done'],
        ["Create state 'Dne'", ', "Dne": {"Type": "Pass", "End": true}'],
      ],
    );
  } finally {
    client.dispose();
  }
});
