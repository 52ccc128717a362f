/**
 * UI smoke test of the `asl` debugger in code-server, driven by Playwright: a breakpoint on a state,
 * Start Debugging from launch.json, the debug toolbar paused on that state with its input in VARIABLES.
 * Screenshots go to .e2e/screenshots/. Must not import the product's sources or the vscode API.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { WorkbenchDriver, workbenchEnv } from './workbenchDriver';

describe('debugging in the workbench', () => {
  let wb: WorkbenchDriver;

  before(async () => {
    wb = await WorkbenchDriver.open(workbenchEnv());
  });
  after(async () => {
    await wb?.close();
  });

  test('the debug toolbar pauses on the state with the breakpoint', () =>
    wb.failureShot('debug-paused', async () => {
      const text = fs.readFileSync(path.join(wb.env.workspace, 'debug.asl.json'), 'utf8');
      const line = text.slice(0, text.indexOf('"Prepare": {')).split('\n').length;
      await wb.openFile('debug.asl.json');
      await wb.goToLine(line);
      await wb.runCommand('Debug: Toggle Breakpoint');
      await wb.page.locator('.codicon-debug-breakpoint').first().waitFor({ timeout: 10_000 });
      await wb.runCommand('Debug: Start Debugging');
      await wb.page.locator('.debug-toolbar').waitFor({ state: 'visible', timeout: 30_000 });
      await wb.page.getByText('Paused on breakpoint').first().waitFor({ timeout: 30_000 });
      await wb.page.locator('.debug-top-stack-frame-line').first().waitFor({ timeout: 30_000 });
      const frame = wb.page.locator(
        '.debug-call-stack .monaco-list-row.selected, .debug-call-stack .stack-frame',
      );
      assert.match((await frame.first().textContent()) ?? '', /Prepare/);
      const rows = wb.page.locator('.debug-variables .monaco-list-row');
      await rows
        .filter({ hasText: /^Input$/ })
        .first()
        .click(); // expand the Input scope
      const orderId = rows.filter({ hasText: 'orderId' });
      await orderId.first().waitFor({ timeout: 15_000 });
      assert.match((await orderId.first().textContent()) ?? '', /o-1/);
      await wb.screenshot('debug-paused.png');
    }));

  test('the pending task prompt is answered through the UI and the execution ends with that output', () =>
    wb.failureShot('pending-task', async () => {
      await wb.page.keyboard.press('F5'); // Continue: Prepare -> Await approval, which waits for its token
      const toast = wb.page
        .locator('.notification-toast, .notifications-center')
        .filter({ hasText: 'Task "Await approval" waits for an answer' });
      await toast.first().waitFor({ timeout: 30_000 });
      await wb.screenshot('pending-task-prompt.png');
      await toast.first().getByRole('button', { name: 'Send Success…' }).click();
      const input = wb.page.locator('.quick-input-widget input');
      await input.waitFor({ state: 'visible', timeout: 10_000 });
      await wb.page.locator('.quick-input-widget').getByText('Output of "Await approval"').waitFor();
      await input.fill('{"approved": true}');
      await wb.screenshot('pending-task-output.png');
      await wb.page.keyboard.press('Enter');
      await wb.page.locator('.debug-toolbar').waitFor({ state: 'hidden', timeout: 30_000 });
      await wb.page.keyboard.press('Control+Shift+Y'); // View: Debug Console
      const result = wb.page.locator('.repl').getByText('Execution succeeded. Output:');
      await result.first().waitFor({ timeout: 15_000 });
      assert.match((await result.first().textContent()) ?? '', /"approval":\{"approved":true\}/);
      await wb.screenshot('execution-succeeded.png');
    }));
});
