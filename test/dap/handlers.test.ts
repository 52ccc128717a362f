// Local task handler modules of every Node flavour: CommonJS, .mjs with top-level await, and a .js in a
// "type": "module" package (default export keyed by Resource ARN); in-process and in the shipped bundle.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DebugClient } from '@vscode/debugadapter-testsupport';
import type { PendingTaskEventBody } from '../../server/src/protocol/debugExtensions';
import { repoRoot } from '../support/paths';
import {
  collectEvents,
  collectOutput,
  dapFixture,
  eventually,
  startDebugging,
  withDap,
} from './dapTestHarness';

const waiting = dapFixture('waiting.asl.json');
const T = { timeout: 60_000 };

/** Runs waiting.asl.json with `handlers`: Lookup is answered locally, Approve waits and is answered here. */
async function runWithHandlers(client: DebugClient, handlers: string): Promise<string[]> {
  const output = collectOutput(client);
  const pending = collectEvents<PendingTaskEventBody>(client, 'pendingTask');
  await startDebugging(client, { program: waiting, input: { orderId: 'o-7' }, handlers });
  await eventually(client, 'pendingTask', pending, (p) => p.length === 1);
  assert.deepEqual(
    pending.map((p) => p.stateName),
    ['Approve'],
  );
  const terminated = client.waitForEvent('terminated');
  await client.customRequest('sendTaskSuccess', { taskToken: pending[0].taskToken, output: 1 });
  await terminated;
  return output;
}

for (const [handlers, answer] of [
  ['handlers.js', '{"looked":"up"}'],
  ['handlers.mjs', '{"looked":"esm:object"}'],
  ['esm/handlers.js', '{"looked":"type-module"}'],
]) {
  test(`handlers module ${handlers} answers its task`, T, async () => {
    await withDap(async (client) => {
      const output = await runWithHandlers(client, handlers);
      assert.ok(
        output.some((l) => l.startsWith('Execution succeeded.') && l.includes(answer)),
        output.join(''),
      );
    });
  });
}

test('a handlers module that throws while loading stops the launch with its message', T, async () => {
  await withDap(async (client) => {
    const initialized = client.waitForEvent('initialized');
    await client.initializeRequest();
    await initialized;
    await assert.rejects(
      Promise.all([
        client.launchRequest({ program: waiting, handlers: 'failingHandlers.js' } as never),
        client.configurationDoneRequest(),
      ]),
      /Cannot load the handlers module .*failingHandlers\.js: .*HANDLER_SECRET is not set/,
    );
  });
});

const adapter = path.join(repoRoot, 'dist', 'debugAdapter.js');

test('the bundled adapter loads an ES module handlers file', T, async () => {
  assert.ok(fs.existsSync(adapter), 'dist/debugAdapter.js is missing: run npm run bundle');
  const client = new DebugClient('node', adapter, 'asl');
  await client.start();
  try {
    const output = await runWithHandlers(client, 'handlers.mjs');
    assert.ok(
      output.some((l) => l.includes('{"looked":"esm:object"}')),
      output.join(''),
    );
  } finally {
    await client.stop();
  }
});

test('an edited handlers module is loaded afresh on the next launch in the same adapter', T, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'asl-dap-handlers-'));
  try {
    for (const [name, source] of [
      ['cjs.js', (v: string) => `module.exports = { Lookup: async () => ({ version: '${v}' }) };\n`],
      ['esm.mjs', (v: string) => `export const Lookup = async () => ({ version: '${v}' });\n`],
    ] as const) {
      const file = path.join(dir, name);
      const answers: string[] = [];
      for (const version of ['one', 'two']) {
        fs.writeFileSync(file, source(version));
        // A distinct modification time even on coarse file systems.
        const when = new Date(Date.UTC(2026, 0, version === 'one' ? 1 : 2));
        fs.utimesSync(file, when, when);
        await withDap(async (client) => {
          const output = await runWithHandlers(client, file);
          answers.push(output.find((l) => l.startsWith('Execution succeeded.')) ?? output.join(''));
        });
      }
      assert.match(answers[0], /"version":"one"/, name);
      assert.match(answers[1], /"version":"two"/, name);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
