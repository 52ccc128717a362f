/**
 * What the debugger keeps per activity (a DAP thread) and the contract between the ExecutionDriver and its
 * session: stop reasons, step kinds, raised errors with their disposition, break decisions, listener and
 * options. Types only; depends on runtime/executionApi types.
 */
import type {
  BeforeAttemptContext,
  BeforeStateContext,
  ExecutionEvent,
  ExecutionResult,
  LocationFrame,
  StateErrorContext,
  StateInspection,
} from '../runtime/executionApi';

export type StopReason = 'entry' | 'breakpoint' | 'step' | 'pause' | 'exception';
export type StepKind = 'next' | 'stepIn' | 'stepOut';

/** An error raised in an activity, as shown in the Error scope and exceptionInfo. */
export interface RaisedError {
  error: string;
  cause: string;
  caught: boolean;
  stateName: string;
  /** What happens to it: `will retry (Retry[0])`, `caught by Catch[0] -> "X"`, `uncaught: ...`. */
  disposition?: string;
  /** Its state retries it (the error is forgotten once that state ends). */
  retried?: boolean;
}

/** How an error a state raised is handled (from the runtime's decision and, above it, the model). */
export interface ErrorFateView {
  caught: boolean;
  disposition: string;
}

/** Everything the debugger knows about one activity (execution, Parallel branch, Map iteration). */
export interface ActivityView {
  activityId: number;
  threadId: number;
  parentId: number | undefined;
  location: LocationFrame[];
  /** The state the activity is paused before (set while held in the hook). */
  held?: BeforeStateContext;
  /** The retry attempt the activity is paused before (Step Into a retried state). */
  attempt?: BeforeAttemptContext;
  /** The error the activity is paused at, where its state raised it (exception breakpoint). */
  raising?: StateErrorContext;
  /** Latest inspection of the running state (from stateEntered/stateExited). */
  current?: StateInspection;
  /** The state this activity finished last. */
  previous?: StateInspection;
  /** Epoch ms (execution clock) when the current state was entered. */
  enteredAt?: number;
  error?: RaisedError;
  finished: boolean;
}

/** What the driver decides about a breakpoint at a state (conditions and logpoints evaluated by the caller). */
export interface BreakDecision {
  stop: boolean;
  breakpointIds: number[];
}

export interface DriverListener {
  stopped(reason: StopReason, view: ActivityView, detail: { text?: string; breakpointIds?: number[] }): void;
  threadStarted(view: ActivityView): void;
  threadExited(view: ActivityView): void;
  event(event: ExecutionEvent): void;
  /** The execution ended and any post-mortem stop was continued. */
  finished(result: ExecutionResult): void;
}

export interface DriverOptions {
  /** Shown as `$$.StateMachine.Name` when the runtime passes no context object at state entry. */
  stateMachineName?: string;
  stopOnEntry: boolean;
  /** False for "Run Without Debugging": no hook, never pauses. */
  debug: boolean;
  decideBreak(context: BeforeStateContext, view: ActivityView): Promise<BreakDecision>;
  /** Whether an error should stop (exception breakpoints: caught/uncaught filters narrowed by name). */
  breakOnError(error: string, caught: boolean): boolean;
  /** Caught or not, and how, for an error a state raised (default: the runtime's disposition alone). */
  errorFate?(context: StateErrorContext): ErrorFateView;
  listener: DriverListener;
}
