// codeServer: starts ONE code-server on 127.0.0.1 (free port, fresh user data) as the leader of its
// own process group, and stops that whole group (extension hosts, language servers) on every exit path.
// Must not drive the browser or know about the tests.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { paths } from './e2ePaths.mjs';

/** User settings for a quiet, offline, deterministic workbench. */
export const userSettings = {
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'workbench.startupEditor': 'none',
  'workbench.enableExperiments': false,
  'workbench.tips.enabled': false,
  'security.workspace.trust.enabled': false,
  'chat.disableAIFeatures': true,
  'json.schemaDownload.enable': false,
  'npm.fetchOnlinePackageInfo': false,
  'typescript.disableAutomaticTypeAcquisition': true,
  'files.hotExit': 'off',
  'window.restoreWindows': 'none',
  'git.enabled': false,
  'editor.wordBasedSuggestions': 'off',
  'git.openRepositoryInParentFolders': 'never',
};

/** Environment for every code-server invocation: nothing written to ~/.config or ~/.local. */
export function serverEnv(extra = {}) {
  return {
    ...process.env,
    XDG_CONFIG_HOME: path.join(paths.xdg, 'config'),
    XDG_DATA_HOME: path.join(paths.xdg, 'data'),
    XDG_CACHE_HOME: path.join(paths.xdg, 'cache'),
    TMPDIR: paths.tmp,
    ...extra,
  };
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function groupAlive(pgid) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

const delay = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Starts code-server with `setsid` semantics (node's `detached: true` makes the child a session and
 * process-group leader). Returns { origin, port, pid, stop }. A process 'exit' hook sends SIGTERM to
 * the group even when the harness dies unexpectedly.
 */
export async function startCodeServer({ logFile, env }) {
  const port = await freePort();
  fs.writeFileSync(paths.csConfig, 'auth: none\n'); // explicit --config: nothing lands in ~/.config/code-server
  const out = fs.openSync(logFile, 'w');
  const child = spawn(
    paths.codeServerBin,
    [
      '--config',
      paths.csConfig,
      '--auth',
      'none',
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--user-data-dir',
      paths.userData,
      '--extensions-dir',
      paths.extensions,
    ],
    { detached: true, stdio: ['ignore', out, out], env: serverEnv(env) },
  );
  fs.closeSync(out);
  const pgid = child.pid;
  const killOnExit = () => {
    if (groupAlive(pgid)) process.kill(-pgid, 'SIGTERM');
  };
  process.on('exit', killOnExit);
  let exited = false;
  child.on('exit', () => (exited = true));

  const stop = async () => {
    process.off('exit', killOnExit);
    if (!groupAlive(pgid)) return 'already gone';
    process.kill(-pgid, 'SIGTERM');
    for (let i = 0; i < 100 && groupAlive(pgid); i++) await delay(100);
    if (!groupAlive(pgid)) return 'SIGTERM';
    process.kill(-pgid, 'SIGKILL');
    return 'SIGKILL';
  };

  const origin = `http://127.0.0.1:${port}`;
  const t0 = Date.now();
  for (;;) {
    if (exited) {
      await stop();
      throw new Error(`code-server exited during start-up; see ${logFile}`);
    }
    try {
      const res = await fetch(`${origin}/healthz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() - t0 > 60_000) {
      await stop();
      throw new Error(`code-server did not listen on ${origin} within 60 s; see ${logFile}`);
    }
    await delay(100);
  }
  return { origin, port, pid: pgid, listeningMs: Date.now() - t0, stop };
}
