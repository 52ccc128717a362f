// The workspace-trust rule for starting workflows (client/src/debug/workspaceTrust.ts): trusted starts,
// untrusted refuses run and debug with a message saying what, why (naming a handler module) and how.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { decideWorkflowStart } from '../../../client/src/debug/workspaceTrust';

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
