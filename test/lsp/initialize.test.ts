// Server lifecycle over the wire: initialize result, registrations, shutdown.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { TextDocumentSyncKind } from 'vscode-languageserver/node';
import { LspTestClient } from './lspTestClient';
import { SERVER_NAME } from '../../server/src/lsp/startServer';

test('initialize announces incremental sync and the server name', { timeout: 10_000 }, async () => {
  const client = LspTestClient.create();
  try {
    const result = await client.initialize();
    assert.deepEqual(result.capabilities.textDocumentSync, {
      openClose: true,
      change: TextDocumentSyncKind.Incremental,
    });
    assert.equal(result.serverInfo?.name, SERVER_NAME);
  } finally {
    client.dispose();
  }
});

test('with dynamic registration the server registers for settings changes', { timeout: 10_000 }, async () => {
  const client = LspTestClient.create();
  try {
    await client.initialize();
    await client.whenRegistered('workspace/didChangeConfiguration');
    assert.deepEqual(client.registrations, ['workspace/didChangeConfiguration']);
  } finally {
    client.dispose();
  }
});

test('a client without workspace capabilities still gets diagnostics', { timeout: 10_000 }, async () => {
  const client = await LspTestClient.start({ capabilities: {} });
  try {
    const uri = 'file:///plain.asl.json';
    await client.open(uri, '{"StartAt": ');
    const params = await client.diagnosticsForVersion(uri, 1);
    assert.ok(params.diagnostics.some((d) => d.code === 'json-syntax'));
    assert.deepEqual(client.registrations, []);
  } finally {
    client.dispose();
  }
});

test('shutdown answers null', { timeout: 10_000 }, async () => {
  const client = await LspTestClient.start();
  try {
    const result: unknown = await client.connection.sendRequest('shutdown');
    assert.equal(result, null);
  } finally {
    client.dispose();
  }
});
