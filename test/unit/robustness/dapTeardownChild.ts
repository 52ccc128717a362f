/**
 * Child process for the debug-adapter teardown test: runs one scenario (disconnect or terminate while paused,
 * while tasks wait, mid-Map, during a real-time Wait) against the in-process adapter, closes everything, and
 * prints the active resources before and after as JSON. Not a test file; spawned by dapTeardown.test.ts.
 */
import * as fs from 'node:fs';
import {
  collectEvents,
  dapFixture,
  eventually,
  lineOf,
  nextStop,
  startDapHarness,
  startDebugging,
} from '../../dap/dapTestHarness';
import { fixture } from '../../support/paths';

type Scenario =
  'entry-disconnect' | 'pending-disconnect' | 'map-terminate' | 'realtime-disconnect' | 'realtime-terminate';

async function settle(): Promise<void> {
  // Let socket close callbacks run (turns of the event loop, not a sleep).
  for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
}

async function run(scenario: Scenario): Promise<void> {
  // stdout/stderr are created lazily: create them before the baseline so they are not counted as leaks.
  void process.stdout.writable;
  void process.stderr.writable;
  await settle();
  const baseline = process.getActiveResourcesInfo();
  const harness = await startDapHarness();
  const { client } = harness;
  let during: string[] = [];
  try {
    if (scenario === 'entry-disconnect') {
      const stop = nextStop(client);
      await startDebugging(client, {
        program: dapFixture('orders.asl.json'),
        inputFile: 'orders.input.json',
        mockConfig: 'orders.mocks.json',
        testCase: 'HappyPath',
        stopOnEntry: true,
      });
      await stop;
      await client.disconnectRequest({});
    } else if (scenario === 'pending-disconnect') {
      const pending = collectEvents(client, 'pendingTask');
      await startDebugging(client, { program: dapFixture('waiting.asl.json'), input: { orderId: 'o-1' } });
      await eventually(client, 'pendingTask', pending, (p) => p.length === 2);
      await client.disconnectRequest({});
    } else if (scenario === 'map-terminate') {
      const program = dapFixture('nested.asl.json');
      const line = lineOf(fs.readFileSync(program, 'utf8'), '"Output": "{% $states.input * 2 %}"');
      const stop = nextStop(client);
      await startDebugging(client, { program, input: {} }, () =>
        client.setBreakpointsRequest({ source: { path: program }, breakpoints: [{ line }] }),
      );
      await stop;
      const terminated = client.waitForEvent('terminated');
      await client.terminateRequest({});
      await terminated;
      await client.disconnectRequest({});
    } else {
      const pending = collectEvents(client, 'pendingTask');
      await startDebugging(client, {
        program: fixture('fuzz', 'dap', 'realTimeWait.asl.json'),
        input: {},
        realTime: true,
      });
      await eventually(client, 'pendingTask', pending, (p) => p.length === 1);
      during = process.getActiveResourcesInfo();
      if (scenario === 'realtime-terminate') {
        const terminated = client.waitForEvent('terminated');
        await client.terminateRequest({});
        await terminated;
      }
      await client.disconnectRequest({});
    }
  } finally {
    await harness.close();
  }
  await settle();
  process.stdout.write(`${JSON.stringify({ baseline, during, after: process.getActiveResourcesInfo() })}\n`);
}

run(process.argv[2] as Scenario).catch((error: unknown) => {
  process.stderr.write(`scenario failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 2;
});
