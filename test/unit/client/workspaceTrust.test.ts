// The workspace-trust rule for starting workflows (client/src/debug/workspaceTrust.ts): trusted starts,
// untrusted refuses run and debug with a message saying what, why (naming a handler module) and how;
// and the manifest side (limited untrusted support, Run/Debug menus only in trusted workspaces).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { decideWorkflowStart } from '../../../client/src/debug/workspaceTrust';
import { repoRoot } from '../../support/paths';

test('a trusted workspace runs and debugs workflows, with or without handler modules', () => {
  for (const action of ['run', 'debug'] as const) {
    assert.deepEqual(decideWorkflowStart(true, action), { allowed: true });
    assert.deepEqual(decideWorkflowStart(true, action, { handlers: './handlers.js' }), { allowed: true });
  }
});

test('an untrusted workspace refuses run and debug with a clear message', () => {
  const run = decideWorkflowStart(false, 'run');
  const debug = decideWorkflowStart(false, 'debug', { program: '/w/a.asl.json' });
  assert.equal(run.allowed, false);
  assert.equal(debug.allowed, false);
  assert.ok(!run.allowed && !debug.allowed);
  assert.match(run.message, /does not run workflows in Restricted Mode/);
  assert.match(debug.message, /does not debug workflows in Restricted Mode/);
  for (const message of [run.message, debug.message]) {
    assert.match(message, /local handler modules, which run as JavaScript/);
    assert.match(message, /Trust this workspace to run workflows; validation and editing work either way\./);
  }
});

test('the refusal names the handler module the launch configuration would load', () => {
  const decision = decideWorkflowStart(false, 'debug', { handlers: './handlers/order.js', program: 'x' });
  assert.ok(!decision.allowed);
  assert.match(decision.message, /loads the handler module "\.\/handlers\/order\.js"/);
  // A blank or non-string handlers attribute is not a module name.
  for (const handlers of ['  ', 42, null]) {
    const d = decideWorkflowStart(false, 'run', { handlers });
    assert.ok(!d.allowed);
    assert.doesNotMatch(d.message, /loads the handler module/);
  }
});

interface MenuEntry {
  command: string;
  when?: string;
}

test('the manifest declares limited untrusted support and hides Run/Debug in untrusted workspaces', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
    capabilities?: { untrustedWorkspaces?: { supported?: unknown; description?: unknown } };
    contributes: { menus: Record<string, MenuEntry[]> };
  };
  const untrusted = manifest.capabilities?.untrustedWorkspaces;
  assert.equal(untrusted?.supported, 'limited');
  assert.match(String(untrusted?.description), /validates and edits .* does not run or debug/);
  const startEntries = Object.entries(manifest.contributes.menus).flatMap(([menu, entries]) =>
    entries
      .filter((e) => e.command === 'asl.runWorkflow' || e.command === 'asl.debugWorkflow')
      .map((e) => ({ menu, ...e })),
  );
  assert.ok(startEntries.length >= 4, 'editor title run menu and command palette entries exist');
  for (const entry of startEntries) {
    assert.match(entry.when ?? '', /^isWorkspaceTrusted\b/, `${entry.menu} ${entry.command}`);
  }
});
