/**
 * The measuring harness of `npm run bench`: warm-up, N interleaved rounds (A/B/A/B) of every side in this
 * process, wall time via process.hrtime.bigint, median and p95. Bench-only code: never imported by shipped
 * code; depends on node only.
 */

/** One measured side: sync or async work; its return value is kept alive so it cannot be optimised away. */
export type BenchSide = () => unknown;

/** Summary statistics of one side, in milliseconds. */
export interface SideStats {
  median: number;
  p95: number;
  min: number;
  samples: number;
}

export interface MeasureOptions {
  warmup: number;
  rounds: number;
}

let sink: unknown;
/** Keeps results reachable (defeats dead-code elimination); never read for anything else. */
export function consume(value: unknown): void {
  sink = value;
}
export function lastConsumed(): unknown {
  return sink;
}

/** Nearest-rank percentile of an ascending-sorted array. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export function summarize(samplesMs: readonly number[]): SideStats {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  return {
    median: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    min: sorted[0] ?? Number.NaN,
    samples: sorted.length,
  };
}

async function timeOnce(side: BenchSide): Promise<number> {
  const start = process.hrtime.bigint();
  const result = side();
  consume(result instanceof Promise ? await result : result);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/**
 * Runs every side `warmup` times (unmeasured), then `rounds` interleaved rounds: each round runs each side
 * once, in the given order, so drift (GC, thermal, JIT) hits all sides alike.
 */
export async function measureInterleaved(
  sides: Record<string, BenchSide>,
  options: MeasureOptions,
): Promise<Record<string, SideStats>> {
  const names = Object.keys(sides);
  for (let i = 0; i < options.warmup; i++) {
    for (const name of names) await timeOnce(sides[name]);
  }
  const samples: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let r = 0; r < options.rounds; r++) {
    for (const name of names) samples[name].push(await timeOnce(sides[name]));
  }
  return Object.fromEntries(names.map((n) => [n, summarize(samples[n])]));
}

/** Measures a batch of small operations: per-call times of `calls` (one sample per call, after warm-up). */
export async function measurePerCall(calls: readonly BenchSide[], warmupPasses: number): Promise<SideStats> {
  for (let i = 0; i < warmupPasses; i++) for (const call of calls) await timeOnce(call);
  const samples: number[] = [];
  for (const call of calls) samples.push(await timeOnce(call));
  return summarize(samples);
}
