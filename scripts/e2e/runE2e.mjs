// runE2e: `npm run test:e2e`. Installs what is missing (apt packages, code-server), builds and packages
// the .vsix, installs it into a fresh extensions dir, starts ONE code-server on 127.0.0.1, runs the
// integration suite inside the extension host and the Playwright UI smoke tests, stops the server's
// process group on every exit path and prints a summary. Exit code 0 only when everything passed.
import fs from 'node:fs';
import path from 'node:path';
import { startCodeServer, serverEnv, userSettings } from './codeServer.mjs';
import { codeServerVersion, e2eDir, paths, repoRoot } from './e2ePaths.mjs';
import { ensureAptPackages, ensureCodeServer } from './installE2eTools.mjs';
import { runCommand, StepTimer, captureCommand } from './run.mjs';
import { runExtensionTests } from './runExtensionTests.mjs';
import { listVsix, vsixProblems } from './vsixContents.mjs';

const timer = new StepTimer();
const facts = [];
const failures = [];
let server;

async function stopServer() {
  if (!server) return;
  const s = server;
  server = undefined;
  const how = await s.stop();
  facts.push(`server process group ${s.pid} stopped (${how})`);
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    console.error(`\n${signal}: stopping the server`);
    void stopServer().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  });
}

function freshDir(dir) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
}

function copyWorkspace(name) {
  const target = path.join(paths.workspace, name);
  freshDir(target);
  fs.cpSync(paths.workspaceTemplate, target, { recursive: true });
  return target;
}

const grepAt = process.argv.indexOf('--grep');
const grep = grepAt > 0 ? process.argv[grepAt + 1] : (process.env.E2E_GREP ?? '');

