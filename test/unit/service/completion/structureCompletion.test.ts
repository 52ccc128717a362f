/**
 * Completion of the ASL structure (JSON and YAML, `|` marks the cursor): transition targets of the
 * right scope, keys by state type and query language, enum values, Resource ARNs, ErrorEquals names,
 * state and Retry/Catch snippets, on complete and on half-typed documents.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { parse as parseYaml } from 'yaml';
import { CompletionItemKind } from '../../../../server/src/service/types';
import { assertDocumented, complete } from './completionHelpers';

const MACHINE = (next: string) => `{"StartAt": "A", "States": {
 "A": {"Type": "Pass", ${next}},
 "B": {"Type": "Succeed"},
 "C": {"Type": "Fail", "Error": "OrderRejected"},
 "P": {"Type": "Parallel", "Branches": [{"StartAt": "X", "States": {"X": {"Type": "Succeed"}}}], "End": true}
}}`;

describe('transition targets', () => {
  it('offers the states of the scope, not the state itself nor a branch-local name', () => {
    const c = complete(MACHINE('"Next": "|"'));
    assert.deepEqual(c.labels.sort(), ['B', 'C', 'P']);
    assertDocumented(c.items);
    assert.ok(c.items.every((i) => i.kind === CompletionItemKind.Reference));
    assert.equal(JSON.parse(c.apply('B')).States.A.Next, 'B');
  });

  it('works on `"Next": "|` with no closing quote and after a bare colon', () => {
    const unclosed = complete(
      '{"StartAt": "A", "States": {"B": {"Type": "Succeed"}, "A": {"Type": "Pass", "Next": "|',
    );
    assert.deepEqual(unclosed.labels, ['B']);
    assert.match(unclosed.apply('B'), /"Next": "B"$/);
    const bare = complete(MACHINE('"Next": |'));
    assert.equal(JSON.parse(bare.apply('C')).States.A.Next, 'C');
  });

  it('adds a comma when a property follows', () => {
    const c = complete(MACHINE('"Next": |\n "Comment": "x"'));
    assert.equal(JSON.parse(c.apply('B')).States.A.Next, 'B');
  });

  it('StartAt inside a branch offers the branch states; Default, Choices[].Next and Catch[].Next their scope', () => {
    const branch = complete(
      '{"StartAt": "A", "States": {"A": {"Type": "Parallel", "Branches": [{"StartAt": "|", "States": {"X": {"Type": "Succeed"}, "Y": {"Type": "Succeed"}}}], "End": true}}}',
    );
    assert.deepEqual(branch.labels, ['X', 'Y']);
    const choice = complete(
      '{"StartAt": "A", "States": {"A": {"Type": "Choice", "Choices": [{"Variable": "$.x", "IsPresent": true, "Next": "|"}], "Default": "B"}, "B": {"Type": "Succeed"}}}',
    );
    assert.deepEqual(choice.labels, ['A', 'B']);
    const dflt = complete(
      '{"StartAt": "A", "States": {"A": {"Type": "Choice", "Choices": [], "Default": "|"}, "B": {"Type": "Succeed"}}}',
    );
    assert.deepEqual(dflt.labels, ['B']);
    const catcher = complete(
      '{"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "|"}], "End": true}, "H": {"Type": "Fail"}}}',
    );
    assert.deepEqual(catcher.labels, ['A', 'H']);
  });

  it('Next inside a Map processor offers the processor states only', () => {
    const c = complete(
      '{"StartAt": "M", "States": {"M": {"Type": "Map", "ItemProcessor": {"StartAt": "I1", "States": {"I1": {"Type": "Pass", "Next": "|"}, "I2": {"Type": "Succeed"}}}, "Next": "Z"}, "Z": {"Type": "Succeed"}}}',
    );
    assert.deepEqual(c.labels, ['I2']);
  });

  it('YAML: plain scalars, quoted when needed', () => {
    const c = complete(
      'StartAt: A\nStates:\n  A:\n    Type: Pass\n    Next: |\n  B:\n    Type: Succeed\n  "C: done":\n    Type: Succeed\n',
      'yaml',
    );
    assert.deepEqual(c.labels.sort(), ['B', 'C: done']);
    assert.equal(parseYaml(c.apply('B')).States.A.Next, 'B');
    assert.equal(parseYaml(c.apply('C: done')).States.A.Next, 'C: done');
    const partial = complete(
      'StartAt: A\nStates:\n  A:\n    Type: Pass\n    Next: Bo|\n  Bob:\n    Type: Succeed\n',
      'yaml',
    );
    assert.equal(parseYaml(partial.apply('Bob')).States.A.Next, 'Bob');
    const startAt = complete('StartAt: |\nStates:\n  A:\n    Type: Pass\n    End: true\n', 'yaml');
    assert.deepEqual(startAt.labels, ['A']);
  });
});

describe('property keys', () => {
  it('filters by state type and JSONPath, required first, present keys left out', () => {
    const c = complete('{"StartAt": "A", "States": {"A": {"Type": "Task", |}}}');
    for (const k of [
      'Resource',
      'Parameters',
      'ResultSelector',
      'ResultPath',
      'Retry',
      'Catch',
      'TimeoutSeconds',
      'Next',
      'End',
    ]) {
      assert.ok(c.labels.includes(k), k);
    }
    for (const k of ['Type', 'Arguments', 'Output', 'Choices', 'Branches', 'Seconds']) {
      assert.ok(!c.labels.includes(k), k);
    }
    assert.ok(c.item('Resource').sortText! < c.item('Comment').sortText!, 'required first');
    assertDocumented(c.items);
    const resource = c.item('Resource');
    assert.ok(resource.detail && resource.detail.length > 10, 'the catalog summary is the detail');
    assert.match((resource.documentation as { value: string }).value, /Resource[\s\S]*Task/);
    const applied = JSON.parse(c.apply('Resource'));
    assert.equal(applied.States.A.Resource, '');
  });

  it('JSONata states get Arguments/Output, not Parameters/InputPath; Next is gone when End is there', () => {
    const c = complete(
      '{"QueryLanguage": "JSONata", "StartAt": "A", "States": {"A": {"Type": "Task", "End": true, |}}}',
    );
    assert.ok(c.labels.includes('Arguments') && c.labels.includes('Output') && c.labels.includes('Assign'));
    for (const k of ['Parameters', 'InputPath', 'ResultPath', 'ResultSelector', 'Next', 'End']) {
      assert.ok(!c.labels.includes(k), k);
    }
    const stateLevel = complete(
      '{"StartAt": "A", "States": {"A": {"Type": "Pass", "QueryLanguage": "JSONata", |}}}',
    );
    assert.ok(stateLevel.labels.includes('Output') && !stateLevel.labels.includes('Result'));
  });

  it('completes a half-typed key, quoted or not, and adds a comma before a following property', () => {
    const quoted = complete('{"StartAt": "A", "States": {"A": {"Type": "Pass", "Ne|');
    assert.match(quoted.apply('Next'), /"Type": "Pass", "Next": ""$/);
    const inside = complete('{"StartAt": "A", "States": {"A": {"Type": "Pass", "Ne|": "B"}}}');
    assert.match(inside.apply('Next'), /"Next": "B"/);
    const comma = complete('{"StartAt": "A", "States": {"A": {"Type": "Wait", |\n "End": true}}}');
    assert.equal(JSON.parse(comma.apply('Seconds')).States.A.Seconds, 0);
  });

  it('a state without Type offers Type first', () => {
    const c = complete('{"StartAt": "A", "States": {"A": {|}}}');
    assert.equal([...c.items].sort((a, b) => a.sortText!.localeCompare(b.sortText!))[0].label, 'Type');
  });

  it('top-level, Retrier, Catcher, Choice rule and nested rule keys', () => {
    const root = complete('{"StartAt": "A", |"States": {}}');
    assert.deepEqual(root.labels.sort(), ['Comment', 'QueryLanguage', 'TimeoutSeconds', 'Version']);
    const retrier = complete('{"StartAt": "A", "States": {"A": {"Type": "Task", "Retry": [{|}]}}}');
    assert.deepEqual(retrier.labels.sort(), [
      'BackoffRate',
      'Comment',
      'ErrorEquals',
      'IntervalSeconds',
      'JitterStrategy',
      'MaxAttempts',
      'MaxDelaySeconds',
    ]);
    const catcher = complete(
      '{"QueryLanguage": "JSONata", "StartAt": "A", "States": {"A": {"Type": "Task", "Catch": [{"ErrorEquals": [], |}]}}}',
    );
    assert.deepEqual(catcher.labels.sort(), ['Assign', 'Comment', 'Next', 'Output']);
    const rule = complete('{"StartAt": "A", "States": {"A": {"Type": "Choice", "Choices": [{|}]}}}');
    for (const k of [
      'Variable',
      'StringEquals',
      'NumericGreaterThanPath',
      'IsPresent',
      'And',
      'Not',
      'Next',
    ]) {
      assert.ok(rule.labels.includes(k), k);
    }
    assert.ok(!rule.labels.includes('Condition'));
    const jsonataRule = complete(
      '{"QueryLanguage": "JSONata", "StartAt": "A", "States": {"A": {"Type": "Choice", "Choices": [{|}]}}}',
    );
    assert.deepEqual(jsonataRule.labels.sort(), ['Assign', 'Comment', 'Condition', 'Next', 'Output']);
    const credentials = complete('{"StartAt": "A", "States": {"A": {"Type": "Task", "Credentials": {|}}}}');
    assert.deepEqual(credentials.labels, ['RoleArn']);
    const roleArn = complete(
      '{"StartAt": "A", "States": {"A": {"Type": "Task", "Credentials": {"RoleArn.$": "$$.Ex|"}}}}',
    );
    assert.ok(roleArn.labels.includes('$$.Execution.Id'));
    const nested = complete(
      '{"StartAt": "A", "States": {"A": {"Type": "Choice", "Choices": [{"And": [{|}], "Next": "A"}]}}}',
    );
    assert.ok(nested.labels.includes('Variable') && !nested.labels.includes('Next'));
    assertDocumented([...retrier.items, ...rule.items]);
  });

  it('YAML: keys on a blank line, on a half-typed key, and in a new list item', () => {
    const blank = complete(
      'StartAt: A\nStates:\n  A:\n    Type: Task\n    |\n  B:\n    Type: Succeed\n',
      'yaml',
    );
    assert.ok(blank.labels.includes('Resource') && !blank.labels.includes('Type'));
    assert.equal(parseYaml(blank.apply('TimeoutSeconds')).States.A.TimeoutSeconds, 0);
    const half = complete('StartAt: A\nStates:\n  A:\n    Type: Pass\n    Ne|', 'yaml');
    assert.equal(parseYaml(half.apply('Next')).States.A.Next, null);
    assert.match(half.apply('Next'), /\n {4}Next: $/);
    const retrier = complete(
      'StartAt: A\nStates:\n  A:\n    Type: Task\n    Retry:\n      - ErrorEquals: [States.ALL]\n        |',
      'yaml',
    );
    assert.ok(retrier.labels.includes('MaxAttempts') && !retrier.labels.includes('ErrorEquals'));
    const item = complete('StartAt: A\nStates:\n  A:\n    Type: Task\n    Catch:\n      - |', 'yaml');
    assert.ok(item.labels.includes('ErrorEquals') && item.labels.includes('Next'));
  });
});

describe('values', () => {
  it('Type, QueryLanguage, JitterStrategy and ProcessorConfig enums', () => {
    const type = complete('{"StartAt": "A", "States": {"A": {"Type": "|"}}}');
    assert.deepEqual(type.labels, ['Task', 'Pass', 'Choice', 'Wait', 'Succeed', 'Fail', 'Parallel', 'Map']);
    assertDocumented(type.items);
    assert.deepEqual(complete('{"QueryLanguage": "|"}').labels, ['JSONPath', 'JSONata']);
    assert.deepEqual(
      complete('{"StartAt": "A", "States": {"A": {"Type": "Task", "Retry": [{"JitterStrategy": |}]}}}')
        .labels,
      ['FULL', 'NONE'],
    );
    const reader = complete(
      '{"StartAt": "A", "States": {"A": {"Type": "Map", "ItemReader": {"ReaderConfig": {"InputType": "CSV", |}}}}}',
    );
    assert.ok(reader.labels.includes('CSVHeaderLocation') && !reader.labels.includes('InputType'));
    assert.deepEqual(
      complete(
        '{"StartAt": "A", "States": {"A": {"Type": "Map", "ItemReader": {"ReaderConfig": {"InputType": "|"}}}}}',
      ).labels,
      ['CSV', 'JSON', 'JSONL', 'MANIFEST', 'PARQUET'],
    );
    const mode = complete(
      '{"StartAt": "A", "States": {"A": {"Type": "Map", "ItemProcessor": {"ProcessorConfig": {"Mode": "|"}}}}}',
    );
    assert.deepEqual(mode.labels, ['INLINE', 'DISTRIBUTED']);
    const yamlType = complete('StartAt: A\nStates:\n  A:\n    Type: |\n', 'yaml');
    assert.equal(parseYaml(yamlType.apply('Wait')).States.A.Type, 'Wait');
  });

  it('Resource ARNs with integration patterns; ItemReader only its S3 sources', () => {
    const c = complete('{"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "|"}}}');
    for (const arn of [
      'arn:aws:states:::lambda:invoke',
      'arn:aws:states:::states:startExecution.sync:2',
      'arn:aws:states:::sqs:sendMessage.waitForTaskToken',
      'arn:aws:states:::ecs:runTask.sync',
    ]) {
      assert.ok(c.labels.includes(arn), arn);
    }
    assert.equal(
      JSON.parse(c.apply('arn:aws:states:::lambda:invoke')).States.A.Resource,
      'arn:aws:states:::lambda:invoke',
    );
    assertDocumented(c.items);
    const reader = complete(
      '{"StartAt": "A", "States": {"A": {"Type": "Map", "ItemReader": {"Resource": "|"}}}}',
    );
    assert.deepEqual(reader.labels.sort(), [
      'arn:aws:states:::s3:getObject',
      'arn:aws:states:::s3:listObjectsV2',
    ]);
  });

  it('ErrorEquals: States.* names, the integration errors and custom names, each documented', () => {
    const doc = (errors: string, resource = 'arn:aws:states:::lambda:invoke', type = 'Task') =>
      `{"StartAt": "A", "States": {"A": {"Type": "${type}", "Resource": "${resource}", "Retry": [{"ErrorEquals": [${errors}]}], "Catch": [{"ErrorEquals": ["InventoryError"], "Next": "F"}], "End": true}, "F": {"Type": "Fail", "Error": "OrderRejected"}}}`;
    const c = complete(doc('"|"'));
    for (const name of [
      'States.ALL',
      'States.Timeout',
      'States.TaskFailed',
      'States.HeartbeatTimeout',
      'States.Permissions',
      'Lambda.ServiceException',
      'Lambda.TooManyRequestsException',
      'Lambda.SdkClientException',
      'Lambda.AWSLambdaException',
      'InventoryError',
      'OrderRejected',
    ]) {
      assert.ok(c.labels.includes(name), name);
    }
    assert.ok(!c.labels.includes('States.BranchFailed') && !c.labels.includes('States.QueryEvaluationError'));
    assertDocumented(c.items);
    assert.deepEqual(JSON.parse(c.apply('States.Timeout')).States.A.Retry[0].ErrorEquals, ['States.Timeout']);
    const more = complete(doc('"States.Timeout", "|"'));
    assert.ok(!more.labels.includes('States.ALL') && !more.labels.includes('States.Timeout'));
    assert.ok(more.labels.includes('States.TaskFailed'));
    const afterComma = complete(doc('"States.Timeout", |'));
    assert.ok(!afterComma.labels.includes('States.ALL') && !afterComma.labels.includes('States.Timeout'));
    assert.deepEqual(JSON.parse(afterComma.apply('States.TaskFailed')).States.A.Retry[0].ErrorEquals, [
      'States.Timeout',
      'States.TaskFailed',
    ]);
    assert.deepEqual(complete(doc('"States.ALL", "|"')).labels, [], 'nothing joins States.ALL');
    const dynamo = complete(doc('"|"', 'arn:aws:states:::dynamodb:putItem'));
    assert.ok(
      dynamo.labels.includes('DynamoDB.ConditionalCheckFailedException') &&
        !dynamo.labels.includes('Lambda.ServiceException'),
    );
    const whole = complete(doc('').replace('"ErrorEquals": []', '"ErrorEquals": |'));
    assert.deepEqual(JSON.parse(whole.apply('States.ALL')).States.A.Retry[0].ErrorEquals, ['States.ALL']);
    const parallel = complete(
      '{"StartAt": "P", "States": {"P": {"Type": "Parallel", "Branches": [], "Catch": [{"ErrorEquals": ["|"]}]}}}',
    );
    assert.ok(
      parallel.labels.includes('States.BranchFailed') && !parallel.labels.includes('States.HeartbeatTimeout'),
    );
    const yaml = complete(
      'StartAt: A\nStates:\n  A:\n    Type: Task\n    Resource: arn:aws:states:::lambda:invoke\n    Retry:\n      - ErrorEquals:\n          - |\n',
      'yaml',
    );
    assert.deepEqual(parseYaml(yaml.apply('Lambda.ServiceException')).States.A.Retry[0].ErrorEquals, [
      'Lambda.ServiceException',
    ]);
  });

  it('booleans for End', () => {
    const c = complete('{"StartAt": "A", "States": {"A": {"Type": "Pass", "End": |}}}');
    assert.deepEqual(c.labels, ['true', 'false']);
    assert.equal(JSON.parse(c.apply('true')).States.A.End, true);
  });
});

describe('snippets', () => {
  it('a whole state of each type in an empty States object, valid JSON once expanded', () => {
    const c = complete('{"StartAt": "A", "States": {|}}');
    assert.equal(c.items.length, 8);
    for (const item of c.items) {
      assert.equal(item.kind, CompletionItemKind.Snippet);
      assert.equal(item.insertTextFormat, 2);
      const type = String(item.label).split(' ')[0];
      const doc = JSON.parse(c.apply(String(item.label)));
      assert.equal(doc.States[`${type}State`].Type, type, String(item.label));
    }
    assertDocumented(c.items);
    const jsonata = complete('{"QueryLanguage": "JSONata", "StartAt": "A", "States": {|}}');
    const task = JSON.parse(jsonata.apply('Task state')).States.TaskState;
    assert.ok(task.Arguments && !task.Parameters);
  });

  it('YAML state snippets parse to the same shape', () => {
    const c = complete('StartAt: A\nStates:\n  |', 'yaml');
    for (const label of ['Map state', 'Choice state', 'Parallel state', 'Task state']) {
      const doc = parseYaml(c.apply(label));
      assert.equal(doc.States[label.replace(' state', 'State')].Type, label.split(' ')[0], label);
    }
    const map = parseYaml(c.apply('Map state')).States.MapState;
    assert.equal(map.ItemProcessor.States.Process.Type, 'Pass');
  });

  it('Retry and Catch blocks', () => {
    const c = complete(
      '{"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "x", |\n "End": true}}}',
    );
    const retry = JSON.parse(c.apply('Retry block')).States.A.Retry;
    assert.deepEqual(retry, [
      { ErrorEquals: ['States.ALL'], IntervalSeconds: 1, MaxAttempts: 3, BackoffRate: 2 },
    ]);
    const caught = JSON.parse(c.apply('Catch block')).States.A.Catch;
    assert.deepEqual(caught[0].ErrorEquals, ['States.ALL']);
    const yaml = complete(
      'StartAt: A\nStates:\n  A:\n    Type: Task\n    Resource: x\n    |\n    End: true\n',
      'yaml',
    );
    assert.equal(parseYaml(yaml.apply('Catch block')).States.A.Catch[0].Next, 'HandleError');
  });

  it('an empty document gets a whole state machine (JSON) or the top-level keys (YAML)', () => {
    const c = complete('|');
    assert.deepEqual(c.labels, ['State machine']);
    assert.equal(JSON.parse(c.apply('State machine')).States.Start.Type, 'Pass');
    const yaml = complete('|', 'yaml');
    assert.ok(yaml.labels.includes('StartAt') && yaml.labels.includes('States'));
    assert.equal(parseYaml(yaml.apply('StartAt')).StartAt, null);
  });
});

describe('broken documents', () => {
  it('a document cut inside ErrorEquals, a missing comma, an unclosed state, an empty States object', () => {
    const cut = complete(
      '{"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Retry": [{"ErrorEquals": ["|',
    );
    assert.ok(cut.labels.includes('States.ALL') && cut.labels.includes('Lambda.ServiceException'));
    const missingComma = complete(
      '{"StartAt": "A", "States": {"A": {"Type": "Pass" "Next": "|"}, "B": {"Type": "Succeed"}}}',
    );
    assert.deepEqual(missingComma.labels, ['B']);
    const unclosed = complete('{"StartAt": "A", "States": {"A": {"Type": "Choice", |\n');
    assert.ok(unclosed.labels.includes('Choices') && unclosed.labels.includes('Default'));
    const empty = complete('{"StartAt": "A", "States": {|');
    assert.equal(empty.labels.length, 8);
    const yamlEmpty = complete('StartAt: A\nStates:\n|', 'yaml');
    assert.ok(yamlEmpty.labels.includes('Comment'), 'column 0 below States: is a top-level key');
    const yamlStates = complete('StartAt: A\nStates:\n  A:\n    Type: Pass\n    End: true\n  |', 'yaml');
    assert.equal(yamlStates.labels.length, 8, 'a sibling state');
  });
});

describe('JSON punctuation', () => {
  it('a key typed after a property without a comma gets one; nothing outside the root object', () => {
    const missing = complete('{"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true |}}}');
    assert.equal(JSON.parse(missing.apply('Comment')).States.A.Comment, '');
    const quoted = complete('{"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true "Co|"}}}');
    assert.equal(JSON.parse(quoted.apply('Comment')).States.A.Comment, '');
    assert.deepEqual(complete('{"StartAt": "A", "States": {}}|').labels, []);
    assert.deepEqual(complete('|{"StartAt": "A", "States": {}}').labels, []);
    assert.deepEqual(complete('{"StartAt": "A", // a comment |\n "States": {}}').labels, []);
    assert.ok(complete('{"Comment": "see http://x", |\n "States": {}}').labels.includes('StartAt'));
  });

  it('YAML: an intrinsic call in a plain scalar', () => {
    const c = complete(
      "StartAt: A\nStates:\n  A:\n    Type: Pass\n    Parameters:\n      x.$: States.Format('{}', |\n",
      'yaml',
    );
    assert.ok(c.labels.includes('States.UUID') && c.labels.includes('$$.Execution.Id'));
  });
});
