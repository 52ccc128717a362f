import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { test } from 'node:test';
import { fixture, repoRoot } from '../support/paths';

const cli = path.join(repoRoot, 'out', 'server', 'src', 'cli', 'cliMain.js');
const example = path.join(repoRoot, 'examples', 'order-processing.asl.json');
const input = path.join(repoRoot, 'examples', 'order-processing.input.json');

function asl(...args: string[]) {
  const r = spawnSync(process.execPath, [cli, 'test-state', ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('asl test-state: a mocked Task with DEBUG inspection data and its next state', () => {
  const r = asl(
    example,
    '--state',
    'Charge card',
    '--input-file',
    input,
    '--mock-result',
    '{"Payload": {"chargeId": "ch-1"}}',
    '--inspection-level',
    'debug',
  );
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout) as {
    status: string;
    nextState: string;
    inspectionData: Record<string, string>;
  };
  assert.equal(out.status, 'SUCCEEDED');
  assert.equal(out.nextState, 'Ship items');
  assert.deepEqual(JSON.parse(out.inspectionData.result), { Payload: { chargeId: 'ch-1' } });
  assert.deepEqual(JSON.parse(out.inspectionData.afterParameters).Payload, {
    orderId: 'ord-1001',
    amount: 42.5,
  });
});

test('asl test-state: the StartAt state by default; a mocked error caught by Catch is CAUGHT_ERROR (exit 0)', () => {
  const choice = asl(example, '--input', '{"orderId": "o"}');
  assert.equal(choice.code, 0, choice.stderr);
  assert.equal((JSON.parse(choice.stdout) as { nextState: string }).nextState, 'Reject order');
  const caught = asl(
    example,
    '--state',
    'Charge card',
    '--input-file',
    input,
    '--mock-error',
    'PaymentDeclined',
  );
  const out = JSON.parse(caught.stdout) as { status: string; error: string; nextState: string };
  assert.equal(caught.code, 0, caught.stderr);
  assert.equal(out.status, 'CAUGHT_ERROR');
  assert.equal(out.error, 'PaymentDeclined');
  assert.equal(out.nextState, 'Payment failed');
});

test('asl test-state: a FAILED state exits 1; usage errors and invalid definitions exit 2 with a message', () => {
  const failed = asl(example, '--state', 'Reject order');
  assert.equal(failed.code, 1);
  assert.equal((JSON.parse(failed.stdout) as { error: string }).error, 'InvalidOrder');
  const usage = asl(example, '--input', '{broken');
  assert.equal(usage.code, 2);
  assert.match(usage.stderr, /--input: not valid JSON/);
  const level = asl(example, '--inspection-level', 'LOUD');
  assert.equal(level.code, 2);
  assert.match(level.stderr, /--inspection-level must be INFO, DEBUG or TRACE/);
  const both = asl(example, '--mock-result', '{}', '--mock-error', 'E');
  assert.equal(both.code, 2);
  const missing = asl(example, '--state', 'Nope');
  assert.equal(missing.code, 1);
  assert.match(
    (JSON.parse(missing.stdout) as { cause: string }).cause,
    /The state 'Nope' is not in the definition/,
  );
  const invalid = asl(fixture('runtime', 'broken.asl.json'));
  assert.equal(invalid.code, 2);
  assert.match(invalid.stderr, /broken\.asl\.json:\d+:\d+ error/);
});
