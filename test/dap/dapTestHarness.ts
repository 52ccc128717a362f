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
  /** Sessions created so far (one per connection). */
  sessions: AslDebugSession[];
  close(): Promise<void>;
}

/** Starts a server hosting AslDebugSession and a DebugClient connected to it. */
export async function startDapHarness(hostOverrides: Partial<DebugHost> = {}): Promise<DapHarness> {
  const sessions: AslDebugSession[] = [];
  const sockets = new Set<net.Socket>();
  const host: DebugHost = { ...createAdapterHost(), ...hostOverrides };
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    const session = new AslDebugSession(host);
    session.setRunAsServer(true);
    session.start(socket, socket);
    sessions.push(session);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  const client = new DebugClient('node', 'unused', 'asl');
  await client.start(port);
  return {
    client,
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
