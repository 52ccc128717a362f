/**
 * Completion inside strings (JSON and YAML, `|` marks the cursor): `$$.` context paths, intrinsic
 * functions in `.$` values, variables in scope, and inside `{% %}` JSONata functions (AWS additions
 * included), `$states.*` and variables (flow-sensitive: assigned by states that can run before); plus signature help for intrinsic and JSONata calls.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { parse as parseYaml } from 'yaml';
import { assertDocumented, complete, signature } from './completionHelpers';

const jsonPathState = (field: string) =>
  `{"StartAt": "A", "States": {"A": {"Type": "Pass", "Assign": {"total.$": "$.sum"}, ${field}, "End": true}}}`;
const jsonataState = (field: string) =>
  `{"QueryLanguage": "JSONata", "StartAt": "Z", "States": {"Z": {"Type": "Pass", "Assign": {"count": 1}, "Next": "A"}, "A": {"Type": "Pass", ${field}, "End": true}}}`;

describe('JSONPath strings', () => {
  it('context object paths after $$. in a path field', () => {
    const c = complete(jsonPathState('"InputPath": "$$.|"'));
    for (const p of [
      '$$.Execution.Id',
      '$$.Execution.Input',
      '$$.Execution.RedriveCount',
      '$$.State.EnteredTime',
      '$$.State.RetryCount',
      '$$.StateMachine.Name',
      '$$.Task.Token',
      '$$.Map.Item.Index',
      '$$.Map.Item.Value',
    ]) {
      assert.ok(c.labels.includes(p), p);
    }
    assert.ok(!c.labels.includes('States.Format'), 'no intrinsics in InputPath');
    assert.ok(!c.labels.includes('$total'), 'no variables after $$');
    assertDocumented(c.items);
    assert.equal(JSON.parse(c.apply('$$.Execution.Id')).States.A.InputPath, '$$.Execution.Id');
    const partial = complete(jsonPathState('"InputPath": "$$.Execution.Na|"'));
    assert.equal(JSON.parse(partial.apply('$$.Execution.Name')).States.A.InputPath, '$$.Execution.Name');
  });

  it('ResultPath offers only $ (it writes into the input)', () => {
    assert.deepEqual(complete(jsonPathState('"ResultPath": "|"')).labels, ['$']);
  });

  it('intrinsic functions in .$ values, with docs, as snippets', () => {
    const c = complete(jsonPathState('"Parameters": {"id.$": "States.|"}'));
    for (const f of [
      'States.Format',
      'States.UUID',
      'States.ArrayPartition',
      'States.Hash',
      'States.JsonMerge',
    ]) {
      assert.ok(c.labels.includes(f), f);
    }
    assertDocumented(c.items);
    assert.equal(JSON.parse(c.apply('States.Format')).States.A.Parameters['id.$'], 'States.Format()');
    assert.equal(JSON.parse(c.apply('States.UUID')).States.A.Parameters['id.$'], 'States.UUID()');
    const nested = complete(jsonPathState(`"Parameters": {"id.$": "States.Format('{}', |)"}`));
    assert.ok(nested.labels.includes('States.UUID') && nested.labels.includes('$$.Execution.Id'));
    const plain = complete(jsonPathState('"Parameters": {"id": "|"}'));
    assert.deepEqual(plain.labels, [], 'a plain payload value is a literal');
  });

  it('variables assigned by states that can run before this one, here or before the enclosing state', () => {
    const doc = `{"StartAt": "A", "States": {
      "A": {"Type": "Pass", "Assign": {"outer": 1}, "Next": "P"},
      "P": {"Type": "Parallel", "Next": "Later", "Branches": [
        {"StartAt": "B0", "States": {
          "B0": {"Type": "Pass", "Assign": {"before": 1}, "Next": "B1"},
          "B1": {"Type": "Pass", "Assign": {"mine": 1}, "Parameters": {"x.$": "$|"}, "End": true}}},
        {"StartAt": "C", "States": {"C": {"Type": "Pass", "Assign": {"theirs": 1}, "End": true}}}
      ]},
      "Later": {"Type": "Pass", "Assign": {"late": 1}, "End": true}}}`;
    const c = complete(doc);
    assert.ok(c.labels.includes('$outer') && c.labels.includes('$before'), JSON.stringify(c.labels));
    assert.ok(!c.labels.includes('$theirs'), 'not from a sibling branch');
    assert.ok(!c.labels.includes('$late'), 'not from a state after the Parallel');
    assert.ok(!c.labels.includes('$mine'), "the state's own Assign applies after it");
    assertDocumented(c.items);
  });

  it('in a loop a state sees its own assignments; a state nothing leads to sees its whole scope', () => {
    const loop = complete(
      '{"StartAt": "A", "States": {"A": {"Type": "Pass", "Assign": {"n.$": "$|"}, "Next": "A"}}}',
    );
    assert.ok(loop.labels.includes('$n'));
    const orphan = complete(
      '{"StartAt": "A", "States": {"A": {"Type": "Pass", "Assign": {"a": 1}, "End": true}, "New": {"Type": "Pass", "InputPath": "$|"}}}',
    );
    assert.ok(orphan.labels.includes('$a'));
  });

  it('YAML plain scalars', () => {
    const c = complete(
      'StartAt: A\nStates:\n  A:\n    Type: Pass\n    InputPath: $$.Ex|\n    End: true\n',
      'yaml',
    );
    assert.equal(parseYaml(c.apply('$$.Execution.Input')).States.A.InputPath, '$$.Execution.Input');
  });
});

describe('JSONata strings', () => {
  it('functions (with the AWS additions), $states fields, context paths and variables', () => {
    const c = complete(jsonataState('"Output": "{% $| %}"'));
    for (const f of [
      '$sum',
      '$substring',
      '$partition',
      '$range',
      '$hash',
      '$random',
      '$uuid',
      '$parse',
      '$states.input',
      '$states.result',
      '$states.errorOutput',
      '$states.context',
      '$states.context.Execution.Id',
      '$count',
    ]) {
      assert.ok(c.labels.includes(f), f);
    }
    assertDocumented(c.items);
    const rank = (label: string) => c.item(label).sortText!;
    assert.ok(rank('$states.input') < rank('$count') && rank('$count') < rank('$sum'));
    assert.ok(rank('$sum') < rank('$states.context.Execution.Id'), 'context paths last');
    assert.ok(
      c.items.some((i) => i.label === '$count' && i.kind === 6 /* Variable */),
      'the variable $count too',
    );
    assert.equal(JSON.parse(c.apply('$uuid')).States.A.Output, '{% $uuid() %}');
    assert.equal(JSON.parse(c.apply('$sum')).States.A.Output, '{% $sum() %}');
    assert.equal(JSON.parse(c.apply('$count')).States.A.Output, '{% $count %}'.replace('$count', '$count()'));
  });

  it('$states.context. narrows to context paths; unclosed expressions still complete', () => {
    const c = complete(
      '{"QueryLanguage": "JSONata", "StartAt": "A", "States": {"A": {"Type": "Pass", "Output": "{% $states.context.|\n}}}',
    );
    assert.ok(c.labels.length > 10 && c.labels.every((l) => l.startsWith('$states.context.')));
    assert.match(c.apply('$states.context.Task.Token'), /"\{% \$states\.context\.Task\.Token\n\}\}\}$/);
  });

  it('nothing after %} and nothing for JSONata text in a JSONPath state', () => {
    assert.deepEqual(complete(jsonataState('"Output": "{% 1 %} |"')).labels, []);
    assert.deepEqual(complete(jsonPathState('"Comment": "{% $|"')).labels, []);
  });

  it('YAML quoted JSONata', () => {
    const c = complete(
      "QueryLanguage: JSONata\nStartAt: A\nStates:\n  A:\n    Type: Pass\n    Output: '{% $part| %}'\n    End: true\n",
      'yaml',
    );
    assert.equal(parseYaml(c.apply('$partition')).States.A.Output, '{% $partition() %}');
  });
});

