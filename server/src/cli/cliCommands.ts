/**
 * The list of `asl` subcommands. Each loader requires its module lazily (esbuild keeps the lazy
 * initialisation), so a command only loads what it needs.
 */
import { defineCommand as _defineCommand } from './aslCli';

export function registerCommands(): void {
  // Subcommands are added here as their modules land: validate, run, test, lsp, dap.
  _defineCommand('validate', {
    summary: 'validate ASL files and print every problem (--format json, --type EXPRESS)',
    load: async () => (await import('./validateCommand.js')).main,
  });
  _defineCommand('run', {
    summary: 'run a state machine locally (--input, --mock-config + --test-case, --handlers, --format json)',
    load: async () => (await import('./runCommand.js')).main,
  });
  _defineCommand('test', {
    summary: 'run workflow test specs and report like a test runner (--reporter junit)',
    load: async () => (await import('./testCommand.js')).main,
  });
  _defineCommand('test-state', {
    summary:
      'evaluate one state as the TestState API does (--state, --input, --mock-result, --inspection-level)',
    load: async () => (await import('./testStateCommand.js')).main,
  });
  _defineCommand('lsp', {
    summary: 'serve the ASL language server (--stdio default)',
    load: async () => (await import('./lspCommand.js')).main,
  });
  _defineCommand('dap', {
    summary: 'serve the ASL debug adapter on stdio (--server=PORT for 127.0.0.1:PORT)',
    load: async () => (await import('./dapCommand.js')).main,
  });
}

registerCommands();
