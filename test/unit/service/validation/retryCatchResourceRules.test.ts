import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { DiagnosticSeverity } from '../../../../server/src/service/types';
import { classifyResource } from '../../../../server/src/service/validation/resourceRules';
import { expectDiagnostic, expectNone, machine, validate } from './validationHelpers';

const lambda = 'arn:aws:states:::lambda:invoke';

test('States.ALL must be alone and last', () => {
  const text = machine({
    T: {
      Type: 'Task',
      Resource: lambda,
      Retry: [{ ErrorEquals: ['States.ALL', 'Custom'] }, { ErrorEquals: ['Other'] }],
      Catch: [
        { ErrorEquals: ['States.ALL'], Next: 'D' },
        { ErrorEquals: ['X'], Next: 'D' },
      ],
      Next: 'D',
    },
    D: { Type: 'Succeed' },
  });
  const diagnostics = validate(text);
  expectDiagnostic(text, diagnostics, 'states-all-not-alone', '"States.ALL"', 0);
  const retry = expectDiagnostic(text, diagnostics, 'states-all-not-last', '"States.ALL"', 0);
  assert.deepEqual(retry.data, { field: 'Retry', index: 0 });
  const katch = expectDiagnostic(text, diagnostics, 'states-all-not-last', '"States.ALL"', 1);
  assert.deepEqual(katch.data, { field: 'Catch', index: 0 });
});

test('unknown States.* error names are flagged as warnings with a suggestion', () => {
  const text = machine({
    T: {
      Type: 'Task',
      Resource: lambda,
      Retry: [{ ErrorEquals: ['States.Timout', 'States.Http.StatusCode.404'] }],
      End: true,
    },
  });
  const diagnostics = validate(text);
  const d = expectDiagnostic(text, diagnostics, 'unknown-states-error', '"States.Timout"');
  assert.equal(d.severity, DiagnosticSeverity.Warning);
  assert.equal(diagnostics.filter((x) => x.code === 'unknown-states-error').length, 1);
});

test('Resource ARN shapes', () => {
  assert.deepEqual(classifyResource('arn:aws:states:::lambda:invoke'), { kind: 'integration', suffix: '' });
  assert.deepEqual(classifyResource('arn:aws:states:::states:startExecution.sync:2'), {
    kind: 'integration',
    suffix: '.sync:2',
  });
  assert.deepEqual(classifyResource('arn:aws:states:::aws-sdk:s3:getObject'), { kind: 'sdk', suffix: '' });
  assert.equal(classifyResource('arn:aws:states:us-east-1:123456789012:activity:a').kind, 'activity');
  assert.equal(
    classifyResource('arn:aws:lambda:us-east-1:123456789012:function:f:$LATEST').problem,
    undefined,
  );
  assert.ok(classifyResource('arn:aws:lambda:us-east-1:123456789012:function:f:').problem);
  assert.ok(classifyResource('arn:aws::lambda:us-east-1:1:function:f').problem);
  assert.ok(classifyResource('InvalidArn').problem);
  assert.equal(classifyResource('arn:${AWS::Partition}:states:::lambda:invoke').problem, undefined);
  assert.equal(classifyResource('${LambdaArn}').problem, undefined);
});

test('bad ARNs and bad integration suffixes are errors on the Resource value', () => {
  const text = machine({
    A: { Type: 'Task', Resource: 'InvalidArn', Next: 'B' },
    B: { Type: 'Task', Resource: 'arn:aws:states:::aws-sdk:s3:getObject.sync', Next: 'C' },
    C: { Type: 'Task', Resource: 'arn:aws:states:::sqs:sendMessage.waitForToken', End: true },
  });
  const diagnostics = validate(text);
  expectDiagnostic(text, diagnostics, 'invalid-resource-arn', '"InvalidArn"');
  expectDiagnostic(
    text,
    diagnostics,
    'invalid-integration-pattern',
    '"arn:aws:states:::aws-sdk:s3:getObject.sync"',
  );
  expectDiagnostic(
    text,
    diagnostics,
    'invalid-integration-pattern',
    '"arn:aws:states:::sqs:sendMessage.waitForToken"',
  );
});

test('a .waitForTaskToken task that never passes the token gets a warning (both languages)', () => {
  const resource = 'arn:aws:states:::sqs:sendMessage.waitForTaskToken';
  const text = machine({
    A: {
      Type: 'Task',
      Resource: resource,
      Parameters: { MessageBody: { 'token.$': '$$.Task.Token' } },
      Next: 'B',
    },
    B: { Type: 'Task', Resource: resource, Parameters: { MessageBody: 'hi' }, Next: 'C' },
    C: {
      Type: 'Task',
      QueryLanguage: 'JSONata',
      Resource: resource,
      Arguments: { t: '{% $states.context.Task.Token %}' },
      Next: 'D',
    },
    D: { Type: 'Task', QueryLanguage: 'JSONata', Resource: resource, Arguments: {}, End: true },
  });
  const diagnostics = validate(text).filter((d) => d.code === 'missing-task-token');
  assert.equal(diagnostics.length, 2);
  expectDiagnostic(text, diagnostics, 'missing-task-token', `"${resource}"`, 1);
  expectDiagnostic(text, diagnostics, 'missing-task-token', `"${resource}"`, 3);
});

test('Express machines reject .sync, .waitForTaskToken and activities only when the type is EXPRESS', () => {
  const text = machine({
    A: { Type: 'Task', Resource: 'arn:aws:states:::states:startExecution.sync', Next: 'B' },
    B: { Type: 'Task', Resource: 'arn:aws:states:us-east-1:123456789012:activity:x', End: true },
  });
  expectNone(validate(text, { stateMachineType: 'STANDARD' }), 'express-unsupported-integration');
  const diagnostics = validate(text, { stateMachineType: 'EXPRESS' });
  expectDiagnostic(
    text,
    diagnostics,
    'express-unsupported-integration',
    '"arn:aws:states:::states:startExecution.sync"',
  );
  expectDiagnostic(
    text,
    diagnostics,
    'express-unsupported-integration',
    '"arn:aws:states:us-east-1:123456789012:activity:x"',
  );
});
