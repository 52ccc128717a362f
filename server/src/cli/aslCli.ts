#!/usr/bin/env node
/**
 * The `asl` command: validate | run | test | lsp | dap. Each subcommand lives in its own module and is
 * loaded only when asked for, so `asl validate` never pays for the runtime and vice versa.
 * Node-level entry point: may use process and fs; the cores it calls stay transport-free.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

export type CommandMain = (args: string[]) => Promise<number>;

interface CommandEntry {
  summary: string;
  load: () => Promise<CommandMain>;
}

const COMMANDS: Record<string, CommandEntry> = {};

/** Adds a subcommand (each command module's loader is listed in cliCommands.ts). */
export function defineCommand(name: string, entry: CommandEntry): void {
  COMMANDS[name] = entry;
}

function version(): string {
  for (const candidate of [
    path.join(__dirname, '..', 'package.json'),
    path.join(__dirname, '..', '..', '..', 'package.json'),
  ]) {
    try {
      const pkg = JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'asl-workbench' && pkg.version) return pkg.version;
    } catch {
      // try the next location (bundled dist/ vs compiled out/)
    }
  }
  return '0.0.0';
}

function usage(): string {
  const lines = ['Usage: asl <command> [options]', '', 'Commands:'];
  for (const [name, entry] of Object.entries(COMMANDS)) lines.push(`  ${name.padEnd(10)}${entry.summary}`);
  lines.push(
    '',
    'Options:',
    '  --help     show help (also `asl <command> --help`)',
    '  --version  print the version',
  );
  return lines.join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(usage() + '\n');
    return command === undefined ? 2 : 0;
  }
  if (command === '--version' || command === '-v') {
    process.stdout.write(version() + '\n');
    return 0;
  }
  const entry = COMMANDS[command];
  if (!entry) {
    process.stderr.write(`asl: unknown command '${command}'\n\n${usage()}\n`);
    return 2;
  }
  const run = await entry.load();
  return run(rest);
}
