// The shipped CLI: dist/cli.js dispatches to one bundle per command, and the validate bundle, which runs
// the schema validators generated at build time (dist/validators/), reports exactly what the validator run
// from source reports on every invalid corpus file. A bundle whose validators are missing says so.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { validateFile } from '../../server/src/cli/validateCommand';
import { defaultServiceSettings } from '../../server/src/service/types';
import { corpusDir, repoRoot } from '../support/paths';

const cli = path.join(repoRoot, 'dist', 'cli.js');

function jsonFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...jsonFiles(full));
    else if (entry.name.endsWith('.json')) out.push(full);
  }
  return out.sort();
}

interface JsonDiagnostic {
  code: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

test('dist/cli.js validate reports what the source validator reports on the invalid corpus', () => {
  const files = jsonFiles(path.join(corpusDir, 'invalid'));
  assert.ok(files.length > 50, `invalid corpus at ${corpusDir}`);
  const result = spawnSync(process.execPath, [cli, 'validate', '--format', 'json', ...files], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  assert.equal(result.status, 1, result.stderr);
  const reported = JSON.parse(result.stdout) as { file: string; diagnostics: JsonDiagnostic[] }[];
  assert.equal(reported.length, files.length);
  let errors = 0;
  reported.forEach((fileResult, i) => {
    const expected = validateFile(files[i], defaultServiceSettings).diagnostics.map((d) => ({
      code: String(d.code),
      message: typeof d.message === 'string' ? d.message : d.message.value,
      line: d.range.start.line + 1,
      column: d.range.start.character + 1,
      endLine: d.range.end.line + 1,
      endColumn: d.range.end.character + 1,
    }));
    const actual = fileResult.diagnostics.map(({ code, message, line, column, endLine, endColumn }) => ({
      code,
      message,
      line,
      column,
      endLine,
      endColumn,
    }));
    assert.deepEqual(actual, expected, files[i]);
    errors += actual.length;
  });
  assert.ok(errors > files.length, `${errors} diagnostics compared`);
});

test('dist/cli.js loads each command from its own bundle', () => {
  const dispatcher = fs.readFileSync(cli, 'utf8');
  for (const command of ['Validate', 'Run', 'Test', 'Lsp', 'Dap']) {
    assert.ok(fs.existsSync(path.join(repoRoot, 'dist', `cli${command}.js`)), `dist/cli${command}.js`);
    assert.match(dispatcher, new RegExp(`require\\("\\./cli${command}\\.js"\\)`));
  }
  assert.ok(dispatcher.length < 50_000, 'the dispatcher bundles no command');
  const run = spawnSync(
    process.execPath,
    [cli, 'run', path.join(repoRoot, 'bench', 'fixtures', 'tiny.asl.json')],
    {
      encoding: 'utf8',
    },
  );
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /SUCCEEDED/);
});

test('a validate bundle without its validators folder says what is missing, without a stack trace', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'asl-cli-'));
  try {
    for (const file of ['cli.js', 'cliValidate.js']) {
      fs.copyFileSync(path.join(repoRoot, 'dist', file), path.join(dir, file));
    }
    const doc = path.join(repoRoot, 'bench', 'fixtures', 'tiny.asl.json');
    const result = spawnSync(process.execPath, [path.join(dir, 'cli.js'), 'validate', doc], {
      encoding: 'utf8',
    });
    assert.equal(result.status, 2);
    assert.match(
      result.stderr,
      /missing from the validators folder next to this bundle: rebuild with npm run bundle/,
    );
    assert.doesNotMatch(result.stderr, /\n\s+at /);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
