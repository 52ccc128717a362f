/**
 * Retry and Catch for Task, Parallel and Map: picks the retrier (first whose ErrorEquals matches; a used-up
 * retrier stops retrying), computes the backoff delay (BackoffRate, MaxDelaySeconds, JitterStrategy), applies
 * the first matching catcher (ResultPath/Output/Assign), and awaits the debugger hooks onStateError and
 * beforeAttempt. Pure: randomness and hooks come from the host through the EngineContext; no transport.
 */
import type { Activity, EngineContext, StateOutcome, StateRun } from './engineContext';
import {
  applyResultPath,
  evaluateJsonPathAssign,
  evaluateJsonataAssign,
  evaluateJsonataValue,
} from './dataFlow';
import { errorMatches, HostHookError, stateFailureCause, StatesError } from './statesError';

/** The Error Output AWS passes to a catcher. */
export function errorOutput(err: StatesError): Record<string, unknown> {
  // A task that failed without naming an error (SendTaskFailure with no fields) has null Error/Cause, as in AWS.
  if (err.details.nullError) return { Error: null, Cause: err.cause ?? null };
  const out: Record<string, unknown> = { Error: err.error };
  if (err.cause !== undefined) out.Cause = err.cause;
  return out;
}

/** Attempt counters per retrier for one stay in a state. */
export class RetryTracker {
  private readonly attempts: number[] = [];

  /** Delay in ms before the next attempt, or undefined when the error is not retried. */
  nextDelay(ctx: EngineContext, retriers: unknown, err: StatesError): number | undefined {
    return this.nextRetry(ctx, retriers, err)?.delayMs;
  }

  /** The retrier that handles the error and the delay before the next attempt; undefined: not retried. */
  nextRetry(
    ctx: EngineContext,
    retriers: unknown,
    err: StatesError,
  ): { delayMs: number; retrierIndex: number } | undefined {
    if (!Array.isArray(retriers)) return undefined;
    for (let i = 0; i < retriers.length; i++) {
      const r = retriers[i] as Record<string, unknown>;
      if (!Array.isArray(r.ErrorEquals) || !errorMatches(r.ErrorEquals, err.error)) continue;
      const max = typeof r.MaxAttempts === 'number' ? r.MaxAttempts : 3;
      const done = this.attempts[i] ?? 0;
      if (done >= max) return undefined;
      this.attempts[i] = done + 1;
      const interval = typeof r.IntervalSeconds === 'number' ? r.IntervalSeconds : 1;
      const backoff = typeof r.BackoffRate === 'number' ? r.BackoffRate : 2;
      let seconds = interval * Math.pow(backoff, done);
      if (typeof r.MaxDelaySeconds === 'number') seconds = Math.min(seconds, r.MaxDelaySeconds);
      if (r.JitterStrategy === 'FULL') seconds = ctx.host.random() * seconds;
      return { delayMs: Math.round(seconds * 1000), retrierIndex: i };
    }
    return undefined;
  }
}

/** Index of the first catcher whose ErrorEquals matches the error; -1 when none does. */
export function findCatcher(run: StateRun, err: StatesError): number {
  const catchers = run.def.Catch;
  if (!Array.isArray(catchers)) return -1;
  return catchers.findIndex(
    (c) =>
      c !== null &&
      typeof c === 'object' &&
      Array.isArray((c as Record<string, unknown>).ErrorEquals) &&
      errorMatches((c as Record<string, unknown>).ErrorEquals as unknown[], err.error),
  );
}

/** Applies the first matching catcher (or the one at `index`); undefined when none matches. */
export async function applyCatch(
  ctx: EngineContext,
  run: StateRun,
  err: StatesError,
  index = findCatcher(run, err),
): Promise<StateOutcome | undefined> {
  const catchers = run.def.Catch;
  if (!Array.isArray(catchers) || index < 0 || index >= catchers.length) return undefined;
  const c = catchers[index] as Record<string, unknown>;
  const errOut = errorOutput(err);
  const next = typeof c.Next === 'string' ? c.Next : undefined;
  if (run.queryLanguage === 'JSONata') {
    const env = ctx.jsonataEnv(run, { input: run.input, errorOutput: errOut });
    const assigned = c.Assign !== undefined ? await evaluateJsonataAssign(c.Assign, env) : undefined;
    const output = c.Output !== undefined ? await evaluateJsonataValue(c.Output, env, 'Output') : errOut;
    return { output, next, assigned };
  }
  const assigned =
    c.Assign !== undefined ? evaluateJsonPathAssign(c.Assign, ctx.dataEnv(run, errOut)) : undefined;
  const output = applyResultPath(run.input, c.ResultPath as string | null | undefined, errOut);
  return { output, next, assigned };
}

