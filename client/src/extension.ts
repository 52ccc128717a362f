/**
 * The VS Code extension entry: activate registers debugging (debug/activateDebugging.ts) and starts the
 * language client (languageClient.ts); deactivate stops the client. Nothing else lives here. The client/
 * folder is the only code in the project that imports vscode.
 */
import { type ExtensionContext, window } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CLIENT_NAME, startLanguageClient } from './languageClient';
import { activateDebugging } from './debug/activateDebugging';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const outputChannel = window.createOutputChannel(CLIENT_NAME, { log: true });
  context.subscriptions.push(outputChannel);
  activateDebugging(context);
  try {
    client = await startLanguageClient(context, outputChannel);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    outputChannel.error(`The ASL language server could not start: ${message}`);
    void window.showErrorMessage(`ASL Workbench: the language server could not start (${message}).`);
  }
}

export async function deactivate(): Promise<void> {
  const running = client;
  client = undefined;
  await running?.stop();
}
