// The manifest and the VSIX: `vsce ls` lists exactly the files we mean to ship, and every path the
// manifest names (main, grammars, language configurations) ships; contributed settings are read by the server.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../support/paths';
import { toServiceSettings } from '../../server/src/lsp/handlers/configurationHandler';
import { STATE_TYPES } from '../../server/src/asl';

interface Manifest {
  main: string;
  activationEvents: string[];
  contributes: {
    languages: { id: string; extensions: string[]; configuration: string }[];
    grammars: { language: string; scopeName: string; path: string }[];
    configuration: {
      properties: Record<string, { type: string; default: unknown; enum?: unknown[]; scope?: string }>;
    };
  };
}

const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as Manifest;

/**
 * The bundles esbuild.mjs builds (the debug adapter only once its entry exists): one per CLI command
 * besides the dispatcher, and the schema validators they load from dist/validators/ (fast and detailed
 * set, per state type and the root, per query language).
 */
function expectedBundles(): string[] {
  const bundles = ['dist/cli.js', 'dist/extension.js', 'dist/server.js'];
  if (fs.existsSync(path.join(repoRoot, 'server', 'src', 'debug', 'debugAdapterMain.ts'))) {
    bundles.push('dist/debugAdapter.js');
  }
  // Every command cliCommands.ts loads lazily (`import('./<name>Command.js')`) has its own bundle.
  const commands = fs.readFileSync(path.join(repoRoot, 'server', 'src', 'cli', 'cliCommands.ts'), 'utf8');
  for (const [, command] of commands.matchAll(/import\('\.\/([A-Za-z]+)Command(?:\.js)?'\)/g)) {
    if (fs.existsSync(path.join(repoRoot, 'server', 'src', 'cli', `${command}Command.ts`))) {
      bundles.push(`dist/cli${command.charAt(0).toUpperCase()}${command.slice(1)}.js`);
    }
  }
  for (const set of ['fast', 'detailed']) {
    for (const language of ['JSONPath', 'JSONata']) {
      for (const kind of ['root', ...STATE_TYPES]) {
        bundles.push(`dist/validators/${set}-${kind}-${language}.js`);
      }
    }
  }
  return bundles;
}

function vsceList(): Promise<string[]> {
  const vsce = path.join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [vsce, 'ls', '--no-dependencies'],
      { cwd: repoRoot },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`vsce ls failed: ${error.message}\n${stderr}`));
        else {
          resolve(
            stdout
              .split('\n')
              .map((l) => l.trim())
              .filter(Boolean),
          );
        }
      },
    );
  });
}

const normalise = (p: string) => p.replace(/^\.\//, '');

test(
  'the VSIX holds exactly the bundles, grammar, language configurations, manifest, README and LICENSE',
  { timeout: 60_000 },
  async () => {
    for (const bundle of expectedBundles()) {
      assert.ok(
        fs.existsSync(path.join(repoRoot, bundle)),
        `${bundle} is missing: run \`npm run bundle\` first`,
      );
    }
    const files = await vsceList();
    assert.deepEqual(
      [...files].sort(),
      [
        'LICENSE',
        'README.md',
        ...expectedBundles(),
        'language-configuration.json',
        'package.json',
        'syntaxes/asl-yaml.language-configuration.json',
        'syntaxes/asl-yaml.tmLanguage.json',
        'syntaxes/asl.tmLanguage.json',
      ].sort(),
    );
  },
);

test('every path the manifest names exists and is shipped', () => {
  const shipped = new Set([
    normalise(manifest.main),
    ...manifest.contributes.languages.map((l) => normalise(l.configuration)),
    ...manifest.contributes.grammars.map((g) => normalise(g.path)),
  ]);
  for (const file of shipped) {
    assert.ok(fs.existsSync(path.join(repoRoot, file)) || file.startsWith('dist/'), `${file} exists`);
    assert.match(
      file,
      /^(dist\/[^/]+\.js|syntaxes\/[^/]+\.json|language-configuration\.json)$/,
      `${file} matches .vscodeignore`,
    );
  }
  assert.equal(manifest.main, './dist/extension.js');
});

test('languages: asl for *.asl.json, asl-yaml for *.asl.yaml/*.asl.yml, each activating the extension', () => {
  const byId = new Map(manifest.contributes.languages.map((l) => [l.id, l]));
  assert.deepEqual(byId.get('asl')?.extensions, ['.asl.json']);
  assert.deepEqual(byId.get('asl-yaml')?.extensions, ['.asl.yaml', '.asl.yml']);
  for (const id of byId.keys()) assert.ok(manifest.activationEvents.includes(`onLanguage:${id}`), id);
  for (const grammar of manifest.contributes.grammars) {
    assert.ok(byId.has(grammar.language), `grammar for known language ${grammar.language}`);
    const file = JSON.parse(fs.readFileSync(path.join(repoRoot, grammar.path), 'utf8')) as {
      scopeName: string;
    };
    assert.equal(file.scopeName, grammar.scopeName);
  }
  for (const language of byId.values()) {
    const config = JSON.parse(fs.readFileSync(path.join(repoRoot, language.configuration), 'utf8')) as {
      brackets: unknown[];
    };
    assert.ok(config.brackets.length > 0, `${language.id} configuration has brackets`);
  }
});

test('every asl.validation.* setting in the manifest is read by the server', () => {
  const keys = Object.keys(manifest.contributes.configuration.properties).filter((k) =>
    k.startsWith('asl.validation.'),
  );
  assert.ok(keys.length > 0);
  for (const key of keys) {
    const name = key.slice('asl.validation.'.length);
    const property = manifest.contributes.configuration.properties[key];
    const values = property.enum ?? (property.type === 'boolean' ? [true, false] : []);
    assert.ok(values.length > 0, `${key}: a boolean or an enum`);
    assert.ok(values.includes(property.default), `${key}: the default is a legal value`);
    // The server reads one value for the whole window (no per-folder settings): say so in the manifest.
    assert.equal(property.scope, 'window', `${key}: window scope`);
    for (const value of values) {
      assert.deepEqual(
        toServiceSettings({ validation: { [name]: value } }),
        { [name]: value },
        `${key}=${String(value)}`,
      );
    }
  }
  assert.ok('asl.trace.server' in manifest.contributes.configuration.properties);
});
