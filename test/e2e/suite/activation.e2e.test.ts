/**
 * Activation inside a real VS Code: opening .asl.json / .asl.yaml documents gives them the extension's
 * languages and activates it; the activation time is measured here and printed for the harness.
 * Uses only the vscode API; must not import the product's sources.
 */
import * as assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { extensionId, openInEditor, reportMetric } from './e2eHelpers';

interface ContributedLanguage {
  id: string;
  extensions?: string[];
}

function languageFor(suffix: string): string | undefined {
  const ext = vscode.extensions.getExtension(extensionId);
  const languages = (ext?.packageJSON?.contributes?.languages ?? []) as ContributedLanguage[];
  return languages.find((l) => l.extensions?.includes(suffix))?.id;
}

suite('activation', () => {
  test('opening an .asl.json document activates the extension', async () => {
    const ext = vscode.extensions.getExtension(extensionId);
    assert.ok(ext, `extension ${extensionId} is installed`);
    const activeBefore = ext.isActive;
    const t0 = performance.now();
    const doc = await openInEditor('hello.asl.json');
    assert.equal(doc.languageId, 'asl');
    await ext.activate();
    const ms = Math.round(performance.now() - t0);
    assert.equal(ext.isActive, true);
    console.log(
      `vscode ${vscode.version}, node ${process.version}, remoteName=${vscode.env.remoteName}` +
        `, extension ${ext.packageJSON.version} from ${ext.extensionUri.path}`,
    );
    if (activeBefore) console.log('note: the extension was already active before the first .asl.json opened');
    reportMetric('activation', ms, 'ms');
  });

  test('an .asl.yaml document gets the language the manifest contributes for .asl.yaml', async () => {
    const yamlLanguage = languageFor('.asl.yaml');
    assert.ok(yamlLanguage, 'package.json contributes a language for .asl.yaml');
    const doc = await openInEditor('hello.asl.yaml');
    assert.equal(doc.languageId, yamlLanguage);
    assert.equal(vscode.extensions.getExtension(extensionId)?.isActive, true);
  });
});
