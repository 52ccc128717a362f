import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fixture, repoRoot } from '../support/paths';

const cli = path.join(repoRoot, 'out', 'server', 'src', 'cli', 'cliMain.js');

function run(...args: string[]) {
  const result = spawnSync(process.execPath, [cli, 'validate', ...args], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const v = (name: string) => fixture('validation', name);

test('a valid file: no output, exit 0', () => {
  const r = run(v('valid.asl.json'));
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, '');
});

test('human output is file:line:col severity code message (1-based), exit 1 on errors', () => {
  const file = v('invalid.asl.json');
  const r = run(file);
  assert.equal(r.code, 1);
  const lines = r.stdout.trim().split('\n');
  assert.ok(
    lines.includes(
      `${file}:6:7 error unknown-field "InputPth" is not a field of a Pass state. Did you mean "InputPath"?`,
    ),
    r.stdout,
  );
  assert.ok(
    lines.some((l) => l.startsWith(`${file}:7:15 error invalid-transition-target `)),
    r.stdout,
  );
  assert.ok(
    lines.some((l) => l.startsWith(`${file}:9:5 error unreachable-state `)),
    r.stdout,
  );
  for (const line of lines) assert.match(line, /^.+:\d+:\d+ (error|warning|information|hint) [a-z-]+ .+/);
  const positions = lines.map((l) =>
    l
      .slice(file.length + 1)
      .split(' ')[0]
      .split(':')
      .map(Number),
  );
  const sorted = [...positions].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  assert.deepEqual(positions, sorted, 'diagnostics are listed in document order');
});

test('--format json gives one entry per file with 1-based ranges', () => {
  const file = v('invalid.asl.json');
  const r = run('--format', 'json', file, v('valid.asl.json'));
  assert.equal(r.code, 1);
  const parsed = JSON.parse(r.stdout) as { file: string; diagnostics: Record<string, unknown>[] }[];
  assert.deepEqual(
    parsed.map((p) => p.file),
    [file, v('valid.asl.json')],
  );
  assert.deepEqual(parsed[1].diagnostics, []);
  const unknown = parsed[0].diagnostics.find((d) => d.code === 'unknown-field');
  assert.deepEqual(unknown, {
    code: 'unknown-field',
    severity: 'error',
    message: '"InputPth" is not a field of a Pass state. Did you mean "InputPath"?',
    line: 6,
    column: 7,
    endLine: 6,
    endColumn: 17,
  });
});

test('warnings alone keep exit 0', () => {
  const r = run(v('warning-only.asl.json'));
  assert.equal(r.code, 0, r.stdout);
  assert.match(r.stdout, /:6:19 warning missing-task-token /);
});

test('--type EXPRESS rejects .sync; STANDARD (default) accepts it', () => {
  assert.equal(run(v('express.asl.json')).code, 0);
  const r = run('--type', 'EXPRESS', v('express.asl.json'));
  assert.equal(r.code, 1);
  assert.match(r.stdout, /error express-unsupported-integration /);
});

test('--no-comments and --no-trailing-commas turn them into errors', () => {
  // Written at run time: the formatter would strip the trailing comma from a committed fixture.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'asl-validate-'));
  const file = path.join(dir, 'comments.asl.json');
  fs.writeFileSync(
    file,
    '{\n  // a comment\n  "StartAt": "A",\n  "States": { "A": { "Type": "Succeed", } }\n}\n',
  );
  try {
    assert.equal(run(file).code, 0);
    const r = run('--no-comments', '--no-trailing-commas', file);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /:2:3 error comment-not-allowed /);
    assert.match(r.stdout, /:4:39 error trailing-comma /);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('usage errors and unreadable files exit 2 with a clear message naming the problem', () => {
  const none = run();
  assert.equal(none.code, 2);
  assert.match(none.stderr, /no files given/);
  const badOption = run('--colour', v('valid.asl.json'));
  assert.equal(badOption.code, 2);
  assert.match(badOption.stderr, /unknown option --colour/);
  const badFormat = run('--format', 'xml', v('valid.asl.json'));
  assert.equal(badFormat.code, 2);
  const missing = run(v('valid.asl.json'), v('does-not-exist.asl.json'));
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /cannot read .*does-not-exist\.asl\.json: no such file/);
  assert.doesNotMatch(missing.stderr, /\n\s+at /, 'no stack trace');
});

test('--help prints usage and exits 0', () => {
  const r = run('--help');
  assert.equal(r.code, 0);
  assert.match(r.stdout, /Usage: asl validate FILE\.\.\./);
});

test('YAML files are validated when the YAML front end is built, else a clear error (exit 2)', () => {
  const r = run(v('machine.asl.yaml'));
  const yamlBuilt = fs.existsSync(path.join(repoRoot, 'out', 'server', 'src', 'asl', 'parseYaml.js'));
  if (yamlBuilt) {
    assert.equal(r.code, 0, r.stdout + r.stderr);
  } else {
    assert.equal(r.code, 2);
    assert.match(r.stderr, /YAML support is not available/);
  }
});
