/**
 * The "Run | Debug" CodeLens at the top of ASL workflow files, and the commands behind it
 * (`asl.runWorkflow` runs without debugging, `asl.debugWorkflow` starts the debugger, stopping on entry).
 * In an untrusted workspace there is no lens and the commands refuse (./trustGate).
 */
import * as vscode from 'vscode';
import { defaultLaunchConfiguration } from '../../../server/src/protocol/launchConfiguration';
import { allowWorkflowStart } from './trustGate';

export const RUN_WORKFLOW_COMMAND = 'asl.runWorkflow';
export const DEBUG_WORKFLOW_COMMAND = 'asl.debugWorkflow';

export class WorkflowCodeLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** Trust granted: the lenses appear without reopening the file. */
  private readonly trustListener = vscode.workspace.onDidGrantWorkspaceTrust(() => this.changed.fire());
  readonly onDidChangeCodeLenses = this.changed.event;

  dispose(): void {
    this.trustListener.dispose();
    this.changed.dispose();
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (!vscode.workspace.isTrusted) return [];
    const top = new vscode.Range(0, 0, 0, 0);
    return [
      new vscode.CodeLens(top, { title: 'Run', command: RUN_WORKFLOW_COMMAND, arguments: [document.uri] }),
      new vscode.CodeLens(top, {
        title: 'Debug',
        command: DEBUG_WORKFLOW_COMMAND,
        arguments: [document.uri],
      }),
    ];
  }
}

/** Starts the workflow in `uri` (or the active editor's) with or without debugging. */
export async function startWorkflow(uri: vscode.Uri | undefined, noDebug: boolean): Promise<boolean> {
  const target = uri ?? vscode.window.activeTextEditor?.document.uri;
  if (!target) {
    void vscode.window.showErrorMessage('Open an ASL workflow file first.');
    return false;
  }
  if (!allowWorkflowStart(noDebug ? 'run' : 'debug')) return false;
  const config = {
    ...defaultLaunchConfiguration(target.fsPath),
    name: noDebug ? 'Run ASL workflow' : 'Debug ASL workflow',
    stopOnEntry: !noDebug,
  };
  return vscode.debug.startDebugging(vscode.workspace.getWorkspaceFolder(target), config, { noDebug });
}
