/**
 * Input boxes for answering a pending task: the output as JSON (validated as you type), or an error
 * name and cause. Returns undefined when the user cancels.
 */
import * as vscode from 'vscode';
import type { PendingTaskEventBody } from '../../../server/src/protocol/debugExtensions';

/** Message for invalid JSON text, undefined when it parses. */
export function jsonProblem(text: string): string | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (error) {
    return `Not valid JSON: ${error instanceof Error ? error.message : String(error)}`;
  }
}

export async function askOutput(task: PendingTaskEventBody): Promise<unknown> {
  const text = await vscode.window.showInputBox({
    title: `Output of "${task.stateName}"`,
    prompt: 'The task result as JSON (SendTaskSuccess output)',
    value: '{}',
    validateInput: jsonProblem,
    ignoreFocusOut: true,
  });
  return text === undefined ? undefined : (JSON.parse(text) as unknown);
}

export async function askFailure(
  task: PendingTaskEventBody,
): Promise<{ error: string; cause: string } | undefined> {
  const error = await vscode.window.showInputBox({
    title: `Fail "${task.stateName}": error name`,
    prompt: 'Error name a Retry/Catch can match (e.g. States.TaskFailed, MyApp.Declined)',
    value: 'States.TaskFailed',
    validateInput: (text) => (text.trim() === '' ? 'Give an error name.' : undefined),
    ignoreFocusOut: true,
  });
  if (error === undefined) return undefined;
  const cause = await vscode.window.showInputBox({
    title: `Fail "${task.stateName}": cause`,
    prompt: 'A readable cause (optional)',
    ignoreFocusOut: true,
  });
  if (cause === undefined) return undefined;
  return { error: error.trim(), cause };
}
