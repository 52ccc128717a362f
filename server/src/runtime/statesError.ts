/**
 * Errors raised while running a state machine: a States error (name + cause, as in AWS error output) and the
 * cancellation signal used to unwind aborted branches. Pure: no I/O, no transport.
 */

/** A runtime error with an ASL error name (`States.Runtime`, a task's error ...) and a cause text. */
export class StatesError extends Error {
  constructor(
    readonly error: string,
    readonly cause?: string,
    /** Extra data for history events (e.g. the JSONata location). */
    readonly details: {
      evaluationFailed?: boolean;
      location?: string;
      timedOut?: boolean;
      nullError?: boolean;
    } = {},
  ) {
    super(`${error}: ${cause ?? ''}`);
  }
}

/** Thrown into activities whose branch/iteration/execution was stopped; never caught by Catch. */
export class ActivityCancelled extends Error {
  constructor(readonly reason: 'aborted' | 'timedOut' | 'siblingFailed') {
    super(`activity cancelled (${reason})`);
  }
}

/**
 * A host-supplied hook (beforeAttempt, onStateError) threw. Not a StatesError, so no Retry/Catch sees it; the
 * execution fails with States.Runtime and this message as the cause.
 */
export class HostHookError extends Error {
  constructor(
    readonly hook: string,
    reason: unknown,
  ) {
    super(`The host's ${hook} hook failed: ${reason instanceof Error ? reason.message : String(reason)}`);
  }
}

/** The AWS wording of a runtime failure inside a state. */
export function stateFailureCause(stateName: string, enteredEventId: number, message: string): string {
  return `An error occurred while executing the state '${stateName}' (entered at the event id #${enteredEventId}). ${message}`;
}

/** Error names that `States.ALL` does not match and that are never retried. */
export function isUncatchable(error: string): boolean {
  return error === 'States.Runtime';
}

/** Whether a Retrier/Catcher `ErrorEquals` list matches an error name (AWS rules). */
export function errorMatches(errorEquals: readonly unknown[], error: string): boolean {
  if (isUncatchable(error)) return false;
  for (const candidate of errorEquals) {
    if (candidate === error) return true;
    if (candidate === 'States.ALL') return true;
    if (candidate === 'States.TaskFailed' && error !== 'States.Timeout' && !error.startsWith('States.')) {
      return true;
    }
    if (candidate === 'States.TaskFailed' && error === 'States.HeartbeatTimeout') return false;
  }
  return false;
}
