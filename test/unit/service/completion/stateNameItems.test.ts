/**
 * State-name items (StartAt, Next, Default): cheap items whose docs come from completionItem/resolve, text
 * prepared once per model and insert shape yet right for every cursor of the same model (comma, self, YAML
 * quoting), duplicates offered once, and a 1,000-state scope in order.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parse as parseYaml } from 'yaml';
import { parseStateMachine } from '../../../../server/src/asl';
import '../../../../server/src/asl/parseYaml';
import { doComplete, resolveCompletionItem } from '../../../../server/src/service/completion/doComplete';
import type { CompletionItem } from '../../../../server/src/service/types';
import { expandSnippet } from './completionHelpers';

function applyItem(text: string, item: CompletionItem): string {
  assert.ok(item.textEdit && 'range' in item.textEdit, 'items carry a text edit');
  const doc = TextDocument.create('file:///t', 'asl', 1, text);
  return TextDocument.applyEdits(doc, [
    { range: item.textEdit.range, newText: expandSnippet(item.textEdit.newText) },
  ]);
}

function byLabel(items: CompletionItem[], label: string): CompletionItem {
  const found = items.find((i) => i.label === label);
  assert.ok(found, `expected ${label} among ${JSON.stringify(items.map((i) => i.label))}`);
  return found;
}

describe('state-name items', () => {
  it('carry no docs until resolved; resolve adds detail and the type summary', () => {
    const text =
      '{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": ""}, "W": {"Type": "Wait", "Seconds": 1, "End": true}}}';
    const model = parseStateMachine(text, { format: 'json' });
    const [item] = doComplete(model, text.indexOf('"Next": "') + 9).items;
    assert.equal(item.label, 'W');
    assert.equal(item.documentation, undefined);
    assert.equal(item.detail, undefined);
    const resolved = resolveCompletionItem(JSON.parse(JSON.stringify(item)) as CompletionItem);
    assert.equal(resolved.detail, 'Wait state `W` in this scope.');
    const doc = resolved.documentation as { kind: string; value: string };
    assert.equal(doc.kind, 'markdown');
    assert.match(doc.value, /^Wait state `W` in this scope\.\n\n\S/);
    assert.deepEqual(resolved.textEdit, item.textEdit, 'resolve keeps the edit');
  });

  it('a state without a Type resolves to a generic line; other items come back as they were', () => {
    const text = '{"StartAt": "", "States": {"Q": {"Comment": "no type yet"}}}';
    const model = parseStateMachine(text, { format: 'json' });
    const [item] = doComplete(model, text.indexOf('"StartAt": "') + 12).items;
    assert.equal(item.label, 'Q');
    const resolved = resolveCompletionItem(item);
    assert.equal(resolved.detail, 'A state `Q` in this scope.');
    assert.equal((resolved.documentation as { value: string }).value, 'A state `Q` in this scope.');
    const typeText = '{"StartAt": "A", "States": {"A": {"Type": ""}}}';
    const typeItems = doComplete(
      parseStateMachine(typeText, { format: 'json' }),
      typeText.indexOf('"Type": "') + 9,
    );
    const pass = byLabel(typeItems.items, 'Pass');
    assert.ok(pass.documentation, 'state types keep their docs inline');
    assert.equal(resolveCompletionItem(pass), pass);
  });

  it('one model, several cursors: each gets its own range, comma and self left out', () => {
    const text =
      '{"StartAt": "A", "States": {\n "A": {"Type": "Pass", "Next": ""},\n "B": {"Type": "Pass", "Next": \n "Comment": "x"},\n "C": {"Type": "Succeed"}}}';
    const model = parseStateMachine(text, { format: 'json' });
    const atA = doComplete(model, text.indexOf('"Next": "') + 9).items;
    const atB = doComplete(model, text.indexOf('"Next": \n') + 8).items;
    const again = doComplete(model, text.indexOf('"Next": "') + 9).items;
    assert.deepEqual(
      atA.map((i) => i.label),
      ['B', 'C'],
    );
    assert.deepEqual(
      atB.map((i) => i.label),
      ['A', 'C'],
    );
    assert.deepEqual(again, atA, 'a repeated request answers the same');
    // B's value is still missing, so the text after A's edit is checked, not parsed.
    assert.match(applyItem(text, byLabel(atA, 'C')), /\n "A": \{"Type": "Pass", "Next": "C"\},\n/);
    const edited = JSON.parse(applyItem(text.replace('"Next": ""', '"End": true'), byLabel(atB, 'C')));
    assert.equal(edited.States.B.Next, 'C');
    assert.equal(edited.States.B.Comment, 'x', 'the comma before the next property was added');
  });

  it('a name given twice in one scope is offered once; branch names stay in their branch', () => {
    const text =
      '{"StartAt": "", "States": {"D": {"Type": "Pass", "End": true}, "D": {"Type": "Succeed"}, "P": {"Type": "Parallel", "End": true, "Branches": [{"StartAt": "X", "States": {"X": {"Type": "Succeed"}}}]}}}';
    const model = parseStateMachine(text, { format: 'json' });
    const items = doComplete(model, text.indexOf('"StartAt": "') + 12).items;
    assert.deepEqual(
      items.map((i) => i.label),
      ['D', 'P'],
    );
    assert.equal(resolveCompletionItem(items[0]).detail, 'Pass state `D` in this scope.');
  });

  it('YAML: plain, double- and single-quoted values on the same model', () => {
    const text =
      'StartAt: A\nStates:\n  A:\n    Type: Pass\n    Next: \n  B:\n    Type: Pass\n    Next: ""\n  C:\n    Type: Pass\n    Next: \'\'\n  "Bob\'s: done":\n    Type: Succeed\n';
    const model = parseStateMachine(text, { format: 'yaml' });
    const plain = doComplete(model, text.indexOf('Next: \n') + 6).items;
    const double = doComplete(model, text.indexOf('Next: ""') + 7).items;
    const single = doComplete(model, text.indexOf("Next: ''") + 7).items;
    for (const [items, state] of [
      [plain, 'A'],
      [double, 'B'],
      [single, 'C'],
    ] as const) {
      assert.ok(!items.some((i) => i.label === state), `${state} is not offered to itself`);
      assert.equal(
        parseYaml(applyItem(text, byLabel(items, "Bob's: done"))).States[state].Next,
        "Bob's: done",
      );
    }
    assert.equal(parseYaml(applyItem(text, byLabel(single, 'A'))).States.C.Next, 'A');
  });

  it('a 1,000-state scope: every other name once, in document order, each resolvable', () => {
    const names = Array.from({ length: 1000 }, (_, i) => `Step ${i} $x}`);
    const states = names.map(
      (n, i) => `${JSON.stringify(n)}: {"Type": "Pass", "Next": ${JSON.stringify(names[(i + 1) % 1000])}}`,
    );
    const text = `{"StartAt": "Step 0 $x}", "States": {${states.join(',\n')}}}`;
    const model = parseStateMachine(text, { format: 'json' });
    const cursor = text.indexOf('"Next": "Step 43 $x}"') + 9;
    const items = doComplete(model, cursor).items;
    assert.deepEqual(
      items.map((i) => i.label),
      names.filter((n) => n !== 'Step 42 $x}'),
    );
    const picked = byLabel(items, 'Step 999 $x}');
    assert.equal(JSON.parse(applyItem(text, picked)).States['Step 42 $x}'].Next, 'Step 999 $x}');
    for (const item of items) assert.ok(resolveCompletionItem(item).documentation, `${item.label} resolves`);
  });
});
