// e2ePaths: where the end-to-end harness keeps things (all scratch lives under the ignored .e2e/).
// Pure path arithmetic and pinned versions; must not start processes or touch the network.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const e2eDir = path.join(repoRoot, '.e2e');

/** Pinned: the newest code-server whose engines accept node 20 (VS Code 1.100.3). */
export const codeServerVersion = '4.100.3';
export const chromiumPath = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium';

export const paths = {
  tmp: path.join(e2eDir, 'tmp'),
  xdg: path.join(e2eDir, 'xdg'),
  codeServerPrefix: path.join(e2eDir, 'code-server'),
  codeServerBin: path.join(e2eDir, 'code-server', 'node_modules', '.bin', 'code-server'),
  codeServerPackageJson: path.join(e2eDir, 'code-server', 'node_modules', 'code-server', 'package.json'),
  vscodeDir: path.join(e2eDir, 'code-server', 'node_modules', 'code-server', 'lib', 'vscode'),
  csConfig: path.join(e2eDir, 'cs-config.yaml'),
  userData: path.join(e2eDir, 'user-data'),
  extensions: path.join(e2eDir, 'extensions'),
  workspace: path.join(e2eDir, 'workspace'),
  screenshots: path.join(e2eDir, 'screenshots'),
  logs: path.join(e2eDir, 'logs'),
  /** Where test/e2e compiles to (rootDir is the repo root, so test/e2e/... lands below it). */
  testsOut: path.join(e2eDir, 'out', 'test', 'e2e'),
  vsix: process.env.E2E_VSIX ?? path.join(repoRoot, 'dist-vsix', 'asl-workbench.vsix'),
  workspaceTemplate: path.join(repoRoot, 'test', 'e2e', 'workspace'),
  e2eTsconfig: path.join(repoRoot, 'test', 'e2e', 'tsconfig.json'),
};
