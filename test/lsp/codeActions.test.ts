/**
 * Quick fixes over the protocol, JSON and YAML: the published diagnostics (with their `data`) come back in a
 * codeAction request, the returned edits are applied as incremental changes, and the next published
 * diagnostics no longer contain the fixed problem.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { CodeActionRequest, type CodeAction, type Diagnostic } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspTestClient } from './lspTestClient';

async function fixOverProtocol(
  client: LspTestClient,
  uri: string,
  languageId: string,
  text: string,
  code: string,
  title: string,
): Promise<{ titles: string[]; fixed: string; after: Diagnostic[] }> {
  await client.open(uri, text, languageId);
  const { diagnostics } = await client.diagnosticsForVersion(uri, 1);
  const target = diagnostics.filter((d) => d.code === code);
  assert.equal(target.length, 1, JSON.stringify(diagnostics));
  assert.ok(target[0].data !== undefined, 'the diagnostic carries data for its fix');
  const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri },
    range: target[0].range,
    context: { diagnostics: target },
  })) as CodeAction[];
  const chosen = actions.find((a) => a.title === title);
  assert.ok(chosen, JSON.stringify(actions.map((a) => a.title)));
  assert.equal(chosen.kind, 'quickfix');
  const edits = chosen.edit?.changes?.[uri] ?? [];
  const fixed = TextDocument.applyEdits(TextDocument.create(uri, languageId, 1, text), edits);
  // Applied as the client would: incremental changes, last edit first so earlier ranges stay valid.
  const ordered = [...edits].sort(
    (a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character,
  );
  await client.change(
    uri,
    2,
    ordered.map((e) => ({ range: e.range, text: e.newText })),
  );
  const after = (await client.diagnosticsForVersion(uri, 2)).diagnostics;
  return { titles: actions.map((a) => a.title), fixed, after };
}

test('YAML: Add End and Create state over the protocol', { timeout: 10_000 }, async () => {
  const client = await LspTestClient.start();
  try {
    const text = 'StartAt: A\nStates:\n  A:\n    Type: Pass\n';
    const end = await fixOverProtocol(
      client,
      'file:///end.asl.yaml',
      'asl-yaml',
      text,
      'missing-next-or-end',
      'Add End: true',
    );
    assert.deepEqual(end.titles, ['Add End: true']);
    assert.equal(end.fixed, 'StartAt: A\nStates:\n  A:\n    Type: Pass\n    End: true\n');
    assert.deepEqual(end.after, []);

    const next = 'StartAt: A\nStates:\n  A:\n    Type: Pass\n    Next: Done\n';
    const created = await fixOverProtocol(
      client,
      'file:///create.asl.yaml',
      'asl-yaml',
      next,
      'invalid-transition-target',
      "Create state 'Done'",
    );
    assert.equal(created.fixed, `${next}  Done:\n    Type: Pass\n    End: true\n`);
    assert.deepEqual(created.after, []);
  } finally {
    client.dispose();
  }
});

test(
  'JSON: States.ALL moved last and Parameters converted in a JSONata state',
  { timeout: 10_000 },
  async () => {
    const client = await LspTestClient.start();
    try {
      const retry = JSON.stringify(
        {
          StartAt: 'T',
          States: {
            T: {
              Type: 'Task',
              Resource: 'arn:aws:states:::lambda:invoke',
              Retry: [{ ErrorEquals: ['States.ALL'] }, { ErrorEquals: ['States.Timeout'], MaxAttempts: 5 }],
              End: true,
            },
          },
        },
        null,
        2,
      );
      const moved = await fixOverProtocol(
        client,
        'file:///retry.asl.json',
        'asl',
        retry,
        'states-all-not-last',
        'Move the States.ALL retrier last',
      );
      assert.deepEqual(
        JSON.parse(moved.fixed).States.T.Retry.map((r: { ErrorEquals: string[] }) => r.ErrorEquals[0]),
        ['States.Timeout', 'States.ALL'],
      );
      assert.deepEqual(moved.after, []);

      const jsonata = JSON.stringify(
        {
          QueryLanguage: 'JSONata',
          StartAt: 'T',
          States: {
            T: {
              Type: 'Task',
              Resource: 'arn:aws:states:::lambda:invoke',
              Parameters: { 'Payload.$': '$.body' },
              End: true,
            },
          },
        },
        null,
        2,
      );
      const converted = await fixOverProtocol(
        client,
        'file:///jsonata.asl.json',
        'asl',
        jsonata,
        'field-not-in-query-language',
        'Convert Parameters to Arguments',
      );
      assert.deepEqual(JSON.parse(converted.fixed).States.T.Arguments, {
        Payload: '{% $states.input.body %}',
      });
      assert.deepEqual(converted.after, []);
    } finally {
      client.dispose();
    }
  },
);
