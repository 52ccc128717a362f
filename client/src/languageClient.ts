/**
 * Starts the ASL language server (dist/server.js) over node IPC with vscode-languageclient and keeps the
 * client. Client id `asl`, so the `asl.trace.server` setting traces the traffic; debug runs add --inspect.
 * Talks to the server only through the LanguageClient: imports nothing from server/ at runtime.
 */
import * as path from 'node:path';
import type { ExtensionContext, LogOutputChannel } from 'vscode';
import {
  LanguageClient,
  type LanguageClientOptions,
  type ServerOptions,
  TransportKind,
} from 'vscode-languageclient/node';

export const CLIENT_ID = 'asl';
export const CLIENT_NAME = 'ASL Language Server';
/** Port the server's inspector listens on when the extension runs in debug mode (see .vscode/launch.json). */
export const SERVER_INSPECT_PORT = 6009;

/** Both ASL languages, in files and unsaved editors alike. */
export const documentSelector = [{ language: 'asl' }, { language: 'asl-yaml' }];

export function createLanguageClient(
  context: ExtensionContext,
  outputChannel: LogOutputChannel,
): LanguageClient {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: {
      module: serverModule,
      transport: TransportKind.ipc,
      options: { execArgv: ['--nolazy', `--inspect=${SERVER_INSPECT_PORT}`] },
    },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector,
    outputChannel,
    // Settings reach the server through workspace/configuration (pulled) and the `asl` section
    // registration the server makes; nothing else needs synchronising.
  };
  return new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
}

/** Creates and starts the client; the caller stops it on deactivate. */
export async function startLanguageClient(
  context: ExtensionContext,
  outputChannel: LogOutputChannel,
): Promise<LanguageClient> {
  const client = createLanguageClient(context, outputChannel);
  await client.start();
  return client;
}
