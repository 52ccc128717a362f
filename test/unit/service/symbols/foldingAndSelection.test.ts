/**
 * Folding and selection ranges on JSON and YAML documents.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { parseStateMachine } from '../../../../server/src/asl';
import '../../../../server/src/asl/parseYaml';
import {
  findFoldingRanges,
  findSelectionRanges,
} from '../../../../server/src/service/symbols/foldingAndSelection';

const JSON_DOC = '{\n  "StartAt": "A",\n  "States": {\n    "A": {\n      "Type": "Succeed"\n    }\n  }\n}';
const YAML_DOC = 'StartAt: A\nStates:\n  A:\n    Type: Succeed\n    Comment: x\n';

describe('folding and selection ranges', () => {
  it('folds multi-line objects (JSON keeps the closing brace visible)', () => {
    const ranges = findFoldingRanges(parseStateMachine(JSON_DOC));
    assert.deepEqual(
      ranges.map((r) => [r.startLine, r.endLine]),
      [
        [0, 6],
        [2, 5],
        [3, 4],
      ],
    );
  });

  it('folds YAML blocks from their key line', () => {
    const ranges = findFoldingRanges(parseStateMachine(YAML_DOC, { format: 'yaml' }));
    assert.ok(
      ranges.some((r) => r.startLine === 1 && r.endLine >= 4),
      JSON.stringify(ranges),
    );
    assert.ok(
      ranges.some((r) => r.startLine === 2 && r.endLine >= 4),
      JSON.stringify(ranges),
    );
  });

  it('expands selection from a value outwards', () => {
    const model = parseStateMachine(JSON_DOC);
    const [sel] = findSelectionRanges(model, [{ line: 4, character: 16 }]);
    const texts: string[] = [];
    for (let r: typeof sel | undefined = sel; r; r = r.parent) {
      texts.push(JSON_DOC.slice(model.lines.offsetAt(r.range.start), model.lines.offsetAt(r.range.end)));
    }
    assert.equal(texts[0], '"Succeed"');
    assert.equal(texts[1], '"Type": "Succeed"');
    assert.equal(texts[texts.length - 1], JSON_DOC);
  });
});
