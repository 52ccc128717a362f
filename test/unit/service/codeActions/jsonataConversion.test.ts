/**
 * JSONPath -> JSONata conversion quick fix for field-not-in-query-language, JSON and YAML: exact mappings
 * are offered and re-validate clean; inexact ones (filters, unmapped intrinsics, ResultPath into the input)
 * get no fix.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { parse as parseYaml } from 'yaml';
import {
  dynamicValueToJsonata,
  jsonPathToJsonata,
} from '../../../../server/src/service/codeActions/jsonataConversion';
import { actionsFor, applyFix } from './codeActionHarness';

const CODE = 'field-not-in-query-language';

function task(fields: Record<string, unknown>, type = 'Task'): string {
  const state: Record<string, unknown> = {
    Type: type,
    ...(type === 'Task' ? { Resource: 'arn:aws:states:::lambda:invoke' } : {}),
    ...fields,
    End: true,
  };
  return JSON.stringify({ QueryLanguage: 'JSONata', StartAt: 'S', States: { S: state } }, null, 2);
}

describe('JSONPath to JSONata expressions', () => {
  it('maps paths, the context object, variables and quoted names', () => {
    assert.equal(jsonPathToJsonata('$', '$states.input'), '$states.input');
    assert.equal(
      jsonPathToJsonata('$.order.items[0].id', '$states.input'),
      '$states.input.order.items[0].id',
    );
    assert.equal(jsonPathToJsonata("$['first name']", '$states.input'), '$states.input.`first name`');
    assert.equal(jsonPathToJsonata('$$.Execution.Id', '$states.input'), '$states.context.Execution.Id');
    assert.equal(jsonPathToJsonata('$.filter.or', '$states.input'), '$states.input.filter.`or`');
    assert.equal(jsonPathToJsonata('$total.amount', '$states.input'), '$total.amount');
    assert.equal(jsonPathToJsonata('$.items[*].id', '$states.input'), undefined);
    assert.equal(jsonPathToJsonata('$..id', '$states.input'), undefined);
    assert.equal(jsonPathToJsonata('$.items[?(@.n > 1)]', '$states.input'), undefined);
  });

  it('maps intrinsics that have an exact JSONata counterpart and only those', () => {
    assert.equal(
      dynamicValueToJsonata('States.StringToJson($.body)', '$states.input'),
      '$parse($states.input.body)',
    );
    assert.equal(
      dynamicValueToJsonata('States.MathAdd(States.ArrayLength($.xs), 1)', '$states.input'),
      '($count($states.input.xs) + 1)',
    );
    assert.equal(dynamicValueToJsonata('States.UUID()', '$states.input'), '$uuid()');
    assert.equal(dynamicValueToJsonata("States.Format('Hi {}', $.name)", '$states.input'), undefined);
  });
});

describe('Parameters / InputPath -> Arguments', () => {
  it('converts a payload template in place (JSON)', () => {
    const text = task({
      Parameters: {
        FunctionName: 'f',
        'Payload.$': '$.order',
        'Exec.$': '$$.Execution.Id',
        Nested: { 'n.$': 'States.JsonToString($.x)', k: 1 },
      },
    });
    const { fixed } = applyFix(text, 'json', CODE, 'Convert Parameters to Arguments');
    assert.deepEqual(JSON.parse(fixed).States.S.Arguments, {
      FunctionName: 'f',
      Payload: '{% $states.input.order %}',
      Exec: '{% $states.context.Execution.Id %}',
      Nested: { n: '{% $string($states.input.x) %}', k: 1 },
    });
    assert.ok(fixed.includes('    "S": {\n      "Type": "Task",'), 'layout kept');
  });

  it('folds InputPath into the Arguments paths and removes it (YAML)', () => {
    const text = [
      'QueryLanguage: JSONata',
      'StartAt: S',
      'States:',
      '  S:',
      '    Type: Task',
      '    Resource: arn:aws:states:::lambda:invoke',
      '    InputPath: $.detail',
      '    Parameters:',
      '      FunctionName: f',
      '      Payload.$: $.body',
      '    End: true',
      '',
    ].join('\n');
    const { fixed } = applyFix(text, 'yaml', CODE, 'Convert InputPath and Parameters to Arguments');
    assert.equal(
      fixed,
      [
        'QueryLanguage: JSONata',
        'StartAt: S',
        'States:',
        '  S:',
        '    Type: Task',
        '    Resource: arn:aws:states:::lambda:invoke',
        '    Arguments:',
        '      FunctionName: f',
        '      Payload: "{% $states.input.detail.body %}"',
        '    End: true',
        '',
      ].join('\n'),
    );
    assert.equal(parseYaml(fixed).States.S.Arguments.Payload, '{% $states.input.detail.body %}');
  });

  it('turns InputPath alone into Arguments (JSON) and a Pass state Parameters into Output', () => {
    const { fixed } = applyFix(task({ InputPath: '$.a' }), 'json', CODE, 'Convert InputPath to Arguments');
    assert.equal(JSON.parse(fixed).States.S.Arguments, '{% $states.input.a %}');
    const pass = applyFix(
      task({ Parameters: { 'v.$': '$.a' } }, 'Pass'),
      'json',
      CODE,
      'Convert Parameters to Output',
    );
    assert.deepEqual(JSON.parse(pass.fixed).States.S.Output, { v: '{% $states.input.a %}' });
  });

  it('offers nothing when a value has no exact JSONata form', () => {
    assert.deepEqual(
      actionsFor(task({ Parameters: { 'v.$': "States.Format('{}', $.a)" } }), 'json', CODE),
      [],
    );
    assert.deepEqual(actionsFor(task({ Parameters: { 'v.$': '$.xs[?(@.n > 1)]' } }), 'json', CODE), []);
    assert.deepEqual(actionsFor(task({ Parameters: { v: '{% literal in JSONPath %}' } }), 'json', CODE), []);
  });
});

describe('ResultSelector / ResultPath / OutputPath -> Output', () => {
  it('converts ResultSelector over $states.result (JSON)', () => {
    const { fixed } = applyFix(
      task({ ResultSelector: { 'code.$': '$.StatusCode' } }),
      'json',
      CODE,
      'Convert ResultSelector to Output',
    );
    assert.deepEqual(JSON.parse(fixed).States.S.Output, { code: '{% $states.result.StatusCode %}' });
  });

  it('converts OutputPath and drops a default ResultPath (YAML)', () => {
    const text =
      'QueryLanguage: JSONata\nStartAt: S\nStates:\n  S:\n    Type: Task\n    Resource: arn:aws:states:::lambda:invoke\n    ResultPath: $\n    OutputPath: $.Payload\n    End: true\n';
    const { fixed } = applyFix(text, 'yaml', CODE, 'Convert ResultPath and OutputPath to Output');
    assert.equal(
      fixed,
      'QueryLanguage: JSONata\nStartAt: S\nStates:\n  S:\n    Type: Task\n    Resource: arn:aws:states:::lambda:invoke\n    Output: "{% $states.result.Payload %}"\n    End: true\n',
    );
  });

  it('converts ResultPath null to the state input', () => {
    const { fixed } = applyFix(task({ ResultPath: null }), 'json', CODE, 'Convert ResultPath to Output');
    assert.equal(JSON.parse(fixed).States.S.Output, '{% $states.input %}');
  });

  it('offers nothing for ResultPath into the input or for combinations it cannot map exactly', () => {
    assert.deepEqual(actionsFor(task({ ResultPath: '$.result' }), 'json', CODE), []);
    const both = actionsFor(task({ ResultSelector: { 'a.$': '$.x' }, OutputPath: '$.a' }), 'json', CODE);
    assert.deepEqual(both, []);
    assert.deepEqual(
      actionsFor(task({ ResultSelector: { 'a.$': '$.x' }, Output: '{% 1 %}' }), 'json', CODE),
      [],
    );
  });
});
