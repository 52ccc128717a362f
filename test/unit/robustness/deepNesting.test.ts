// 100,000-deep nesting must give a clear error, not a stack overflow (parser, validator, editor features,
// runtime, CLI). Documents are read up to MAX_NESTING_DEPTH levels; deeper values are a located problem.
// A too-deep execution input fails the execution with States.Runtime (the history cannot hold its text).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { MAX_NESTING_DEPTH, parseStateMachine } from '../../../server/src/asl';
import '../../../server/src/asl/parseYaml';
import { createAslLanguageService } from '../../../server/src/service/aslLanguageService';
import { defaultServiceSettings } from '../../../server/src/service/types';
import { validateStateMachine } from '../../../server/src/service/validation/validateStateMachine';
import { loadCreateExecution } from '../../fuzz/runtimeFuzzer';
import { repoRoot } from '../../support/paths';

const DEEP = 100_000;
const nested = (depth: number): string => '['.repeat(depth) + ']'.repeat(depth);
const machineWith = (result: string): string =>
  `{"StartAt": "A", "States": {"A": {"Type": "Pass", "Result": ${result}, "End": true}}}`;
const createExecution = loadCreateExecution();
const host = { now: () => 0, random: () => 0.5, uuid: () => '00000000-0000-4000-8000-000000000002' };

