// Settings: asl.validation.* pulled at start, pulled again or pushed on change, re-validating open documents.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { LspTestClient } from './lspTestClient';
import { toServiceSettings } from '../../server/src/lsp/handlers/configurationHandler';

const WITH_COMMENT = '{\n  // greeting\n  "StartAt": "Done",\n  "States": {"Done": {"Type": "Succeed"}}\n}';
const WITH_TRAILING_COMMA = '{"StartAt": "Done", "States": {"Done": {"Type": "Succeed"},}}';

const hasCode = (code: string) => (p: { diagnostics: { code?: number | string }[] }) =>
  p.diagnostics.some((d) => d.code === code);

test('toServiceSettings keeps only well-typed asl.validation values', () => {
  assert.deepEqual(toServiceSettings({ validation: { allowComments: false, allowTrailingCommas: true } }), {
    allowComments: false,
    allowTrailingCommas: true,
  });
  assert.deepEqual(toServiceSettings({ validation: { allowComments: 'no', other: 1 } }), {});
  assert.deepEqual(toServiceSettings(null), {});
  assert.deepEqual(toServiceSettings({ validation: 3 }), {});
  assert.deepEqual(toServiceSettings({ validation: { stateMachineType: 'EXPRESS' } }), {
    stateMachineType: 'EXPRESS',
  });
  assert.deepEqual(toServiceSettings({ validation: { stateMachineType: 'express' } }), {});
});

test('comments are accepted by default', { timeout: 10_000 }, async () => {
  const client = await LspTestClient.start();
  try {
    const uri = 'file:///comment.asl.json';
    await client.open(uri, WITH_COMMENT);
    assert.deepEqual((await client.diagnosticsForVersion(uri, 1)).diagnostics, []);
  } finally {
    client.dispose();
  }
});

test('disallowing comments (pulled on change) re-validates open documents', { timeout: 10_000 }, async () => {
  const client = await LspTestClient.start();
  try {
    const uri = 'file:///comment.asl.json';
    await client.open(uri, WITH_COMMENT);
    assert.deepEqual((await client.diagnosticsForVersion(uri, 1)).diagnostics, []);

    client.settings = { validation: { allowComments: false } };
    await client.notifySettingsChanged();
    const params = await client.diagnostics(uri, hasCode('comment-not-allowed'));
    const comment = params.diagnostics.find((d) => d.code === 'comment-not-allowed')!;
    assert.equal(comment.range.start.line, 1);
    assert.equal(params.version, 1, 'same document version, new settings');

    // Back to the default: the problem disappears without an edit.
    client.settings = {};
    await client.notifySettingsChanged();
    assert.deepEqual((await client.diagnostics(uri)).diagnostics, []);
  } finally {
    client.dispose();
  }
});

test(
  'settings pushed in didChangeConfiguration apply too (trailing commas)',
  { timeout: 10_000 },
  async () => {
    const client = await LspTestClient.start({ capabilities: {} });
    try {
      const uri = 'file:///comma.asl.json';
      await client.open(uri, WITH_TRAILING_COMMA);
      assert.deepEqual((await client.diagnosticsForVersion(uri, 1)).diagnostics, []);
      await client.notifySettingsChanged({ validation: { allowTrailingCommas: false } });
      const params = await client.diagnostics(uri, hasCode('trailing-comma'));
      const comma = params.diagnostics.find((d) => d.code === 'trailing-comma')!;
      assert.equal(comma.range.start.character, WITH_TRAILING_COMMA.lastIndexOf(','));
    } finally {
      client.dispose();
    }
  },
);

test('settings pulled at startup apply to documents opened right away', { timeout: 10_000 }, async () => {
  const client = await LspTestClient.start({ settings: { validation: { allowComments: false } } });
  try {
    const uri = 'file:///early.asl.json';
    await client.open(uri, WITH_COMMENT);
    // Whether the pull answer or didOpen is processed first, the final state reports the comment.
    const params = await client.diagnostics(uri, hasCode('comment-not-allowed'));
    assert.equal(params.version, 1);
  } finally {
    client.dispose();
  }
});

test(
  'asl.validation.stateMachineType EXPRESS reports integrations Express workflows reject',
  { timeout: 10_000 },
  async () => {
    const client = await LspTestClient.start();
    try {
      const uri = 'file:///callback.asl.json';
      const text = JSON.stringify({
        StartAt: 'Wait for approval',
        States: {
          'Wait for approval': {
            Type: 'Task',
            Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken',
            Parameters: {
              QueueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/q',
              'MessageBody.$': '$$.Task.Token',
            },
            End: true,
          },
        },
      });
      await client.open(uri, text);
      const standard = await client.diagnosticsForVersion(uri, 1);
      assert.ok(!standard.diagnostics.some((d) => d.code === 'express-unsupported-integration'));

      client.settings = { validation: { stateMachineType: 'EXPRESS' } };
      await client.notifySettingsChanged();
      const express = await client.diagnostics(uri, hasCode('express-unsupported-integration'));
      const problem = express.diagnostics.find((d) => d.code === 'express-unsupported-integration')!;
      assert.equal(problem.range.start.line, 0);
      assert.ok(problem.range.start.character > text.indexOf('"Resource"'), 'reported on the Resource');

      // Removing the setting goes back to the default (STANDARD): the problem disappears.
      client.settings = {};
      await client.notifySettingsChanged();
      const back = await client.diagnostics(uri);
      assert.ok(!back.diagnostics.some((d) => d.code === 'express-unsupported-integration'));
    } finally {
      client.dispose();
    }
  },
);
