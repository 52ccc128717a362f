/**
 * CLI cold-start rows of `npm run bench`: whole-process wall time of `node dist/cli.js validate|run` on a tiny
 * workflow against `node -e 0` and the peers' CLIs (asl-validator, aws-local-stepfunctions' local-sfn), each
 * started many times, interleaved. Bench-only; spawns node processes, no network.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { measureInterleaved } from './benchHarness';
import { type BenchRow, round } from './benchTypes';

export interface CliBenchOptions {
  repoRoot: string;
  runs: number;
  /** A preload script defining Promise.withResolvers (local-sfn needs it on Node 20). */
  polyfill: string;
}

function nodeRun(args: string[], cwd: string, stdin = ''): () => number {
  return () => {
    const result = spawnSync(process.execPath, args, { cwd, input: stdin, stdio: ['pipe', 'pipe', 'pipe'] });
    if (result.status !== 0) {
      throw new Error(
        `node ${args.join(' ')} exited ${result.status}: ${String(result.stderr).slice(0, 400)}`,
      );
    }
    return result.status;
  };
}

export async function benchCli(options: CliBenchOptions): Promise<BenchRow[]> {
  const root = options.repoRoot;
  const tiny = path.join(root, 'bench', 'fixtures', 'tiny.asl.json');
  const cli = path.join(root, 'dist', 'cli.js');
  const sides = {
    nodeE0: nodeRun(['-e', '0'], root),
    validate: nodeRun([cli, 'validate', tiny], root),
    run: nodeRun([cli, 'run', tiny], root),
    aslValidator: nodeRun(
      [
        path.join(root, 'node_modules/asl-validator/dist/bin/asl-validator.js'),
        '--silent',
        '--json-path',
        tiny,
      ],
      root,
    ),
    localSfn: nodeRun(
      [
        '--require',
        options.polyfill,
        path.join(root, 'node_modules/aws-local-stepfunctions/bin/CLI.cjs'),
        '-f',
        tiny,
      ],
      root,
      '{}\n',
    ),
  };
  const s = await measureInterleaved(sides, { warmup: 2, rounds: options.runs });
  const base = s.nodeE0.median;
  const cell = (k: keyof typeof s) => ({ median: round(s[k].median, 1), p95: round(s[k].p95, 1) });
  const limit = (k: keyof typeof s) => ({
    name: 'node -e 0',
    median: round(base, 1),
    oursOverLimit: round(s[k].median / base, 2),
  });
  return [
    {
      workload: 'CLI cold start: asl validate tiny.asl.json',
      ours: cell('validate'),
      anchor: { name: 'asl-validator --json-path (bin)', median: round(s.aslValidator.median, 1) },
      ratio: round(s.aslValidator.median / s.validate.median, 2),
      limit: limit('validate'),
    },
    {
      workload: 'CLI cold start: asl run tiny.asl.json',
      ours: cell('run'),
      anchor: { name: 'local-sfn -f (aws-local-stepfunctions bin)', median: round(s.localSfn.median, 1) },
      ratio: round(s.localSfn.median / s.run.median, 2),
      limit: limit('run'),
      target: '<= 2x node -e 0',
      met: s.run.median <= 2 * base,
    },
  ];
}
