// Disconnect/terminate at any point (paused at entry, tasks pending, mid-Map, real-time Wait) leaves no timers
// or handles behind: each scenario runs in a child process that reports its active resources before and after,
// and the child must exit on its own.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { runtimeSkip } from '../../dap/runtimeAvailability';

const child = path.join(__dirname, 'dapTeardownChild.js');
const SCENARIOS = [
  'entry-disconnect',
  'pending-disconnect',
  'map-terminate',
  'realtime-disconnect',
  'realtime-terminate',
];

function count(resources: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of resources) out[r] = (out[r] ?? 0) + 1;
  return out;
}

for (const scenario of SCENARIOS) {
  test(
    `debug adapter teardown (${scenario}) leaves no active timers or handles`,
    { skip: runtimeSkip, timeout: 60_000 },
    () => {
      // The spawn timeout only guards against a child kept alive by a leaked timer (a hang, not a speed check).
      const r = spawnSync(process.execPath, [child, scenario], { encoding: 'utf8', timeout: 45_000 });
      assert.equal(
        r.signal,
        null,
        `the child did not exit on its own (kept alive by a leaked handle?)\n${r.stderr}`,
      );
      assert.equal(r.status, 0, r.stderr);
      const { baseline, after } = JSON.parse(r.stdout.trim().split('\n').pop()!) as {
        baseline: string[];
        after: string[];
      };
      assert.deepEqual(count(after), count(baseline));
    },
  );
}
