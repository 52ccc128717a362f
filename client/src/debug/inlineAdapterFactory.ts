/**
 * Hosts the ASL debug adapter inside the extension host (DebugAdapterInlineImplementation): the same
 * AslDebugSession and Node host as `asl dap`, with the language service's launch validation.
 * Never creates an adapter in an untrusted workspace (second line of defence after the provider).
 */
import * as vscode from 'vscode';
import { AslDebugSession } from '../../../server/src/debug/aslDebugSession';
import { createAdapterHost } from '../../../server/src/cli/dapCommand';
import { untrustedStartError } from './trustGate';

export class InlineAdapterFactory implements vscode.DebugAdapterDescriptorFactory {
  createDebugAdapterDescriptor(
    session: vscode.DebugSession,
  ): vscode.ProviderResult<vscode.DebugAdapterDescriptor> {
    const refused = untrustedStartError(session.configuration);
    if (refused) throw refused;
    return new vscode.DebugAdapterInlineImplementation(new AslDebugSession(createAdapterHost()));
  }
}
