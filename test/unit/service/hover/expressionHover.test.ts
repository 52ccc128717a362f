/**
 * Hover inside expressions: intrinsic functions, JSONata functions, context object paths, `$states.*`,
 * variables (where assigned, with the value expression), JSONPath `$.x` (what it selects); JSON, YAML,
 * escaped strings and broken documents.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { hoverAt, mustHover } from './hoverHelpers';

const jsonPathTask = (fields: string) =>
  `{ "StartAt": "T", "States": { "T": { "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", ${fields}, "End": true } } }`;
const jsonataTask = (fields: string) =>
  `{ "QueryLanguage": "JSONata", "StartAt": "T", "States": { "T": { "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", ${fields}, "End": true } } }`;

test('intrinsic function name: signature, description, example; unknown names say so', () => {
  const h = mustHover(jsonPathTask(`"Parameters": { "msg.$": "States.For|mat('Order {}', $.id)" }`));
  assert.equal(h.rangeText, 'States.Format');
  assert.match(h.markdown, /States\.Format\(template, \.\.\.values\): string/);
  assert.match(h.markdown, /Example: /);
  const nested = mustHover(
    jsonPathTask(`"Parameters": { "n.$": "States.MathAdd(States.ArrayLen|gth($.items), 1)" }`),
  );
  assert.equal(nested.rangeText, 'States.ArrayLength');
  assert.match(
    mustHover(jsonPathTask(`"Parameters": { "x.$": "States.No|pe($.a)" }`)).markdown,
    /⚠ `States\.Nope` is not an intrinsic function/,
  );
  const inString = hoverAt(jsonPathTask(`"Parameters": { "x.$": "States.Format('States.Ar|ray()', $.a)" }`));
  assert.equal(inString, undefined, 'text inside a string argument is not a call');
});

test('JSONPath inside intrinsic arguments and path fields: what it selects', () => {
  const arg = mustHover(jsonPathTask(`"Parameters": { "msg.$": "States.Format('Order {}', $.order.i|d)" }`));
  assert.equal(arg.rangeText, '$.order.id');
  assert.match(arg.markdown, /Selects `order\.id` from the effective input \(after InputPath\)/);
  assert.match(mustHover(jsonPathTask('"InputPath": "$.de|tail"')).markdown, /from the raw state input/);
  assert.match(
    mustHover(jsonPathTask('"ResultSelector": { "b.$": "$.Payl|oad.body" }')).markdown,
    /from the task result/,
  );
  assert.match(mustHover(jsonPathTask('"OutputPath": "|$"')).markdown, /Selects `\(the whole value\)`/);
  const resultPath = mustHover(jsonPathTask('"ResultPath": "$.pay|ment"'));
  assert.match(resultPath.markdown, /Places the result at `payment` in the raw state input/);
  const many = mustHover(jsonPathTask('"Parameters": { "all.$": "$.items[*].pr|ice" }'));
  assert.match(many.markdown, /several values/);
  const literal = mustHover(jsonPathTask('"Comment": "$.not|APath"'));
  assert.match(
    literal.markdown,
    /^\*\*`Comment`\*\* · Task state/,
    'a literal string shows its field, not a path',
  );
  assert.doesNotMatch(literal.markdown, /Selects/);
});

test('context object paths in JSONPath: the segment under the cursor', () => {
  const id = mustHover(jsonPathTask('"Parameters": { "id.$": "$$.Execution.I|d" }'));
  assert.equal(id.rangeText, '$$.Execution.Id');
  assert.match(id.markdown, /context object · string[\s\S]*ARN of the execution/);
  const execution = mustHover(jsonPathTask('"Parameters": { "id.$": "$$.Exec|ution.Id" }'));
  assert.equal(execution.rangeText, '$$.Execution');
  const token = mustHover(jsonPathTask('"Parameters": { "token.$": "$$.Task.To|ken" }'));
  assert.match(token.markdown, /waitForTaskToken/);
  assert.match(
    mustHover(jsonPathTask('"Parameters": { "x.$": "$$.Execution.Nop|e" }')).markdown,
    /⚠ The context object has no `Execution\.Nope`/,
  );
});

test('JSONata: functions, $states fields, context paths', () => {
  const sum = mustHover(jsonataTask('"Output": "{% $su|m($states.result.items) %}"'));
  assert.equal(sum.rangeText, '$sum');
  assert.match(sum.markdown, /\$sum\(array\)/);
  assert.match(
    mustHover(jsonataTask('"Output": "{% $parti|tion($states.input.xs, 2) %}"')).markdown,
    /added by AWS/,
  );
  const input = mustHover(jsonataTask('"Arguments": { "p": "{% $states.inp|ut.order %}" }'));
  assert.equal(input.rangeText, '$states.input');
  assert.match(input.markdown, /input of the current state/);
  const result = mustHover(jsonataTask('"Output": "{% $states.res|ult %}"'));
  assert.match(result.markdown, /Task, Map and Parallel/);
  const tokenPath = mustHover(jsonataTask('"Arguments": { "t": "{% $states.context.Task.Tok|en %}" }'));
  assert.equal(tokenPath.rangeText, '$states.context.Task.Token');
  assert.match(tokenPath.markdown, /context object · string/);
  const states = mustHover(jsonataTask('"Output": "{% $sta|tes %}"'));
  assert.match(states.markdown, /reserved variable/);
  assert.match(
    mustHover(jsonataTask('"Output": "{% $states.inptu|t %}"')).markdown,
    /⚠ `\$states` has no field `inptut`/,
  );
  assert.match(
    mustHover(jsonataTask('"Output": "{% $nofun|ction(1) %}"')).markdown,
    /not a JSONata function/,
  );
  const literal = mustHover(jsonataTask('"Output": "{% \'$su|m\' %}"'));
  assert.match(
    literal.markdown,
    /^\*\*`Output`\*\* · Task state/,
    'a string literal shows the field, not $sum',
  );
});

const withVariables = `{
  "QueryLanguage": "JSONata",
  "StartAt": "Load",
  "States": {
    "Load": { "Type": "Pass", "Assign": { "total": "{% $states.input.amount * 2 %}", "count": 0 }, "Next": "Use" },
    "Use": {
      "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
      "Arguments": { "t": "{% $total + $count %}", "u": "{% $unknown %}", "l": "{% ($x := 1; $x) %}" },
      "Catch": [{ "ErrorEquals": ["States.ALL"], "Assign": { "total": 0 }, "Next": "Done" }],
      "Next": "Done"
    },
    "Done": { "Type": "Succeed" }
  }
}`;

test('JSONata variables: where assigned, with the value expression', () => {
  const total = mustHover(withVariables.replace('"{% $total +', '"{% $to|tal +'));
  assert.equal(total.rangeText, '$total');
  assert.match(total.markdown, /\*\*`\$total`\*\* · workflow variable/);
  assert.match(total.markdown, /- `Load` \(Assign\): `"\{% \$states\.input\.amount \* 2 %\}"`/);
  assert.match(total.markdown, /- `Use` \(Catch\[0\]\.Assign\): `0`/);
  assert.match(
    mustHover(withVariables.replace('$unknown', '$unkn|own')).markdown,
    /⚠ No state in this document assigns `\$unknown`/,
  );
  assert.match(mustHover(withVariables.replace('$x := 1; $x)', '$x := 1; $|x)')).markdown, /local variable/);
  const assignKey = mustHover(withVariables.replace('"count": 0', '"cou|nt": 0'));
  assert.match(assignKey.markdown, /`\$count`\*\* · workflow variable[\s\S]*`Load` \(Assign\): `0`/);
});

test('JSONPath variables and scope: a sibling branch’s variable is not visible', () => {
  const text = `{
    "StartAt": "P",
    "States": {
      "P": { "Type": "Parallel", "End": true, "Branches": [
        { "StartAt": "A", "States": { "A": { "Type": "Pass", "Assign": { "secret": 1 }, "End": true } } },
        { "StartAt": "B", "States": { "B": { "Type": "Pass", "Parameters": { "s.$": "$sec|ret.value" }, "End": true } } }
      ] }
    }
  }`;
  const h = mustHover(text);
  assert.equal(h.rangeText, '$secret');
  assert.match(h.markdown, /Assigned in another scope \(not visible here\):\n- `A` \(Assign\): `1`/);
});

test('escaped strings and YAML: ranges map back to the document', () => {
  const escaped = mustHover(jsonPathTask(`"Parameters": { "m.$": "States.Format('it\\\\'s {}', $.na|me)" }`));
  assert.equal(escaped.rangeText, '$.name');
  const yaml = [
    'QueryLanguage: JSONata',
    'StartAt: T',
    'States:',
    '  T:',
    '    Type: Task',
    '    Resource: arn:aws:states:::lambda:invoke',
    '    Arguments:',
    "      token: '{% $states.context.Task.To|ken %}'",
    '      total: "{% $su|m($states.input.xs) %}"',
    '    End: true',
    '',
  ].join('\n');
  const first = yaml.indexOf('|');
  const tokenDoc = yaml.slice(0, first) + yaml.slice(first).replace('$su|m', '$sum');
  assert.equal(mustHover(tokenDoc, 'yaml').rangeText, '$states.context.Task.Token');
  const sumDoc = yaml.replace('Task.To|ken', 'Task.Token');
  assert.equal(mustHover(sumDoc, 'yaml').rangeText, '$sum');
  const plain =
    'StartAt: T\nStates:\n  T:\n    Type: Pass\n    Parameters:\n      id.$: $$.Execution.I|d\n    End: true\n';
  assert.equal(mustHover(plain, 'yaml').rangeText, '$$.Execution.Id');
});

test('broken JSONata and unfinished documents still hover', () => {
  const broken = jsonataTask('"Output": "{% $states.inp|ut.( %}"');
  assert.equal(mustHover(broken).rangeText, '$states.input');
  const unfinished =
    '{ "QueryLanguage": "JSONata", "StartAt": "T", "States": { "T": { "Type": "Pass", "Output": "{% $cou|nt(';
  const half = mustHover(unfinished);
  assert.equal(half.rangeText, '$count');
  assert.match(half.markdown, /\$count\(array\)/);
  const truncated =
    '{ "StartAt": "T", "States": { "T": { "Type": "Pass", "Parameters": { "a.$": "$$.State.Na|me" }';
  assert.match(mustHover(truncated).markdown, /name of the current state/);
});

test('variable references: range over the whole path past the name; names shared with functions', () => {
  const text = `{
    "QueryLanguage": "JSONata",
    "StartAt": "A",
    "States": {
      "A": { "Type": "Pass", "Assign": { "order": {}, "count": 1 }, "Next": "B" },
      "B": { "Type": "Pass", "Output": { "e": "{% $order.customer.em|ail %}", "c": "{% $cou|nt %}", "n": "{% $coun|t($states.input.xs) %}" }, "End": true }
    }
  }`;
  const marks = [...text.matchAll(/\|/g)].map((m) => m.index);
  const only = (keep: number) =>
    text.replace(/\|/g, (_m, offset: number) => (offset === marks[keep] ? '|' : ''));
  const path = mustHover(only(0));
  assert.equal(path.rangeText, '$order.customer.email');
  assert.match(path.markdown, /`\$order`\*\* · workflow variable/);
  assert.match(mustHover(only(1)).markdown, /`\$count`\*\* · workflow variable[\s\S]*`A` \(Assign\): `1`/);
  assert.match(mustHover(only(2)).markdown, /\$count\(array\)/, 'a call is the function');
});

test('on the quotes of an expression string the field is described', () => {
  const h = mustHover(jsonPathTask('"InputPath": |"$.detail"'));
  assert.equal(h.rangeText, '"$.detail"');
  assert.match(h.markdown, /\*\*`InputPath`\*\* · Task state/);
});

test('JSONPath source depends on the field: Catcher ResultPath, Choice Assign, Map ItemSelector', () => {
  const catcher = mustHover(
    jsonPathTask('"Catch": [{ "ErrorEquals": ["States.ALL"], "ResultPath": "$.er|ror", "Next": "T" }]'),
  );
  assert.match(catcher.markdown, /Places the error output \{Error, Cause\} at `error`/);
  const choice = `{ "StartAt": "C", "States": {
    "C": { "Type": "Choice", "Assign": { "picked.$": "$.ch|oice" }, "Choices": [{ "Variable": "$.n", "IsPresent": true, "Next": "D" }], "Default": "D" },
    "D": { "Type": "Succeed" } } }`;
  assert.match(mustHover(choice).markdown, /from the state input \(after InputPath\)/);
  const variable = mustHover(
    choice.replace('$.ch|oice', '$.choice').replace('"Variable": "$.n"', '"Variable": "$.|n"'),
  );
  assert.match(variable.markdown, /Selects `n` from the effective input/);
  const map = `{ "StartAt": "M", "States": { "M": { "Type": "Map", "ItemSelector": { "v.$": "$.cust|omer" },
    "ItemProcessor": { "StartAt": "I", "States": { "I": { "Type": "Succeed" } } }, "End": true } } }`;
  assert.match(mustHover(map).markdown, /the Map’s input \(the current item is `\$\$\.Map\.Item\.Value`\)/);
});

test('YAML: intrinsic functions and their path arguments', () => {
  const yaml = [
    'StartAt: T',
    'States:',
    '  T:',
    '    Type: Pass',
    '    Parameters:',
    `      greeting.$: "States.Form|at('Hi {}', $.name)"`,
    `      count.$: States.ArrayLength($.it|ems)`,
    '    End: true',
    '',
  ].join('\n');
  const first = yaml.indexOf('|');
  const onFormat = yaml.slice(0, first + 1) + yaml.slice(first + 1).replace('|', '');
  const format = mustHover(onFormat, 'yaml');
  assert.equal(format.rangeText, 'States.Format');
  const onItems = yaml.slice(0, first) + yaml.slice(first + 1);
  const items = mustHover(onItems, 'yaml');
  assert.equal(items.rangeText, '$.items');
  assert.match(items.markdown, /Selects `items`/);
});

test('YAML block scalars: JSONata across lines maps back to the document', () => {
  const yaml = [
    'QueryLanguage: JSONata',
    'StartAt: A',
    'States:',
    '  A:',
    '    Type: Pass',
    '    Output: |',
    '      {% $sum(',
    '        $states.inp^ut.xs) %}',
    '    End: true',
    '',
  ].join('\n');
  const input = mustHover(yaml, 'yaml', '^');
  assert.equal(input.rangeText, '$states.input');
  const sum = mustHover(yaml.replace('inp^ut', 'input').replace('$sum(', '$s^um('), 'yaml', '^');
  assert.equal(sum.rangeText, '$sum');
  const folded = mustHover(yaml.replace('Output: |', 'Output: >-'), 'yaml', '^');
  assert.equal(folded.rangeText, '$states.input');
});

test('YAML folded scalars over several lines: tokens on the continued line, nothing in its indentation', () => {
  const yaml = [
    'StartAt: T',
    'States:',
    '  T:',
    '    Type: Pass',
    '    Parameters:',
    '      key.$: >-',
    "        States.Format('{}/', States.ArrayGetItem(",
    "        ^States.StringSplit($.path, '/'), 0))",
    '    End: true',
    '',
  ].join('\n');
  const split = mustHover(yaml, 'yaml', '^');
  assert.equal(split.rangeText, 'States.StringSplit');
  assert.equal(hoverAt(yaml.replace('        ^States', '   ^     States'), 'yaml', '^'), undefined);
  const path = mustHover(yaml.replace('^', '').replace('$.path', '$.pa^th'), 'yaml', '^');
  assert.equal(path.rangeText, '$.path');
});
