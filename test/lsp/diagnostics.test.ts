// Diagnostics over the wire: the real server in memory, documents opened/changed/closed by a client.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { DiagnosticSeverity } from 'vscode-languageserver/node';
import { LspTestClient } from './lspTestClient';
import { fixture } from '../support/paths';

const VALID = '{"StartAt": "Done", "States": {"Done": {"Type": "Succeed"}}}';
// Unterminated: the closing braces are missing after line 2.
const BROKEN = '{\n  "StartAt": "Done",\n  "States": {"Done": {"Type": "Succeed"}\n';

test(
  'didOpen publishes syntax diagnostics with code, source, range and version',
  { timeout: 10_000 },
  async () => {
    const client = await LspTestClient.start();
    try {
      const uri = 'file:///broken.asl.json';
      const published = client.diagnostics(uri);
      await client.open(uri, BROKEN);
      const params = await published;
      assert.equal(params.version, 1);
      assert.ok(params.diagnostics.length > 0, 'an unterminated document has a syntax error');
      const syntax = params.diagnostics.find((d) => d.code === 'json-syntax');
      assert.ok(syntax, `json-syntax expected, got ${JSON.stringify(params.diagnostics)}`);
      assert.equal(syntax.source, 'asl');
      assert.equal(syntax.severity, DiagnosticSeverity.Error);
      assert.match(String(syntax.message), /closing brace/);
      // The problem is at the end of the text (line 3, after the last newline).
      assert.deepEqual(syntax.range.start, { line: 3, character: 0 });
    } finally {
      client.dispose();
    }
  },
);

test('a valid document gets an empty diagnostics list', { timeout: 10_000 }, async () => {
  const client = await LspTestClient.start();
  try {
    const uri = 'file:///valid.asl.json';
    const published = client.diagnostics(uri);
    await client.open(uri, VALID);
    assert.deepEqual((await published).diagnostics, []);
  } finally {
    client.dispose();
  }
});

test('the example workflow opens without syntax problems', { timeout: 10_000 }, async () => {
  const client = await LspTestClient.start();
  try {
    const path = fixture('..', '..', 'examples', 'order-processing.asl.json');
    const uri = 'file:///order-processing.asl.json';
    const published = client.diagnostics(uri);
    await client.open(uri, fs.readFileSync(path, 'utf8'));
    const params = await published;
    assert.deepEqual(
      params.diagnostics.filter((d) => d.code === 'json-syntax'),
      [],
    );
  } finally {
    client.dispose();
  }
});

test('didChange re-validates the new version (full and incremental edits)', { timeout: 10_000 }, async () => {
  const client = await LspTestClient.start();
  try {
    const uri = 'file:///edited.asl.json';
    await client.open(uri, BROKEN);
    assert.ok((await client.diagnosticsForVersion(uri, 1)).diagnostics.length > 0);

    await client.change(uri, 2, VALID);
    assert.deepEqual((await client.diagnosticsForVersion(uri, 2)).diagnostics, []);

    // Incremental: replace `"Succeed"` (col 48..57 on line 0) by an unterminated string.
    const start = VALID.indexOf('"Succeed"');
    await client.change(uri, 3, [
      {
        range: { start: { line: 0, character: start }, end: { line: 0, character: start + 9 } },
        text: '"Succeed',
      },
    ]);
    const third = await client.diagnosticsForVersion(uri, 3);
    assert.ok(
      third.diagnostics.some((d) => d.code === 'json-syntax' && d.range.start.line === 0),
      JSON.stringify(third.diagnostics),
    );
    assert.equal(client.server.documents.get(uri)?.getText(), VALID.replace('"Succeed"', '"Succeed'));
  } finally {
    client.dispose();
  }
});

test(
  'rapid edits: publishes never go back to an older version and the last one wins',
  { timeout: 10_000 },
  async () => {
    const client = await LspTestClient.start({ validationDelayMs: 50 });
    try {
      const uri = 'file:///rapid.asl.json';
      await client.open(uri, VALID);
      await client.change(uri, 2, BROKEN);
      await client.change(uri, 3, VALID);
      await client.change(uri, 4, BROKEN);
      const last = await client.diagnosticsForVersion(uri, 4);
      assert.ok(last.diagnostics.some((d) => d.code === 'json-syntax'));
      const versions = client.published.filter((p) => p.uri === uri).map((p) => p.version ?? 0);
      assert.deepEqual(
        versions,
        [...versions].sort((a, b) => a - b),
        'versions are published in order',
      );
      assert.equal(versions.at(-1), 4);
    } finally {
      client.dispose();
    }
  },
);

test('didClose clears the diagnostics and forgets the cached model', { timeout: 10_000 }, async () => {
  const client = await LspTestClient.start();
  try {
    const uri = 'file:///closed.asl.json';
    await client.open(uri, BROKEN);
    await client.diagnosticsForVersion(uri, 1);
    assert.equal(client.server.cache.size, 1);
    const cleared = client.diagnostics(uri);
    await client.close(uri);
    const params = await cleared;
    assert.deepEqual(params.diagnostics, []);
    assert.equal(params.version, undefined);
    assert.equal(client.server.cache.size, 0);
    assert.equal(client.server.documents.get(uri), undefined);
  } finally {
    client.dispose();
  }
});

test('closing before the debounce fires cancels the pending validation', { timeout: 10_000 }, async () => {
  const client = await LspTestClient.start();
  try {
    const closed = 'file:///quick.asl.json';
    const other = 'file:///other.asl.json';
    await client.open(closed, VALID);
    const opened = await client.diagnosticsForVersion(closed, 1);
    await client.open(other, VALID);
    await client.diagnosticsForVersion(other, 1);
    await client.change(closed, 2, BROKEN);
    await client.close(closed);
    // Same debounce, scheduled later: once `other` v2 is published, a surviving run for `closed` would have been too.
    await client.change(other, 2, BROKEN);
    await client.diagnosticsForVersion(other, 2);
    assert.deepEqual(
      client.published.filter((p) => p.uri === closed),
      [opened, { uri: closed, diagnostics: [] }],
    );
  } finally {
    client.dispose();
  }
});

test(
  'a document just opened is validated without waiting for the edit debounce',
  { timeout: 10_000 },
  async () => {
    // With a one-minute debounce, only the open path can publish within the test's time limit.
    const client = await LspTestClient.start({ validationDelayMs: 60_000 });
    try {
      const uri = 'file:///opened.asl.json';
      await client.open(uri, BROKEN);
      const params = await client.diagnosticsForVersion(uri, 1);
      assert.ok(params.diagnostics.some((d) => d.code === 'json-syntax'));
      await client.close(uri);
    } finally {
      client.dispose();
    }
  },
);
