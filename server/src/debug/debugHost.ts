/**
 * What the debug session needs from its process: files (program, input, mocks), task handler modules,
 * the runtime host (clock, randomness, timers), launch validation and the runtime's Execution factory.
 * `createNodeDebugHost` is the Node implementation used by the standalone adapter, `asl dap` and the
 * inline VS Code adapter. Must not import vscode, lsp/ or service/ (validation is injected).
 */
import { randomUUID } from 'node:crypto';
import { readFile, writeFile, mkdir, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { enableLinearRegExp } from '../node/linearRegExp';
import type { Execution, ExecutionOptions, RuntimeHost } from '../runtime/executionApi';

/** A problem the validator reports for the program (an LSP Diagnostic fits this shape). */
export interface LaunchProblem {
  range: { start: { line: number; character: number } };
  message: string;
  /** 1 = error (blocks the launch), 2 = warning, 3/4 = information/hint. */
  severity?: number;
  code?: string | number;
}

/** Validates a definition before launching: text and file name in, problems out. */
export type LaunchValidator = (text: string, fileName: string) => LaunchProblem[];

/** A local task implementation: resolves with the output, throws `{ error, cause }` (or an Error) to fail. */
export type TaskHandler = (input: unknown, context: unknown) => unknown;

export interface DebugHost {
  readFile(file: string): Promise<string>;
  /** Loads a handlers module: exports keyed by state name or Resource ARN. */
  loadHandlers(file: string): Promise<Record<string, TaskHandler>>;
  /** The runtime host without task callbacks (the session adds invokeTask / unansweredTask). */
  runtimeHost(realTime: boolean): RuntimeHost;
  createExecution(options: ExecutionOptions): Execution;
  validate?: LaunchValidator;
}

/** Node implementation of DebugHost around the runtime's Execution factory. */
export function createNodeDebugHost(
  createExecution: (options: ExecutionOptions) => Execution,
  validate?: LaunchValidator,
): DebugHost {
  enableLinearRegExp();
  return {
    readFile: (file) => readFile(file, 'utf8'),
    async loadHandlers(file) {
      const loaded = await loadModule(path.resolve(file));
      const exports = loaded.default && typeof loaded.default === 'object' ? loaded.default : loaded;
      const handlers: Record<string, TaskHandler> = {};
      for (const [key, value] of Object.entries(exports as Record<string, unknown>)) {
        if (typeof value === 'function') handlers[key] = value as TaskHandler;
      }
      return handlers;
    },
    runtimeHost(realTime) {
      const host: RuntimeHost = {
        now: () => Date.now(),
        random: () => Math.random(),
        uuid: () => randomUUID(),
        readFile: (file) => readFile(file, 'utf8'),
        async writeFile(file, content) {
          await mkdir(path.dirname(file), { recursive: true });
          await writeFile(file, content, 'utf8');
        },
      };
      if (realTime) {
        host.setTimer = (ms, callback) => {
          const timer = setTimeout(callback, ms);
          return () => clearTimeout(timer);
        };
      }
      return host;
    },
    createExecution,
    validate,
  };
}

type LoadedModule = Record<string, unknown> & { default?: unknown };

/** Error codes of a `require` that met an ES module it cannot load synchronously. */
const ESM_ONLY = new Set(['ERR_REQUIRE_ESM', 'ERR_REQUIRE_ASYNC_MODULE']);

/**
 * Loads a handlers module (user code, not bundled): CommonJS with `require`; an ES module (`.mjs`, or `.js`
 * under `"type": "module"`, or one with top-level await) with a dynamic `import()` of its file URL. An edited
 * file is loaded afresh on the next launch (the adapter process outlives sessions): CommonJS leaves the
 * require cache, an ES module is imported under its modification time.
 */
async function loadModule(file: string): Promise<LoadedModule> {
  if (!file.endsWith('.mjs')) {
    try {
      delete require.cache[require.resolve(file)];
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      return require(file) as LoadedModule;
    } catch (error) {
      if (!ESM_ONLY.has((error as { code?: string }).code ?? '')) throw error;
    }
  }
  const url = pathToFileURL(file);
  url.searchParams.set('mtime', String((await stat(file)).mtimeMs));
  return (await import(url.href)) as LoadedModule;
}
