import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { corpusDir, repoRoot } from '../support/paths';
import { describe, errorsOf, readTsv, validateFile } from './corpusHelpers';

const invalidDir = path.join(corpusDir, 'invalid');
const index = readTsv(path.join(invalidDir, 'INDEX.tsv'));
const mapping = new Map(
  readTsv(path.join(repoRoot, 'test', 'corpus', 'invalidExpectedCodes.tsv')).map((r) => [r.file, r]),
);

test('every invalid-corpus file has an expected-code row (reason -> code mapping)', () => {
  assert.deepEqual(
    index.map((r) => r.file).filter((f) => !mapping.has(f)),
    [],
  );
});

test('invalid corpus: each file gets the diagnostic its reason names', () => {
  const problems: string[] = [];
  let matched = 0;
  let awsAccepts = 0;
  for (const row of index) {
    const expected = mapping.get(row.file)!;
    const diagnostics = validateFile(path.join(invalidDir, row.file))!;
    if (expected.expected_code === '-') {
      // Documented: AWS accepts what the source project calls invalid (justification in the TSV).
      awsAccepts++;
      continue;
    }
    const hit = diagnostics.find((d) => d.code === expected.expected_code);
    if (hit) matched++;
    else {
      problems.push(
        `${row.file}: expected ${expected.expected_code}; got\n${describe(row.file, diagnostics)}`,
      );
    }
    const warningOnly = /^warning only/.test(expected.justification);
    if (!warningOnly && errorsOf(diagnostics).length === 0) problems.push(`${row.file}: no error`);
  }
  console.log(
    `invalid corpus: ${matched}/${index.length} get the expected code; ${awsAccepts} documented as accepted by AWS`,
  );
  assert.deepEqual(problems, []);
});

test('no crash on any corpus file, unparseable ones included', () => {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(json|ya?ml)$/i.test(entry.name)) files.push(full);
    }
  };
  for (const dir of ['real-world', 'invalid', 'unparseable']) walk(path.join(corpusDir, dir));
  let validated = 0;
  for (const file of files) {
    assert.doesNotThrow(() => {
      if (validateFile(file)) validated++;
    }, file);
  }
  const unparseable = fs.readdirSync(path.join(corpusDir, 'unparseable')).filter((f) => /\.json$/.test(f));
  for (const name of unparseable) {
    const diagnostics = validateFile(path.join(corpusDir, 'unparseable', name))!;
    assert.ok(errorsOf(diagnostics).length > 0, `${name} is reported as not JSON`);
  }
  assert.ok(validated > 1000, `validated ${validated} files`);
});
