/**
 * The editor bench rows: the 100 positions lie inside strings of the generated 1 MB document (evenly spread,
 * in order), and one short run yields a completion and a hover row with measured numbers and the target.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { benchEditorFeatures, editorPositions } from '../../../bench/src/editorBench';
import { generateLargeDefinition } from '../../../bench/src/generateLargeDefinition';

describe('editor bench', () => {
  const text = generateLargeDefinition({ states: 200, targetBytes: 48 * 1024 });

  it('puts 100 increasing positions just inside strings across the document', () => {
    const offsets = editorPositions(text, 100);
    assert.equal(offsets.length, 100);
    for (let i = 1; i < offsets.length; i++) assert.ok(offsets[i] > offsets[i - 1], `offset ${i} increases`);
    for (const offset of offsets) assert.equal(text[offset - 1], '"');
    assert.ok(offsets[99] > text.length * 0.95, 'the last position is near the end');
  });

  it('produces completion and hover rows with numbers, the anchor and the p95 target', async () => {
    const rows = await benchEditorFeatures(text, '48 KB', 1);
    assert.deepEqual(
      rows.map((r) => r.workload.split(' ')[0]),
      ['completion', 'hover'],
    );
    for (const row of rows) {
      assert.ok(Number.isFinite(row.ours.p95) && row.ours.p95 >= row.ours.median, JSON.stringify(row));
      assert.equal(row.anchor?.name, 'amazon-states-language-service');
      assert.ok(Number.isFinite(row.anchor?.median), JSON.stringify(row));
      assert.equal(row.target, 'p95 <= 5 ms');
      assert.equal(typeof row.met, 'boolean');
    }
  });
});
