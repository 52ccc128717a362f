/**
 * The documentation catalog covers everything the schema and the validator know: every field of every
 * field table (per context and query language), every state type, every Choice operator, every error
 * name the validator accepts, every context path, `$states.*`, every intrinsic and JSONata function.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import {
  INTRINSIC_FUNCTIONS,
  JSONATA_FUNCTIONS,
  QUERY_LANGUAGES,
  STATE_TYPES,
} from '../../../../server/src/asl';
import { COMPARISON_OPERATORS } from '../../../../server/src/schema/fieldTables';
import {
  CHOICE_OPERATORS,
  CONTEXT_PATHS,
  FIELD_CONTEXTS,
  choiceOperatorDoc,
  contextPathDoc,
  errorNameDoc,
  fieldDoc,
  fieldTableOf,
  intrinsicFunctionDoc,
  jsonataFunctionDoc,
  stateTypeDoc,
  statesVariableDoc,
  type DocEntry,
} from '../../../../server/src/service/docs';
import { PREDEFINED_ERRORS } from '../../../../server/src/service/validation/retryCatchRules';

function wellFormed(doc: DocEntry | undefined, what: string): DocEntry {
  assert.ok(doc, `${what} is documented`);
  assert.ok(doc.summary.length > 10 && !doc.summary.includes('\n'), `${what}: one-line summary`);
  assert.ok(doc.markdown.includes(doc.summary), `${what}: markdown includes the summary`);
  return doc;
}

test('every field of every field table has a doc naming it, in each query language', () => {
  let checked = 0;
  for (const context of FIELD_CONTEXTS) {
    const table = fieldTableOf(context);
    for (const field of Object.keys(table)) {
      for (const language of QUERY_LANGUAGES) {
        const doc = wellFormed(fieldDoc(field, context, language), `${context}.${field}`);
        assert.ok(doc.markdown.includes(`\`${field}\``), `${context}.${field} names the field`);
        assert.ok(!doc.markdown.includes('is not a field of'), `${context}.${field} is allowed there`);
        const spec = table[field];
        const wrong = spec.languages !== 'both' && spec.languages !== language;
        assert.equal(
          doc.markdown.includes('⚠ Not allowed in a'),
          wrong,
          `${context}.${field} in ${language}`,
        );
        checked++;
      }
    }
  }
  assert.ok(checked > 300, `${checked} field docs`);
});

test('field docs state type, language and example; context-specific texts win', () => {
  const retry = fieldDoc('MaxAttempts', 'Retrier')!;
  assert.match(retry.markdown, /Default: 3/);
  assert.match(retry.markdown, /JSONPath and JSONata/);
  assert.match(retry.markdown, /```json\n"MaxAttempts": 5/);
  const resultPath = fieldDoc('ResultPath', 'Task')!;
  assert.match(resultPath.markdown, /JSONPath only/);
  assert.match(resultPath.markdown, /- States: Task, Pass, Parallel, Map\n/);
  const catcherResultPath = fieldDoc('ResultPath', 'Catcher')!;
  assert.match(catcherResultPath.summary, /error output/);
  assert.match(fieldDoc('TimeoutSeconds', 'Root')!.summary, /whole execution/);
  assert.match(fieldDoc('TimeoutSeconds', 'Task')!.summary, /Task may run/);
  assert.match(fieldDoc('Resource', 'ItemReader')!.markdown, /listObjectsV2/);
  assert.match(fieldDoc('Parameters', 'Map')!.summary, /Deprecated/);
  assert.match(fieldDoc('Next', 'ChoiceRule')!.markdown, /not allowed inside And\/Or\/Not/);
});

test('a field outside its object or query language says so', () => {
  const parametersInJsonata = fieldDoc('Parameters', 'Task', 'JSONata')!;
  assert.match(parametersInJsonata.markdown, /⚠ Not allowed in a JSONata state: use Arguments/);
  const resultOnTask = fieldDoc('Result', 'Task')!;
  assert.match(resultOnTask.markdown, /not a field of a Task state\. It belongs in: Pass state/);
  assert.match(fieldDoc('Variable', 'ChoiceRule', 'JSONata')!.markdown, /use Condition/);
  assert.equal(fieldDoc('NoSuchField', 'Task'), undefined);
  assert.equal(fieldDoc('constructor', 'Task'), undefined);
  assert.equal(fieldDoc('__proto__'), undefined);
  assert.match(fieldDoc('Branches')!.markdown, /States: Parallel/);
});

test('every state type is documented with its fields', () => {
  for (const type of STATE_TYPES) {
    const doc = wellFormed(stateTypeDoc(type), type);
    assert.match(doc.markdown, new RegExp(`\\*\\*\`${type}\`\\*\\* state`));
    assert.match(doc.markdown, /`Type`\*/);
  }
  assert.match(stateTypeDoc('Task')!.markdown, /Fields \(JSONata\): .*`Arguments`/);
  assert.doesNotMatch(stateTypeDoc('Task')!.markdown, /Fields \(JSONata\): .*`Parameters`/);
  assert.equal(stateTypeDoc('Lambda'), undefined);
});

