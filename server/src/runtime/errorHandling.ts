/**
 * Retry and Catch for Task, Parallel and Map: picks the retrier (first whose ErrorEquals matches; a used-up
 * retrier stops retrying), computes the backoff delay (BackoffRate, MaxDelaySeconds, JitterStrategy), and
 * applies the first matching catcher (ResultPath/Output/Assign). Pure: randomness comes from the host.
 */
import type { EngineContext, StateOutcome, StateRun } from './engineContext';
import {
  applyResultPath,
  evaluateJsonPathAssign,
  evaluateJsonataAssign,
  evaluateJsonataValue,
} from './dataFlow';
import { errorMatches, type StatesError } from './statesError';

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
