// The shipped adapter: dist/debugAdapter.js (built by `npm run bundle`) spoken to over stdio by DebugClient,
// and `asl dap` of dist/cli.js.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import { DebugClient } from '@vscode/debugadapter-testsupport';
import { repoRoot } from '../support/paths';
import { dapFixture, lineOf, nextStop, startDebugging, whereStopped } from './dapTestHarness';

const adapter = path.join(repoRoot, 'dist', 'debugAdapter.js');
const cli = path.join(repoRoot, 'dist', 'cli.js');

/** A DebugClient talking to an adapter process spawned by the test (`asl dap` takes arguments). */
class StdioDebugClient extends DebugClient {
  attach(readable: Readable, writable: Writable): void {
    this.connect(readable, writable);
  }
}

test('dist/debugAdapter.js speaks DAP over stdio', { timeout: 30_000 }, async () => {
  assert.ok(fs.existsSync(adapter), 'dist/debugAdapter.js is missing: run npm run bundle');
  const client = new DebugClient('node', adapter, 'asl');
  await client.start();
  try {
    const init = await client.initializeRequest();
    assert.equal(init.body?.supportsConditionalBreakpoints, true);
    const program = dapFixture('nested.asl.json');
    const text = fs.readFileSync(program, 'utf8');
    const bps = await client.setBreakpointsRequest({
      source: { path: program },
      breakpoints: [{ line: lineOf(text, '"Output": "{% $states.input * 2 %}"') }],
    });
    assert.equal(bps.body.breakpoints[0].verified, true);
    assert.equal(bps.body.breakpoints[0].line, lineOf(text, '"Double": {'));
    await assert.rejects(
      client.launch({ program: dapFixture('broken.asl.json') }),
      /broken\.asl\.json is not a valid state machine/,
    );
  } finally {
    await client.stop();
  }
});

test('asl dap is registered and documents its transports', () => {
  assert.ok(fs.existsSync(cli), 'dist/cli.js is missing: run npm run bundle');
  const help = spawnSync(process.execPath, [cli, 'dap', '--help'], { encoding: 'utf8' });
  assert.equal(help.status, 0, help.stderr);
  assert.match(help.stdout, /Usage: asl dap \[--server=PORT\]/);
  const bad = spawnSync(process.execPath, [cli, 'dap', '--bogus'], { encoding: 'utf8' });
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /unknown option '--bogus'/);
});

test(
  'asl dap --server=0 listens on 127.0.0.1 and serves a session per connection',
  { timeout: 30_000 },
  async () => {
    const child = spawn(process.execPath, [cli, 'dap', '--server=0'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    try {
      const port = await new Promise<number>((resolve, reject) => {
        let text = '';
        child.stderr.on('data', (chunk: Buffer) => {
          text += chunk.toString();
          const match = /listening on 127\.0\.0\.1:(\d+)/.exec(text);
          if (match) resolve(Number(match[1]));
        });
        child.on('exit', (code) => reject(new Error(`asl dap exited with ${code}: ${text}`)));
      });
      for (let i = 0; i < 2; i++) {
        const client = new DebugClient('node', 'unused', 'asl');
        await client.start(port);
        try {
          const init = await client.initializeRequest();
          assert.equal(init.body?.supportsRestartRequest, true);
        } finally {
          await client.stop();
        }
      }
    } finally {
      child.kill();
    }
  },
);

test(
  'dist/debugAdapter.js runs a workflow to a breakpoint and on to the end',
  { timeout: 30_000 },
  async () => {
    const client = new DebugClient('node', adapter, 'asl');
    await client.start();
    try {
      const orders = dapFixture('orders.asl.json');
      const text = fs.readFileSync(orders, 'utf8');
      const stop = nextStop(client);
      await startDebugging(
        client,
        {
          program: orders,
          inputFile: 'orders.input.json',
          mockConfig: 'orders.mocks.json',
          testCase: 'HappyPath',
        },
        () =>
          client.setBreakpointsRequest({
            source: { path: orders },
            breakpoints: [{ line: lineOf(text, '"Ship": {') }],
          }),
      );
      const hit = await stop;
      assert.equal(hit.reason, 'breakpoint');
      assert.equal((await whereStopped(client, hit)).frame, 'Ship');
      const terminated = client.waitForEvent('terminated');
      await client.continueRequest({ threadId: hit.threadId });
      await terminated;
    } finally {
      await client.stop();
    }
  },
);

test(
  'asl dap (dist/cli.js) over stdio pauses where a Parallel branch raises an uncaught error',
  { timeout: 30_000 },
  async () => {
    assert.ok(fs.existsSync(cli), 'dist/cli.js is missing: run npm run bundle');
    const child = spawn(process.execPath, [cli, 'dap'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const client = new StdioDebugClient('node', 'unused', 'asl');
    client.attach(child.stdout, child.stdin);
    try {
      const stop = nextStop(client);
      await startDebugging(client, { program: dapFixture('errors.asl.json'), input: { kind: 'bad' } }, () =>
        client.setExceptionBreakpointsRequest({ filters: ['uncaught'] }),
      );
      const raised = await stop;
      assert.equal(raised.reason, 'exception');
      const where = await whereStopped(client, raised);
      assert.deepEqual([where.thread, where.frame], ['Parallel "Fan" branch 1', 'Bad']);
      const info = await client.exceptionInfoRequest({ threadId: raised.threadId });
      assert.equal(info.body.exceptionId, 'Custom.Bad');
      assert.equal(info.body.breakMode, 'unhandled');
      const terminated = client.waitForEvent('terminated');
      await client.continueRequest({ threadId: raised.threadId });
      await terminated;
      await client.disconnectRequest({});
    } finally {
      child.kill();
    }
  },
);
