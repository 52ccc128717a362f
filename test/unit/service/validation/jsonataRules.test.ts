import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { DiagnosticSeverity } from '../../../../server/src/service/types';
import { expectDiagnostic, expectNone, machine, rangeOfText, validate } from './validationHelpers';

const top = { QueryLanguage: 'JSONata' };

test('a valid JSONata machine with variables has no problems', () => {
  const text = machine(
    {
      A: { Type: 'Pass', Assign: { total: '{% $sum($states.input.items) %}' }, Next: 'B' },
      B: { Type: 'Pass', Output: { t: '{% $total %}', n: '{%$states.input.n%}' }, End: true },
    },
    top,
  );
  assert.deepEqual(validate(text), []);
});

test('JSONata syntax errors are reported inside the string', () => {
  const text = machine({ A: { Type: 'Pass', Output: '{% $sum(1, 2 %}', End: true } }, top);
  const d = validate(text).find((x) => x.code === 'invalid-jsonata');
  assert.ok(d);
  const whole = rangeOfText(text, '"{% $sum(1, 2 %}"');
  assert.ok(d.range.start.character > whole.start.character && d.range.end.character <= whole.end.character);
});

test('intrinsics and ".$" keys are JSONPath-only', () => {
  const text = machine(
    { A: { Type: 'Pass', Output: { 'x.$': '$.a', y: "{% States.Format('{}', 1) %}" }, End: true } },
    top,
  );
  const diagnostics = validate(text);
  const key = expectDiagnostic(text, diagnostics, 'dollar-key-in-jsonata', '"x.$"');
  assert.equal(key.severity, DiagnosticSeverity.Warning);
  expectDiagnostic(text, diagnostics, 'intrinsic-in-jsonata', 'States.Format');
});

test('a string with only one JSONata delimiter is flagged', () => {
  const text = machine({ A: { Type: 'Pass', Output: '{% 10 %', End: true } }, top);
  expectDiagnostic(text, validate(text), 'jsonata-not-surrounded', '"{% 10 %"');
});

test('variables: read but never assigned (warning), assigned but never read (hint)', () => {
  const text = machine(
    {
      A: { Type: 'Pass', Assign: { unused: 1 }, Output: '{% $missing %}', End: true },
    },
    top,
  );
  const diagnostics = validate(text);
  const undefinedVar = expectDiagnostic(text, diagnostics, 'undefined-variable', '$missing');
  assert.equal(undefinedVar.severity, DiagnosticSeverity.Warning);
  const unused = expectDiagnostic(text, diagnostics, 'unused-variable', '"unused"');
  assert.equal(unused.severity, DiagnosticSeverity.Hint);
});

test('inner scopes may read outer variables but not assign them', () => {
  const text = machine(
    {
      A: { Type: 'Pass', Assign: { shared: 1 }, Next: 'M' },
      M: {
        Type: 'Map',
        Items: '{% [1, 2] %}',
        ItemProcessor: {
          StartAt: 'In',
          States: { In: { Type: 'Pass', Output: '{% $shared %}', Assign: { shared: 2 }, End: true } },
        },
        Assign: { shared: 3 },
        End: true,
      },
    },
    top,
  );
  const diagnostics = validate(text);
  expectDiagnostic(text, diagnostics, 'assign-outer-variable', '"shared"', 1);
  expectNone(diagnostics, 'undefined-variable');
  // The Map state's own Assign is in the outer scope and runs after the processor: no clash.
  assert.equal(diagnostics.filter((d) => d.code === 'assign-outer-variable').length, 1);
});

test('JSONPath variable reads count too, and "states" is reserved', () => {
  const text = machine({
    A: { Type: 'Pass', Assign: { 'v.$': '$.x', states: 1 }, Next: 'B' },
    B: { Type: 'Pass', Parameters: { 'a.$': '$v', 'b.$': '$w' }, End: true },
  });
  const diagnostics = validate(text);
  expectDiagnostic(text, diagnostics, 'undefined-variable', '"$w"');
  expectDiagnostic(text, diagnostics, 'reserved-variable-name', '"states"');
  assert.equal(diagnostics.filter((d) => d.code === 'unused-variable').length, 1);
});

test('$states.result and $states.errorOutput only where they exist', () => {
  const text = machine(
    {
      T: {
        Type: 'Task',
        Resource: 'arn:aws:states:::lambda:invoke',
        Arguments: { a: '{% $states.result %}' },
        Output: '{% $states.result.Payload %}',
        Catch: [{ ErrorEquals: ['States.ALL'], Output: '{% $states.errorOutput %}', Next: 'P' }],
        Next: 'P',
      },
      P: { Type: 'Pass', Output: '{% $states.errorOutput %}', End: true },
    },
    top,
  );
  const diagnostics = validate(text).filter((d) => d.code === 'states-field-unavailable');
  assert.equal(diagnostics.length, 2, JSON.stringify(diagnostics));
  expectDiagnostic(text, diagnostics, 'states-field-unavailable', '$states.result', 0);
  expectDiagnostic(text, diagnostics, 'states-field-unavailable', '$states.errorOutput', 1);
  assert.equal(diagnostics[0].severity, DiagnosticSeverity.Warning);
});

test('an intrinsic name inside a JSONata string literal is not a call', () => {
  const text = machine(
    { A: { Type: 'Pass', Output: "{% 'States.Format(' & $states.input.x %}", End: true } },
    top,
  );
  expectNone(validate(text), 'intrinsic-in-jsonata');
});