test('every Choice operator, And/Or/Not, Variable and Condition is documented', () => {
  for (const op of [...COMPARISON_OPERATORS, 'And', 'Or', 'Not', 'Variable', 'Condition']) {
    assert.ok(CHOICE_OPERATORS.includes(op));
    const doc = wellFormed(choiceOperatorDoc(op), op);
    assert.ok(doc.markdown.includes(`\`${op}\``), op);
  }
  assert.match(choiceOperatorDoc('NumericLessThanPath')!.summary, /number less than the value at the path/);
  assert.match(choiceOperatorDoc('StringEquals')!.summary, /string equal to the string operand/);
  assert.match(choiceOperatorDoc('TimestampGreaterThanEquals')!.summary, /greater than or equal to/);
  assert.match(choiceOperatorDoc('IsPresent')!.markdown, /never a runtime error/);
  assert.match(choiceOperatorDoc('StringMatches')!.markdown, /no Path form/);
  assert.match(choiceOperatorDoc('Condition')!.markdown, /JSONata/);
  assert.equal(choiceOperatorDoc('StringMatchesPath'), undefined);
  assert.equal(choiceOperatorDoc('Next'), undefined);
});

test('every predefined error name the validator knows is documented, with its handling', () => {
  for (const name of PREDEFINED_ERRORS) {
    const doc = wellFormed(errorNameDoc(name), name);
    assert.match(doc.markdown, /predefined error/);
    assert.match(doc.markdown, /\n\nRetry\/Catch: \S/, `${name} says how Retry/Catch treat it`);
  }
  assert.match(errorNameDoc('States.Runtime')!.markdown, /Never retried/);
  assert.match(errorNameDoc('States.ALL')!.markdown, /only name in its ErrorEquals/);
  assert.match(errorNameDoc('States.Http.StatusCode.503')!.summary, /503/);
  for (const name of [
    'Lambda.ServiceException',
    'Lambda.TooManyRequestsException',
    'Lambda.SdkClientException',
  ]) {
    assert.match(wellFormed(errorNameDoc(name), name).markdown, /integration error/);
  }
  assert.match(errorNameDoc('OrderRejected')!.markdown, /custom error/);
  assert.equal(errorNameDoc('States.Bogus'), undefined);
});

test('every context object path and $states field is documented in both spellings', () => {
  for (const { path } of CONTEXT_PATHS) {
    const plain = wellFormed(contextPathDoc(path), path);
    assert.equal(contextPathDoc(`$$.${path}`)!.summary, plain.summary);
    assert.equal(contextPathDoc(`$states.context.${path}`)!.summary, plain.summary);
    assert.equal(statesVariableDoc(`$states.context.${path}`)!.summary, plain.summary);
  }
  assert.match(contextPathDoc('$$.Task.Token')!.markdown, /waitForTaskToken/);
  assert.match(contextPathDoc('$$.Map.Item.Index')!.markdown, /number/);
  assert.equal(contextPathDoc('$$.Execution.Nope'), undefined);
  for (const field of ['input', 'result', 'errorOutput', 'context']) {
    wellFormed(statesVariableDoc(`$states.${field}`), field);
  }
  wellFormed(statesVariableDoc('$states'), '$states');
  assert.match(statesVariableDoc('$states.result.items')!.markdown, /Task, Map and Parallel/);
  assert.match(statesVariableDoc('$states.errorOutput')!.markdown, /Catcher/);
  assert.equal(statesVariableDoc('$states.nothing'), undefined);
  assert.equal(statesVariableDoc('$other'), undefined);
});

test('every intrinsic and JSONata function is documented from its catalogue', () => {
  for (const [name, fn] of INTRINSIC_FUNCTIONS) {
    const doc = intrinsicFunctionDoc(name)!;
    assert.ok(doc.markdown.includes(fn.example.replace(/"/g, '\\"')), name);
    assert.ok(doc.markdown.includes(`${name}(`), name);
  }
  assert.match(
    intrinsicFunctionDoc('States.Format')!.markdown,
    /States\.Format\(template, \.\.\.values\): string/,
  );
  assert.match(intrinsicFunctionDoc('States.MathRandom')!.markdown, /seed\?/);
  for (const [name, fn] of JSONATA_FUNCTIONS) {
    const doc = jsonataFunctionDoc(name)!;
    assert.ok(doc.markdown.includes(fn.signature), name);
  }
  assert.match(jsonataFunctionDoc('$partition')!.markdown, /added by AWS/);
  assert.equal(intrinsicFunctionDoc('States.Nope'), undefined);
  assert.equal(jsonataFunctionDoc('$nope'), undefined);
});