async function main() {
  for (const d of [e2eDir, paths.tmp, paths.logs]) fs.mkdirSync(d, { recursive: true });
  freshDir(paths.screenshots); // only this run's pictures

  await timer.step('apt packages (chromium, ripgrep, libkrb5-dev)', async () => {
    const installed = await ensureAptPackages();
    console.log(installed.length ? `installed ${installed.join(' ')}` : 'all present');
  });
  await timer.step(`code-server ${codeServerVersion} into .e2e/code-server`, async () => {
    const r = await ensureCodeServer();
    console.log(r.installed ? `installed ${r.version}` : `already installed (${r.version})`);
  });

  if (!process.env.E2E_SKIP_PACKAGE) {
    await timer.step('npm run package (build + vsce package)', () => {
      fs.mkdirSync(path.dirname(paths.vsix), { recursive: true }); // vsce does not create --out's folder
      return runCommand('npm', ['run', 'package'], {
        cwd: repoRoot,
        logFile: path.join(paths.logs, 'package.log'),
      });
    });
  }
  await timer.step('check the .vsix file list', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
    const entries = listVsix(paths.vsix);
    const size = fs.statSync(paths.vsix).size;
    console.log(
      `${path.relative(repoRoot, paths.vsix)}: ${(size / 1024).toFixed(1)} KiB, ${entries.length} files`,
    );
    for (const e of entries) console.log(`  ${String(e.size).padStart(9)}  ${e.name}`);
    facts.push(`vsix ${(size / 1024).toFixed(1)} KiB, ${entries.length} files`);
    const problems = vsixProblems(entries, manifest);
    if (problems.length) throw new Error(`the .vsix is wrong:\n  ${problems.join('\n  ')}`);
  });

  await timer.step('compile test/e2e', () => {
    freshDir(path.join(e2eDir, 'out'));
    return runCommand(path.join(repoRoot, 'node_modules', '.bin', 'tsc'), ['-p', paths.e2eTsconfig], {
      cwd: repoRoot,
      logFile: path.join(paths.logs, 'tsc-e2e.log'),
    });
  });

  let installedExtension;
  await timer.step('fresh profile + workspace, install the .vsix', async () => {
    freshDir(paths.userData);
    freshDir(paths.extensions);
    fs.mkdirSync(path.join(paths.userData, 'User'), { recursive: true });
    fs.writeFileSync(
      path.join(paths.userData, 'User', 'settings.json'),
      JSON.stringify(userSettings, null, 2),
    );
    fs.writeFileSync(paths.csConfig, 'auth: none\n');
    const common = ['--config', paths.csConfig, '--user-data-dir', paths.userData];
    common.push('--extensions-dir', paths.extensions);
    const out = await captureCommand(paths.codeServerBin, [...common, '--install-extension', paths.vsix], {
      env: serverEnv(),
    });
    console.log(out.split('\n').slice(-1)[0]);
    const listed = await captureCommand(
      paths.codeServerBin,
      [...common, '--list-extensions', '--show-versions'],
      {
        env: serverEnv(),
      },
    );
    console.log(`installed: ${listed.split('\n').slice(-1)[0]}`);
    installedExtension = fs
      .readdirSync(paths.extensions)
      .map((d) => path.join(paths.extensions, d))
      .find((d) => path.basename(d).startsWith('asl-workbench.asl-workbench-'));
    if (!installedExtension) throw new Error(`the .vsix did not install into ${paths.extensions}`);
  });

  const workspaces = { integration: copyWorkspace('integration'), ui: copyWorkspace('ui') };

  await timer.step('start code-server on 127.0.0.1', async () => {
    // the extension host inherits the server's environment: that is how E2E_GREP reaches mocha
    server = await startCodeServer({ logFile: path.join(paths.logs, 'server.log'), env: { E2E_GREP: grep } });
    console.log(`${server.origin} (process group ${server.pid}), listening after ${server.listeningMs} ms`);
  });

  await timer.step(
    'integration suite inside the extension host',
    async () => {
      // The installed extension folder is the development path, so the suite exercises the packaged bits.
      const r = await runExtensionTests({
        origin: server.origin,
        folder: workspaces.integration,
        extensionPath: installedExtension,
        testsPath: path.join(paths.testsOut, 'suite', 'index.js'),
        verbose: !!process.env.E2E_VERBOSE,
      });
      for (const l of r.lines) {
        const m = /\[e2e-metric\] (\S+)=(\S+) (\S+)/.exec(l);
        if (m) facts.push(`${m[1]}: ${m[2]} ${m[3]} (measured in the extension host)`);
      }
      facts.push(`integration: ${r.passing} passing, ${r.failing} failing, exit ${r.exitCode}, ${r.ms} ms`);
      if (r.exitCode !== 0) throw new Error(`exit code ${r.exitCode}`);
      if (r.passing === 0) throw new Error('no test ran');
    },
    failures,
  );

  if (!process.env.E2E_SKIP_UI) {
    await timer.step(
      'UI smoke tests (Playwright)',
      async () => {
        const uiOut = path.join(paths.testsOut, 'ui');
        await runCommand(
          process.execPath,
          ['--test', '--test-concurrency=1', '--test-reporter=spec', uiOut],
          {
            cwd: repoRoot,
            env: {
              ...process.env,
              E2E_ORIGIN: server.origin,
              E2E_WORKSPACE: workspaces.ui,
              E2E_SCREENSHOTS: paths.screenshots,
            },
          },
        );
        facts.push(`UI smoke passed; screenshots in ${path.relative(repoRoot, paths.screenshots)}/`);
      },
      failures,
    );
  }
}

let exitCode = 0;
try {
  await main();
} catch (e) {
  failures.push(e instanceof Error ? e.message : String(e));
} finally {
  await stopServer();
}
if (failures.length) exitCode = 1;
console.log('\n=== e2e summary');
console.log(timer.summary());
for (const f of facts) console.log(`  - ${f}`);
for (const f of failures) console.log(`  FAILED: ${f}`);
if (failures.length) {
  console.log(`  logs: ${path.relative(repoRoot, paths.logs)}/ (server.log, package.log, install.log)`);
  console.log(`  screenshots (*-failed.png on a UI failure): ${path.relative(repoRoot, paths.screenshots)}/`);
}
console.log(exitCode === 0 ? 'e2e: PASS' : 'e2e: FAIL');
process.exit(exitCode);
