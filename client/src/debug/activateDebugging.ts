/**
 * Wires the `asl` debugger into VS Code: configuration provider (F5 without launch.json), the inline
 * adapter (the one place that decides how the adapter is hosted), the Run | Debug CodeLens, the pending
 * tasks view and the history export command. Called once from extension.ts.
 */
import * as vscode from 'vscode';
import { ASL_DEBUG_TYPE } from '../../../server/src/protocol/launchConfiguration';
import {
  EXPORT_HISTORY_REQUEST,
  type ExportHistoryResult,
} from '../../../server/src/protocol/debugExtensions';
import { AslConfigurationProvider } from './configurationProvider';
import { InlineAdapterFactory } from './inlineAdapterFactory';
import { PendingTasksView } from './pendingTasksView';
import {
  DEBUG_WORKFLOW_COMMAND,
  RUN_WORKFLOW_COMMAND,
  startWorkflow,
  WorkflowCodeLensProvider,
} from './workflowCodeLens';

export const EXPORT_HISTORY_COMMAND = 'asl.exportHistory';

const ASL_DOCUMENTS: vscode.DocumentSelector = [
  { language: 'asl' },
  { language: 'asl-yaml' },
  { pattern: '**/*.asl.{json,yaml,yml}' },
];

export function activateDebugging(context: vscode.ExtensionContext): void {
  const provider = new AslConfigurationProvider();
  const codeLenses = new WorkflowCodeLensProvider();
  context.subscriptions.push(
    vscode.debug.registerDebugConfigurationProvider(ASL_DEBUG_TYPE, provider),
    vscode.debug.registerDebugConfigurationProvider(
      ASL_DEBUG_TYPE,
      { provideDebugConfigurations: () => provider.provideDebugConfigurations() },
      vscode.DebugConfigurationProviderTriggerKind.Dynamic,
    ),
    vscode.debug.registerDebugAdapterDescriptorFactory(ASL_DEBUG_TYPE, new InlineAdapterFactory()),
    vscode.languages.registerCodeLensProvider(ASL_DOCUMENTS, codeLenses),
    codeLenses,
    vscode.commands.registerCommand(RUN_WORKFLOW_COMMAND, (uri?: vscode.Uri) => startWorkflow(uri, true)),
    vscode.commands.registerCommand(DEBUG_WORKFLOW_COMMAND, (uri?: vscode.Uri) => startWorkflow(uri, false)),
    vscode.commands.registerCommand(EXPORT_HISTORY_COMMAND, exportHistory),
  );
  new PendingTasksView().register(context);
}

/** Saves the active `asl` session's execution history (AWS GetExecutionHistory shape) as a JSON file. */
async function exportHistory(): Promise<void> {
  const session = vscode.debug.activeDebugSession;
  if (!session || session.type !== ASL_DEBUG_TYPE) {
    void vscode.window.showErrorMessage('Export history needs a running ASL debug session.');
    return;
  }
  try {
    const result = (await session.customRequest(EXPORT_HISTORY_REQUEST)) as ExportHistoryResult;
    const target = await vscode.window.showSaveDialog({
      filters: { JSON: ['json'] },
      saveLabel: 'Export history',
      defaultUri: vscode.Uri.file('execution-history.json'),
    });
    if (!target) return;
    const text = JSON.stringify({ status: result.status, events: result.events }, null, 2) + '\n';
    await vscode.workspace.fs.writeFile(target, Buffer.from(text, 'utf8'));
    void vscode.window.showInformationMessage(`Exported ${result.events.length} history events.`);
  } catch (error) {
    void vscode.window.showErrorMessage(
      `Export history failed: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