function validateCli(text: string): { status: number | null; stdout: string; stderr: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'asl-deep-'));
  try {
    const file = path.join(dir, 'deep.asl.json');
    fs.writeFileSync(file, text);
    const cli = path.join(repoRoot, 'out', 'server', 'src', 'cli', 'cliMain.js');
    return spawnSync(process.execPath, [cli, 'validate', file], { encoding: 'utf8' });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const yamlMachineWith = (result: string): string =>
  `StartAt: A\nStates:\n  A:\n    Type: Pass\n    End: true\n    Result: ${result}\n`;
/** A Result nested `levels` deep in total (the machine object, States and the state are 3 of them). */
const atDepth = (levels: number): string => machineWith(nested(levels - 3));

test(`nesting up to MAX_NESTING_DEPTH (${MAX_NESTING_DEPTH}) parses and validates without problems`, () => {
  const model = parseStateMachine(atDepth(MAX_NESTING_DEPTH), { format: 'json' });
  assert.deepEqual(model.tree.problems, []);
  assert.deepEqual(validateStateMachine(model, defaultServiceSettings), []);
  assert.equal(
    JSON.stringify((model.states[0]!.definition as { Result?: unknown }).Result).length,
    2 * (MAX_NESTING_DEPTH - 3),
  );
});

test('one level more is a located problem at the offending bracket; the rest of the document is read', () => {
  const text = atDepth(MAX_NESTING_DEPTH + 1);
  const model = parseStateMachine(text, { format: 'json' });
  const bracket = text.indexOf('['.repeat(MAX_NESTING_DEPTH - 3)) + MAX_NESTING_DEPTH - 3;
  assert.deepEqual(
    model.tree.problems.map((p) => [p.code, p.offset]),
    [['nesting-too-deep', bracket]],
  );
  assert.match(model.tree.problems[0]!.message, /Nesting deeper than 1,000 levels is not supported/);
  // Offsets and lines of everything after the cut-off value are unchanged.
  assert.deepEqual(
    model.states.map((s) => [s.name, s.type, text.slice(s.keyNode.offset, s.keyNode.offset + 3)]),
    [['A', 'Pass', '"A"']],
  );
  const end = model.states[0]!.node!;
  assert.equal(text[end.offset + end.length - 1], '}');
  const diagnostics = validateStateMachine(model, defaultServiceSettings);
  assert.deepEqual(
    diagnostics.map((d) => d.code),
    ['nesting-too-deep'],
  );
});

for (const [name, text] of [
  ['closed arrays', machineWith(nested(DEEP))],
  ['unclosed arrays', machineWith('['.repeat(DEEP))],
  ['objects', machineWith('{"a": '.repeat(DEEP) + '1' + '}'.repeat(DEEP))],
  ['a deep root', nested(DEEP)],
  ['brackets in strings and comments around a deep value', machineWith(`["]]]" /* ]]] */, ${nested(DEEP)}]`)],
] as const) {
  test(`100,000-deep ${name}: a located syntax problem, not a stack overflow`, () => {
    const model = parseStateMachine(text, { format: 'json' });
    const deep = model.tree.problems.filter((p) => p.code === 'nesting-too-deep');
    assert.equal(deep.length, 1, JSON.stringify(model.tree.problems));
    assert.ok(text[deep[0]!.offset] === '[' || text[deep[0]!.offset] === '{');
    assert.ok(model.tree.problems.length <= 3, 'unclosed levels are reported once, not once per level');
    validateStateMachine(model, defaultServiceSettings);
    JSON.stringify(model.definition);
  });
}

test('100,000-deep YAML (flow and block) is a located nesting problem', () => {
  const block = ['StartAt: A', 'States:', '  A:', '    Type: Pass', '    End: true', '    Result:'];
  for (let i = 0; i < 3_000; i++) block.push(`${' '.repeat(6 + i)}-${i === 2_999 ? ' 1' : ''}`);
  for (const text of [yamlMachineWith(nested(DEEP)), block.join('\n') + '\n']) {
    const model = parseStateMachine(text, { format: 'yaml' });
    const deep = model.tree.problems.filter((p) => p.code === 'nesting-too-deep');
    assert.ok(deep.length >= 1 && deep.length <= 2, JSON.stringify(model.tree.problems));
    for (const p of deep) {
      assert.ok(p.offset > text.indexOf('Result:'), `located inside the Result value (${p.offset})`);
      assert.doesNotMatch(p.message, /Maximum call stack/);
    }
    validateStateMachine(model, defaultServiceSettings);
  }
});

test('every editor feature answers on too-deep documents (JSON and YAML) without throwing', () => {
  const service = createAslLanguageService();
  const documents = [
    TextDocument.create('file:///deep.asl.json', 'asl', 1, atDepth(MAX_NESTING_DEPTH)),
    TextDocument.create('file:///deeper.asl.json', 'asl', 1, machineWith(nested(DEEP))),
    TextDocument.create('file:///objects.asl.json', 'asl', 1, machineWith('[{"k": '.repeat(DEEP) + '1')),
    TextDocument.create('file:///deep.asl.yaml', 'asl-yaml', 1, yamlMachineWith(nested(DEEP))),
  ];
  for (const document of documents) {
    const uri = document.uri;
    const model = service.parse(document);
    const diagnostics = service.doValidation(model);
    assert.equal(service.findDocumentSymbols(model)[0]?.name, 'A', uri);
    service.getFoldingRanges(model);
    service.getCodeActions(model, uri, diagnostics);
    const text = document.getText();
    const step = Math.max(1, Math.floor(text.length / 25));
    for (let offset = 0; offset <= text.length; offset += step) {
      const position = document.positionAt(offset);
      service.getSelectionRanges(model, [position]);
      service.findDefinition(model, uri, position);
      service.findReferences(model, uri, position, true);
      service.prepareRename(model, position);
      service.doComplete(model, position);
      service.getSignatureHelp(model, position);
    }
  }
});

test('the CLI reports a 100,000-deep file as file:line:col with exit 1 and no stack trace', () => {
  const r = validateCli(nested(DEEP));
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stdout, /deep\.asl\.json:1:1001 error nesting-too-deep Nesting deeper than 1,000 levels/);
  assert.doesNotMatch(r.stdout + r.stderr, /^\s+at |Maximum call stack/m);
});

test(
  'a 1,000-deep execution input runs',
  { skip: createExecution ? false : 'runtime not built' },
  async () => {
    const result = await createExecution!({
      definition: { StartAt: 'A', States: { A: { Type: 'Pass', End: true } } },
      input: JSON.parse(nested(1_000)) as unknown,
      host,
    }).start();
    assert.equal(result.status, 'SUCCEEDED');
  },
);

test(
  'a 100,000-deep execution input ends the execution with a States error instead of rejecting start()',
  { skip: createExecution ? false : 'runtime not built' },
  async () => {
    const result = await createExecution!({
      definition: { StartAt: 'A', States: { A: { Type: 'Pass', End: true } } },
      input: JSON.parse(nested(DEEP)) as unknown,
      host,
    }).start();
    assert.equal(result.status, 'FAILED');
    assert.equal(result.error, 'States.Runtime');
    assert.match(
      result.cause ?? '',
      /^The execution input cannot be written as JSON text: it is nested too deeply/,
    );
    assert.deepEqual(
      result.history.map((e) => e.type),
      ['ExecutionStarted', 'ExecutionFailed'],
    );
  },
);
