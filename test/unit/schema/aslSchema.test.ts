import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { QUERY_LANGUAGES, STATE_TYPES } from '../../../server/src/asl';
import { rootValidator, stateSchema, stateValidator } from '../../../server/src/schema/aslSchema';
import { containsPlaceholder } from '../../../server/src/schema/schemaFragments';

test('every state type compiles in both query languages, once', () => {
  for (const type of STATE_TYPES) {
    for (const language of QUERY_LANGUAGES) {
      const validate = stateValidator(type, language);
      assert.equal(typeof validate, 'function');
      assert.equal(stateValidator(type, language), validate, 'the compiled validator is cached');
    }
  }
});

test('per-language field sets: JSONPath-only fields are listed as the other language in JSONata', () => {
  const task = stateSchema('Task', 'JSONata') as {
    properties: Record<string, unknown>;
    xOtherLanguageFields: string[];
  };
  assert.ok('Arguments' in task.properties);
  assert.ok(!('Parameters' in task.properties));
  assert.ok(task.xOtherLanguageFields.includes('Parameters'));
  assert.ok(task.xOtherLanguageFields.includes('TimeoutSecondsPath'));
  const pass = stateSchema('Pass', 'JSONPath') as {
    properties: Record<string, unknown>;
    xOtherLanguageFields: string[];
  };
  assert.ok('Result' in pass.properties);
  assert.deepEqual(pass.xOtherLanguageFields, ['Output']);
});

test('validators accept valid states and give every error on a bad one', () => {
  const wait = stateValidator('Wait', 'JSONata');
  assert.equal(wait({ Type: 'Wait', Seconds: '{% $delay %}', Next: 'X' }), true);
  assert.equal(wait({ Type: 'Wait', SecondsPath: '$.d', Foo: 1, Next: 'X' }), false);
  assert.deepEqual(
    (wait.errors ?? []).map((e) => (e.params as { additionalProperty?: string }).additionalProperty).sort(),
    ['Foo', 'SecondsPath'],
  );
  const root = rootValidator('JSONPath');
  assert.equal(root({ StartAt: 'A', States: { A: { Type: 'Succeed' } } }), true);
  assert.equal(root({ States: {} }), false);
});

test('placeholders: ${X}, documentation markers and LocalStack literals', () => {
  assert.equal(containsPlaceholder('arn:${AWS::Partition}:states:::lambda:invoke'), true);
  assert.equal(containsPlaceholder('arn:<PARTITION>:states:::lambda:invoke'), true);
  assert.equal(containsPlaceholder('%LAMBDA_FUNCTION_ARN_LITERAL_PLACEHOLDER%'), true);
  assert.equal(containsPlaceholder('$.a.b'), false);
  assert.equal(containsPlaceholder('${unterminated'), false);
});
