/**
 * Every valid definition of the real-world corpus runs with empty input and a host that fails unanswered
 * tasks: each execution completes or fails with an ASL error name and a cause, never crashes or hangs.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { parseStateMachine, formatForFileName } from '../../../server/src/asl';
import { createExecution } from '../../../server/src/runtime';
import { corpusDir } from '../../support/paths';
import { testHost } from './runtimeTestHost';

const dir = path.join(corpusDir, 'real-world');

function validFiles(): string[] {
  const lines = fs.readFileSync(path.join(dir, 'EXPECTED.tsv'), 'utf8').split('\n').slice(1);
  return lines
    .map((l) => l.split('\t'))
    .filter((cols) => cols[1] === 'valid')
    .map((cols) => cols[0]);
}

test('real-world corpus: every valid JSON definition runs to an end state without crashing', async (t) => {
  const all = validFiles();
  // YAML files need the YAML front end (asl/parseYaml), which is not part of this build yet.
  const files = all.filter((f) => formatForFileName(f) === 'json');
  t.diagnostic(`${files.length} JSON definitions run; ${all.length - files.length} YAML definitions not run`);
  assert.ok(files.length > 500, `expected the corpus, found ${files.length} valid files`);
  const problems: string[] = [];
  let succeeded = 0;
  for (const file of files) {
    const full = path.join(dir, file);
    const model = parseStateMachine(fs.readFileSync(full, 'utf8'), { format: formatForFileName(full) });
    try {
      const result = await createExecution({
        definition: model.definition,
        input: {},
        host: testHost(),
      }).start();
      if (result.status === 'SUCCEEDED') succeeded++;
      else if (
        (!result.error || result.cause === undefined) &&
        !result.history.some((e) => e.type === 'FailStateEntered')
      ) {
        // A Fail state may legitimately omit Error/Cause (AWS then reports none); anything else must name both.
        problems.push(`${file}: ${result.status} without error/cause (${String(result.error)})`);
      }
    } catch (e) {
      problems.push(`${file}: crashed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  assert.deepEqual(problems, []);
  assert.ok(succeeded > 0, 'at least some definitions run to success with empty input');
});
