/**
 * Hosts the ASL debug adapter inside the extension host (DebugAdapterInlineImplementation): the same
 * AslDebugSession and Node host as `asl dap`, with the language service's launch validation.
 */
import * as vscode from 'vscode';
import { AslDebugSession } from '../../../server/src/debug/aslDebugSession';
import { createAdapterHost } from '../../../server/src/cli/dapCommand';

export class InlineAdapterFactory implements vscode.DebugAdapterDescriptorFactory {
  createDebugAdapterDescriptor(): vscode.ProviderResult<vscode.DebugAdapterDescriptor> {
    return new vscode.DebugAdapterInlineImplementation(new AslDebugSession(createAdapterHost()));
  }
}
