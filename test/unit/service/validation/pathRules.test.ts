import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { expectDiagnostic, expectNone, machine, rangeOfText, validate } from './validationHelpers';

const lambda = 'arn:aws:states:::lambda:invoke';

test('a JSONPath syntax error is reported inside the string at the bad character', () => {
  const text = machine({ P: { Type: 'Pass', InputPath: 'bug$.library', End: true } });
  const d = validate(text).find((x) => x.code === 'invalid-json-path');
  assert.ok(d, 'invalid-json-path reported');
  const value = rangeOfText(text, '"bug$.library"');
  assert.equal(d.range.start.line, value.start.line);
  assert.ok(d.range.start.character > value.start.character && d.range.end.character < value.end.character);
});

test('Reference Paths are required in ResultPath, ItemsPath, *Path fields and Choice Variable', () => {
  const text = machine({
    T: { Type: 'Task', Resource: lambda, ResultPath: '$.a[*]', TimeoutSecondsPath: '$..t', Next: 'C' },
    C: {
      Type: 'Choice',
      Choices: [{ Variable: '$.list[?(@.x > 1)]', IsPresent: true, Next: 'M' }],
      Default: 'M',
    },
    M: {
      Type: 'Map',
      ItemsPath: '$.items[1:2]',
      ItemProcessor: { StartAt: 'I', States: { I: { Type: 'Succeed' } } },
      End: true,
    },
  });
  const diagnostics = validate(text);
  for (const value of ['"$.a[*]"', '"$..t"', '"$.list[?(@.x > 1)]"', '"$.items[1:2]"']) {
    expectDiagnostic(text, diagnostics, 'reference-path-required', value);
  }
});

test('ResultPath cannot write to the context object or a variable', () => {
  const text = machine({
    A: { Type: 'Pass', ResultPath: '$$.Execution', Next: 'B' },
    B: { Type: 'Pass', ResultPath: '$myVar.x', End: true },
  });
  const diagnostics = validate(text);
  expectDiagnostic(text, diagnostics, 'result-path-variable', '"$$.Execution"');
  expectDiagnostic(text, diagnostics, 'result-path-variable', '"$myVar.x"');
});

test('payload-template ".$" values must be paths or intrinsic calls; collisions after stripping ".$"', () => {
  const text = machine({
    P: {
      Type: 'Pass',
      Parameters: {
        'ok.$': '$.a[?(@.b > 0)]',
        'bad.$': 'not a path',
        dup: 1,
        'dup.$': '$.x',
        nested: { 'deep.$': 'nope' },
      },
      End: true,
    },
  });
  const diagnostics = validate(text);
  expectDiagnostic(text, diagnostics, 'invalid-payload-path', '"not a path"');
  expectDiagnostic(text, diagnostics, 'invalid-payload-path', '"nope"');
  expectDiagnostic(text, diagnostics, 'payload-key-collision', '"dup.$"');
  assert.equal(diagnostics.filter((d) => d.code === 'invalid-json-path').length, 0);
});

test('intrinsic names, arity and argument kinds are checked inside the string', () => {
  const text = machine({
    P: {
      Type: 'Pass',
      Parameters: {
        'a.$': 'States.Xyz($.r)',
        'b.$': 'States.MathAdd(1)',
        'c.$': "States.Format('{} and {}', $.x, $.y)",
      },
      End: true,
    },
  });
  const diagnostics = validate(text).filter((d) => d.code === 'invalid-intrinsic');
  assert.equal(diagnostics.length, 2, JSON.stringify(diagnostics));
  const unknown = rangeOfText(text, 'States.Xyz');
  assert.deepEqual(diagnostics[0].range, unknown);
});

test('InputPath does not take an intrinsic; Fail ErrorPath takes one that returns a string', () => {
  const text = machine({
    P: { Type: 'Pass', InputPath: "States.Format('{}', 1)", Next: 'F' },
    F: { Type: 'Fail', ErrorPath: "States.Format('E{}', $.n)", CausePath: 'States.MathAdd($.a, 1)' },
  });
  const diagnostics = validate(text);
  expectDiagnostic(text, diagnostics, 'reference-path-required', `"States.Format('{}', 1)"`);
  expectDiagnostic(text, diagnostics, 'invalid-intrinsic', 'States.MathAdd');
  assert.equal(diagnostics.filter((d) => d.code === 'invalid-intrinsic').length, 1);
});

test('a JSONata string in a JSONPath Wait Timestamp is rejected; placeholders are tolerated', () => {
  const text = machine({
    W: { Type: 'Wait', Timestamp: '{% $now() %}', Next: 'P' },
    P: { Type: 'Pass', Parameters: { 'x.$': '${Path}' }, InputPath: '${In}', End: true },
  });
  const diagnostics = validate(text);
  expectDiagnostic(text, diagnostics, 'jsonata-in-jsonpath', '"{% $now() %}"');
  expectNone(diagnostics, 'invalid-payload-path', 'invalid-json-path');
});
