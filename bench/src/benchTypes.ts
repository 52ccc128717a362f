/**
 * The result row of `npm run bench` (printed as a table, written to .bench/results.json). Times in ms.
 * Bench-only; depends on nothing.
 */

export interface BenchRow {
  /** What was measured, e.g. "validate 1 MB / 2,000 states". */
  workload: string;
  /** Our side: median and p95 (ms, or MB for memory rows). */
  ours: { median: number; p95: number };
  /** The tool a user would pick instead, when one applies. */
  anchor?: { name: string; median: number };
  /** anchor median / our median (> 1: we are faster). */
  ratio?: number;
  /** A lower bound (e.g. a bare jsonc-parser parse) and how many times it our median is. */
  limit?: { name: string; median: number; oursOverLimit: number };
  /** The target from issue 7, in words, and whether the measurement meets it. */
  target?: string;
  met?: boolean;
  unit?: 'ms' | 'MB';
  notes?: string;
}

export function round(value: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
