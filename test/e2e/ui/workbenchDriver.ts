/**
 * Drives code-server's web workbench like a user, with playwright-core and Debian's chromium: launch a
 * fresh headless browser, open files through Quick Open, run commands from the palette, screenshot.
 * Node side only (no vscode API); must not start or stop the server (the harness does).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export interface WorkbenchEnv {
  origin: string;
  workspace: string;
  screenshots: string;
}

/** The harness passes where the server and the workspace are through the environment. */
export function workbenchEnv(): WorkbenchEnv {
  const { E2E_ORIGIN, E2E_WORKSPACE, E2E_SCREENSHOTS } = process.env;
  if (!E2E_ORIGIN || !E2E_WORKSPACE || !E2E_SCREENSHOTS) {
    throw new Error(
      'run the UI tests through `npm run test:e2e` (E2E_ORIGIN/E2E_WORKSPACE/E2E_SCREENSHOTS unset)',
    );
  }
  return { origin: E2E_ORIGIN, workspace: E2E_WORKSPACE, screenshots: E2E_SCREENSHOTS };
}

export class WorkbenchDriver {
  private constructor(
    readonly page: Page,
    private readonly context: BrowserContext,
    private readonly profile: string,
    readonly env: WorkbenchEnv,
  ) {}

  static async open(env: WorkbenchEnv): Promise<WorkbenchDriver> {
    const profile = fs.mkdtempSync(path.join(process.env.TMPDIR ?? os.tmpdir(), 'e2e-chromium-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.E2E_CHROMIUM ?? '/usr/bin/chromium',
      headless: true,
      viewport: { width: 1400, height: 850 },
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    const page = context.pages()[0] ?? (await context.newPage());
    const driver = new WorkbenchDriver(page, context, profile, env);
    await page.goto(`${env.origin}/?folder=${encodeURIComponent(env.workspace)}`);
    await page.waitForSelector('.monaco-workbench', { timeout: 90_000 });
    await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 90_000 });
    return driver;
  }

  async close(): Promise<void> {
    await this.context.close().catch(() => undefined);
    fs.rmSync(this.profile, { recursive: true, force: true });
  }

  /** Opens a workspace file through Quick Open (Ctrl+P) and waits for its editor tab. */
  async openFile(name: string): Promise<void> {
    await this.page.keyboard.press('Control+P');
    await this.page.waitForSelector('.quick-input-widget input', { state: 'visible' });
    await this.page.keyboard.type(name);
    await this.page
      .locator('.quick-input-list .monaco-list-row')
      .filter({ has: this.page.locator('.label-name', { hasText: exactly(name) }) })
      .first()
      .click({ timeout: 20_000 });
    await this.page
      .locator('.tabs-container .tab.active')
      .filter({ hasText: name })
      .waitFor({ timeout: 20_000 });
  }

  /** Runs a command by its palette title, clicking the exact entry (Enter alone may pick a fuzzier match). */
  async runCommand(title: string): Promise<void> {
    await this.page.keyboard.press('F1');
    await this.page.waitForSelector('.quick-input-widget input', { state: 'visible' });
    await this.page.keyboard.type(title);
    await this.page
      .locator('.quick-input-list .monaco-list-row')
      .filter({ has: this.page.locator('.label-name', { hasText: exactly(title) }) })
      .first()
      .click({ timeout: 20_000 });
  }

  /** Moves the cursor to a 1-based line with Go to Line (Ctrl+G). */
  async goToLine(line: number): Promise<void> {
    await this.page.locator('.monaco-editor .view-lines').first().click();
    await this.page.keyboard.press('Control+G');
    await this.page.waitForSelector('.quick-input-widget input', { state: 'visible' });
    await this.page.keyboard.type(String(line));
    await this.page.keyboard.press('Enter');
  }

  async statusBarText(selector: string): Promise<string> {
    return (await this.page.locator(selector).first().textContent({ timeout: 10_000 })) ?? '';
  }

  /** Runs a test body; on failure saves `<name>-failed.png` before rethrowing, so a red run shows why. */
  async failureShot<T>(name: string, body: () => Promise<T>): Promise<T> {
    try {
      return await body();
    } catch (error) {
      await this.screenshot(`${name}-failed.png`).catch(() => undefined);
      throw error;
    }
  }

  async screenshot(name: string): Promise<string> {
    // let fade-ins (notification toasts) finish so the picture shows what a user sees
    await this.page
      .waitForFunction('document.getAnimations().every((a) => a.playState !== "running")', null, {
        timeout: 3_000,
      })
      .catch(() => undefined);
    const file = path.join(this.env.screenshots, name);
    await this.page.screenshot({ path: file });
    return file;
  }
}

export function exactly(text: string): RegExp {
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
}
