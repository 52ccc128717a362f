/**
 * Custom DAP events and requests of the `asl` debugger (beyond the Debug Adapter Protocol): pending task
 * tokens and their answers, and the execution history export. Names and payload types only, shared by
 * the adapter and the extension; no logic, no imports of vscode, transports or node I/O.
 */

/** Custom event: a task waits for an answer (`.waitForTaskToken`, an activity, or no mock/handler). */
export const PENDING_TASK_EVENT = 'pendingTask';
/** Custom event: a pending task got its answer (or the execution ended) and is no longer waiting. */
export const PENDING_TASK_CLOSED_EVENT = 'pendingTaskClosed';

export const SEND_TASK_SUCCESS_REQUEST = 'sendTaskSuccess';
export const SEND_TASK_FAILURE_REQUEST = 'sendTaskFailure';
export const SEND_TASK_HEARTBEAT_REQUEST = 'sendTaskHeartbeat';
/** Custom request: the whole execution history so far, AWS GetExecutionHistory shaped. */
export const EXPORT_HISTORY_REQUEST = 'exportHistory';
/** Custom request: the tasks waiting right now (the extension's view refreshes from it). */
export const LIST_PENDING_TASKS_REQUEST = 'listPendingTasks';

export interface PendingTaskEventBody {
  taskToken: string;
  stateName: string;
  resource: string;
  /** The effective task input (what the task would have received). */
  payload: unknown;
  /** Readable location, e.g. `execution › Map "Ship items" iteration 2 › Charge card`. */
  location?: string;
  /** DAP thread id of the activity that waits. */
  threadId?: number;
}

export interface PendingTaskClosedEventBody {
  taskToken: string;
  /** How it closed: answered by the user, or the execution stopped while it waited. */
  reason: 'success' | 'failure' | 'executionEnded';
}

export interface SendTaskSuccessArguments {
  taskToken: string;
  /** The task output: a JSON value, or JSON text. */
  output: unknown;
}

export interface SendTaskFailureArguments {
  taskToken: string;
  error?: string;
  cause?: string;
}

export interface SendTaskHeartbeatArguments {
  taskToken: string;
}

export interface ListPendingTasksResult {
  tasks: PendingTaskEventBody[];
}

export interface ExportHistoryResult {
  /** Execution status when exported (RUNNING while it still runs). */
  status: string;
  events: unknown[];
}
