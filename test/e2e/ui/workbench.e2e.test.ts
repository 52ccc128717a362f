/**
 * UI smoke tests against the installed .vsix in code-server, driven by Playwright: what a user sees
 * (language mode, Problems panel). Screenshots go to .e2e/screenshots/. Run by scripts/e2e/runE2e.mjs
 * with node:test; must not import the product's sources or the vscode API.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { WorkbenchDriver, workbenchEnv } from './workbenchDriver';

// A comma is missing before "B".
const broken =
  '{\n  "StartAt": "A",\n  "States": {\n    "A": { "Type": "Pass", "End": true }\n    "B": {}\n  }\n}\n';

describe('workbench UI with the installed extension', () => {
  let wb: WorkbenchDriver;

  before(async () => {
    const env = workbenchEnv();
    // written before the workbench loads, so Quick Open's file index has it
    fs.writeFileSync(path.join(env.workspace, 'ui-broken.asl.json'), broken);
    wb = await WorkbenchDriver.open(env);
  });
  after(async () => {
    await wb?.close();
  });

  test('an .asl.json file shows the language mode Amazon States Language', () =>
    wb.failureShot('language-mode', async () => {
      await wb.openFile('hello.asl.json');
      await wb.page
        .locator('#status\\.editor\\.mode')
        .filter({ hasText: 'Amazon States Language' })
        .waitFor({ timeout: 30_000 });
      assert.match(await wb.statusBarText('#status\\.editor\\.mode'), /Amazon States Language/);
      await wb.screenshot('language-mode.png');
    }));

  test('a syntax error shows up in the Problems panel', () =>
    wb.failureShot('problems-panel', async () => {
      await wb.openFile('ui-broken.asl.json');
      await wb.page.keyboard.press('Control+Shift+M'); // View: Problems
      const row = wb.page
        .locator('.markers-panel .monaco-list-row')
        .filter({ hasText: 'A comma (,) is expected between values.' });
      await row.first().waitFor({ timeout: 30_000 });
      assert.match((await row.first().textContent()) ?? '', /json-syntax/);
      await wb.screenshot('problems-panel.png');
    }));
});
