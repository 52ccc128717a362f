/**
 * `npm run fuzz`: the long fuzz runs (20,000 language-server edits, 5,000 runtime executions by default),
 * printed as a summary; a failing seed is printed and, with --record, written to test/fixtures/fuzz/ as a
 * regression seed the short tests replay. Exit code 1 when anything failed. Not a test file.
 * Usage: node out/tests/fuzz/runFuzz.js [--lsp-edits N] [--executions N] [--seed N] [--record]
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { corpusDir, fixture } from '../support/paths';
import { loadCorpus } from './editGenerator';
import { type LspFuzzReport, runLspFuzz } from './lspFuzzer';
import { runRuntimeFuzzBatch } from './runtimeFuzzer';

const EDITS_PER_SESSION = 1000;

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

async function fuzzLsp(totalEdits: number, baseSeed: number, recordSeeds: boolean): Promise<boolean> {
  const corpus = loadCorpus(corpusDir);
  const all: LspFuzzReport[] = [];
  const started = Date.now();
  for (let done = 0, k = 0; done < totalEdits; k++) {
    const edits = Math.min(EDITS_PER_SESSION, totalEdits - done);
    const seed = baseSeed + k;
    const report = await runLspFuzz({ seed, edits, corpus });
    all.push(report);
    done += edits;
    process.stdout.write(
      `lsp seed ${seed}: ${report.edits} edits, ${report.requests} requests, ${report.failures.length} failures, ` +
        `slowest ${report.slowest.method} ${report.slowest.ms.toFixed(1)} ms\n`,
    );
    for (const f of report.failures.slice(0, 3)) {
      process.stdout.write(
        `  FAIL seed ${f.seed} edit ${f.editIndex} ${f.kind} (${f.file}): ${f.detail.slice(0, 500)}\n`,
      );
    }
    if (recordSeeds && report.failures.length > 0) {
      const first = report.failures[0];
      const file = fixture('fuzz', 'lsp', `seed-${seed}.json`);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      const entry = {
        seed,
        edits: first.editIndex + 1,
        note: `${first.kind}: ${first.detail.slice(0, 120)}`,
      };
      fs.writeFileSync(file, `${JSON.stringify(entry, null, 2)}\n`);
      process.stdout.write(`  recorded ${file}\n`);
    }
  }
  const sum = (f: (r: LspFuzzReport) => number): number => all.reduce((a, r) => a + f(r), 0);
  const slowest = all.reduce((a, r) => (r.slowest.ms > a.slowest.ms ? r : a), all[0]);
  const methods = (key: 'answered' | 'unsupported'): Record<string, number> => {
    const out: Record<string, number> = {};
    for (const r of all) for (const [m, n] of Object.entries(r[key])) out[m] = (out[m] ?? 0) + n;
    return out;
  };
  const failures = sum((r) => r.failures.length);
  const slowestByMethod: Record<string, string> = {};
  for (const r of all) {
    for (const [m, s] of Object.entries(r.slowestByMethod)) {
      const prev = slowestByMethod[m];
      if (!prev || s.ms > Number.parseFloat(prev)) {
        slowestByMethod[m] = `${s.ms.toFixed(1)} ms (seed ${r.seed}, edit ${s.editIndex}: ${s.edit ?? '?'})`;
      }
    }
  }
  process.stdout.write(
    `\nLSP: ${sum((r) => r.edits)} edits, ${sum((r) => r.requests)} requests, ${failures} failures, ` +
      `${sum((r) => r.over200ms)} over 200 ms, slowest ${slowest.slowest.method} ${slowest.slowest.ms.toFixed(1)} ms ` +
      `(seed ${slowest.seed}, edit ${slowest.slowest.editIndex}, ${slowest.slowest.file}), ` +
      `${((Date.now() - started) / 1000).toFixed(1)} s\n` +
      `answered: ${JSON.stringify(methods('answered'))}\nunsupported (MethodNotFound): ${JSON.stringify(methods('unsupported'))}\n` +
      `slowest per method: ${JSON.stringify(slowestByMethod, null, 1)}\n` +
      `unhandled rejections: ${all.reduce((a, r) => a + r.failures.filter((f) => f.kind === 'unhandled-rejection').length, 0)}\n`,
  );
  return failures === 0;
}

async function main(): Promise<number> {
  const seed = option('--seed', 1);
  const record = process.argv.includes('--record');
  let ok = true;
  const edits = option('--lsp-edits', 20_000);
  if (edits > 0) ok = (await fuzzLsp(edits, seed, record)) && ok;
  const executions = option('--executions', 5_000);
  if (executions > 0) {
    const report = await runRuntimeFuzzBatch({
      seed,
      executions,
      onFailure: (f) => process.stdout.write(`  FAIL ${f}\n`),
    });
    process.stdout.write(`\nruntime: ${report.summary}\n`);
    ok = ok && report.failures.length === 0;
  }
  return ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`fuzz run failed: ${String(error)}\n`);
    process.exit(2);
  },
);
