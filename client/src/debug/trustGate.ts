/**
 * The VS Code side of the workspace-trust rule (workspaceTrust.ts): asks `workspace.isTrusted`, shows the
 * refusal with a "Manage Workspace Trust" button. Used wherever the extension starts a workflow.
 * Depends on: vscode and ./workspaceTrust only.
 */
import * as vscode from 'vscode';
import {
  decideWorkflowStart,
  type LaunchCodeReferences,
  MANAGE_TRUST_ACTION,
  MANAGE_TRUST_COMMAND,
  type WorkflowAction,
} from './workspaceTrust';

/** True when the workflow may start; otherwise shows why not and returns false. */
export function allowWorkflowStart(action: WorkflowAction, launch?: LaunchCodeReferences): boolean {
  const decision = decideWorkflowStart(vscode.workspace.isTrusted, action, launch);
  if (decision.allowed) return true;
  void vscode.window.showErrorMessage(decision.message, MANAGE_TRUST_ACTION).then((choice) => {
    if (choice === MANAGE_TRUST_ACTION) void vscode.commands.executeCommand(MANAGE_TRUST_COMMAND);
  });
  return false;
}

/** The refusal as an Error, for places that must throw (the debug adapter factory). */
export function untrustedStartError(launch?: LaunchCodeReferences): Error | undefined {
  const decision = decideWorkflowStart(vscode.workspace.isTrusted, 'debug', launch);
  return decision.allowed ? undefined : new Error(decision.message);
}
