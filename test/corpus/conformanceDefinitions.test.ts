import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseStateMachine } from '../../server/src/asl';
import { defaultServiceSettings } from '../../server/src/service/types';
import { validateStateMachine } from '../../server/src/service/validation/validateStateMachine';
import { conformanceDir } from '../support/paths';
import { describe, errorsOf } from './corpusHelpers';

function caseFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...caseFiles(full));
    else if (entry.name.endsWith('.json')) out.push(full);
  }
  return out;
}

interface ExecutionCase {
  stateMachineType?: 'STANDARD' | 'EXPRESS';
  definition?: unknown;
  request?: { definition?: unknown };
}

/** Cases AWS ran: their definitions were accepted, so none may get an error (with the recorded machine type). */
test('conformance executions recorded against AWS: every definition validates without errors', () => {
  const offending: string[] = [];
  let checked = 0;
  for (const file of caseFiles(conformanceDir).filter((f) => !f.includes('test_state_api'))) {
    const recorded = JSON.parse(fs.readFileSync(file, 'utf8')) as ExecutionCase;
    if (!recorded.definition) continue;
    checked++;
    const text = JSON.stringify(recorded.definition, null, 2);
    const diagnostics = validateStateMachine(parseStateMachine(text), {
      ...defaultServiceSettings,
      stateMachineType: recorded.stateMachineType,
    });
    const errors = errorsOf(diagnostics);
    if (errors.length > 0) offending.push(describe(path.relative(conformanceDir, file), errors));
  }
  console.log(`conformance definitions: ${checked} checked`);
  assert.equal(offending.length, 0, `false positives:\n${offending.join('\n')}`);
  assert.ok(checked > 1000);
});

test('TestState definitions recorded against AWS: no schema or field errors (single states wrapped)', () => {
  // A lone state's Next names a state outside the request: transition rules do not apply.
  const notApplicable = new Set(['invalid-transition-target', 'missing-terminal-state', 'unreachable-state']);
  const offending: string[] = [];
  let checked = 0;
  for (const file of caseFiles(path.join(conformanceDir, 'test_state_api'))) {
    const recorded = JSON.parse(fs.readFileSync(file, 'utf8')) as ExecutionCase;
    const raw = recorded.request?.definition;
    if (!raw) continue;
    checked++;
    const definition = (typeof raw === 'string' ? JSON.parse(raw) : raw) as Record<string, unknown>;
    const machine = 'States' in definition ? definition : { StartAt: 'S', States: { S: definition } };
    const diagnostics = validateStateMachine(
      parseStateMachine(JSON.stringify(machine, null, 2)),
      defaultServiceSettings,
    );
    const errors = errorsOf(diagnostics).filter((d) => !notApplicable.has(String(d.code)));
    if (errors.length > 0) offending.push(describe(path.basename(file), errors));
  }
  console.log(`TestState definitions: ${checked} checked`);
  assert.equal(offending.length, 0, `false positives:\n${offending.join('\n')}`);
  assert.ok(checked > 100);
});
