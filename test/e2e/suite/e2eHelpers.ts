/**
 * Helpers for the tests that run inside VS Code's extension host: workspace files, positions found
 * by text (never hard-coded lines), and waiting on VS Code events with a deadline instead of sleeping.
 * Imports only the vscode API; must not import the product's sources.
 */
import * as vscode from 'vscode';

export const extensionId = 'asl-workbench.asl-workbench';

export function workspaceUri(...parts: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the e2e workbench was opened without a workspace folder');
  return vscode.Uri.joinPath(folder.uri, ...parts);
}

export async function openInEditor(name: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(workspaceUri(name));
  await vscode.window.showTextDocument(doc);
  return doc;
}

/** Writes a workspace file (short inline documents live in the tests) and opens it. */
export async function writeAndOpen(name: string, text: string): Promise<vscode.TextDocument> {
  await vscode.workspace.fs.writeFile(workspaceUri(name), Buffer.from(text, 'utf8'));
  return openInEditor(name);
}

/** The position of the `nth` occurrence of `needle` in the document, plus `delta` characters. */
export function positionOf(doc: vscode.TextDocument, needle: string, delta = 0, nth = 0): vscode.Position {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = doc.getText().indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" (occurrence ${nth}) not found in ${doc.uri.path}`);
  }
  return doc.positionAt(at + delta);
}

/** All offsets at which `needle` occurs. */
export function offsetsOf(text: string, needle: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) found.push(at);
  return found;
}

/**
 * Resolves with `check()`'s first truthy result, re-checking whenever `event` fires; rejects with
 * `what` after `ms` so a missing feature fails with a message instead of hanging the suite.
 */
export function waitForEvent<T, E>(
  event: vscode.Event<E>,
  check: () => T | undefined | false,
  what: string,
  ms = 30_000,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const first = check();
    if (first) return resolve(first);
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out after ${ms} ms waiting for ${what}`));
    }, ms);
    const sub = event(() => {
      const value = check();
      if (!value) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(value);
    });
  });
}

/** Waits until the diagnostics of `uri` satisfy `accept`. */
export function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (d: readonly vscode.Diagnostic[]) => boolean,
  what: string,
): Promise<readonly vscode.Diagnostic[]> {
  return waitForEvent(
    vscode.languages.onDidChangeDiagnostics,
    () => {
      const d = vscode.languages.getDiagnostics(uri);
      return accept(d) ? d : undefined;
    },
    what,
  );
}

/** Prints a metric line the harness picks up for its summary. */
export function reportMetric(name: string, value: number, unit: string): void {
  console.log(`[e2e-metric] ${name}=${value} ${unit}`);
}
