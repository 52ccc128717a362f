/**
 * Runtime rows of `npm run bench`: our local runtime (virtual clock) against aws-local-stepfunctions on a
 * 10,000-iteration Choice loop and a 1,000-item Map; large Maps for peak RSS run in child processes
 * (mapRssChild.ts). Bench-only: the anchor is imported here, never in shipped code.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { createExecution, type RuntimeHost } from '../../server/src/runtime';
import { measureInterleaved } from './benchHarness';
import { type BenchRow, round } from './benchTypes';

/** Deterministic host: fixed start time, counter-based ids, no timers (virtual clock). */
export function benchHost(): RuntimeHost {
  let id = 0;
  let seed = 1;
  return {
    now: () => 1_700_000_000_000,
    random: () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646,
    uuid: () => `00000000-0000-4000-8000-${String(++id).padStart(12, '0')}`,
  };
}

export const choiceLoop = (iterations: number) => ({
  StartAt: 'Init',
  States: {
    Init: { Type: 'Pass', Result: { i: 0 }, Next: 'Check' },
    Check: {
      Type: 'Choice',
      Choices: [{ Variable: '$.i', NumericGreaterThanEquals: iterations, Next: 'Done' }],
      Default: 'Increment',
    },
    Increment: { Type: 'Pass', Parameters: { 'i.$': 'States.MathAdd($.i, 1)' }, Next: 'Check' },
    Done: { Type: 'Succeed' },
  },
});

/** Inline for the 1,000-item row; DISTRIBUTED (child executions, own histories) for 10k/100k, as AWS requires. */
export const twoPassMap = (mode: 'INLINE' | 'DISTRIBUTED' = 'INLINE') => ({
  StartAt: 'Each',
  States: {
    Each: {
      Type: 'Map',
      ItemsPath: '$.items',
      ItemProcessor: {
        ProcessorConfig:
          mode === 'INLINE' ? { Mode: 'INLINE' } : { Mode: 'DISTRIBUTED', ExecutionType: 'EXPRESS' },
        StartAt: 'A',
        States: {
          A: { Type: 'Pass', Parameters: { 'id.$': '$.id', doubled: true }, Next: 'B' },
          // DISTRIBUTED: each iteration returns 0, so 100k results stay under the 256 KiB result limit.
          B:
            mode === 'INLINE'
              ? { Type: 'Pass', ResultPath: '$.seen', Result: 1, End: true }
              : { Type: 'Pass', Result: 0, End: true },
        },
      },
      ...(mode === 'DISTRIBUTED' ? { ResultPath: null, OutputPath: '$.count' } : {}),
      End: true,
    },
  },
});

const retryHeavy = () => ({
  StartAt: 'Flaky',
  States: {
    Flaky: {
      Type: 'Task',
      Resource: 'arn:aws:lambda:us-east-1:123456789012:function:flaky',
      Retry: [
        {
          ErrorEquals: ['States.ALL'],
          IntervalSeconds: 30,
          MaxAttempts: 50,
          BackoffRate: 1.5,
          MaxDelaySeconds: 3600,
        },
      ],
      Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Gave up' }],
      End: true,
    },
    'Gave up': { Type: 'Pass', End: true },
  },
});

// The package's types resolve to its ESM build; its CommonJS build (exports.require) is what node loads here.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { StateMachine } = require('aws-local-stepfunctions') as {
  StateMachine: new (
    definition: unknown,
    options?: unknown,
  ) => { run(input: unknown): { result: Promise<unknown> } };
};

export async function runOurs(definition: unknown, input: unknown, host = benchHost()): Promise<string> {
  const result = await createExecution({ definition, input, host }).start();
  if (result.status !== 'SUCCEEDED') {
    throw new Error(`bench execution ${result.status}: ${result.error} ${result.cause}`);
  }
  return result.status;
}

async function runAnchor(definition: unknown, input: unknown): Promise<unknown> {
  const machine = new StateMachine(definition, { validationOptions: { checkPaths: false, checkArn: false } });
  return machine.run(input).result;
}

export async function benchRuntime(repoRoot: string, rounds: number): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  // 10,000 iterations would write ~40,000 history events; like AWS, our runtime stops at 25,000 (States.Runtime).
  const loop = choiceLoop(6_000);
  const items = { items: Array.from({ length: 1000 }, (_, i) => ({ id: i })) };
  const loopStats = await measureInterleaved(
    { ours: () => runOurs(loop, {}), anchor: () => runAnchor(loop, {}) },
    { warmup: 1, rounds },
  );
  const mapStats = await measureInterleaved(
    { ours: () => runOurs(twoPassMap(), items), anchor: () => runAnchor(twoPassMap(), items) },
    { warmup: 2, rounds },
  );
  for (const [workload, s] of [
    ['run: 6,000-iteration Choice loop (States.MathAdd; 10,000 exceeds the 25,000-event limit)', loopStats],
    ['run: 1,000-item Map of two Pass states', mapStats],
  ] as const) {
    const ratio = s.anchor.median / s.ours.median;
    rows.push({
      workload,
      ours: { median: round(s.ours.median), p95: round(s.ours.p95) },
      anchor: { name: 'aws-local-stepfunctions', median: round(s.anchor.median) },
      ratio: round(ratio, 2),
      target: '>= 10x faster than aws-local-stepfunctions',
      met: ratio >= 10,
    });
  }
  // Retry-heavy: 50 attempts with 30 s .. 1 h backoff, all failing; simulated time passes instantly.
  const retryHost: RuntimeHost = {
    ...benchHost(),
    invokeTask: async () => ({ kind: 'failure', error: 'Boom' }),
  };
  const retry = await measureInterleaved(
    { ours: () => runOurs(retryHeavy(), {}, { ...retryHost }) },
    { warmup: 2, rounds },
  );
  rows.push({
    workload: 'run: retry-heavy Task (50 attempts, up to 1 h backoff) on the virtual clock',
    ours: { median: round(retry.ours.median), p95: round(retry.ours.p95) },
    notes:
      'anchor not run: aws-local-stepfunctions would sleep the real backoff (retryIntervalOverrides changes the workload)',
  });
  // Peak RSS of large Maps, each in a fresh child process.
  const child = path.join(__dirname, 'mapRssChild.js');
  const rss: Record<number, { ms: number; mb: number }> = {};
  for (const n of [10_000, 100_000]) {
    const out = spawnSync(process.execPath, [child, String(n)], { cwd: repoRoot, encoding: 'utf8' });
    if (out.status !== 0) throw new Error(`mapRssChild ${n} failed: ${out.stderr.slice(0, 400)}`);
    rss[n] = JSON.parse(out.stdout) as { ms: number; mb: number };
  }
  for (const n of [10_000, 100_000]) {
    rows.push({
      workload: `run: ${n.toLocaleString('en-US')}-item DISTRIBUTED Map (EXPRESS), peak RSS (child process)`,
      ours: { median: round(rss[n].mb, 1), p95: round(rss[n].mb, 1) },
      unit: 'MB',
      notes: `wall ${round(rss[n].ms, 1)} ms (one run)`,
      ...(n === 100_000
        ? {
            target: '< 512 MB peak RSS and linear (time 100k / 10k ~ 10)',
            met: rss[n].mb < 512 && rss[100_000].ms / rss[10_000].ms < 15,
            notes: `wall ${round(rss[n].ms, 1)} ms (one run); time ratio 100k/10k = ${round(rss[100_000].ms / rss[10_000].ms, 2)}`,
          }
        : {}),
    });
  }
  return rows;
}
