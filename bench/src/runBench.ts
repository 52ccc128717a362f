/**
 * `npm run bench`: runs every benchmark group (validation, completion/hover, CLI cold start, runtime), prints a table and writes
 * .bench/results.json. BENCH_QUICK=1 runs fewer rounds; BENCH_ONLY=validation,editor,cli,runtime picks groups.
 * Bench-only entry point; installs nothing, no network.
 */
import './withResolversPolyfill';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { benchCli } from './cliBench';
import { benchEditorFeatures } from './editorBench';
import { benchRuntime } from './runtimeBench';
import { type BenchRow } from './benchTypes';
import { generateLargeDefinition } from './generateLargeDefinition';
import { benchCorpus, benchIncremental, benchValidationDoc } from './validationBench';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const sharedDir = process.env.ASL_SHARED_DIR ?? path.resolve(repoRoot, '..', 'shared');
const quick = process.env.BENCH_QUICK === '1';
const only = process.env.BENCH_ONLY?.split(',');
const wants = (group: string): boolean => !only || only.includes(group);
const scale = (n: number): number => (quick ? Math.max(3, Math.ceil(n / 5)) : n);

type Group = (rows: BenchRow[]) => Promise<void>;

const validation: Group = async (rows) => {
  const small = fs.readFileSync(path.join(repoRoot, 'examples', 'order-processing.asl.json'), 'utf8');
  const medium = generateLargeDefinition({ states: 200, targetBytes: 48 * 1024 });
  const large = generateLargeDefinition({ states: 2000, targetBytes: 1024 * 1024 });
  const kb = (t: string): string => `${Math.round(t.length / 1024)} KB`;
  rows.push(
    ...(await benchValidationDoc(
      { label: `small (order-processing, ${kb(small)})`, text: small, warmup: 20, rounds: scale(200) },
      false,
    )),
  );
  rows.push(
    ...(await benchValidationDoc(
      { label: `${kb(medium)} / 200 states`, text: medium, warmup: 5, rounds: scale(40) },
      true,
    )),
  );
  rows.push(
    ...(await benchValidationDoc(
      { label: `${kb(large)} / 2,000 states`, text: large, warmup: 2, rounds: scale(15) },
      true,
    )),
  );
  rows.push(await benchIncremental(large, scale(15)));
  rows.push(...(await benchCorpus(path.join(sharedDir, 'corpus', 'real-world'), scale(5))));
};

const cli: Group = async (rows) => {
  const polyfill = path.join(__dirname, 'withResolversPolyfill.js');
  rows.push(...(await benchCli({ repoRoot, runs: scale(30), polyfill })));
};

const fmt = (n: number | undefined, unit = 'ms'): string =>
  n === undefined || Number.isNaN(n) ? '' : `${n} ${unit}`;

function printTable(rows: BenchRow[]): void {
  const header = [
    'workload',
    'ours median',
    'ours p95',
    'anchor',
    'anchor median',
    'ratio',
    'limit',
    'target',
    'met',
  ];
  const lines = rows.map((r) => [
    r.workload,
    fmt(r.ours.median, r.unit),
    fmt(r.ours.p95, r.unit),
    r.anchor?.name ?? '',
    fmt(r.anchor?.median, r.unit),
    r.ratio === undefined ? '' : `${r.ratio}x`,
    r.limit ? `${r.limit.name} ${r.limit.median} ${r.unit ?? 'ms'} (ours ${r.limit.oursOverLimit}x)` : '',
    r.target ?? '',
    r.met === undefined ? '' : r.met ? 'yes' : 'NO',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const show = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i])).join(' | ');
  console.log(show(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const l of lines) console.log(show(l));
}

const editor: Group = async (rows) => {
  const large = generateLargeDefinition({ states: 2000, targetBytes: 1024 * 1024 });
  const label = `${Math.round(large.length / 1024)} KB / 2,000 states`;
  rows.push(...(await benchEditorFeatures(large, label, scale(10))));
};

const runtime: Group = async (rows) => {
  rows.push(...(await benchRuntime(repoRoot, scale(10))));
};

async function main(): Promise<number> {
  const rows: BenchRow[] = [];
  const groups: Array<[string, Group]> = [
    ['validation', validation],
    ['editor', editor],
    ['cli', cli],
    ['runtime', runtime],
  ];
  for (const [name, group] of groups) {
    if (!wants(name)) continue;
    process.stderr.write(`bench: ${name}...\n`);
    await group(rows);
  }
  printTable(rows);
  const outDir = path.join(repoRoot, '.bench');
  fs.mkdirSync(outDir, { recursive: true });
  const results = { date: new Date().toISOString(), node: process.version, quick, rows };
  fs.writeFileSync(path.join(outDir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nwrote ${path.relative(process.cwd(), path.join(outDir, 'results.json'))}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
