/**
 * Hover on structure: field keys (per state type and query language, nested objects, fields not allowed
 * there), Type values, Choice operators, error names, state names and transition targets; JSON, YAML
 * and broken documents.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { hoverAt, mustHover } from './hoverHelpers';

const machine = (states: string, extra = '') => `{${extra} "StartAt": "First", "States": { ${states} } }`;

test('field key: doc for the state type, with the key as range', () => {
  const h = mustHover(
    machine('"First": { "Type": "Task", "Reso|urce": "arn:aws:states:::lambda:invoke", "End": true }'),
  );
  assert.equal(h.rangeText, '"Resource"');
  assert.match(h.markdown, /\*\*`Resource`\*\* · Task state · JSONPath and JSONata/);
  assert.match(h.markdown, /- Required/);
  const wait = mustHover(machine('"First": { "Type": "Wait", "Sec|onds": 5, "End": true }'));
  assert.match(wait.markdown, /`Seconds`\*\* · Wait state/);
});

test('field key not allowed in the query language or the state type says so', () => {
  const jsonata = mustHover(
    machine(
      '"First": { "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Result|Path": "$.x", "End": true }',
      '"QueryLanguage": "JSONata",',
    ),
  );
  assert.match(jsonata.markdown, /⚠ Not allowed in a JSONata state: use Output/);
  const wrongType = mustHover(
    machine('"First": { "Type": "Task", "Resource": "x", "Re|sult": {}, "End": true }'),
  );
  assert.match(wrongType.markdown, /not a field of a Task state\. It belongs in: Pass state/);
  const unknown = mustHover(machine('"First": { "Type": "Pass", "Fo|o": 1, "End": true }'));
  assert.equal(unknown.markdown, '⚠ `Foo` is not a field of a Pass state.');
  const noType = mustHover(machine('"First": { "Ty": "Pass", "Ne|xt": "X" }'));
  assert.match(noType.markdown, /`Next`/);
});

test('nested object fields: Retrier, Catcher, ItemReader, ReaderConfig, ProcessorConfig, top level', () => {
  const task = (inner: string) =>
    machine(
      `"First": { "Type": "Task", "Resource": "x", ${inner}, "End": true }, "Fix": { "Type": "Succeed" }`,
    );
  assert.match(
    mustHover(task('"Retry": [{ "ErrorEquals": ["States.ALL"], "Max|Attempts": 2 }]')).markdown,
    /· Retrier ·[\s\S]*Default: 3/,
  );
  assert.match(
    mustHover(task('"Catch": [{ "ErrorEquals": ["States.ALL"], "Next": "Fix", "Result|Path": "$.e" }]'))
      .markdown,
    /error output/,
  );
  const map = (inner: string) =>
    machine(
      `"First": { "Type": "Map", ${inner}, "ItemProcessor": { "ProcessorConfig": { "Mo|de": "DISTRIBUTED" }, "StartAt": "I", "States": { "I": { "Type": "Succeed" } } }, "End": true }`,
    );
  const reader = map(
    '"ItemReader": { "Resource": "arn:aws:states:::s3:getObject", "ReaderConfig": { "Input|Type": "CSV" } }'.replace(
      'Mo|de',
      'Mode',
    ),
  );
  assert.match(mustHover(reader).markdown, /`InputType`\*\* · ReaderConfig/);
  assert.match(mustHover(map('"Label": "x"')).markdown, /`Mode`\*\* · ProcessorConfig/);
  assert.match(
    mustHover(machine('"First": { "Type": "Succeed" }', '"Timeout|Seconds": 5,')).markdown,
    /· top level ·[\s\S]*whole execution/,
  );
  const processorStartAt = map('"Label": "x"')
    .replace('"Mo|de"', '"Mode"')
    .replace('"StartAt": "I"', '"Start|At": "I"');
  assert.match(mustHover(processorStartAt).markdown, /`StartAt`\*\* · ItemProcessor/);
});

test('Type values and Choice operators', () => {
  const type = mustHover(machine('"First": { "Type": "Ma|p", "End": true }'));
  assert.equal(type.rangeText, '"Map"');
  assert.match(type.markdown, /\*\*`Map`\*\* state/);
  assert.match(mustHover(machine('"First": { "Type": "Lam|bda" }')).markdown, /not a state type/);
  const choice = (rule: string) =>
    machine(
      `"First": { "Type": "Choice", "Choices": [${rule}], "Default": "Done" }, "Done": { "Type": "Succeed" }`,
    );
  const op = mustHover(choice('{ "Variable": "$.n", "NumericGreater|ThanPath": "$.limit", "Next": "Done" }'));
  assert.match(op.markdown, /`NumericGreaterThanPath`\*\* · Choice Rule operator/);
  const nested = mustHover(choice('{ "And": [{ "Variable": "$.s", "Is|Present": true }], "Next": "Done" }'));
  assert.match(nested.markdown, /`IsPresent`\*\* · Choice Rule type test/);
  const and = mustHover(choice('{ "A|nd": [{ "Variable": "$.s", "IsPresent": true }], "Next": "Done" }'));
  assert.match(and.markdown, /every nested rule/);
  const condition = mustHover(
    choice('{ "Cond|ition": "{% true %}", "Next": "Done" }').replace(
      '{ "StartAt"',
      '{ "QueryLanguage": "JSONata", "StartAt"',
    ),
  );
  assert.match(condition.markdown, /`Condition`\*\* · Choice Rule · JSONata only/);
  const operatorInJsonata = mustHover(
    choice('{ "Variable": "$.s", "String|Equals": "x", "Next": "Done" }').replace(
      '"Type": "Choice"',
      '"Type": "Choice", "QueryLanguage": "JSONata"',
    ),
  );
  assert.match(operatorInJsonata.markdown, /⚠ Not allowed in a JSONata state: use `Condition`/);
});

test('error names in ErrorEquals and Fail Error', () => {
  const task = (names: string) =>
    machine(
      `"First": { "Type": "Task", "Resource": "x", "Retry": [{ "ErrorEquals": [${names}] }], "End": true }`,
    );
  const timeout = mustHover(task('"States.Time|out"'));
  assert.equal(timeout.rangeText, '"States.Timeout"');
  assert.match(timeout.markdown, /predefined error[\s\S]*TimeoutSeconds/);
  assert.match(
    mustHover(task('"States.ALL", "Lambda.TooMany|RequestsException"')).markdown,
    /integration error[\s\S]*throttled/,
  );
  assert.match(mustHover(task('"States.Bog|us"')).markdown, /not a predefined error name/);
  const fail = mustHover(machine('"First": { "Type": "Fail", "Error": "Order|Rejected" }'));
  assert.match(fail.markdown, /custom error/);
});

const flow = `{
  "StartAt": "Check",
  "States": {
    "Check": { "Type": "Choice", "Choices": [{ "Variable": "$.ok", "BooleanEquals": true, "Next": "Charge" }], "Default": "Reject" },
    "Charge": {
      "Type": "Task", "Comment": "Charges the card",
      "Resource": "arn:aws:states:::lambda:invoke",
      "Catch": [{ "ErrorEquals": ["States.ALL"], "Next": "Reject" }],
      "Next": "Done"
    },
    "Reject": { "Type": "Fail", "Error": "Rejected" },
    "Done": { "Type": "Succeed" }
  }
}`;

test('state name key: type, query language, Resource, Comment, transitions in and out', () => {
  const h = mustHover(flow.replace('"Charge": {', '"Cha|rge": {'));
  assert.equal(h.rangeText, '"Charge"');
  assert.match(h.markdown, /\*\*`Charge`\*\* · Task state · JSONPath/);
  assert.match(h.markdown, /_Charges the card_/);
  assert.match(h.markdown, /Resource: `arn:aws:states:::lambda:invoke`/);
  assert.match(h.markdown, /Reached from: `Check` \(Choice rule\)/);
  assert.match(h.markdown, /Goes to: `Done` \(Next\), `Reject` \(Catch\)/);
  const reject = mustHover(flow.replace('"Reject": {', '"Rej|ect": {'));
  assert.match(reject.markdown, /Reached from: `Check` \(Default\), `Charge` \(Catch\)/);
});

test('transition values show the target summary: StartAt, Next, Default, Choices Next, Catch Next', () => {
  assert.match(
    mustHover(flow.replace('"StartAt": "Check"', '"StartAt": "Ch|eck"')).markdown,
    /`Check`\*\* · Choice state/,
  );
  assert.match(
    mustHover(flow.replace('"Next": "Done"', '"Next": "Do|ne"')).markdown,
    /`Done`\*\* · Succeed state/,
  );
  assert.match(
    mustHover(flow.replace('"Default": "Reject"', '"Default": "Re|ject"')).markdown,
    /`Reject`\*\* · Fail state/,
  );
  const choiceNext = mustHover(flow.replace('"Next": "Charge"', '"Next": "Cha|rge"'));
  assert.equal(choiceNext.rangeText, '"Charge"');
  assert.match(choiceNext.markdown, /`Charge`\*\* · Task state/);
  assert.match(
    mustHover(flow.replace('"Next": "Reject" }]', '"Next": "Rej|ect" }]')).markdown,
    /`Reject`\*\* · Fail state/,
  );
  const missing = mustHover(flow.replace('"Next": "Done"', '"Next": "Don|e2"'));
  assert.match(missing.markdown, /⚠ \*\*No state named `Done2`\*\* in the top level/);
  assert.match(missing.markdown, /States there: `Check`, `Charge`, `Reject`, `Done`/);
});

test('a target inside a branch is resolved in the branch, not at the top level', () => {
  const text = machine(
    '"First": { "Type": "Parallel", "Branches": [{ "StartAt": "A", "States": { "A": { "Type": "Pass", "Next": "Fi|rst" } } }], "End": true }',
  );
  assert.match(mustHover(text).markdown, /No state named `First`\*\* in the branch 1 of Parallel `First`/);
  const inner = mustHover(text.replace('"Next": "Fi|rst"', '"End": true').replace('"A": {', '"|A": {'));
  assert.match(inner.markdown, /In: branch 1 of Parallel `First`[\s\S]*Reached from: StartAt of its block/);
});

test('YAML: keys, Type values, error names, state names, targets', () => {
  const yaml = [
    'StartAt: Work',
    'States:',
    '  Work:',
    '    Type: Task',
    '    Resource: arn:aws:states:::lambda:invoke',
    '    Retry:',
    '      - ErrorEquals: [States.TaskFailed]',
    '    Next: Done',
    '  Done:',
    '    Type: Succeed',
    '',
  ].join('\n');
  const key = mustHover(yaml.replace('    Resource:', '    Reso|urce:'), 'yaml');
  assert.equal(key.rangeText, 'Resource');
  assert.match(key.markdown, /`Resource`\*\* · Task state/);
  assert.match(
    mustHover(yaml.replace('Type: Succeed', 'Type: Succ|eed'), 'yaml').markdown,
    /`Succeed`\*\* state/,
  );
  const error = mustHover(yaml.replace('[States.TaskFailed]', '[States.Task|Failed]'), 'yaml');
  assert.equal(error.rangeText, 'States.TaskFailed');
  assert.match(
    mustHover(yaml.replace('Next: Done', 'Next: Do|ne'), 'yaml').markdown,
    /`Done`\*\* · Succeed state[\s\S]*Reached from: `Work` \(Next\)/,
  );
  assert.match(mustHover(yaml.replace('  Work:', '  Wo|rk:'), 'yaml').markdown, /Goes to: `Done` \(Next\)/);
  assert.match(mustHover(yaml.replace('Retry:', 'Re|try:'), 'yaml').markdown, /`Retry`\*\* · Task state/);
});

test('broken documents: hover works on what parsed', () => {
  const truncated =
    '{ "StartAt": "A", "States": { "A": { "Type": "Task", "Resour|ce": "arn:aws:states:::lambda:invoke", "Next": "B"';
  assert.match(mustHover(truncated).markdown, /`Resource`\*\* · Task state/);
  const missingComma =
    '{ "StartAt": "A", "States": { "A": { "Type": "Pass" "Next": "B" }, "B": { "Type": "Su|cceed" } } }';
  assert.match(mustHover(missingComma).markdown, /`Succeed`\*\* state/);
  const yamlBroken = 'StartAt: A\nStates:\n  A:\n    Type: Pass\n    Ti|meoutSeconds: 3\n    End: [\n';
  assert.match(
    mustHover(yamlBroken, 'yaml').markdown,
    /^⚠ `TimeoutSeconds` is not a field of a Pass state\. It belongs in: top level, Task state/,
  );
  const yamlOk = 'StartAt: A\nStates:\n  A:\n    Type: Pa|ss\n    End: true\n  B: {\n';
  assert.match(mustHover(yamlOk, 'yaml').markdown, /`Pass`\*\* state/);
  assert.equal(hoverAt('|'), undefined);
  assert.equal(hoverAt('{ "StartAt": "A", |'), undefined);
});

test('nothing to say: punctuation, payload template keys and literal values', () => {
  const text = machine(
    '"First": { "Type": "Task", "Resource": "x", "Parameters": { "Fun|ctionName": "ship" }, "End": true }',
  );
  assert.equal(hoverAt(text), undefined);
  assert.equal(
    hoverAt(
      machine(
        '"First": { "Type": "Task", "Resource": "x", "Parameters": { "FunctionName": "sh|ip" }, "End": true }',
      ),
    ),
    undefined,
  );
  assert.equal(hoverAt(machine('"First": {| "Type": "Succeed" }')), undefined);
});

test('Resource values: the integration and its pattern, then the field doc', () => {
  const task = (arn: string) => machine(`"First": { "Type": "Task", "Resource": "${arn}", "End": true }`);
  const at = (arn: string) =>
    mustHover(task(arn).replace(arn, arn.slice(0, 12) + '|' + arn.slice(12))).markdown;
  const lambda = at('arn:aws:states:::lambda:invoke');
  assert.match(
    lambda,
    /^\*\*Optimized service integration\*\* · `lambda:invoke`[\s\S]*Request\/Response[\s\S]*Lambda\.TooManyRequestsException/,
  );
  assert.match(lambda, /---\n\n\*\*`Resource`\*\* · Task state/);
  assert.match(
    at('arn:aws:states:::sqs:sendMessage.waitForTaskToken'),
    /Wait for callback[\s\S]*\$\$\.Task\.Token/,
  );
  assert.match(at('arn:aws:states:::states:startExecution.sync:2'), /parsed as JSON/);
  assert.match(at('arn:aws:states:::aws-sdk:s3:getObject'), /AWS SDK integration\*\* · `s3` API `getObject`/);
  assert.match(at('arn:aws:states:::aws-sdk:s3:getObject.sync'), /do not support `\.sync`/);
  assert.match(
    at('arn:aws:lambda:us-east-1:123456789012:function:ship:live'),
    /Lambda function\*\* `ship` \(version\/alias `live`\)/,
  );
  assert.match(at('arn:aws:states:us-east-1:123456789012:activity:review'), /Activity\*\* `review`/);
  assert.match(at('arn:aws:states:::http:invoke'), /HTTP Task/);
  assert.match(at('${ShipFunctionArn}'), /deployment placeholder/);
  assert.match(at('not-an-arn-at-all'), /^\*\*`Resource`\*\* · Task state/);
});

test('deeply nested payloads (at the nesting limit) hover without overflowing the stack', () => {
  const depth = 990;
  const objects = '{"a": '.repeat(depth) + '"$.x"' + '}'.repeat(depth);
  const text = machine(`"First": { "Type": "Pass", "Parameters": ${objects}, "End": true }`);
  const inner = text.indexOf('"$.x"') + 2;
  assert.equal(
    hoverAt(text.slice(0, inner) + '|' + text.slice(inner)),
    undefined,
    'a literal inside a template',
  );
  const arrays = machine(
    `"First": { "Type": "Pass", "Result": ${'['.repeat(depth)}"x"${']'.repeat(depth)}, "End": true }`,
  );
  const x = arrays.indexOf('"x"') + 1;
  assert.equal(hoverAt(arrays.slice(0, x) + '|' + arrays.slice(x)), undefined, 'data inside Result');
  const key = arrays.indexOf('"Result"') + 2;
  assert.match(
    mustHover(arrays.slice(0, key) + '|' + arrays.slice(key)).markdown,
    /`Result`\*\* · Pass state/,
  );
});

test('payload template keys ending in .$ explain what their value is evaluated against', () => {
  const template = (fields: string) =>
    machine(`"First": { "Type": "Task", "Resource": "x", ${fields}, "End": true }`);
  const h = mustHover(template('"Parameters": { "Pay|load.$": "$.order" }'));
  assert.equal(h.rangeText, '"Payload.$"');
  assert.match(
    h.markdown,
    /evaluated against the effective input \(after InputPath\); the result is stored under `Payload`/,
  );
  assert.match(
    mustHover(template('"ResultSelector": { "b|ody.$": "$.Payload" }')).markdown,
    /against the task result/,
  );
  const jsonata = mustHover(
    template('"Arguments": { "Pay|load.$": "$.order" }').replace(
      '"StartAt"',
      '"QueryLanguage": "JSONata", "StartAt"',
    ),
  );
  assert.match(jsonata.markdown, /in a JSONata state `\.\$` has no meaning/);
});
