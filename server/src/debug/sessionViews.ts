/**
 * What the `asl` debug session shows: the scopes of a frame (State, Input, Effective input, Result, Output,
 * Previous state, Context object, Variables, Error), exceptionInfo answers, history lines for the debug
 * console, pendingTask event bodies, and task answers from local handler functions. Pure mapping; no DAP
 * transport, no I/O.
 */
import type { DebugProtocol } from '@vscode/debugprotocol';
import type {
  ActivitySnapshot,
  HistoryEvent,
  PendingTask,
  StateInspection,
  TaskAnswer,
} from '../runtime/executionApi';
import type { PendingTaskEventBody } from '../protocol/debugExtensions';
import type { TaskHandler } from './debugHost';
import { describeFrame } from './debugFrames';
import type { ActivityView, RaisedError } from './activityView';
import type { ScopeSpec, ValueEditor } from './variables';

/** Scopes of a frame whose state runs in `view` (edited input overrides the held input). */
export function scopeSpecs(
  view: ActivityView,
  editedInput: unknown,
  access: { snapshot(activityId: number): ActivitySnapshot | undefined; edit?: ValueEditor },
): ScopeSpec[] {
  const held = view.held;
  const { attempt, raising } = view;
  const running: StateInspection | undefined = held
    ? undefined
    : (access.snapshot(view.activityId)?.current ?? view.current);
  const specs: ScopeSpec[] = [];
  const stateName = held?.stateName ?? attempt?.stateName ?? raising?.stateName ?? running?.stateName;
  if (stateName !== undefined) {
    const status = held
      ? 'about to run'
      : attempt
        ? `about to retry (attempt ${attempt.attempt})`
        : raising
          ? 'raising an error'
          : 'running';
    const entries: Array<{ name: string; value: unknown; display?: string }> = [
      { name: 'name', value: stateName },
      {
        name: 'type',
        value: held?.stateType ?? attempt?.stateType ?? raising?.stateType ?? running?.stateType,
      },
      { name: 'status', value: status },
    ];
    if (view.enteredAt !== undefined) {
      entries.push({ name: 'entered', value: new Date(view.enteredAt).toISOString() });
    }
    entries.push({ name: 'retryCount', value: attempt?.attempt ?? running?.retryCount ?? 0 });
    if (attempt) {
      entries.push(
        { name: 'attempt', value: attempt.attempt },
        { name: 'retrier', value: `Retry[${attempt.retrierIndex}]` },
        { name: 'retrying after', value: attempt.error },
        { name: 'retrying cause', value: attempt.cause ?? '' },
        { name: 'delayMs', value: attempt.delayMs },
      );
    }
    specs.push({ name: 'State', kind: 'record', entries });
  }
  const input =
    editedInput !== undefined
      ? editedInput
      : (held?.input ?? attempt?.input ?? raising?.input ?? running?.input);
  if (held || attempt || raising || running) {
    specs.push({
      name: 'Input',
      kind: 'json',
      value: input,
      edit: held ? access.edit : undefined,
      presentationHint: 'arguments',
    });
  }
  if (running) {
    if (running.effectiveInput !== undefined) {
      specs.push({ name: 'Effective input', kind: 'json', value: running.effectiveInput });
    }
    if (running.result !== undefined) specs.push({ name: 'Result', kind: 'json', value: running.result });
    if (running.output !== undefined) specs.push({ name: 'Output', kind: 'json', value: running.output });
  }
  const previous = view.previous;
  if (previous) {
    const value: Record<string, unknown> = { input: previous.input };
    if (previous.effectiveInput !== undefined) value.effectiveInput = previous.effectiveInput;
    if (previous.result !== undefined) value.result = previous.result;
    if (previous.output !== undefined) value.output = previous.output;
    if (previous.next !== undefined) value.next = previous.next;
    specs.push({ name: `Previous state: ${previous.stateName}`, kind: 'json', value });
  }
  const context = held?.context ?? attempt?.context ?? raising?.context ?? running?.context;
  if (context !== undefined) specs.push({ name: 'Context object ($$)', kind: 'json', value: context });
  const variables = held?.variables ?? attempt?.variables ?? raising?.variables ?? running?.variables;
  if (variables) {
    specs.push({
      name: 'Variables',
      kind: 'record',
      entries: Object.entries(variables).map(([name, value]) => ({ name: `$${name}`, value })),
      presentationHint: 'locals',
    });
  }
  if (view.error) {
    specs.push({
      name: 'Error',
      kind: 'record',
      entries: [
        { name: 'Error', value: view.error.error },
        { name: 'Cause', value: view.error.cause },
        { name: 'state', value: view.error.stateName },
        { name: 'caught', value: view.error.caught },
        ...(view.error.disposition ? [{ name: 'disposition', value: view.error.disposition }] : []),
      ],
    });
  }
  return specs;
}

/** The exceptionInfo answer for the error a thread last raised: name, cause, where and what becomes of it. */
export function exceptionInfoBody(
  error: RaisedError | undefined,
): DebugProtocol.ExceptionInfoResponse['body'] {
  if (!error) return { exceptionId: 'unknown', breakMode: 'unhandled' };
  const place = error.stateName ? `in state "${error.stateName}"` : 'in the execution';
  const where = error.disposition ? `${place}: ${error.disposition}` : place;
  return {
    exceptionId: error.error,
    description: `${error.cause} (${where})`,
    breakMode: error.caught ? 'always' : 'unhandled',
    details: { typeName: error.error, message: error.cause, stackTrace: where },
  };
}

/** One debug-console line per history event: `#id Type "state" {details}` (details clipped). */
export function historyLine(event: HistoryEvent): string {
  const { id, type } = event;
  let name = '';
  let details = '';
  for (const [key, value] of Object.entries(event)) {
    if (!key.endsWith('EventDetails') || !value || typeof value !== 'object') continue;
    const record = value as Record<string, unknown>;
    if (typeof record.name === 'string') name = ` "${record.name}"`;
    const rest = Object.fromEntries(Object.entries(record).filter(([k]) => k !== 'name'));
    const json = JSON.stringify(rest);
    if (json !== '{}') details = ' ' + (json.length > 240 ? json.slice(0, 239) + '…' : json);
  }
  return `#${id} ${type}${name}${details}`;
}

export function pendingTaskBody(task: PendingTask, threadId: number | undefined): PendingTaskEventBody {
  return {
    taskToken: task.token,
    stateName: task.stateName,
    resource: task.resource,
    payload: task.input,
    location: task.location.map(describeFrame).join(' › '),
    threadId,
  };
}

/** Runs a local handler; a throw becomes a task failure (`error`/`name` and `cause`/`message`). */
export async function answerFromHandler(
  handler: TaskHandler,
  input: unknown,
  context: unknown,
): Promise<TaskAnswer> {
  try {
    return { kind: 'success', output: await handler(input, context) };
  } catch (thrown) {
    const e = (thrown ?? {}) as { error?: unknown; name?: unknown; cause?: unknown; message?: unknown };
    const error = typeof e.error === 'string' ? e.error : typeof e.name === 'string' ? e.name : 'Error';
    const cause =
      typeof e.cause === 'string' ? e.cause : typeof e.message === 'string' ? e.message : String(thrown);
    return { kind: 'failure', error, cause };
  }
}
