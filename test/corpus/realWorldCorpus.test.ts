import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { corpusDir, repoRoot } from '../support/paths';
import { describe, errorsOf, readTsv, validateFile } from './corpusHelpers';

const realWorld = path.join(corpusDir, 'real-world');
const expected = readTsv(path.join(realWorld, 'EXPECTED.tsv'));
const disagreements = new Map(
  readTsv(path.join(repoRoot, 'test', 'corpus', 'knownDisagreements.tsv')).map((r) => [r.file, r]),
);

test('real-world corpus: valid files get zero errors (AWS-backed exceptions listed with a reason)', () => {
  const offending: string[] = [];
  let checked = 0;
  let skippedYaml = 0;
  for (const row of expected.filter(
    (r) => r.expected === 'valid' || r.expected === 'valid-after-substitution',
  )) {
    const diagnostics = validateFile(path.join(realWorld, row.file));
    if (!diagnostics) {
      skippedYaml++;
      continue;
    }
    checked++;
    const errors = errorsOf(diagnostics);
    const known = disagreements.get(row.file);
    if (known) {
      // The listed disagreement must still hold: the expected code is among the errors.
      if (!errors.some((e) => e.code === known.code)) {
        offending.push(`  ${row.file}: expected ${known.code} (listed in knownDisagreements.tsv)`);
      }
      continue;
    }
    if (errors.length > 0) offending.push(describe(row.file, errors));
  }
  console.log(
    `real-world valid: ${checked} checked, ${disagreements.size} listed disagreements, ${skippedYaml} YAML skipped (no YAML front end)`,
  );
  assert.equal(offending.length, 0, `false positives:\n${offending.join('\n')}`);
  assert.ok(checked > 800, 'the corpus was found and read');
});

test('real-world corpus: files marked invalid get at least one error', () => {
  const missed: string[] = [];
  for (const row of expected.filter((r) => r.expected === 'invalid')) {
    const diagnostics = validateFile(path.join(realWorld, row.file));
    if (diagnostics && errorsOf(diagnostics).length === 0) missed.push(row.file);
  }
  assert.deepEqual(missed, []);
});

test('real-world corpus: test-placeholder and unclear files are counted (no verdict asserted)', () => {
  const counts: Record<string, { withErrors: number; clean: number }> = {};
  for (const row of expected.filter((r) => r.expected === 'test-placeholder' || r.expected === 'unclear')) {
    const diagnostics = validateFile(path.join(realWorld, row.file));
    if (!diagnostics) continue;
    const bucket = (counts[row.expected] ??= { withErrors: 0, clean: 0 });
    if (errorsOf(diagnostics).length > 0) bucket.withErrors++;
    else bucket.clean++;
  }
  console.log(`real-world placeholder/unclear: ${JSON.stringify(counts)}`);
  assert.ok(counts['test-placeholder'], 'test-placeholder rows were validated');
});
