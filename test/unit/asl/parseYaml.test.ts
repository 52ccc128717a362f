/**
 * YAML front end: the tree has jsonc-parser's shape and offsets, the model built from YAML matches the
 * one built from the equivalent JSON, and YAML syntax errors come back as located problems (no throw).
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { parseStateMachine, nodeAtOffset, valueOf } from '../../../server/src/asl';
import { parseYamlSyntax } from '../../../server/src/asl/parseYaml';

const YAML_DOC = `Comment: demo
StartAt: First
States:
  First:
    Type: Pass
    Next: "Second"
  Second:
    Type: Parallel
    Branches:
      - StartAt: Inner
        States:
          Inner:
            Type: Succeed
    End: true
`;

describe('parseYaml', () => {
  it('builds a model equal to the JSON one', () => {
    const yamlModel = parseStateMachine(YAML_DOC, { format: 'yaml' });
    assert.deepEqual(yamlModel.tree.problems, []);
    assert.deepEqual(
      yamlModel.states.map((s) => [s.name, s.type, s.path.join('/')]),
      [
        ['First', 'Pass', 'States/First'],
        ['Second', 'Parallel', 'States/Second'],
        ['Inner', 'Succeed', 'States/Second/Branches/0/States/Inner'],
      ],
    );
    const json = JSON.stringify(yamlModel.definition);
    assert.deepEqual(parseStateMachine(json).definition, yamlModel.definition);
  });

  it('locates keys, values and transitions at their source offsets', () => {
    const model = parseStateMachine(YAML_DOC, { format: 'yaml' });
    const first = model.statesByName.get('First')?.[0];
    assert.ok(first);
    assert.equal(YAML_DOC.slice(first.keyNode.offset, first.keyNode.offset + first.keyNode.length), 'First');
    const next = first.transitions.find((t) => t.kind === 'Next');
    assert.ok(next);
    assert.equal(YAML_DOC.slice(next.node.offset, next.node.offset + next.node.length), '"Second"');
    const prop = first.keyNode.parent;
    assert.ok(prop && prop.type === 'property');
    assert.equal(YAML_DOC[prop.colonOffset ?? -1], ':');
    const at = nodeAtOffset(model.root, YAML_DOC.indexOf('Succeed') + 2);
    assert.equal(at?.value, 'Succeed');
    assert.equal(at?.parent?.type, 'property');
  });

  it('gives a null value to an empty key and keeps scalar types', () => {
    const tree = parseYamlSyntax('A:\nB: 3\nC: true\nD: null\n');
    assert.deepEqual(valueOf(tree.root), { A: null, B: 3, C: true, D: null });
  });

  it('reports syntax errors with a location instead of throwing', () => {
    const text = 'StartAt: A\nStates:\n  A: {Type: Pass\n';
    const tree = parseYamlSyntax(text);
    assert.ok(tree.problems.length > 0);
    for (const p of tree.problems) {
      assert.equal(p.code, 'yaml-syntax');
      assert.ok(p.offset >= 0 && p.offset <= text.length);
      assert.ok(p.length >= 1);
    }
    const empty = parseYamlSyntax('');
    assert.equal(empty.root, undefined);
    assert.equal(empty.problems[0]?.code, 'yaml-syntax');
  });
});
