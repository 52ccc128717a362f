/**
 * Test helper for quick fixes: validates a document with the real validator, asks the service for the code
 * actions of one diagnostic code, applies one, and re-validates the result. Not a test file itself.
 */
import { strict as assert } from 'node:assert';
import { parse as parseYaml } from 'yaml';
import '../../../../server/src/asl/parseYaml';
import { createAslLanguageService } from '../../../../server/src/service/aslLanguageService';
import { type CodeAction, type Diagnostic, TextDocument } from '../../../../server/src/service/types';

const service = createAslLanguageService();
export const URI = 'file:///fix.asl';

export interface FixOutcome {
  titles: string[];
  fixed: string;
  /** Problems after the fix, as `code: message`. */
  after: string[];
}

function describe(d: Diagnostic): string {
  return `${String(d.code)}: ${d.message}`;
}

/** The titles offered for the diagnostics of `code` (exactly `count` of them expected). */
export function actionsFor(text: string, format: 'json' | 'yaml', code: string): CodeAction[] {
  const doc = TextDocument.create(URI, format === 'yaml' ? 'asl-yaml' : 'asl', 1, text);
  const model = service.parse(doc);
  const diagnostics = service.doValidation(model).filter((d) => d.code === code);
  assert.ok(diagnostics.length > 0, `expected a ${code} diagnostic`);
  return service.getCodeActions(model, URI, diagnostics);
}

/**
 * Applies the action titled `title` for the first `code` diagnostic and checks the outcome: the document
 * still parses in its format, that diagnostic is gone and no problem appeared that was not there before.
 */
export function applyFix(text: string, format: 'json' | 'yaml', code: string, title: string): FixOutcome {
  const doc = TextDocument.create(URI, format === 'yaml' ? 'asl-yaml' : 'asl', 1, text);
  const model = service.parse(doc);
  const before = service.doValidation(model);
  const target = before.filter((d) => d.code === code);
  assert.ok(target.length > 0, `expected a ${code} diagnostic in:\n${before.map(describe).join('\n')}`);
  const actions = service.getCodeActions(model, URI, [target[0]]);
  const chosen = actions.find((a) => a.title === title);
  assert.ok(chosen, `no action '${title}'; offered: ${JSON.stringify(actions.map((a) => a.title))}`);
  assert.equal(chosen.kind, 'quickfix');
  assert.deepEqual(chosen.diagnostics, [target[0]]);
  const fixed = TextDocument.applyEdits(doc, chosen.edit?.changes?.[URI] ?? []);
  if (format === 'json') JSON.parse(fixed);
  else parseYaml(fixed);
  const fixedDoc = TextDocument.create(URI, doc.languageId, 2, fixed);
  const after = service.doValidation(service.parse(fixedDoc)).map(describe);
  const remaining = before.map(describe);
  remaining.splice(remaining.indexOf(describe(target[0])), 1);
  for (const problem of after) {
    const at = remaining.indexOf(problem);
    assert.ok(at >= 0, `the fix introduced '${problem}' in:\n${fixed}`);
    remaining.splice(at, 1);
  }
  assert.ok(
    !after.includes(describe(target[0])),
    `the ${code} diagnostic is still there after the fix:\n${fixed}`,
  );
  return { titles: actions.map((a) => a.title), fixed, after };
}
