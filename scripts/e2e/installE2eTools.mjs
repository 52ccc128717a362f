// installE2eTools: makes sure the e2e prerequisites exist: Debian packages (chromium, ripgrep,
// libkrb5-dev) and code-server (pinned) under .e2e/code-server, with the offline workarounds.
// Idempotent; must not start the server or the browser.
import fs from 'node:fs';
import path from 'node:path';
import { chromiumPath, codeServerVersion, paths } from './e2ePaths.mjs';
import { captureCommand, runCommand } from './run.mjs';

function onPath(bin) {
  return (process.env.PATH ?? '')
    .split(path.delimiter)
    .some((dir) => dir && fs.existsSync(path.join(dir, bin)));
}

/** Installs the Debian packages the harness needs when they are missing; returns what it installed. */
export async function ensureAptPackages() {
  const need = [];
  if (!fs.existsSync(chromiumPath)) need.push('chromium');
  if (!onPath('rg')) need.push('ripgrep'); // stands in for @vscode/ripgrep's GitHub download
  if (!fs.existsSync('/usr/include/gssapi/gssapi.h')) need.push('libkrb5-dev'); // kerberos builds from source
  if (need.length === 0) return need;
  const logFile = path.join(paths.logs, 'apt.log');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  await runCommand('apt-get', ['update', '-q'], { env, logFile });
  await runCommand('apt-get', ['install', '-y', '-q', ...need], { env, logFile });
  return need;
}

function installedCodeServerVersion() {
  try {
    return JSON.parse(fs.readFileSync(paths.codeServerPackageJson, 'utf8')).version;
  } catch {
    return undefined;
  }
}

async function readFromTarball(tgz, member) {
  return captureCommand('tar', ['-xzOf', tgz, member]);
}

/**
 * @vscode/ripgrep's postinstall downloads rg from GitHub, but first looks for a cached asset in
 * $TMPDIR/vscode-ripgrep-cache-<version>/: seed it with Debian's rg so no download is attempted.
 */
async function seedRipgrepCache(codeServerTgz, env) {
  const shrinkwrap = JSON.parse(
    await readFromTarball(codeServerTgz, 'package/lib/vscode/npm-shrinkwrap.json'),
  );
  const version = shrinkwrap.packages?.['node_modules/@vscode/ripgrep']?.version;
  if (!version) return undefined;
  await runCommand('npm', ['pack', '-q', `@vscode/ripgrep@${version}`], {
    cwd: paths.tmp,
    env,
    logFile: path.join(paths.logs, 'install.log'),
  });
  const postinstall = await readFromTarball(
    path.join(paths.tmp, `vscode-ripgrep-${version}.tgz`),
    'package/lib/postinstall.js',
  );
  const tag = /^const VERSION = '([^']+)'/m.exec(postinstall)?.[1];
  if (!tag) throw new Error(`cannot find the ripgrep release tag in @vscode/ripgrep@${version}`);
  const cacheDir = path.join(paths.tmp, `vscode-ripgrep-cache-${version}`);
  fs.mkdirSync(cacheDir, { recursive: true });
  const rg = await captureCommand('sh', ['-c', 'command -v rg']);
  await runCommand('tar', [
    'czf',
    path.join(cacheDir, `ripgrep-${tag}-x86_64-unknown-linux-musl.tar.gz`),
    '-C',
    path.dirname(rg),
    'rg',
  ]);
  return `${version}/${tag}`;
}

/** Installs code-server into .e2e/code-server unless the pinned version is already there. */
export async function ensureCodeServer() {
  const have = installedCodeServerVersion();
  if (have === codeServerVersion) return { installed: false, version: have };
  fs.rmSync(paths.codeServerPrefix, { recursive: true, force: true });
  fs.mkdirSync(paths.codeServerPrefix, { recursive: true });
  const logFile = path.join(paths.logs, 'install.log');
  const env = {
    ...process.env,
    TMPDIR: paths.tmp,
    npm_config_unsafe_perm: 'true', // its postinstall refuses to run as root otherwise
    npm_config_yes: 'true', // node-pty's postinstall runs `npx node-gyp` (~/.npmrc says yes=false)
    npm_config_fund: 'false',
    npm_config_audit: 'false',
  };
  await runCommand('npm', ['pack', '-q', `code-server@${codeServerVersion}`], {
    cwd: paths.tmp,
    env,
    logFile,
  });
  const tgz = path.join(paths.tmp, `code-server-${codeServerVersion}.tgz`);
  const engines = JSON.parse(await readFromTarball(tgz, 'package/package.json')).engines?.node ?? '';
  const nodeMajor = process.versions.node.split('.')[0];
  if (engines.replace(/[^0-9].*$/, '') !== nodeMajor) {
    throw new Error(
      `code-server ${codeServerVersion} wants node ${engines}, this is node ${process.versions.node}`,
    );
  }
  const seeded = await seedRipgrepCache(tgz, env);
  if (seeded) console.log(`seeded the ripgrep cache for @vscode/ripgrep ${seeded}`);
  fs.writeFileSync(
    path.join(paths.codeServerPrefix, 'package.json'),
    JSON.stringify({ name: 'e2e-code-server', private: true }, null, 2),
  );
  await runCommand('npm', ['i', '--no-save', tgz], { cwd: paths.codeServerPrefix, env, logFile });
  const version = installedCodeServerVersion();
  if (version !== codeServerVersion) throw new Error(`code-server install left version ${version}`);
  return { installed: true, version };
}
