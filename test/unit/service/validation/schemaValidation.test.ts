import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { expectDiagnostic, expectNone, machine, messageOf, validate } from './validationHelpers';

test('a valid JSONPath machine has no errors', () => {
  const text = machine({
    Start: { Type: 'Pass', Parameters: { 'a.$': '$.x' }, ResultPath: '$.r', Next: 'Work' },
    Work: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      TimeoutSeconds: 30,
      Retry: [{ ErrorEquals: ['States.ALL'], MaxAttempts: 2, BackoffRate: 1.5, JitterStrategy: 'FULL' }],
      End: true,
    },
  });
  expectNone(validate(text));
});

test('unknown fields are reported on the key with a suggestion in data', () => {
  const text = machine({ Start: { Type: 'Pass', InputPth: '$', End: true } });
  const d = expectDiagnostic(text, validate(text), 'unknown-field', '"InputPth"');
  assert.deepEqual(d.data, { field: 'InputPth', suggestion: 'InputPath' });
  assert.match(messageOf(d), /Did you mean "InputPath"/);
});

test('fields of the other query language are field-not-in-query-language, both ways', () => {
  const jsonata = machine(
    { Start: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: {}, End: true } },
    { QueryLanguage: 'JSONata' },
  );
  const d1 = expectDiagnostic(jsonata, validate(jsonata), 'field-not-in-query-language', '"Parameters"');
  assert.deepEqual(d1.data, { field: 'Parameters', queryLanguage: 'JSONata' });

  const jsonPath = machine({
    Start: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Arguments: {}, End: true },
  });
  const d2 = expectDiagnostic(jsonPath, validate(jsonPath), 'field-not-in-query-language', '"Arguments"');
  assert.deepEqual(d2.data, { field: 'Arguments', queryLanguage: 'JSONPath' });
});

test('a per-state JSONata override switches the schema; a JSONPath downgrade under JSONata is rejected', () => {
  const upgrade = machine({
    Start: { Type: 'Pass', QueryLanguage: 'JSONata', Output: '{% $states.input %}', End: true },
  });
  expectNone(validate(upgrade));
  const downgrade = machine(
    { Start: { Type: 'Pass', QueryLanguage: 'JSONPath', End: true } },
    { QueryLanguage: 'JSONata' },
  );
  expectDiagnostic(downgrade, validate(downgrade), 'query-language-downgrade', '"JSONPath"');
});

test('wrong types, enums and ranges are reported on the value', () => {
  const text = machine({
    Start: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      TimeoutSeconds: 'soon',
      HeartbeatSeconds: 0,
      Retry: [{ ErrorEquals: ['X'], JitterStrategy: 'SOME', BackoffRate: 0.5, MaxAttempts: '$.n' }],
      End: true,
    },
  });
  const diagnostics = validate(text);
  expectDiagnostic(text, diagnostics, 'invalid-type', '"soon"');
  expectDiagnostic(text, diagnostics, 'value-out-of-range', '0');
  expectDiagnostic(text, diagnostics, 'invalid-enum-value', '"SOME"');
  expectDiagnostic(text, diagnostics, 'value-out-of-range', '0.5');
  // Retry values are literal-only: a path string is not accepted.
  expectDiagnostic(text, diagnostics, 'invalid-type', '"$.n"');
});

test('JSONata strings are accepted in JSONata numeric fields but not in Retry', () => {
  const text = machine(
    {
      Start: {
        Type: 'Task',
        Resource: 'arn:aws:states:::lambda:invoke',
        TimeoutSeconds: '{% $t %}',
        Retry: [{ ErrorEquals: ['X'], MaxAttempts: '{% $n %}' }],
        End: true,
      },
    },
    { QueryLanguage: 'JSONata' },
  );
  const diagnostics = validate(text);
  expectNone(diagnostics.filter((d) => messageOf(d).includes('TimeoutSeconds')));
  expectDiagnostic(text, diagnostics, 'invalid-type', '"{% $n %}"');
});

test('missing required fields are reported on the key that holds the object', () => {
  const text = machine({
    Start: { Type: 'Task', End: true },
    Other: { Type: 'Parallel', Branches: [], End: true },
  });
  const diagnostics = validate(text);
  expectDiagnostic(text, diagnostics, 'missing-required-field', '"Start"', 1);
  expectDiagnostic(text, diagnostics, 'empty-array', '[]');
});

test('missing and invalid Type', () => {
  const text = machine({ Start: { Next: 'B' }, B: { Type: 'Tsk', End: true } });
  const diagnostics = validate(text);
  expectDiagnostic(text, diagnostics, 'missing-state-type', '"Start"', 1);
  expectDiagnostic(text, diagnostics, 'invalid-state-type', '"Tsk"');
});

test('placeholders are accepted where a value may be substituted', () => {
  const text = machine({
    Start: {
      Type: 'Task',
      Resource: '${LambdaArn}',
      TimeoutSeconds: '${Timeout}',
      End: true,
    },
    Other: { Type: 'Task', Resource: { 'Fn::GetAtt': ['Fn', 'Arn'] }, End: true },
  });
  expectNone(
    validate(text).filter((d) => d.code !== 'unreachable-state'),
    'invalid-type',
    'invalid-value',
  );
});

test('Credentials need a RoleArn', () => {
  const text = machine({
    Start: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Credentials: {}, End: true },
  });
  expectDiagnostic(text, validate(text), 'invalid-type', '{}');
});

test('a definition that is not an object is one clear error', () => {
  const text = '[1, 2]';
  expectDiagnostic(text, validate(text), 'definition-not-object', '[1, 2]');
});

test('JSONata Choice Rules need Condition and take no Variable', () => {
  const text = machine(
    {
      C: {
        Type: 'Choice',
        Choices: [
          { Condition: '{% $states.input.ok %}', Next: 'D' },
          { Variable: '$.x', Next: 'D' },
        ],
        Default: 'D',
      },
      D: { Type: 'Succeed' },
    },
    { QueryLanguage: 'JSONata' },
  );
  const diagnostics = validate(text);
  expectDiagnostic(text, diagnostics, 'field-not-in-query-language', '"Variable"');
  const missing = diagnostics.filter((d) => d.code === 'missing-required-field');
  assert.equal(missing.length, 1);
  assert.match(messageOf(missing[0]), /Choices\[1\].*"Condition"/);
});

test('duplicate keys: a warning on each ignored (earlier) key', () => {
  const text =
    '{\n  "StartAt": "A",\n  "States": {\n    "A": { "Type": "Pass", "End": true, "Type": "Succeed" }\n  }\n}';
  const diagnostics = validate(text).filter((d) => d.code === 'duplicate-key');
  assert.equal(diagnostics.length, 1);
  expectDiagnostic(text, diagnostics, 'duplicate-key', '"Type"', 0);
  assert.equal(diagnostics[0].severity, 2);
});

test('documents with comments and trailing commas (allowed by settings) are still schema-checked', () => {
  const text =
    '{\n  // comment\n  "StartAt": "A",\n  "States": {\n    "A": { "Type": "Pass", "Bogus": 1, "End": true, },\n  },\n}';
  const diagnostics = validate(text);
  expectDiagnostic(text, diagnostics, 'unknown-field', '"Bogus"');
  assert.equal(diagnostics.length, 1);
});
