/**
 * Diagnostics through the real language client -> language server (node IPC): a broken document gets
 * the server's problems with the expected codes and ranges, and fixing it clears them.
 * Uses only the vscode API; must not import the product's sources.
 */
import * as assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { offsetsOf, reportMetric, waitForDiagnostics, writeAndOpen } from './e2eHelpers';

// A comma is missing before "B": the server reports json-syntax on the "B" token.
const missingComma = `{
  "StartAt": "A",
  "States": {
    "A": { "Type": "Pass", "Next": "B" }
    "B": { "Type": "Pass", "End": true }
  }
}
`;

// Valid JSON, wrong ASL: "A" goes to a state that does not exist, so "B" is never reached.
const danglingNext = `{
  "StartAt": "A",
  "States": {
    "A": { "Type": "Pass", "Next": "Nowhere" },
    "B": { "Type": "Succeed" }
  }
}
`;

suite('diagnostics', () => {
  test('a syntax error is reported with code json-syntax on the offending token, and fixing it clears it', async () => {
    const t0 = performance.now();
    const doc = await writeAndOpen('broken-syntax.asl.json', missingComma);
    const diagnostics = await waitForDiagnostics(
      doc.uri,
      (d) => d.some((x) => x.source === 'asl'),
      'asl diagnostics on broken-syntax.asl.json',
    );
    reportMetric('first-diagnostics', Math.round(performance.now() - t0), 'ms');
    const syntax = diagnostics.filter((d) => d.source === 'asl' && d.code === 'json-syntax');
    assert.equal(syntax.length, 1, JSON.stringify(diagnostics));
    const at = offsetsOf(missingComma, '"B": {')[0];
    assert.deepEqual(syntax[0].range, new vscode.Range(doc.positionAt(at), doc.positionAt(at + 3)));
    assert.equal(syntax[0].severity, vscode.DiagnosticSeverity.Error);
    assert.match(syntax[0].message, /comma/i);

    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, doc.positionAt(offsetsOf(missingComma, '"B" }')[0] + '"B" }'.length), ',');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitForDiagnostics(
      doc.uri,
      (d) => !d.some((x) => x.source === 'asl' && x.code === 'json-syntax'),
      'the json-syntax problem to go away after the fix',
    );
  });

  test('ASL rule violations are reported with their codes on the target and the unreachable state', async () => {
    const doc = await writeAndOpen('broken-rules.asl.json', danglingNext);
    const diagnostics = await waitForDiagnostics(
      doc.uri,
      (d) => d.some((x) => x.source === 'asl' && x.code === 'invalid-transition-target'),
      'invalid-transition-target on broken-rules.asl.json',
    );
    const codes = diagnostics.map((d) => String(d.code)).sort();
    assert.deepEqual(codes, ['invalid-transition-target', 'unreachable-state'], JSON.stringify(diagnostics));
    const target = diagnostics.find((d) => d.code === 'invalid-transition-target')!;
    const at = offsetsOf(danglingNext, '"Nowhere"')[0];
    assert.deepEqual(
      target.range,
      new vscode.Range(doc.positionAt(at), doc.positionAt(at + '"Nowhere"'.length)),
    );
    assert.match(target.message, /Nowhere/);
    const unreachable = diagnostics.find((d) => d.code === 'unreachable-state')!;
    const b = offsetsOf(danglingNext, '"B"')[0];
    assert.deepEqual(unreachable.range, new vscode.Range(doc.positionAt(b), doc.positionAt(b + 3)));
  });
});
