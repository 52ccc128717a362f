// launchBrowser: headless Debian chromium under playwright-core, with a fresh profile per launch.
// Must not start the server; callers close what they launch.
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumPath, paths } from './e2ePaths.mjs';

/** Launches chromium with a throw-away profile; returns { context, page, close }. */
export async function launchBrowser() {
  fs.mkdirSync(paths.tmp, { recursive: true });
  const profile = fs.mkdtempSync(path.join(paths.tmp, 'chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
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
  const close = async () => {
    await context.close().catch(() => {});
    fs.rmSync(profile, { recursive: true, force: true });
  };
  return { context, page, close };
}
