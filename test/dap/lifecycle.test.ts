// 200 launch/terminate cycles against one adapter server (one process), each ended while paused at entry, at
// an error raised in a Parallel branch, or with tasks waiting: the heap after GC must not grow.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { DebugClient } from '@vscode/debugadapter-testsupport';
import type { PendingTaskEventBody } from '../../server/src/protocol/debugExtensions';
import {
  collectEvents,
  dapFixture,
  eventually,
  nextStop,
  startDapHarness,
  startDebugging,
} from './dapTestHarness';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

const CYCLES = Number(process.env.ASL_DAP_CYCLES ?? 200);
const WARMUP = Math.min(20, Math.floor(CYCLES / 10));

function heapAfterGc(): number {
  for (let i = 0; i < 3; i++) gc();
  return process.memoryUsage().heapUsed;
}

test(
  '200 launch/terminate cycles in one adapter process do not grow the heap',
  { timeout: 240_000 },
  async () => {
    const harness = await startDapHarness({}, { keepSessions: false });
    const port = harness.port;
    const cycle = async (i: number): Promise<void> => {
      const client = new DebugClient('node', 'unused', 'asl');
      await client.start(port);
      try {
        if (i % 3 === 2) {
          // paused where a Parallel branch raises an error (held in the runtime's error hook)
          const raised = nextStop(client);
          await startDebugging(
            client,
            { program: dapFixture('errors.asl.json'), input: { kind: 'bad' } },
            () => client.setExceptionBreakpointsRequest({ filters: ['uncaught'] }),
          );
          assert.equal((await raised).reason, 'exception');
        } else if (i % 3 === 0) {
          // paused at entry
          const entry = nextStop(client);
          await startDebugging(client, {
            program: dapFixture('orders.asl.json'),
            inputFile: 'orders.input.json',
            mockConfig: 'orders.mocks.json',
            testCase: 'HappyPath',
            stopOnEntry: true,
          });
          await entry;
        } else {
          // waiting on task tokens
          const pending = collectEvents<PendingTaskEventBody>(client, 'pendingTask');
          await startDebugging(client, {
            program: dapFixture('waiting.asl.json'),
            input: { orderId: 'o-1' },
          });
          await eventually(client, 'pendingTask', pending, (p) => p.length === 2);
        }
        const terminated = client.waitForEvent('terminated');
        await client.terminateRequest({});
        await terminated;
        await client.disconnectRequest({});
      } finally {
        await client.stop();
      }
    };
    try {
      for (let i = 0; i < WARMUP; i++) await cycle(i);
      const warm = heapAfterGc();
      for (let i = WARMUP; i < CYCLES; i++) await cycle(i);
      const after = heapAfterGc();
      const growth = after - warm;
      console.log(
        `heap after GC: ${(warm / 1048576).toFixed(2)} MB after ${WARMUP} cycles, ${(after / 1048576).toFixed(2)} MB after ${CYCLES} (growth ${(growth / 1024).toFixed(0)} KB)`,
      );
      // 180 more sessions: a leak of even ~20 KB per session would exceed this bound.
      assert.ok(
        growth < 3 * 1048576,
        `heap grew by ${(growth / 1048576).toFixed(2)} MB over ${CYCLES - WARMUP} cycles`,
      );
    } finally {
      await harness.close();
    }
  },
);
