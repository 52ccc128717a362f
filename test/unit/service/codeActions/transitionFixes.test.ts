/**
 * Quick fix for invalid-transition-target, driven by the real validator's diagnostics (JSON and YAML).
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import '../../../../server/src/asl/parseYaml';
import { createAslLanguageService } from '../../../../server/src/service/aslLanguageService';
import { getTransitionFixes } from '../../../../server/src/service/codeActions/transitionFixes';
import { TextDocument } from '../../../../server/src/service/types';

const service = createAslLanguageService();

function fix(text: string, languageId: string): { titles: string[]; fixed: string } {
  const doc = TextDocument.create('file:///t', languageId, 1, text);
  const model = service.parse(doc);
  const diagnostics = service.doValidation(model).filter((d) => d.code === 'invalid-transition-target');
  assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics));
  const actions = getTransitionFixes(model, 'file:///t', diagnostics);
  const edits = actions[0]?.edit?.changes?.['file:///t'] ?? [];
  return { titles: actions.map((a) => a.title), fixed: TextDocument.applyEdits(doc, edits) };
}

describe('invalid-transition-target quick fix', () => {
  it('changes a misspelt Next to the closest state (JSON)', () => {
    const text =
      '{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "Fnish"}, "Finish": {"Type": "Succeed"}}}';
    const { titles, fixed } = fix(text, 'asl');
    assert.deepEqual(titles, ["Change to 'Finish'"]);
    assert.equal(JSON.parse(fixed).States.A.Next, 'Finish');
  });

  it('changes a misspelt StartAt (YAML)', () => {
    const text = 'StartAt: Strat\nStates:\n  Start:\n    Type: Succeed\n';
    const { titles, fixed } = fix(text, 'asl-yaml');
    assert.deepEqual(titles, ["Change to 'Start'"]);
    assert.equal(fixed, 'StartAt: Start\nStates:\n  Start:\n    Type: Succeed\n');
  });
});
