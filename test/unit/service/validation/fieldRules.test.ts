import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { DiagnosticSeverity, DiagnosticTag } from '../../../../server/src/service/types';
import { isRfc3339 } from '../../../../server/src/service/validation/fieldRules';
import { expectDiagnostic, expectNone, machine, validate } from './validationHelpers';

const lambda = 'arn:aws:states:::lambda:invoke';

test('mutually exclusive pairs are reported on the second key', () => {
  const text = machine({
    T: { Type: 'Task', Resource: lambda, TimeoutSeconds: 5, TimeoutSecondsPath: '$.t', Next: 'F' },
    F: { Type: 'Fail', Error: 'E', ErrorPath: '$.e', Cause: 'C', CausePath: '$.c' },
  });
  const diagnostics = validate(text);
  expectDiagnostic(text, diagnostics, 'mutually-exclusive-fields', '"TimeoutSecondsPath"');
  expectDiagnostic(text, diagnostics, 'mutually-exclusive-fields', '"ErrorPath"');
  expectDiagnostic(text, diagnostics, 'mutually-exclusive-fields', '"CausePath"');
});

test('Map pairs: ItemSelector/Parameters, Iterator/ItemProcessor, tolerated failures, concurrency', () => {
  const processor = { StartAt: 'I', States: { I: { Type: 'Succeed' } } };
  const text = machine({
    M: {
      Type: 'Map',
      ItemSelector: {},
      Parameters: {},
      ItemProcessor: processor,
      Iterator: processor,
      ToleratedFailureCount: 1,
      ToleratedFailureCountPath: '$.c',
      MaxConcurrency: 1,
      MaxConcurrencyPath: '$.m',
      ItemBatcher: { MaxItemsPerBatch: 2, MaxItemsPerBatchPath: '$.b' },
      End: true,
    },
  });
  const diagnostics = validate(text);
  for (const key of [
    '"Parameters"',
    '"Iterator"',
    '"ToleratedFailureCountPath"',
    '"MaxConcurrencyPath"',
    '"MaxItemsPerBatchPath"',
  ]) {
    expectDiagnostic(text, diagnostics, 'mutually-exclusive-fields', key);
  }
});

test('Wait takes exactly one of its four duration fields', () => {
  const text = machine({
    W: { Type: 'Wait', Seconds: 1, Timestamp: '2025-01-01T00:00:00Z', Next: 'V' },
    V: { Type: 'Wait', End: true },
  });
  const diagnostics = validate(text);
  expectDiagnostic(text, diagnostics, 'mutually-exclusive-fields', '"Timestamp"');
  expectDiagnostic(text, diagnostics, 'missing-one-of-fields', '"V"', 1);
});

test('HeartbeatSeconds must be below TimeoutSeconds', () => {
  const text = machine({
    T: { Type: 'Task', Resource: lambda, TimeoutSeconds: 10, HeartbeatSeconds: 10, End: true },
  });
  expectDiagnostic(text, validate(text), 'heartbeat-not-below-timeout', '10', 1);
});

test('timestamps must be RFC 3339 with upper-case T and Z', () => {
  assert.equal(isRfc3339('2025-02-28T23:59:59Z'), true);
  assert.equal(isRfc3339('2025-02-28T23:59:59.123+02:00'), true);
  assert.equal(isRfc3339('2025-02-30T00:00:00Z'), false);
  assert.equal(isRfc3339('2025-02-28t00:00:00z'), false);
  assert.equal(isRfc3339('2025-02-28 00:00:00Z'), false);
  const text = machine({
    W: { Type: 'Wait', Timestamp: '2025-13-01T00:00:00Z', Next: 'C' },
    C: {
      Type: 'Choice',
      Choices: [{ Variable: '$.t', TimestampEquals: 'yesterday', Next: 'W' }],
      Default: 'D',
    },
    D: { Type: 'Succeed' },
  });
  const diagnostics = validate(text);
  expectDiagnostic(text, diagnostics, 'invalid-timestamp', '"2025-13-01T00:00:00Z"');
  expectDiagnostic(text, diagnostics, 'invalid-timestamp', '"yesterday"');
});

test('a Choice Rule has exactly one comparison, and a comparison needs a Variable', () => {
  const text = machine({
    C: {
      Type: 'Choice',
      Choices: [
        { Variable: '$.a', StringEquals: 'x', NumericEquals: 1, Next: 'D' },
        { NumericEquals: 2, Next: 'D' },
        { And: [{ Variable: '$.b' }], Next: 'D' },
      ],
      Default: 'D',
    },
    D: { Type: 'Succeed' },
  });
  const diagnostics = validate(text);
  expectDiagnostic(text, diagnostics, 'choice-rule-operator-count', '"NumericEquals"');
  expectDiagnostic(text, diagnostics, 'choice-rule-missing-variable', '"NumericEquals"', 1);
  expectDiagnostic(text, diagnostics, 'choice-rule-operator-count', '"Variable"', 1);
});

test('Map Label: 1-40 characters without forbidden characters', () => {
  const processor = { StartAt: 'I', States: { I: { Type: 'Succeed' } } };
  const text = machine({
    M: { Type: 'Map', Label: 'bad label', ItemProcessor: processor, Next: 'N' },
    N: {
      Type: 'Map',
      Label: 'ok-label',
      ItemProcessor: { StartAt: 'J', States: { J: { Type: 'Succeed' } } },
      End: true,
    },
  });
  const diagnostics = validate(text);
  expectDiagnostic(text, diagnostics, 'invalid-map-label', '"bad label"');
  expectNone(
    diagnostics.filter((d) => d.range.start.line > 20),
    'invalid-map-label',
  );
});

test('a DISTRIBUTED processor needs an ExecutionType', () => {
  const processor = (config: Record<string, string>) => ({
    ProcessorConfig: config,
    StartAt: 'I',
    States: { I: { Type: 'Succeed' } },
  });
  const text = machine({
    A: { Type: 'Map', ItemProcessor: processor({ Mode: 'DISTRIBUTED' }), Next: 'B' },
    B: {
      Type: 'Map',
      ItemProcessor: processor({ Mode: 'DISTRIBUTED', ExecutionType: 'EXPRESS' }),
      End: true,
    },
  });
  const diagnostics = validate(text).filter((d) => d.code === 'missing-required-field');
  assert.equal(diagnostics.length, 1);
  expectDiagnostic(text, diagnostics, 'missing-required-field', '"ProcessorConfig"', 0);
});

test('Map Iterator and Parameters are hinted as deprecated, with the Deprecated tag', () => {
  const text = machine({
    M: {
      Type: 'Map',
      Parameters: {},
      Iterator: { StartAt: 'I', States: { I: { Type: 'Succeed' } } },
      End: true,
    },
  });
  const diagnostics = validate(text);
  const iterator = expectDiagnostic(text, diagnostics, 'deprecated-field', '"Iterator"');
  expectDiagnostic(text, diagnostics, 'deprecated-field', '"Parameters"');
  assert.equal(iterator.severity, DiagnosticSeverity.Hint);
  assert.deepEqual(iterator.tags, [DiagnosticTag.Deprecated]);
});
