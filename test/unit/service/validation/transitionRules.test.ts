import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { expectDiagnostic, expectNone, machine, messageOf, validate } from './validationHelpers';

test('an unknown Next target is reported on the target string with candidates', () => {
  const text = machine({ A: { Type: 'Pass', Next: 'Bee' }, B: { Type: 'Succeed' } });
  const d = expectDiagnostic(text, validate(text), 'invalid-transition-target', '"Bee"');
  assert.deepEqual(d.data, { target: 'Bee', candidates: ['A', 'B'] });
});

test('StartAt, Default, Choices[].Next and Catch[].Next targets are checked', () => {
  const text = JSON.stringify(
    {
      StartAt: 'Nowhere',
      States: {
        C: { Type: 'Choice', Choices: [{ Variable: '$.x', IsPresent: true, Next: 'X1' }], Default: 'X2' },
        T: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Catch: [{ ErrorEquals: ['States.ALL'], Next: 'X3' }],
          End: true,
        },
      },
    },
    null,
    2,
  );
  const diagnostics = validate(text);
  for (const target of ['"Nowhere"', '"X1"', '"X2"', '"X3"']) {
    expectDiagnostic(text, diagnostics, 'invalid-transition-target', target);
  }
});

test('a transition out of a Parallel branch says the target is in another scope', () => {
  const text = machine({
    P: {
      Type: 'Parallel',
      Branches: [{ StartAt: 'In', States: { In: { Type: 'Pass', Next: 'After' } } }],
      Next: 'After',
    },
    After: { Type: 'Succeed' },
  });
  const d = expectDiagnostic(text, validate(text), 'invalid-transition-target', '"After"', 0);
  assert.match(messageOf(d), /state machine, not in this branch 1 of Parallel "P"/);
});

test('each scope needs a terminal state', () => {
  const text = machine({
    A: { Type: 'Pass', Next: 'B' },
    B: { Type: 'Pass', Next: 'A' },
  });
  expectDiagnostic(text, validate(text), 'missing-terminal-state', '"States"');
});

test('unreachable states are found by graph search, including unreachable cycles', () => {
  const text = machine({
    A: { Type: 'Succeed' },
    Loop1: { Type: 'Pass', Next: 'Loop2' },
    Loop2: { Type: 'Pass', Next: 'Loop1' },
  });
  const diagnostics = validate(text);
  expectDiagnostic(text, diagnostics, 'unreachable-state', '"Loop1"', 0);
  expectDiagnostic(text, diagnostics, 'unreachable-state', '"Loop2"', 1);
});

test('Next and End: both, or neither', () => {
  const text = machine({ A: { Type: 'Pass', Next: 'B', End: true }, B: { Type: 'Pass' } });
  const diagnostics = validate(text);
  expectDiagnostic(text, diagnostics, 'next-and-end', '"End"');
  const d = expectDiagnostic(text, diagnostics, 'missing-next-or-end', '"B"', 1);
  assert.deepEqual(d.data, { stateName: 'B' });
});

test('duplicate names across scopes and over-long names', () => {
  const long = 'N'.repeat(81);
  const text = machine({
    Dup: {
      Type: 'Parallel',
      Branches: [{ StartAt: 'Dup', States: { Dup: { Type: 'Succeed' } } }],
      Next: long,
    },
    [long]: { Type: 'Succeed' },
  });
  const diagnostics = validate(text);
  expectDiagnostic(text, diagnostics, 'duplicate-state-name', '"Dup"', 1);
  expectDiagnostic(text, diagnostics, 'duplicate-state-name', '"Dup"', 3);
  expectDiagnostic(text, diagnostics, 'state-name-too-long', `"${long}"`, 1);
});

test('a well-formed nested machine has no transition problems', () => {
  const text = machine({
    M: {
      Type: 'Map',
      ItemProcessor: { StartAt: 'I', States: { I: { Type: 'Pass', End: true } } },
      Next: 'Done',
    },
    Done: { Type: 'Succeed' },
  });
  expectNone(validate(text));
});
