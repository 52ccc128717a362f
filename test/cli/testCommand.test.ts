import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { fixture, repoRoot } from '../support/paths';

const cli = path.join(repoRoot, 'out', 'server', 'src', 'cli', 'cliMain.js');

function asl(...args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('asl test runs spec test cases and reports them', () => {
  const r = asl('test', fixture('runtime', 'order-processing.test.json'));
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /ok {3}.*happy path from the mock config/);
  assert.match(r.stdout, /2 passed, 0 failed/);
});

test('asl test reports a failing expectation, inline mocks and variables, and writes JUnit XML', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'asl-test-'));
  fs.writeFileSync(
    path.join(dir, 'wf.asl.json'),
    JSON.stringify({
      StartAt: 'T',
      States: {
        T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Assign: { seen: '$.v' }, End: true },
      },
    }).replace('"seen"', '"seen.$"'),
  );
  fs.writeFileSync(
    path.join(dir, 'wf.test.json'),
    JSON.stringify({
      definition: 'wf.asl.json',
      tests: [
        {
          name: 'passes',
          mocks: { T: [{ Return: { v: 1 } }] },
          expect: { status: 'SUCCEEDED', output: { v: 1 }, variables: { seen: 1 } },
        },
        { name: 'fails', mocks: { T: [{ Return: { v: 2 } }] }, expect: { output: { v: 3 } } },
      ],
    }),
  );
  const text = asl('test', path.join(dir, 'wf.test.json'));
  assert.equal(text.code, 1);
  assert.match(text.stdout, /FAIL .*fails\n\s+output: expected \{"v":3\}, got \{"v":2\}/);
  const junit = asl('test', path.join(dir, 'wf.test.json'), '--reporter', 'junit');
  assert.equal(junit.code, 1);
  assert.match(junit.stdout, /<testsuites name="asl test" tests="2" failures="1"/);
  assert.match(junit.stdout, /<testcase classname="[^"]*" name="passes"\/>/);
  const missing = asl('test', path.join(dir, 'nope.json'));
  assert.equal(missing.code, 2);
  assert.match(missing.stdout, /cannot read spec/);
});
