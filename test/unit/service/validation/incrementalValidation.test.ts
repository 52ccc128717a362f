// Incremental validation: a newer version of a document validated through the service reuses the results
// of the states whose text did not change, and its diagnostics are exactly those of a full validation,
// over seeded random one-character edits of real corpus files (valid and invalid) and of the bench's
// generated document.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { generateLargeDefinition } from '../../../../bench/src/generateLargeDefinition';
import { parseStateMachine } from '../../../../server/src/asl';
import { createAslLanguageService } from '../../../../server/src/service/aslLanguageService';
import { defaultServiceSettings, type AslServiceSettings } from '../../../../server/src/service/types';
import {
  validateStateMachine,
  validateStateMachineIncrementally,
} from '../../../../server/src/service/validation/validateStateMachine';
import {
  commonEnds,
  findReusable,
  settingsKeyOf,
} from '../../../../server/src/service/validation/validationMemo';
import { corpusDir } from '../../../support/paths';

function jsonFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...jsonFiles(full));
    else if (entry.name.endsWith('.json')) out.push(full);
  }
  return out.sort();
}

/** A small deterministic PRNG (mulberry32), so failures reproduce. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const EDIT_CHARACTERS = ['x', '"', '{', '}', ',', ' ', '\n', '1', '$', '.'];

function full(text: string, settings: AslServiceSettings = defaultServiceSettings) {
  return validateStateMachine(parseStateMachine(text), settings);
}

test('commonEnds: common prefix and suffix, never overlapping', () => {
  assert.deepEqual(commonEnds('abcdef', 'abXdef'), { prefix: 2, suffix: 3 });
  assert.deepEqual(commonEnds('aaaa', 'aaaaa'), { prefix: 4, suffix: 0 });
  assert.deepEqual(commonEnds('same', 'same'), { prefix: 4, suffix: 0 });
  const long = 'y'.repeat(5000);
  assert.deepEqual(commonEnds(`${long}A${long}`, `${long}${long}`), { prefix: 5000, suffix: 5000 });
  assert.deepEqual(commonEnds(`${long}AB${long}`, `${long}C${long}`), { prefix: 5000, suffix: 5000 });
});

test('random one-character edits of corpus files: incremental diagnostics equal full validation', () => {
  const files = jsonFiles(corpusDir).filter((_, i) => i % 4 === 0);
  assert.ok(files.length > 200, `corpus at ${corpusDir}`);
  const next = random(7);
  let edits = 0;
  let reusedSomewhere = 0;
  for (const file of files) {
    const service = createAslLanguageService();
    const uri = `file:///corpus/${path.basename(file)}`;
    let document = TextDocument.create(uri, 'asl', 1, fs.readFileSync(file, 'utf8'));
    assert.deepEqual(service.doValidation(service.parse(document)), full(document.getText()), file);
    for (let i = 0; i < 4; i++) {
      const offset = Math.floor(next() * (document.getText().length + 1));
      const start = document.positionAt(offset);
      const change =
        next() < 0.5 && offset < document.getText().length
          ? { range: { start, end: document.positionAt(offset + 1) }, text: '' }
          : {
              range: { start, end: start },
              text: EDIT_CHARACTERS[Math.floor(next() * EDIT_CHARACTERS.length)],
            };
      const before = document.getText();
      document = TextDocument.update(document, [change], document.version + 1);
      const model = parseStateMachine(document.getText());
      const previous = validateStateMachineIncrementally(
        parseStateMachine(before),
        defaultServiceSettings,
        undefined,
      );
      if (findReusable(model, settingsKeyOf(defaultServiceSettings), previous.memo).size > 0) {
        reusedSomewhere++;
      }
      assert.deepEqual(
        service.doValidation(service.parse(document)),
        full(document.getText()),
        `${file} after edit ${i + 1} at ${offset}`,
      );
      edits++;
    }
  }
  assert.ok(reusedSomewhere > edits / 4, `${reusedSomewhere} of ${edits} edits reused some states`);
});

test('an edit inside one state of the generated 48 KB document reuses every state outside it', () => {
  const text = generateLargeDefinition({ states: 200, targetBytes: 48 * 1024 });
  const first = validateStateMachineIncrementally(parseStateMachine(text), defaultServiceSettings, undefined);
  const model = parseStateMachine(text);
  const target = model.states[model.states.length - 1];
  const at = target.keyNode.offset + target.keyNode.length;
  // A space after the key of the last state: that state and its ancestors change, nothing else.
  const edited = text.slice(0, at) + ' ' + text.slice(at);
  const editedModel = parseStateMachine(edited);
  const reusable = findReusable(editedModel, settingsKeyOf(defaultServiceSettings), first.memo);
  const changed = editedModel.states.filter((s) => !reusable.has(s));
  const ancestors = (s: (typeof changed)[number]): number =>
    s.scope.owner ? 1 + ancestors(s.scope.owner) : 0;
  assert.equal(changed.length, 1 + ancestors(editedModel.states[editedModel.states.length - 1]));
  const incremental = validateStateMachineIncrementally(editedModel, defaultServiceSettings, first.memo);
  assert.deepEqual(incremental.diagnostics, full(edited));
});

test('the diagnostics of a reused state move with the text (new ranges, same problems)', () => {
  const text = [
    '{',
    '  "Comment": "c",',
    '  "StartAt": "A",',
    '  "States": {',
    '    "A": { "Type": "Pass", "Next": "B", "Bogus": 1 },',
    '    "B": { "Type": "Task", "Resource": 7, "End": true }',
    '  }',
    '}',
  ].join('\n');
  const service = createAslLanguageService();
  const uri = 'file:///moving.asl.json';
  let document = TextDocument.create(uri, 'asl', 1, text);
  const before = service.doValidation(service.parse(document));
  assert.ok(before.some((d) => d.code === 'unknown-field'));
  // Two new lines in the Comment: every state below moves down two lines.
  document = TextDocument.update(
    document,
    [{ range: { start: { line: 1, character: 15 }, end: { line: 1, character: 15 } }, text: '\\n\\n' }],
    2,
  );
  document = TextDocument.update(
    document,
    [{ range: { start: { line: 0, character: 1 }, end: { line: 0, character: 1 } }, text: '\n\n' }],
    3,
  );
  const after = service.doValidation(service.parse(document));
  assert.deepEqual(after, full(document.getText()));
  const moved = after.find((d) => d.code === 'unknown-field');
  const original = before.find((d) => d.code === 'unknown-field');
  assert.equal(moved?.range.start.line, (original?.range.start.line ?? 0) + 2);
});

test('other settings, an older version or a released document are validated in full', () => {
  const text = generateLargeDefinition({ states: 20, targetBytes: 8 * 1024 });
  const service = createAslLanguageService();
  const uri = 'file:///settings.asl.json';
  service.doValidation(service.parse(TextDocument.create(uri, 'asl', 5, text)));
  const express: AslServiceSettings = { ...defaultServiceSettings, stateMachineType: 'EXPRESS' };
  service.configure({ stateMachineType: 'EXPRESS' });
  const edited = text.replace('"Comment": "', '"Comment": "x');
  assert.deepEqual(
    service.doValidation(service.parse(TextDocument.create(uri, 'asl', 6, edited))),
    full(edited, express),
  );
  // Version 1 of the same uri (a reopened document) is not compared with version 6.
  const other = text.replace('"Type": "Pass"', '"Type": "Wait"');
  assert.deepEqual(
    service.doValidation(service.parse(TextDocument.create(uri, 'asl', 1, other))),
    full(other, express),
  );
  service.releaseDocument(uri);
  assert.deepEqual(
    service.doValidation(service.parse(TextDocument.create(uri, 'asl', 2, text))),
    full(text, express),
  );
});
