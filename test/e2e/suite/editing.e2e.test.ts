/**
 * Editor features through the real language client -> server in the extension host: completion in
 * ErrorEquals, hover on an intrinsic, rename of a state across its references (workspace/editing.asl.json).
 * Runs only inside the extension host; uses the vscode API, never the product's sources.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extensionId, openInEditor, positionOf, waitForDiagnostics, writeAndOpen } from './e2eHelpers';

function labelOf(item: vscode.CompletionItem): string {
  const label = typeof item.label === 'string' ? item.label : item.label.label;
  return label.replace(/^"|"$/g, '');
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

/** Applies text edits to a string, last first, as VS Code would. */
function applyEdits(doc: vscode.TextDocument, edits: vscode.TextEdit[]): string {
  let text = doc.getText();
  const sorted = [...edits].sort((a, b) => doc.offsetAt(b.range.start) - doc.offsetAt(a.range.start));
  for (const e of sorted) {
    text = text.slice(0, doc.offsetAt(e.range.start)) + e.newText + text.slice(doc.offsetAt(e.range.end));
  }
  return text;
}

suite('editor features', () => {
  // Run alone (--grep) this suite is the first to open a document: wait until activation has started the
  // language client, or the first request finds no provider registered yet.
  suiteSetup(async () => {
    await openInEditor('editing.asl.json');
    const ext = vscode.extensions.getExtension(extensionId);
    assert.ok(ext, `extension ${extensionId} is installed`);
    await ext.activate();
  });

  test('completion inside ErrorEquals offers States.ALL and States.Timeout', async () => {
    const doc = await openInEditor('editing.asl.json');
    const inQuotes = positionOf(doc, '"ErrorEquals": [""]', '"ErrorEquals": ["'.length);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      doc.uri,
      inQuotes,
    );
    // only the language server's items: word-based suggestions are off in the e2e settings, and Text items are dropped
    const labels = list.items.filter((i) => i.kind !== vscode.CompletionItemKind.Text).map(labelOf);
    assert.ok(labels.includes('States.ALL'), `States.ALL in ${JSON.stringify(labels)}`);
    assert.ok(labels.includes('States.Timeout'), `States.Timeout in ${JSON.stringify(labels)}`);
  });

  test('hover on an intrinsic function shows its documentation', async () => {
    const doc = await openInEditor('editing.asl.json');
    const onFormat = positionOf(doc, 'States.Format(', 'States.F'.length);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      doc.uri,
      onFormat,
    );
    const text = hoverText(hovers);
    assert.match(text, /States\.Format/);
    assert.ok(
      text.replace(/States\.Format/g, '').trim().length > 20,
      `documentation, not just the name: ${text}`,
    );
  });

  test('rename of a state edits its key and every reference', async () => {
    const doc = await openInEditor('editing.asl.json');
    const onKey = positionOf(doc, '"Payment failed": {', 3);
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>(
      'vscode.executeDocumentRenameProvider',
      doc.uri,
      onKey,
      'Payment declined',
    );
    const edits = edit.get(doc.uri);
    // the key, Catch[].Next and Choice Default
    assert.equal(edits.length, 3, JSON.stringify(edits));
    assert.equal(applyEdits(doc, edits), doc.getText().replaceAll('"Payment failed"', '"Payment declined"'));
  });

  test('quick fixes for a misspelt Next come back through the client and applying one clears the problem', async () => {
    const text =
      '{\n  "StartAt": "A",\n  "States": {\n    "A": { "Type": "Pass", "Next": "Dnoe" },\n    "Done": { "Type": "Succeed" }\n  }\n}\n';
    const doc = await writeAndOpen('quick-fix.asl.json', text);
    const diagnostics = await waitForDiagnostics(
      doc.uri,
      (d) => d.some((x) => x.code === 'invalid-transition-target'),
      'invalid-transition-target on quick-fix.asl.json',
    );
    const target = diagnostics.find((d) => d.code === 'invalid-transition-target')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      doc.uri,
      target.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes("Change to 'Done'"), JSON.stringify(titles));
    assert.ok(titles.includes("Create state 'Dnoe'"), JSON.stringify(titles));
    const change = actions.find((a) => a.title === "Change to 'Done'")!;
    assert.ok(change.edit && (await vscode.workspace.applyEdit(change.edit)));
    assert.equal(doc.getText(), text.replace('"Dnoe"', '"Done"'));
    await waitForDiagnostics(
      doc.uri,
      (d) => !d.some((x) => x.source === 'asl'),
      'no asl problem left after the quick fix',
    );
  });
});
