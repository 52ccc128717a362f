// runExtensionTests: runs the mocha suite inside code-server's node extension host, the way
// @vscode/test-web does: extensionDevelopmentPath + extensionTestsPath in the workbench URL payload,
// exit code through window.codeAutomationExit. Must not start or stop the server.
import util from 'node:util';
import { launchBrowser } from './launchBrowser.mjs';

// Workbench chatter that says nothing about our extension (see docs/vscode-e2e.md "harmless noise").
const noise =
  /^(Resolving connection|Resolved connection|Creating a socket|\[Service Worker\]|Updating additional builtin|ChatSessionStore|Creation of workbench contribution|The web worker extension host|An iframe which has both|Overwriting extension|Failed to load resource|\[reconnection-grace-time\]|File not found: .*vsda)/;

/**
 * Loads the workbench with the test payload and waits for the suite to finish.
 * Returns { exitCode, passing, failing, lines, ms } (exitCode 'timeout' when the suite never ended).
 */
export async function runExtensionTests({
  origin,
  folder,
  extensionPath,
  testsPath,
  timeoutMs = 300_000,
  verbose,
}) {
  const t0 = Date.now();
  const remote = (p) => `vscode-remote://${new URL(origin).host}${p}`;
  const { page, close } = await launchBrowser();
  const lines = [];
  try {
    let done;
    const exited = new Promise((r) => (done = r));
    await page.exposeFunction('codeAutomationExit', (code) => done(code));
    page.on('console', async (msg) => {
      let args;
      try {
        args = await Promise.all(msg.args().map((a) => a.jsonValue()));
      } catch {
        args = [msg.text()];
      }
      // extension-host console output arrives as '%c INFO', 'color: ...', format, ...args
      if (typeof args[0] === 'string' && args[0].startsWith('%c')) args = args.slice(2);
      const line = util.format(...args);
      if (!line.trim() || (!verbose && noise.test(line.trim()))) return;
      lines.push(line);
      console.log(line.replace(/^/gm, '  | '));
    });
    const payload = [
      ['extensionDevelopmentPath', remote(extensionPath)],
      ['extensionTestsPath', remote(testsPath)],
    ];
    const url = `${origin}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    await page.goto(url);
    let timer;
    const exitCode = await Promise.race([
      exited,
      new Promise((r) => (timer = setTimeout(() => r('timeout'), timeoutMs))),
    ]);
    clearTimeout(timer);
    const text = lines.join('\n');
    const count = (re) => Number(re.exec(text)?.[1] ?? 0);
    return {
      exitCode,
      passing: count(/(\d+) passing/),
      failing: count(/(\d+) failing/),
      lines,
      ms: Date.now() - t0,
    };
  } finally {
    await close();
  }
}
