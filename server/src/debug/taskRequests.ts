/**
 * The custom requests of the `asl` debugger: sendTaskSuccess / sendTaskFailure / sendTaskHeartbeat answer a
 * pending task token, listPendingTasks and exportHistory read the execution. Validates arguments and turns
 * runtime TaskTokenErrors into clear messages. No DAP transport beyond filling the response object.
 */
import type { DebugProtocol } from '@vscode/debugprotocol';
import { type Execution, TaskTokenError } from '../runtime/executionApi';
import {
  EXPORT_HISTORY_REQUEST,
  type ExportHistoryResult,
  LIST_PENDING_TASKS_REQUEST,
  type ListPendingTasksResult,
  SEND_TASK_FAILURE_REQUEST,
  SEND_TASK_HEARTBEAT_REQUEST,
  SEND_TASK_SUCCESS_REQUEST,
} from '../protocol/debugExtensions';
import { pendingTaskBody } from './sessionViews';

const COMMANDS = new Set([
  SEND_TASK_SUCCESS_REQUEST,
  SEND_TASK_FAILURE_REQUEST,
  SEND_TASK_HEARTBEAT_REQUEST,
  LIST_PENDING_TASKS_REQUEST,
  EXPORT_HISTORY_REQUEST,
]);

/**
 * Handles one custom request against `execution`. Returns false for commands it does not know; otherwise
 * fills `response` (success, body or message).
 */
export function handleCustomRequest(
  command: string,
  args: unknown,
  execution: Execution | undefined,
  response: DebugProtocol.Response,
): boolean {
  if (!COMMANDS.has(command)) return false;
  const fail = (message: string): true => {
    response.success = false;
    response.message = message;
    return true;
  };
  if (!execution) return fail(`${command}: no execution is running.`);
  const a = (args ?? {}) as Record<string, unknown>;
  if (command === EXPORT_HISTORY_REQUEST) {
    const body: ExportHistoryResult = { status: execution.status, events: execution.history() };
    response.body = body;
    return true;
  }
  if (command === LIST_PENDING_TASKS_REQUEST) {
    const body: ListPendingTasksResult = {
      tasks: execution.pendingTasks().map((t) => pendingTaskBody(t, undefined)),
    };
    response.body = body;
    return true;
  }
  if (typeof a.taskToken !== 'string' || a.taskToken === '') {
    return fail(`${command} needs "taskToken" (a string).`);
  }
  const token = a.taskToken;
  try {
    if (command === SEND_TASK_SUCCESS_REQUEST) {
      if (!('output' in a)) return fail('sendTaskSuccess needs "output" (a JSON value or JSON text).');
      let output = a.output;
      if (typeof output === 'string') {
        try {
          output = JSON.parse(output);
        } catch (error) {
          return fail(
            `sendTaskSuccess: "output" is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
          );
        }
      }
      execution.sendTaskSuccess(token, output);
    } else if (command === SEND_TASK_FAILURE_REQUEST) {
      const error = typeof a.error === 'string' ? a.error : undefined;
      const cause = typeof a.cause === 'string' ? a.cause : undefined;
      execution.sendTaskFailure(token, error, cause);
    } else {
      execution.sendTaskHeartbeat(token);
    }
  } catch (error) {
    if (error instanceof TaskTokenError) return fail(`${command}: ${error.code}: ${error.message}`);
    return fail(`${command}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return true;
}
