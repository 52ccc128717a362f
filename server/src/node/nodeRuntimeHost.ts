/**
 * The node-level RuntimeHost: real clock and timers, crypto randomness, files relative to a base folder
 * (ItemReader/ResultWriter), and local handler modules bound per state name or Resource ARN from a small
 * config file. Node-only; used by the CLI (and the debug adapter). Never imported by the runtime core.
 */
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { RuntimeHost, TaskAnswer, TaskInvocation } from '../runtime/executionApi';
import { enableLinearRegExp } from './linearRegExp';

/** Handler config file: `{ "handlers": { "<state name or Resource ARN>": "./module.js" } }`. */
export interface HandlerConfig {
  handlers?: Record<string, string>;
}

export type TaskHandler = (input: unknown, invocation: TaskInvocation) => unknown;

export interface NodeRuntimeHostOptions {
  /** Folder that relative ItemReader/ResultWriter paths and handler modules resolve against. */
  baseDir: string;
  /** Parsed handler config and the folder it was read from. */
  handlers?: { config: HandlerConfig; dir: string };
  /** What to do with a task nobody answers (default: fail it with a message naming the state). */
  unansweredTask?: RuntimeHost['unansweredTask'];
}

/** Reads and checks a handler config file; throws an Error with a readable message. */
export function loadHandlerConfig(file: string): { config: HandlerConfig; dir: string } {
  const text = fs.readFileSync(file, 'utf8');
  let config: unknown;
  try {
    config = JSON.parse(text);
  } catch (e) {
    throw new Error(`${file}: not valid JSON (${e instanceof Error ? e.message : String(e)})`, { cause: e });
  }
  const handlers = (config as HandlerConfig | null)?.handlers;
  if (!handlers || typeof handlers !== 'object') {
    throw new Error(`${file}: expected {"handlers": {"<state or ARN>": "./module.js"}}`);
  }
  return { config: config as HandlerConfig, dir: path.dirname(path.resolve(file)) };
}

function errorAnswer(e: unknown): TaskAnswer {
  if (e && typeof e === 'object') {
    const o = e as {
      error?: unknown;
      Error?: unknown;
      name?: unknown;
      cause?: unknown;
      Cause?: unknown;
      message?: unknown;
    };
    const error =
      typeof o.error === 'string'
        ? o.error
        : typeof o.Error === 'string'
          ? o.Error
          : typeof o.name === 'string'
            ? o.name
            : 'Error';
    const cause =
      typeof o.cause === 'string'
        ? o.cause
        : typeof o.Cause === 'string'
          ? o.Cause
          : typeof o.message === 'string'
            ? o.message
            : undefined;
    return { kind: 'failure', error, cause };
  }
  return { kind: 'failure', error: 'Error', cause: String(e) };
}

export function createNodeRuntimeHost(options: NodeRuntimeHostOptions): RuntimeHost {
  enableLinearRegExp();
  const modules = new Map<string, TaskHandler>();
  const loadHandler = (spec: string): TaskHandler => {
    const file = path.resolve(options.handlers?.dir ?? options.baseDir, spec);
    let handler = modules.get(file);
    if (!handler) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const loaded = require(file) as unknown;
      const candidate =
        typeof loaded === 'function'
          ? loaded
          : ((loaded as { handler?: unknown; default?: unknown }).handler ??
            (loaded as { default?: unknown }).default);
      if (typeof candidate !== 'function') {
        throw new Error(`${file} exports no function (export a function or 'handler')`);
      }
      handler = candidate as TaskHandler;
      modules.set(file, handler);
    }
    return handler;
  };
  return {
    now: () => Date.now(),
    random: () => Math.random(),
    uuid: () => randomUUID(),
    setTimer: (ms, callback) => {
      const t = setTimeout(callback, ms);
      return () => clearTimeout(t);
    },
    readFile: async (p) => fs.promises.readFile(path.resolve(options.baseDir, p), 'utf8'),
    writeFile: async (p, content) => {
      const target = path.resolve(options.baseDir, p);
      await fs.promises.mkdir(path.dirname(target), { recursive: true });
      await fs.promises.writeFile(target, content);
    },
    invokeTask: async (invocation) => {
      const table = options.handlers?.config.handlers ?? {};
      const spec = table[invocation.stateName] ?? table[invocation.resource];
      if (spec === undefined) return undefined;
      let handler: TaskHandler;
      try {
        handler = loadHandler(spec);
      } catch (e) {
        return {
          kind: 'failure',
          error: 'States.Runtime',
          cause: `Cannot load handler '${spec}': ${e instanceof Error ? e.message : String(e)}`,
        };
      }
      try {
        return { kind: 'success', output: await handler(invocation.input, invocation) };
      } catch (e) {
        return errorAnswer(e);
      }
    },
    unansweredTask: options.unansweredTask,
  };
}
