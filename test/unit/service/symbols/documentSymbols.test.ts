/**
 * Document symbols: nested outline for JSON and YAML, branches and Map processors nested, ranges on the
 * state names, and broken documents still outlined from what parsed.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { parseStateMachine, type DocumentFormat } from '../../../../server/src/asl';
import '../../../../server/src/asl/parseYaml';
import { findDocumentSymbols } from '../../../../server/src/service/symbols/documentSymbols';
import type { DocumentSymbol } from '../../../../server/src/service/types';

function outline(symbols: DocumentSymbol[] | undefined): unknown[] {
  return (symbols ?? []).map((s) => (s.children?.length ? [s.name, outline(s.children)] : s.name));
}

const JSON_DOC = `{"StartAt": "A", "States": {
  "A": {"Type": "Parallel", "Branches": [{"StartAt": "B", "States": {"B": {"Type": "Pass", "End": true}}}], "Next": "M"},
  "M": {"Type": "Map", "ItemProcessor": {"StartAt": "C", "States": {"C": {"Type": "Succeed"}}}, "End": true}
}}`;
const YAML_DOC = `StartAt: A
States:
  A:
    Type: Parallel
    Branches:
      - StartAt: B
        States:
          B: {Type: Pass, End: true}
    Next: M
  M:
    Type: Map
    ItemProcessor:
      StartAt: C
      States:
        C:
          Type: Succeed
    End: true
`;

describe('findDocumentSymbols', () => {
  for (const [format, text] of [
    ['json', JSON_DOC],
    ['yaml', YAML_DOC],
  ] as [DocumentFormat, string][]) {
    it(`nests branches and processors (${format})`, () => {
      const model = parseStateMachine(text, { format });
      const symbols = findDocumentSymbols(model);
      assert.deepEqual(outline(symbols), [
        ['A', [['Branch 0', ['B']]]],
        ['M', [['ItemProcessor', ['C']]]],
      ]);
      assert.equal(symbols[0].detail, 'Parallel');
      const sel = symbols[1].selectionRange;
      const start = model.lines.offsetAt(sel.start);
      const end = model.lines.offsetAt(sel.end);
      assert.match(text.slice(start, end), /^"?M"?$/);
    });
  }

  it('outlines what parsed in a broken document and returns [] for a non-object', () => {
    const broken = '{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"}, "B": {"Type": ';
    assert.deepEqual(outline(findDocumentSymbols(parseStateMachine(broken))), ['A', 'B']);
    assert.deepEqual(findDocumentSymbols(parseStateMachine('[1, 2]')), []);
  });
});
