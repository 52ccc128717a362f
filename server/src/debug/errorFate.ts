/**
 * What becomes of an error a state raises, for exception breakpoints and the Error scope: retried, caught
 * by a Catch (and where it goes), or uncaught. An error leaving a Parallel branch / Map iteration is
 * followed up the enclosing Parallel/Map states' Retry/Catch (from the model) to tell caught from uncaught
 * where it is raised. Pure; depends on asl/ and runtime/executionApi + statesError types only.
 */
import { stateAtPath, type StateMachineModel } from '../asl';
import type { LocationFrame, StateErrorContext } from '../runtime/executionApi';
import { errorMatches } from '../runtime/statesError';

export interface ErrorFate {
  /** Whether a Retry/Catch (here or in an enclosing Parallel/Map) handles it: the "Caught errors" filter. */
  caught: boolean;
  /** e.g. `will retry (Retry[0])`, `caught by Catch[1] -> "Declined"`, `uncaught: fails the execution`. */
  disposition: string;
}

/** The fate of the error in `context`, as decided by the runtime for its own state and predicted above it. */
export function errorFate(model: StateMachineModel, context: StateErrorContext): ErrorFate {
  if (context.disposition === 'retry') {
    return { caught: true, disposition: `will retry (Retry[${context.retrierIndex ?? 0}])` };
  }
  if (context.disposition === 'catch') {
    const index = context.catcherIndex ?? 0;
    const definition = stateAtPath(model, context.statePath)?.definition as
      { Catch?: Array<{ Next?: unknown }> } | undefined;
    const next = definition?.Catch?.[index]?.Next;
    return {
      caught: true,
      disposition: `caught by Catch[${index}]${typeof next === 'string' ? ` -> "${next}"` : ''}`,
    };
  }
  return enclosingFate(model, context.location, context.error);
}

/** Follows an error that leaves its branch/iteration through the enclosing Parallel/Map states. */
function enclosingFate(model: StateMachineModel, location: LocationFrame[], error: string): ErrorFate {
  const hops: string[] = [];
  let name = error;
  for (let i = location.length - 1; i >= 0; i--) {
    const frame = location[i];
    if (frame.kind !== 'branch' && frame.kind !== 'iteration') continue;
    const kind = frame.kind === 'branch' ? 'Parallel' : 'Map';
    const label = `${kind} "${frame.stateName}"`;
    hops.push(label);
    const definition = (stateAtPath(model, frame.statePath)?.definition ?? {}) as Record<string, unknown>;
    const via = `propagates to ${hops.join(', then ')}`;
    if (kind === 'Map' && isDistributed(definition)) {
      // Failed items count against the tolerance; past it the Map raises its own error.
      const tolerant = [
        'ToleratedFailureCount',
        'ToleratedFailurePercentage',
        'ToleratedFailureCountPath',
        'ToleratedFailurePercentagePath',
      ].some((field) => definition[field] !== undefined);
      if (tolerant) return { caught: true, disposition: `${via}, which may tolerate it (ToleratedFailure*)` };
      name = 'States.ExceedToleratedFailureThreshold';
    }
    const retrier = firstMatch(definition.Retry, name);
    if (retrier >= 0) {
      const retry = (definition.Retry as Array<{ MaxAttempts?: unknown }>)[retrier];
      if (retry.MaxAttempts !== 0) {
        return { caught: true, disposition: `${via}, which retries it (Retry[${retrier}])` };
      }
    }
    const catcher = firstMatch(definition.Catch, name);
    if (catcher >= 0) {
      const next = (definition.Catch as Array<{ Next?: unknown }>)[catcher].Next;
      const target = typeof next === 'string' ? ` -> "${next}"` : '';
      return { caught: true, disposition: `${via}, caught by its Catch[${catcher}]${target}` };
    }
  }
  return {
    caught: false,
    disposition:
      hops.length > 0
        ? `uncaught: propagates to ${hops.join(', then ')} and fails the execution`
        : 'uncaught: fails the execution',
  };
}

function isDistributed(definition: Record<string, unknown>): boolean {
  const processor = (definition.ItemProcessor ?? definition.Iterator) as
    { ProcessorConfig?: { Mode?: unknown } } | undefined;
  return processor?.ProcessorConfig?.Mode === 'DISTRIBUTED';
}

function firstMatch(handlers: unknown, error: string): number {
  if (!Array.isArray(handlers)) return -1;
  return handlers.findIndex(
    (handler: { ErrorEquals?: unknown }) =>
      Array.isArray(handler?.ErrorEquals) && errorMatches(handler.ErrorEquals, error),
  );
}
