/**
 * The publish limit: a document with thousands of problems publishes the first 1,000 (errors first)
 * and one more diagnostic saying how many were left out.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { limitDiagnostics } from '../../server/src/lsp/handlers/validationHandler';
import { createAslLanguageService } from '../../server/src/service/aslLanguageService';
import { type Diagnostic, DiagnosticSeverity, TextDocument } from '../../server/src/service/types';

function diagnostic(line: number, severity: DiagnosticSeverity): Diagnostic {
  const position = { line, character: 0 };
  return {
    range: { start: position, end: position },
    severity,
    source: 'asl',
    code: 'x',
    message: `at ${line}`,
  };
}

test('a short list is published unchanged', () => {
  const list = [diagnostic(0, DiagnosticSeverity.Warning), diagnostic(1, DiagnosticSeverity.Error)];
  assert.equal(limitDiagnostics(list), list);
});

test('a long list keeps errors first, then says how many were left out', () => {
  const list: Diagnostic[] = [];
  for (let i = 0; i < 10; i++) {
    list.push(diagnostic(i, i % 2 ? DiagnosticSeverity.Error : DiagnosticSeverity.Hint));
  }
  const limited = limitDiagnostics(list, 4);
  assert.equal(limited.length, 5);
  assert.deepEqual(
    limited.slice(0, 4).map((d) => d.range.start.line),
    [1, 3, 5, 7],
  );
  assert.equal(limited[4].code, 'too-many-problems');
  assert.equal(limited[4].severity, DiagnosticSeverity.Information);
  assert.match(String(limited[4].message), /^6 more problems are not shown/);
  assert.equal(limited[4].range.start.line, 9);
});

test('a machine with 3,000 duplicate keys publishes 1,001 diagnostics', () => {
  const keys = Array.from({ length: 3000 }, () => '"Comment": "x"').join(', ');
  const text = `{"StartAt": "A", ${keys}, "States": {"A": {"Type": "Succeed"}}}`;
  const service = createAslLanguageService();
  const all = service.doValidation(service.parse(TextDocument.create('file:///d.asl.json', 'asl', 1, text)));
  assert.ok(all.length > 2000, `validator reported ${all.length}`);
  const published = limitDiagnostics(all);
  assert.equal(published.length, 1001);
  assert.equal(published[1000].code, 'too-many-problems');
});
