import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { test } from 'node:test';
import { fixture, repoRoot } from '../support/paths';

const cli = path.join(repoRoot, 'out', 'server', 'src', 'cli', 'cliMain.js');
const example = (name: string) => path.join(repoRoot, 'examples', name);

function asl(...args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('asl run with a MockConfigFile test case prints each transition and succeeds (the demo)', () => {
  const r = asl(
    'run',
    example('order-processing.asl.json'),
    '--input-file',
    example('order-processing.input.json'),
    '--mock-config',
    example('order-processing.mocks.json'),
    '--test-case',
    'HappyPath',
  );
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /-> Charge card \(Task\)/);
  assert.match(r.stdout, /Execution SUCCEEDED/);
});

test('asl run --format json prints status, error, cause and AWS-shaped events; exit 1 on failure', () => {
  const r = asl(
    'run',
    example('order-processing.asl.json'),
    '--input-file',
    example('order-processing.input.json'),
    '--mock-config',
    example('order-processing.mocks.json'),
    '--test-case',
    'CardDeclined',
    '--format',
    'json',
  );
  assert.equal(r.code, 1, r.stderr);
  const out = JSON.parse(r.stdout) as {
    status: string;
    error: string;
    events: Array<{ id: number; type: string; previousEventId: number }>;
  };
  assert.equal(out.status, 'FAILED');
  assert.equal(out.error, 'PaymentFailed');
  assert.equal(out.events[0].type, 'ExecutionStarted');
  assert.equal(out.events[0].id, 1);
  assert.equal(out.events.at(-1)?.type, 'ExecutionFailed');
});

test('asl run with handler modules (by state name and by Resource ARN)', () => {
  const r = asl(
    'run',
    fixture('runtime', 'handlers.asl.json'),
    '--input',
    '{"n": 21}',
    '--handlers',
    fixture('runtime', 'handlers.json'),
    '--format',
    'json',
  );
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout) as { output: unknown };
  assert.deepEqual(out.output, { n: 42, error: { Error: 'Refused', Cause: 'handler refused' } });
});

test('asl run without an answer for a task fails naming the state and how to mock it', () => {
  const r = asl('run', fixture('runtime', 'handlers.asl.json'), '--input', '{"n": 1}');
  assert.equal(r.code, 1);
  assert.match(r.stdout, /Task state 'Double'.*mocked response/);
});

test('asl run: definition errors print diagnostics and exit 2; usage errors exit 2', () => {
  const broken = asl('run', fixture('runtime', 'broken.asl.json'));
  assert.equal(broken.code, 2);
  assert.match(broken.stderr, /broken\.asl\.json:\d+:\d+ error/);
  const usage = asl('run', example('order-processing.asl.json'), '--input', '{not json');
  assert.equal(usage.code, 2);
  assert.match(usage.stderr, /--input: not valid JSON/);
  const noCase = asl(
    'run',
    example('order-processing.asl.json'),
    '--mock-config',
    example('order-processing.mocks.json'),
    '--test-case',
    'Nope',
  );
  assert.equal(noCase.code, 2);
  assert.match(noCase.stderr, /no test case 'Nope'/);
});
