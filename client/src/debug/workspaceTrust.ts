/**
 * The workspace-trust rule for starting workflows, as a pure function of the trust state (no vscode import,
 * so it is unit-tested under node): in Restricted Mode nothing runs, because a run can load local handler
 * modules (JavaScript) named in the launch configuration. Validation and editing do not ask this.
 * Callers (configuration provider, Run/Debug commands, adapter factory) pass `vscode.workspace.isTrusted`.
 */

export type WorkflowAction = 'run' | 'debug';

/** The button offered with the refusal; it opens VS Code's workspace trust editor. */
export const MANAGE_TRUST_ACTION = 'Manage Workspace Trust';
export const MANAGE_TRUST_COMMAND = 'workbench.trust.manage';

export type TrustDecision = { allowed: true } | { allowed: false; message: string };

/** A launch configuration (only `handlers`, the module that would execute as JavaScript, is read). */
export interface LaunchCodeReferences {
  readonly [attribute: string]: unknown;
}

/**
 * Whether a workflow may be started. Untrusted: refused with a message that says what is disabled, why,
 * and how to enable it (the handler module is named when the configuration has one).
 */
export function decideWorkflowStart(
  isTrusted: boolean,
  action: WorkflowAction,
  launch: LaunchCodeReferences = {},
): TrustDecision {
  if (isTrusted) return { allowed: true };
  const verb = action === 'run' ? 'run' : 'debug';
  const why =
    typeof launch['handlers'] === 'string' && launch['handlers'].trim() !== ''
      ? `this launch configuration loads the handler module ${JSON.stringify(launch['handlers'])}, which runs as JavaScript`
      : 'a workflow run can load local handler modules, which run as JavaScript';
  return {
    allowed: false,
    message:
      `ASL Workbench does not ${verb} workflows in Restricted Mode: ${why}. ` +
      'Trust this workspace to run workflows; validation and editing work either way.',
  };
}
