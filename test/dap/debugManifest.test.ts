// The debugger contribution in package.json agrees with the code: debug type, launch attributes,
// the adapter program that ships, and every debug command the client registers.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../support/paths';
import { ASL_DEBUG_TYPE, defaultLaunchConfiguration } from '../../server/src/protocol/launchConfiguration';

interface Manifest {
  activationEvents: string[];
  contributes: {
    debuggers: Array<{
      type: string;
      program: string;
      configurationAttributes: { launch: { required: string[]; properties: Record<string, unknown> } };
      initialConfigurations: Array<Record<string, unknown>>;
    }>;
    breakpoints: Array<{ language: string }>;
    commands: Array<{ command: string }>;
  };
}

const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as Manifest;
const debuggerEntry = manifest.contributes.debuggers.find((d) => d.type === ASL_DEBUG_TYPE)!;

test('the asl debugger is contributed with every launch attribute the adapter reads', () => {
  assert.ok(debuggerEntry, 'no debugger of type asl');
  const declared = Object.keys(debuggerEntry.configurationAttributes.launch.properties).sort();
  const launchPlan = fs.readFileSync(
    path.join(repoRoot, 'server', 'src', 'protocol', 'launchConfiguration.ts'),
    'utf8',
  );
  const body = launchPlan.slice(launchPlan.indexOf('export interface AslLaunchArguments'));
  const fields = [...body.slice(0, body.indexOf('}')).matchAll(/^\s+(\w+)\??:/gm)].map((m) => m[1]);
  for (const field of fields.filter((f) => f !== 'noDebug')) {
    assert.ok(declared.includes(field), `${field} is not declared in package.json`);
  }
  assert.deepEqual(debuggerEntry.configurationAttributes.launch.required, ['program']);
  assert.equal(debuggerEntry.program, './dist/debugAdapter.js');
  assert.ok(fs.readFileSync(path.join(repoRoot, 'esbuild.mjs'), 'utf8').includes("out: 'debugAdapter'"));
  const initial = debuggerEntry.initialConfigurations[0];
  assert.equal(initial.type, defaultLaunchConfiguration('${file}').type);
  assert.equal(initial.program, '${file}');
  assert.ok(manifest.activationEvents.includes('onDebugResolve:asl'));
  assert.deepEqual(manifest.contributes.breakpoints.map((b) => b.language).sort(), ['asl', 'asl-yaml']);
});

test('every command the debug client registers is declared', () => {
  const dir = path.join(repoRoot, 'client', 'src', 'debug');
  const declared = new Set(manifest.contributes.commands.map((c) => c.command));
  const registered = new Set<string>();
  for (const file of fs.readdirSync(dir)) {
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    // VS Code's own commands (workbench.*) are invoked, not contributed.
    for (const m of text.matchAll(/COMMAND = '([\w.]+)'/g)) {
      if (!m[1].startsWith('workbench.')) registered.add(m[1]);
    }
  }
  assert.ok(registered.size >= 6, [...registered].join(','));
  for (const command of registered) {
    assert.ok(declared.has(command), `${command} is not in contributes.commands`);
  }
});
