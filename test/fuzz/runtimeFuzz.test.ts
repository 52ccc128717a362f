// Short seeded runtime fuzz run inside npm test (the long run is `npm run fuzz`): generated workflows of every
// state type in both query languages settle, fail only with ASL error names and causes, and stop at AWS's limits.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { createRng } from './prng';
import { loadCreateExecution, runRuntimeFuzzBatch } from './runtimeFuzzer';
import { generateWorkflow } from './workflowGenerator';

const SEED = 424242;
const EXECUTIONS = 300;
const runtimeBuilt = loadCreateExecution() !== undefined;

test('the workflow generator covers every state type and both query languages', () => {
  const types = new Set<string>();
  const languages = new Set<string>();
  let loops = 0;
  const collect = (scope: Record<string, unknown>): void => {
    for (const state of Object.values(scope.States as Record<string, Record<string, unknown>>)) {
      types.add(String(state.Type));
      for (const b of (state.Branches as Record<string, unknown>[] | undefined) ?? []) collect(b);
      if (state.ItemProcessor) collect(state.ItemProcessor as Record<string, unknown>);
    }
  };
  for (let i = 0; i < 200; i++) {
    const w = generateWorkflow(createRng(SEED + i));
    languages.add(String(w.definition.QueryLanguage ?? 'JSONPath'));
    if (w.loops) loops++;
    collect(w.definition);
  }
  assert.deepEqual([...types].sort(), [
    'Choice',
    'Fail',
    'Map',
    'Parallel',
    'Pass',
    'Succeed',
    'Task',
    'Wait',
  ]);
  assert.deepEqual([...languages].sort(), ['JSONPath', 'JSONata']);
  assert.ok(loops > 0, 'some workflows loop forever');
});

test(
  `runtime fuzz: ${EXECUTIONS} seeded executions, no crash, ASL errors only`,
  { skip: runtimeBuilt ? false : 'the runtime is not built yet', timeout: 300_000 },
  async () => {
    const report = await runRuntimeFuzzBatch({ seed: SEED, executions: EXECUTIONS });
    assert.deepEqual(report.failures, []);
    assert.equal(report.executions, EXECUTIONS);
    assert.ok((report.statuses.SUCCEEDED ?? 0) > 0 && (report.statuses.FAILED ?? 0) > 0, report.summary);
  },
);
