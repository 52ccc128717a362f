/**
 * DAP test harness: hosts the real AslDebugSession in an in-process net server on 127.0.0.1:0 and
 * connects @vscode/debugadapter-testsupport's DebugClient to it, with the same Node host and service
 * validation the shipped adapter uses. Also small helpers for launch/stop sequences and variables.
 */
import * as net from 'node:net';
import * as path from 'node:path';
import { DebugClient } from '@vscode/debugadapter-testsupport';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { AslDebugSession } from '../../server/src/debug/aslDebugSession';
import { type DebugHost } from '../../server/src/debug/debugHost';
import { createAdapterHost } from '../../server/src/cli/dapCommand';
import { repoRoot } from '../support/paths';

export const dapFixturesDir = path.join(repoRoot, 'test', 'dap', 'fixtures');

export function dapFixture(name: string): string {
  return path.join(dapFixturesDir, name);
}

export interface DapHarness {
  client: DebugClient;
  port: number;
  /** Sessions created so far (one per connection). */
  sessions: AslDebugSession[];
  close(): Promise<void>;
}

/** Starts a server hosting AslDebugSession and a DebugClient connected to it. */
export async function startDapHarness(
  hostOverrides: Partial<DebugHost> = {},
  options: { keepSessions?: boolean } = {},
): Promise<DapHarness> {
  const sessions: AslDebugSession[] = [];
  const sockets = new Set<net.Socket>();
  const host: DebugHost = { ...createAdapterHost(), ...hostOverrides };
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    const session = new AslDebugSession(host);
    session.setRunAsServer(true);
    session.start(socket, socket);
    if (options.keepSessions !== false) sessions.push(session);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  const client = new DebugClient('node', 'unused', 'asl');
  await client.start(port);
  return {
    client,
    port,
    sessions,
    async close() {
      await client.stop();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Runs `body` with a fresh harness and always closes it. */
export async function withDap<T>(
  body: (client: DebugClient, harness: DapHarness) => Promise<T>,
  hostOverrides: Partial<DebugHost> = {},
): Promise<T> {
  const harness = await startDapHarness(hostOverrides);
  try {
    return await body(harness.client, harness);
  } finally {
    await harness.close();
  }
}

/** 1-based line of the first line containing `text` in a file's content. */
export function lineOf(content: string, text: string, occurrence = 1): number {
  const lines = content.split(/\r?\n/);
  let seen = 0;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].includes(text) && ++seen === occurrence) return i + 1;
  }
  throw new Error(`'${text}' (occurrence ${occurrence}) not found`);
}

/** Scopes of the top frame of `threadId`, with each scope's variables as a name -> value map. */
export async function topFrameScopes(
  client: DebugClient,
  threadId: number,
): Promise<{ frames: DebugProtocol.StackFrame[]; scopes: Map<string, Map<string, DebugProtocol.Variable>> }> {
  const stack = await client.stackTraceRequest({ threadId });
  const frames = stack.body.stackFrames;
  const scopes = new Map<string, Map<string, DebugProtocol.Variable>>();
  const response = await client.scopesRequest({ frameId: frames[0].id });
  for (const scope of response.body.scopes) {
    const vars = await client.variablesRequest({ variablesReference: scope.variablesReference });
    scopes.set(scope.name, new Map(vars.body.variables.map((v) => [v.name, v])));
  }
  return { frames, scopes };
}

/** Full JSON value of a variable reference (expands nested objects/arrays). */
export async function expand(client: DebugClient, reference: number): Promise<unknown> {
  const vars = (await client.variablesRequest({ variablesReference: reference })).body.variables;
  const isArray = vars.length > 0 && vars.every((v) => /^\[\d+\]$/.test(v.name));
  const out: Record<string, unknown> | unknown[] = isArray ? [] : {};
  for (const v of vars) {
    const value = v.variablesReference
      ? await expand(client, v.variablesReference)
      : JSON.parse(v.value === 'undefined' ? 'null' : v.value);
    if (Array.isArray(out)) out.push(value);
    else out[v.name] = value;
  }
  return out;
}

/** initialize -> (initialized) -> setup (breakpoints...) -> launch + configurationDone. */
export async function startDebugging(
  client: DebugClient,
  args: Record<string, unknown>,
  setup?: () => Promise<unknown>,
): Promise<void> {
  const initialized = client.waitForEvent('initialized');
  await client.initializeRequest();
  await initialized;
  if (setup) await setup();
  await Promise.all([
    client.launchRequest(args as DebugProtocol.LaunchRequestArguments),
    client.configurationDoneRequest(),
  ]);
}

export interface Stop {
  reason: string;
  threadId: number;
  text?: string;
  description?: string;
  hitBreakpointIds?: number[];
}

/** A promise for the next `stopped` event (create it before the request that causes the stop). */
export function nextStop(client: DebugClient, timeout = 10_000): Promise<Stop> {
  return client.waitForEvent('stopped', timeout).then((e) => e.body as Stop);
}

/** Where a stop is: thread name, top frame name and line, and the whole stack's frame names. */
export async function whereStopped(
  client: DebugClient,
  stop: Stop,
): Promise<{ thread: string; frame: string; line: number; stack: string[] }> {
  const threads = (await client.threadsRequest()).body.threads;
  const thread = threads.find((t) => t.id === stop.threadId)?.name ?? '?';
  const frames = (await client.stackTraceRequest({ threadId: stop.threadId })).body.stackFrames;
  return { thread, frame: frames[0].name, line: frames[0].line, stack: frames.map((f) => f.name) };
}

/** Collects `output` event text while a test runs. */
export function collectOutput(client: DebugClient): string[] {
  const lines: string[] = [];
  client.on('output', (e: DebugProtocol.OutputEvent) => lines.push(e.body.output));
  return lines;
}

/** Collects custom events of one kind. */
export function collectEvents<T>(client: DebugClient, event: string): T[] {
  const bodies: T[] = [];
  client.on(event, (e: DebugProtocol.Event) => bodies.push(e.body as T));
  return bodies;
}

/** Resolves when `predicate` holds for the collected items, re-checking on each new event. */
export function eventually<T>(
  client: DebugClient,
  event: string,
  items: T[],
  predicate: (items: T[]) => boolean,
  timeout = 10_000,
): Promise<void> {
  return new Promise((resolve, reject) => {
    if (predicate(items)) return resolve();
    const timer = setTimeout(() => {
      client.removeListener(event, check);
      reject(new Error(`timed out waiting for ${event} (have ${items.length})`));
    }, timeout);
    const check = (): void => {
      setImmediate(() => {
        if (predicate(items)) {
          clearTimeout(timer);
          client.removeListener(event, check);
          resolve();
        }
      });
    };
    client.on(event, check);
  });
}
