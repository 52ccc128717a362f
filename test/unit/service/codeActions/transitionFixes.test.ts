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

describe('invalid-transition-target in a large scope', () => {
  // 400 states, every one pointing at a misspelt neighbour: the diagnostics carry no candidate list
  // (it would repeat 400 names 400 times) and the quick fix reads the scope's names from the model.
  const states: Record<string, unknown> = {};
  for (let i = 0; i < 400; i++) states[`Step${i}`] = { Type: 'Pass', Next: `Stepp${(i + 1) % 400}` };
  const text = JSON.stringify({ StartAt: 'Step0', States: states }, null, 2);
  const doc = TextDocument.create('file:///big', 'asl', 1, text);
  const model = service.parse(doc);
  const diagnostics = service.doValidation(model).filter((d) => d.code === 'invalid-transition-target');

  it('reports every bad target without a candidate list', () => {
    assert.equal(diagnostics.length, 400);
    for (const d of diagnostics) assert.equal((d.data as { candidates?: unknown }).candidates, undefined);
    assert.match(String(diagnostics[0].message), /Step1/);
  });

  it('still offers the closest name of the scope', () => {
    const actions = getTransitionFixes(model, 'file:///big', [diagnostics[5]]);
    assert.deepEqual(
      actions.map((a) => a.title),
      ["Change to 'Step6'"],
    );
  });
});
