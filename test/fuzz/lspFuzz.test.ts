// Short seeded language-server fuzz run inside npm test, plus replay of every recorded failing seed
// (test/fixtures/fuzz/lsp/*.json). The long run is `npm run fuzz`.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { corpusDir, fixture } from '../support/paths';
import { loadCorpus } from './editGenerator';
import { runLspFuzz } from './lspFuzzer';

const SHORT_SEED = 20261125;
const SHORT_EDITS = 300;

test(
  `LSP fuzz: ${SHORT_EDITS} seeded edits, no crash, every request answered`,
  { timeout: 120_000 },
  async () => {
    const corpus = loadCorpus(corpusDir);
    assert.ok(corpus.length > 100, 'the shared corpus is readable');
    const report = await runLspFuzz({ seed: SHORT_SEED, edits: SHORT_EDITS, corpus });
    assert.deepEqual(
      report.failures.map((f) => `${f.kind} at edit ${f.editIndex} (${f.file}): ${f.detail.slice(0, 300)}`),
      [],
    );
    assert.equal(report.edits, SHORT_EDITS);
    const handled = Object.values(report.answered).reduce((a, b) => a + b, 0);
    const unsupported = Object.values(report.unsupported).reduce((a, b) => a + b, 0);
    assert.equal(handled + unsupported, report.requests, 'every request got an answer');
  },
);

/** A recorded failing seed: replayed with the same edit count it failed at. */
interface RegressionSeed {
  seed: number;
  edits: number;
  note: string;
}

const regressionDir = fixture('fuzz', 'lsp');
const seeds: RegressionSeed[] = fs.existsSync(regressionDir)
  ? fs
      .readdirSync(regressionDir)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => JSON.parse(fs.readFileSync(`${regressionDir}/${f}`, 'utf8')) as RegressionSeed)
  : [];

for (const s of seeds) {
  test(`LSP fuzz regression seed ${s.seed} (${s.note})`, { timeout: 120_000 }, async () => {
    const report = await runLspFuzz({ seed: s.seed, edits: s.edits, corpus: loadCorpus(corpusDir) });
    assert.deepEqual(
      report.failures.map((f) => `${f.kind} at edit ${f.editIndex}: ${f.detail.slice(0, 300)}`),
      [],
    );
  });
}