describe('signature help', () => {
  it('intrinsic calls: label, parameters and the active one', () => {
    const help = signature(jsonPathState(`"Parameters": {"m.$": "States.Format('{} {}', $.a, |)"}`));
    assert.ok(help);
    const sig = help.signatures[0];
    assert.equal(sig.label, 'States.Format(template, values...): string');
    assert.equal(help.activeParameter, 1, 'the rest parameter stays active');
    assert.equal(sig.parameters?.length, 2);
    const first = signature(jsonPathState(`"Parameters": {"m.$": "States.ArrayPartition(|"}`));
    assert.equal(first?.activeParameter, 0);
    const second = signature(jsonPathState(`"Parameters": {"m.$": "States.ArrayPartition($.items, |"}`));
    assert.equal(second?.activeParameter, 1);
    const inner = signature(
      jsonPathState(`"Parameters": {"m.$": "States.Format('{}', States.ArrayLength(|))"}`),
    );
    assert.match(inner!.signatures[0].label, /^States\.ArrayLength\(/);
    assert.equal(signature(jsonPathState(`"Parameters": {"m.$": "States.Format('{}', $.a)|"}`)), undefined);
    assert.equal(
      signature(jsonPathState(`"Comment": "States.Format(|"`)),
      undefined,
      'not an expression field',
    );
  });

  it('JSONata calls: innermost call and argument index, strings skipped', () => {
    const help = signature(jsonataState('"Output": "{% $substring($states.input.name, 1, | %}"'));
    assert.equal(help?.signatures[0].label, '$substring(str, start[, length])');
    assert.equal(help?.activeParameter, 2);
    const nested = signature(
      jsonataState(`"Output": "{% $join($map($states.input, function($v) { $v }), '|' %}"`),
    );
    assert.equal(nested?.signatures[0].label.startsWith('$join('), true);
    assert.equal(nested?.activeParameter, 1);
    assert.equal(signature(jsonataState('"Output": "{% $states.input |%}"')), undefined);
  });

  it('YAML block scalars', () => {
    const doc =
      'QueryLanguage: JSONata\nStartAt: A\nStates:\n  A:\n    Type: Pass\n    Output: >-\n      {% $join($states.input.names, | %}\n    End: true\n';
    assert.equal(signature(doc, 'yaml')?.activeParameter, 1);
    assert.ok(complete(doc, 'yaml').labels.includes('$states.input'));
  });

  it('YAML', () => {
    const help = signature(
      "QueryLanguage: JSONata\nStartAt: A\nStates:\n  A:\n    Type: Pass\n    Output: '{% $partition($states.input, | %}'\n",
      'yaml',
    );
    assert.equal(help?.signatures[0].label, '$partition(array, size)');
    assert.equal(help?.activeParameter, 1);
  });
});

describe('JSONata value snippet', () => {
  it('offers {% %} for an empty JSONata field or payload value, never in JSONPath states', () => {
    const output = complete(jsonataState('"Output": "|"'));
    assert.deepEqual(output.labels, ['{% %}']);
    assertDocumented(output.items);
    assert.equal(JSON.parse(output.apply('{% %}')).States.A.Output, '{%  %}');
    const bare = complete(jsonataState('"Arguments": {"id": |}'));
    assert.equal(JSON.parse(bare.apply('{% %}')).States.A.Arguments.id, '{%  %}');
    const condition = complete(
      'QueryLanguage: JSONata\nStartAt: A\nStates:\n  A:\n    Type: Choice\n    Choices:\n      - Condition: |\n',
      'yaml',
    );
    assert.equal(parseYaml(condition.apply('{% %}')).States.A.Choices[0].Condition, '{%  %}');
    assert.deepEqual(complete(jsonPathState('"Parameters": {"id": "|"}')).labels, []);
  });
});
