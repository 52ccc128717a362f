/**
 * Navigation: definition, references and rename of state names (JSON and YAML, `|` marks the cursor),
 * scoped to the state's block; rename refuses a taken name.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseStateMachine, type DocumentFormat } from '../../../../server/src/asl';
import '../../../../server/src/asl/parseYaml';
import {
  findDefinition,
  findReferences,
  prepareRename,
  renameState,
} from '../../../../server/src/service/navigation/stateReferences';

function setup(marked: string, format: DocumentFormat = 'json') {
  const offset = marked.indexOf('|');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  return { text, offset, model: parseStateMachine(text, { format }) };
}
function apply(text: string, edit: ReturnType<typeof renameState>): string {
  const doc = TextDocument.create('file:///t', 'asl', 1, text);
  return TextDocument.applyEdits(doc, edit?.changes?.['file:///t'] ?? []);
}

const JSON_DOC = `{"StartAt": "A", "States": {
 "A": {"Type": "Choice", "Choices": [{"Variable": "$.x", "IsPresent": true, "Next": "B|"}], "Default": "B"},
 "B": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:1:function:f", "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "A"}], "End": true},
 "P": {"Type": "Parallel", "Branches": [{"StartAt": "B", "States": {"B": {"Type": "Succeed"}}}], "End": true}
}}`;

describe('state navigation', () => {
  it('goes from a transition to its state', () => {
    const { text, offset, model } = setup(JSON_DOC);
    const loc = findDefinition(model, 'file:///t', offset);
    assert.ok(loc);
    const start = model.lines.offsetAt(loc.range.start);
    assert.equal(text.slice(start, model.lines.offsetAt(loc.range.end)), 'B');
    assert.equal(start, text.indexOf('"B": {"Type": "Task"') + 1);
    assert.equal(findDefinition(model, 'file:///t', text.indexOf('"$.x"') + 2), undefined);
  });

  it('finds references in the same scope only', () => {
    const { text, offset, model } = setup(JSON_DOC);
    const refs = findReferences(model, 'file:///t', offset);
    assert.equal(refs.length, 3, 'key, Choices[].Next and Default; not the branch-local B');
    for (const r of refs) {
      assert.equal(text.slice(model.lines.offsetAt(r.range.start), model.lines.offsetAt(r.range.end)), 'B');
    }
    assert.equal(findReferences(model, 'file:///t', offset, false).length, 2);
  });

  it('renames in scope and refuses a taken name (JSON)', () => {
    const { text, offset, model } = setup(JSON_DOC);
    assert.ok(prepareRename(model, offset));
    const renamed = apply(text, renameState(model, 'file:///t', offset, 'Work "1"'));
    const after = JSON.parse(renamed);
    assert.ok(after.States['Work "1"']);
    assert.equal(after.States.A.Default, 'Work "1"');
    assert.equal(after.States.A.Choices[0].Next, 'Work "1"');
    assert.ok(after.States.P.Branches[0].States.B, 'the branch-local B is untouched');
    assert.throws(() => renameState(model, 'file:///t', offset, 'P'), /already exists/);
  });

  it('renames in YAML, quoting when needed', () => {
    const { text, offset, model } = setup(
      `StartAt: First\nStates:\n  Fir|st:\n    Type: Pass\n    Next: Second\n  Second:\n    Type: Fail\n`,
      'yaml',
    );
    const plain = apply(text, renameState(model, 'file:///t', offset, 'Start'));
    assert.equal(
      plain,
      `StartAt: Start\nStates:\n  Start:\n    Type: Pass\n    Next: Second\n  Second:\n    Type: Fail\n`,
    );
    const quoted = apply(text, renameState(model, 'file:///t', offset, 'a: b'));
    const reparsed = parseStateMachine(quoted, { format: 'yaml' });
    assert.deepEqual(reparsed.tree.problems, []);
    assert.equal(reparsed.rootScope?.startAt, 'a: b');
    assert.ok(reparsed.statesByName.get('a: b'));
  });
});
