/**
 * Decides whether the debugger stops where the runtime is about to enter a state: source breakpoints
 * (with JSONata conditions, hit counts and logpoints) and exception breakpoint filters (caught/uncaught,
 * narrowed by error names). No DAP transport: output goes through the `log` callback.
 */
import type { DebugProtocol } from '@vscode/debugprotocol';
import { stateAtPath, type StateMachineModel } from '../asl';
import type { BeforeStateContext } from '../runtime/executionApi';
import { errorMatches } from '../runtime/statesError';
import { BreakpointTable } from './breakpointTable';
import { CAUGHT_FILTER, UNCAUGHT_FILTER } from './debugCapabilities';
import { type EvaluationScope, evaluateExpression, interpolate, isTruthy } from './debugEvaluator';
import type { BreakDecision } from './executionDriver';

export class BreakPolicy {
  readonly breakpoints = new BreakpointTable();
  /** Enabled filters; a list narrows the filter to those error names. */
  private exceptionFilters = new Map<string, string[] | undefined>();

  setExceptionFilters(args: DebugProtocol.SetExceptionBreakpointsArguments): DebugProtocol.Breakpoint[] {
    this.exceptionFilters = new Map();
    for (const filter of args.filters ?? []) this.exceptionFilters.set(filter, undefined);
    for (const option of args.filterOptions ?? []) {
      const names = option.condition
        ?.split(',')
        .map((n) => n.trim())
        .filter((n) => n !== '');
      this.exceptionFilters.set(option.filterId, names && names.length > 0 ? names : undefined);
    }
    return [...this.exceptionFilters.keys()].map(() => ({ verified: true }));
  }

  /**
   * Whether an error stops: its filter is enabled and (when narrowed) one of the names matches it as in a
   * Retrier/Catcher's ErrorEquals (the name itself, `States.ALL`, `States.TaskFailed`).
   */
  breakOnError(error: string, caught: boolean): boolean {
    const filter = caught ? CAUGHT_FILTER : UNCAUGHT_FILTER;
    if (!this.exceptionFilters.has(filter)) return false;
    const names = this.exceptionFilters.get(filter);
    return names === undefined || names.includes(error) || errorMatches(names, error);
  }

  /** Evaluates the breakpoints of the entered state: conditions, hit counts, logpoints. */
  async decide(
    context: BeforeStateContext,
    model: StateMachineModel,
    log: (text: string, category: 'console' | 'stderr') => void,
  ): Promise<BreakDecision> {
    const state = stateAtPath(model, context.statePath);
    const scope: EvaluationScope = {
      input: context.input,
      context: context.context,
      variables: context.variables,
      queryLanguage: state?.queryLanguage,
    };
    const ids: number[] = [];
    for (const bp of this.breakpoints.at(context.statePath)) {
      if (bp.condition) {
        try {
          if (!isTruthy(await evaluateExpression(bp.condition, scope))) continue;
        } catch (error) {
          log(
            `Breakpoint condition '${bp.condition}' failed: ${error instanceof Error ? error.message : String(error)}`,
            'stderr',
          );
        }
      }
      if (!this.breakpoints.countHit(bp)) continue;
      if (bp.logMessage) {
        log(await interpolate(bp.logMessage, scope), 'console');
        continue;
      }
      ids.push(bp.id);
    }
    return { stop: ids.length > 0, breakpointIds: ids };
  }
}
