// The shipped bundles speak LSP over every transport a client uses: `node dist/server.js --stdio`,
// `--node-ipc` (what the VS Code client uses), `node dist/cli.js lsp --stdio` and `--socket=PORT`
// (127.0.0.1). Each initializes, publishes diagnostics for a broken document, shuts down and exits with 0.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import {
  IPCMessageReader,
  IPCMessageWriter,
  SocketMessageReader,
  SocketMessageWriter,
} from 'vscode-languageserver/node';
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

/** Runs the LSP round trip against a spawned server; `connect` builds the client once the child runs. */
async function roundTrip(
  child: ChildProcess,
  connect: () => LspTestClient | Promise<LspTestClient>,
): Promise<void> {
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  // Any wait below fails at once, with the server's stderr, if the server dies first.
  const died = exited.then((code) => {
    throw new Error(`the server exited early (code ${code}): ${stderr}`);
  });
  died.catch(() => undefined);
  const orDeath = <T>(promise: Promise<T>): Promise<T> => Promise.race([promise, died]);
  const client = await orDeath(Promise.resolve(connect()));
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

function spawnStdio(args: string[]): ChildProcess {
  return spawn(process.execPath, args, { cwd: repoRoot, stdio: ['pipe', 'pipe', 'pipe'] });
}

test('dist/server.js --stdio', { timeout: 20_000 }, async () => {
  const child = spawnStdio([bundle('server.js'), '--stdio']);
  await roundTrip(child, () => LspTestClient.attach(child.stdout!, child.stdin!));
});

test('dist/server.js --node-ipc (the transport the VS Code client uses)', { timeout: 20_000 }, async () => {
  const child = spawn(process.execPath, [bundle('server.js'), '--node-ipc'], {
    cwd: repoRoot,
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  await roundTrip(child, () =>
    LspTestClient.attachMessages(new IPCMessageReader(child), new IPCMessageWriter(child)),
  );
});

test('dist/cli.js lsp --stdio', { timeout: 20_000 }, async () => {
  const child = spawnStdio([bundle('cli.js'), 'lsp', '--stdio']);
  await roundTrip(child, () => LspTestClient.attach(child.stdout!, child.stdin!));
});

test('dist/cli.js lsp --socket=PORT connects to 127.0.0.1', { timeout: 20_000 }, async () => {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  const accepted = new Promise<net.Socket>((resolve) => server.once('connection', resolve));
  const child = spawnStdio([bundle('cli.js'), 'lsp', `--socket=${port}`]);
  try {
    await roundTrip(child, async () => {
      const socket = await accepted;
      return LspTestClient.attachMessages(new SocketMessageReader(socket), new SocketMessageWriter(socket));
    });
  } finally {
    server.close();
  }
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

test('dist/cli.js lsp --help prints the transports and exits 0', { timeout: 20_000 }, async () => {
  const child = spawn(process.execPath, [bundle('cli.js'), 'lsp', '--help'], { cwd: repoRoot });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
  assert.equal(code, 0);
  assert.match(stdout, /Usage: asl lsp \[--stdio \| --node-ipc \| --socket=PORT\]/);
});
