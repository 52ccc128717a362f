// The shipped bundles speak LSP over stdio: `node dist/server.js --stdio` and `node dist/cli.js lsp --stdio`
// initialize, publish diagnostics for a broken document, and shut down and exit cleanly (exit code 0).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../support/paths';
import { LspTestClient } from '../lsp/lspTestClient';

// Broken on purpose: the comma after StartAt is missing (inline: prettier cannot format a broken fixture).
const brokenText =
  '{\n  "Comment": "broken",\n  "StartAt": "Done"\n  "States": {\n    "Done": { "Type": "Succeed" }\n  }\n}\n';

function bundle(name: string): string {
  const file = path.join(repoRoot, 'dist', name);
  assert.ok(fs.existsSync(file), `${file} is missing: run \`npm run bundle\` first`);
  return file;
}

async function roundTrip(args: string[]): Promise<void> {
  const child = spawn(process.execPath, args, { cwd: repoRoot, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  // Any wait below fails at once, with the server's stderr, if the server dies first.
  const died = exited.then((code) => {
    throw new Error(`the server exited early (code ${code}): ${stderr}`);
  });
  died.catch(() => undefined);
  const orDeath = <T>(promise: Promise<T>): Promise<T> => Promise.race([promise, died]);
  const client = LspTestClient.attach(child.stdout, child.stdin);
  try {
    const result = await orDeath(client.initialize(undefined, process.pid));
    assert.equal(result.serverInfo?.name, 'asl-language-server');
    const uri = 'file:///broken.asl.json';
    await client.open(uri, brokenText);
    const params = await orDeath(client.diagnosticsForVersion(uri, 1));
    const comma = params.diagnostics.find((d) => d.code === 'json-syntax');
    assert.ok(comma, JSON.stringify(params.diagnostics));
    assert.equal(comma.range.start.line, 3, 'reported where "States" follows without a comma');
    await orDeath(client.shutdown());
    await client.sendExit();
    assert.equal(await exited, 0, `exit code (stderr: ${stderr})`);
    assert.equal(stderr, '');
  } finally {
    client.dispose();
    if (child.exitCode === null) child.kill();
  }
}

test('dist/server.js --stdio', { timeout: 20_000 }, async () => {
  await roundTrip([bundle('server.js'), '--stdio']);
});

test('dist/cli.js lsp --stdio', { timeout: 20_000 }, async () => {
  await roundTrip([bundle('cli.js'), 'lsp', '--stdio']);
});

test('dist/cli.js lsp rejects an unknown option with usage', { timeout: 20_000 }, async () => {
  const child = spawn(process.execPath, [bundle('cli.js'), 'lsp', '--tcp'], { cwd: repoRoot });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
  assert.equal(code, 2);
  assert.match(stderr, /unknown option '--tcp'/);
  assert.match(stderr, /Usage: asl lsp/);
});
