// Shipping build: bundles the extension (client + inline debug adapter), the language server, the
// standalone debug adapter and the CLI into dist/. Type checking and tests use `tsc -b` (out/).
import * as esbuild from 'esbuild';
import { existsSync, readdirSync, rmSync } from 'node:fs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const entries = [
  { in: 'client/src/extension.ts', out: 'extension', external: ['vscode'] },
  { in: 'server/src/node/serverMain.ts', out: 'server' },
  { in: 'server/src/debug/debugAdapterMain.ts', out: 'debugAdapter' },
  { in: 'server/src/cli/cliMain.ts', out: 'cli', banner: '#!/usr/bin/env node' },
].filter((e) => existsSync(e.in));

if (production && existsSync('dist')) {
  // A production build has no source maps: drop stale ones so dist/ matches what ships.
  for (const file of readdirSync('dist')) if (file.endsWith('.js.map')) rmSync(`dist/${file}`);
}

const contexts = await Promise.all(
  entries.map((e) =>
    esbuild.context({
      entryPoints: { [e.out]: e.in },
      bundle: true,
      platform: 'node',
      // Prefer ES module builds: jsonc-parser's UMD main requires './impl/*' at run time, which a bundle lacks.
      mainFields: ['module', 'main'],
      target: 'node20',
      format: 'cjs',
      outdir: 'dist',
      external: e.external ?? [],
      banner: e.banner ? { js: e.banner } : undefined,
      sourcemap: !production,
      minify: production,
      logLevel: 'warning',
      legalComments: 'none',
    }),
  ),
);

if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
}
