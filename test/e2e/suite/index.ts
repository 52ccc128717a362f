/**
 * Entry point VS Code's extension host loads through extensionTestsPath: runs every *.e2e.test.js
 * beside it with mocha (tdd), and rejects when a test fails so the workbench exits with code 1.
 * Runs only inside the extension host; must not import anything from the product's sources.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, reporter: 'spec' });
  // The harness passes E2E_GREP through the server's environment to run a subset (`npm run test:e2e -- --grep x`).
  if (process.env.E2E_GREP) mocha.grep(process.env.E2E_GREP);
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.e2e.test.js'))
    .sort();
  for (const f of files) mocha.addFile(path.join(__dirname, f));
  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) =>
        failures > 0 ? reject(new Error(`${failures} e2e test(s) failed`)) : resolve(),
      );
    } catch (e) {
      reject(e instanceof Error ? e : new Error(String(e)));
    }
  });
}
