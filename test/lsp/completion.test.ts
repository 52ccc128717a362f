/**
 * Completion and signature help over the protocol (JSON and YAML documents): the capabilities with their
 * trigger characters, items with text edits after a document change, and signature help in calls.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import {
  CompletionRequest,
  SignatureHelpRequest,
  type CompletionList,
  type SignatureHelp,
  type TextEdit,
} from 'vscode-languageserver-protocol';
import { LspTestClient } from './lspTestClient';

function at(text: string, marker: string, delta = 0) {
  const offset = text.indexOf(marker) + delta;
  const lines = text.slice(0, offset).split('\n');
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}

test('completion and signature help capabilities', { timeout: 10_000 }, async () => {
  const client = await LspTestClient.start();
  try {
    const caps = client.initializeResult?.capabilities;
    assert.deepEqual(caps?.completionProvider?.triggerCharacters, ['"', '.', '$', '(', ',', ' ']);
    assert.deepEqual(caps?.signatureHelpProvider?.triggerCharacters, ['(', ',']);
  } finally {
    client.dispose();
  }
});

test('completion over LSP in a JSON document, also after an edit', { timeout: 10_000 }, async () => {
  const client = await LspTestClient.start();
  try {
    const uri = 'file:///complete.asl.json';
    const text =
      '{"StartAt": "A",\n "States": {\n  "A": {"Type": "Pass", "Next": ""},\n  "B": {"Type": "Succeed"}\n }\n}';
    await client.open(uri, text);
    const list = (await client.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri },
      position: at(text, '"Next": "', 9),
    })) as CompletionList;
    assert.deepEqual(
      list.items.map((i) => i.label),
      ['B'],
    );
    const edit = list.items[0].textEdit as TextEdit;
    assert.equal(edit.newText, '"B"');
    assert.deepEqual(edit.range, { start: { line: 2, character: 32 }, end: { line: 2, character: 34 } });

    const edited = text.replace('"Next": ""', '"Next": "B", ');
    await client.change(uri, 2, edited);
    const keys = (await client.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri },
      position: at(edited, '"B", ', 5),
    })) as CompletionList;
    const labels = keys.items.map((i) => i.label);
    assert.ok(labels.includes('Comment') && labels.includes('Parameters'), JSON.stringify(labels));
    assert.ok(!labels.includes('Next') && !labels.includes('End'), 'Next present, End excluded with it');

    const withCall = edited.replace(
      '"Next": "B", ',
      `"Next": "B", "Parameters": {"m.$": "States.Format('{}', $.a)"}`,
    );
    await client.change(uri, 3, withCall);
    const help = (await client.connection.sendRequest(SignatureHelpRequest.type, {
      textDocument: { uri },
      position: at(withCall, '$.a)', 1),
    })) as SignatureHelp;
    assert.equal(help.signatures[0].label, 'States.Format(template, values...): string');
    assert.equal(help.activeParameter, 1);
    const inCall = (await client.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri },
      position: at(withCall, '$.a)', 0),
    })) as CompletionList;
    assert.ok(inCall.items.some((i) => i.label === '$$.Execution.Id'));
  } finally {
    client.dispose();
  }
});

test('completion and signature help over LSP in a YAML document', { timeout: 10_000 }, async () => {
  const client = await LspTestClient.start();
  try {
    const uri = 'file:///complete.asl.yaml';
    const text = [
      'QueryLanguage: JSONata',
      'StartAt: A',
      'States:',
      '  A:',
      '    Type: Task',
      '    Resource: arn:aws:states:::lambda:invoke',
      "    Output: '{% $partition($states.input, 2) %}'",
      '    Retry:',
      '      - ErrorEquals:',
      '          - ',
      '    End: true',
      '',
    ].join('\n');
    await client.open(uri, text, 'asl-yaml');
    const errors = (await client.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri },
      position: { line: 9, character: 12 },
    })) as CompletionList;
    const labels = errors.items.map((i) => i.label);
    assert.ok(labels.includes('States.ALL') && labels.includes('Lambda.TooManyRequestsException'));
    assert.ok(labels.includes('States.QueryEvaluationError'), 'JSONata state');
    const help = (await client.connection.sendRequest(SignatureHelpRequest.type, {
      textDocument: { uri },
      position: at(text, ', 2)', 2),
    })) as SignatureHelp;
    assert.equal(help.signatures[0].label, '$partition(array, size)');
    assert.equal(help.activeParameter, 1);
    const none = await client.connection.sendRequest(SignatureHelpRequest.type, {
      textDocument: { uri },
      position: { line: 1, character: 3 },
    });
    assert.equal(none, null);
  } finally {
    client.dispose();
  }
});