/** Awaits the onStateError hook (if any) with the run lock released; a throwing hook is a host error. */
export async function stateErrorHook(
  ctx: EngineContext,
  run: StateRun,
  e: StatesError,
  disposition: 'retry' | 'catch' | 'uncaught',
  index: { retrierIndex?: number; catcherIndex?: number },
): Promise<void> {
  const hook = ctx.options.onStateError;
  if (!hook) return;
  await callHook(ctx, run.activity, 'onStateError', () =>
    hook({
      activityId: run.activity.id,
      location: run.activity.location,
      stateName: run.name,
      statePath: run.path,
      stateType: String(run.def.Type),
      error: e.error,
      cause: e.cause,
      disposition,
      ...index,
      input: run.input,
      variables: run.variables,
      context: ctx.contextFor(run),
    }),
  );
}

/** Awaits the beforeAttempt hook (if any) before a retry attempt; a throwing hook is a host error. */
async function beforeAttemptHook(
  ctx: EngineContext,
  run: StateRun,
  e: StatesError,
  retry: { delayMs: number; retrierIndex: number },
): Promise<void> {
  const hook = ctx.options.beforeAttempt;
  if (!hook) return;
  await callHook(ctx, run.activity, 'beforeAttempt', () =>
    hook({
      activityId: run.activity.id,
      location: run.activity.location,
      stateName: run.name,
      statePath: run.path,
      stateType: String(run.def.Type),
      attempt: run.retryCount,
      retrierIndex: retry.retrierIndex,
      error: e.error,
      cause: e.cause,
      delayMs: retry.delayMs,
      input: run.input,
      variables: run.variables,
      context: ctx.contextFor(run),
    }),
  );
}

async function callHook(
  ctx: EngineContext,
  activity: Activity,
  name: string,
  call: () => void | Promise<void>,
): Promise<void> {
  await ctx.outside(activity.scope, async () => {
    try {
      await call();
    } catch (err) {
      throw new HostHookError(name, err);
    }
  });
}

/** Records EvaluationFailed (once per error) for a JSONata evaluation error. */
export function emitEvaluationFailed(ctx: EngineContext, run: StateRun, e: StatesError): void {
  const cause = e.cause?.startsWith('An error occurred')
    ? e.cause
    : stateFailureCause(run.name, run.enteredEventId, e.cause ?? '');
  const details: Record<string, unknown> = { error: e.error, cause, state: run.name };
  if (e.details.location) details.location = e.details.location;
  ctx.emit(run.activity, 'EvaluationFailed', details);
  e.details.evaluationFailed = false;
}

/** Retry / Catch around attempts of a Task, Parallel or Map. */
export async function withErrorHandling(
  ctx: EngineContext,
  run: StateRun,
  attempt: () => Promise<StateOutcome>,
): Promise<StateOutcome> {
  const retries = new RetryTracker();
  for (;;) {
    try {
      return await attempt();
    } catch (e) {
      if (!(e instanceof StatesError)) throw e;
      if (e.details.evaluationFailed) emitEvaluationFailed(ctx, run, e);
      if (e.error === 'States.Runtime' && !e.cause?.startsWith('An error occurred')) {
        throw new StatesError(
          e.error,
          stateFailureCause(run.name, run.enteredEventId, e.cause ?? ''),
          e.details,
        );
      }
      const retry = retries.nextRetry(ctx, run.def.Retry, e);
      if (retry !== undefined) {
        ctx.notifyError(run, e.error, e.cause ?? '', true);
        await stateErrorHook(ctx, run, e, 'retry', { retrierIndex: retry.retrierIndex });
        await ctx.scheduler.sleep(run.activity.scope, retry.delayMs);
        run.retryCount++;
        run.inspection.retryCount = run.retryCount;
        await beforeAttemptHook(ctx, run, e, retry);
        continue;
      }
      const type = String(run.def.Type);
      // Observed in AWS histories: JSONata Parallel states record no ParallelStateFailed.
      if (type === 'Map' || (type === 'Parallel' && run.queryLanguage === 'JSONPath')) {
        ctx.emit(run.activity, `${type}StateFailed`);
      }
      const catcherIndex = findCatcher(run, e);
      if (catcherIndex >= 0) await stateErrorHook(ctx, run, e, 'catch', { catcherIndex });
      const caught = await applyCatch(ctx, run, e, catcherIndex);
      if (caught) {
        ctx.notifyError(run, e.error, e.cause ?? '', true);
        return caught;
      }
      throw e;
    }
  }
}
