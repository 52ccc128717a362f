/**
 * Drives one runtime Execution for the debugger: the runtime's hooks decide where to pause (before a state:
 * entry, breakpoints, steps, pause requests; before a retry attempt: Step Into; where a state raises an
 * error: exception breakpoints), hold paused activities and release them on continue/step, and keep one
 * view per activity (a DAP thread). No DAP types here; the session translates DriverListener calls into
 * DAP events. Depends on runtime/executionApi types only.
 */
import type {
  ActivitySnapshot,
  BeforeAttemptContext,
  BeforeStateContext,
  Execution,
  ExecutionEvent,
  ExecutionResult,
  LocationFrame,
  PendingTask,
  StateErrorContext,
} from '../runtime/executionApi';
import type { ActivityView, DriverOptions, RaisedError, StepKind, StopReason } from './activityView';

export type {
  ActivityView,
  BreakDecision,
  DriverListener,
  DriverOptions,
  ErrorFateView,
  RaisedError,
  StepKind,
  StopReason,
} from './activityView';

interface Step {
  kind: StepKind;
  activityId: number;
}

/** Pause/step bookkeeping around one Execution. Create it before `execution.start()` and pass `hook`. */
export class ExecutionDriver {
  private execution: Execution | undefined;
  private readonly views = new Map<number, ActivityView>();
  private nextThreadId = 1;
  private paused = false;
  private pauseRequested = false;
  private step: Step | undefined;
  private enteredFirstState = false;
  private stopping = false;
  private readonly waiters: Array<() => void> = [];
  /** Per parent activity: an error that left one of its branches/iterations (already reported there). */
  private readonly propagating = new Map<number, { error: string; caught: boolean }>();
  /** Whether an error failing the execution was reported where it was raised (no post-mortem stop then). */
  private uncaughtReported = false;
  private lastUncaught: { error: RaisedError; activityId: number } | undefined;
  private postMortem: (() => void) | undefined;
  private postMortemView: ActivityView | undefined;
  private executionInput: unknown;

  constructor(private readonly options: DriverOptions) {}

  /** The before-state hook to hand to the runtime (undefined when not debugging). */
  get hook(): ((context: BeforeStateContext) => Promise<void>) | undefined {
    return this.options.debug ? (context) => this.beforeState(context) : undefined;
  }

  /** The before-attempt hook (retry attempts as Step Into points; undefined when not debugging). */
  get attemptHook(): ((context: BeforeAttemptContext) => Promise<void>) | undefined {
    return this.options.debug ? (context) => this.beforeAttempt(context) : undefined;
  }

  /** The state-error hook (exception breakpoints where the error is raised; undefined when not debugging). */
  get errorHook(): ((context: StateErrorContext) => Promise<void>) | undefined {
    return this.options.debug ? (context) => this.onStateError(context) : undefined;
  }

  /** Subscribes to the execution's events and starts it. Resolves after the execution has finished. */
  async run(execution: Execution): Promise<ExecutionResult> {
    this.execution = execution;
    const unsubscribe = execution.onEvent((event) => this.onEvent(event));
    try {
      const result = await execution.start();
      // A failure no state raised where it could pause (e.g. the execution's TimeoutSeconds): after the end.
      const failed = result.status === 'FAILED' || result.status === 'TIMED_OUT';
      if (this.options.debug && !this.stopping && !this.uncaughtReported && failed) {
        const { error, activityId } = this.lastUncaught ?? {
          error: {
            error: result.error ?? result.status,
            cause: result.cause ?? '',
            caught: false,
            stateName: '',
            disposition: `uncaught: the execution ${result.status === 'TIMED_OUT' ? 'timed out' : 'failed'}`,
          },
          activityId: this.views.keys().next().value ?? 0,
        };
        if (this.options.breakOnError(error.error, false)) await this.stopPostMortem(activityId, error);
      }
      for (const view of this.views.values()) {
        if (!view.finished) {
          view.finished = true;
          this.options.listener.threadExited(view);
        }
      }
      this.options.listener.finished(result);
      return result;
    } finally {
      unsubscribe();
    }
  }

  /** Threads to show: live activities (and the post-mortem one). */
  threads(): ActivityView[] {
    if (this.postMortemView) return [this.postMortemView];
    return [...this.views.values()].filter((v) => !v.finished || v.held || v.attempt || v.raising);
  }

  view(threadId: number): ActivityView | undefined {
    for (const view of this.views.values()) if (view.threadId === threadId) return view;
    return undefined;
  }

  viewOfActivity(activityId: number): ActivityView | undefined {
    return this.views.get(activityId);
  }

  /** Running snapshot of an activity from the runtime (fresher than the event-fed view). */
  snapshot(activityId: number): ActivitySnapshot | undefined {
    return this.execution?.activities().find((a) => a.id === activityId);
  }

  get isPaused(): boolean {
    return this.paused;
  }

  pendingTasks(): PendingTask[] {
    return this.execution?.pendingTasks() ?? [];
  }

  continue(): void {
    this.step = undefined;
    this.resume();
  }

  /** Step kinds relative to the activity of `threadId`. */
  stepFrom(threadId: number, kind: StepKind): void {
    const view = this.view(threadId);
    this.step = view ? { kind, activityId: view.activityId } : undefined;
    this.resume();
  }

  /** Pause at the next state any activity enters. */
  pause(): void {
    if (!this.paused) this.pauseRequested = true;
  }

  /** Stop requested: release everything and never hold again. */
  release(): void {
    this.stopping = true;
    this.resume();
  }

  private resume(): void {
    this.paused = false;
    for (const view of this.views.values()) {
      view.held = undefined;
      view.attempt = undefined;
      view.raising = undefined;
    }
    const waiters = this.waiters.splice(0);
    for (const wake of waiters) wake();
    const postMortem = this.postMortem;
    this.postMortem = undefined;
    this.postMortemView = undefined;
    postMortem?.();
  }

  private viewFor(activityId: number, location: LocationFrame[], parentId?: number): ActivityView {
    let view = this.views.get(activityId);
    if (!view) {
      view = { activityId, threadId: this.nextThreadId++, parentId, location, finished: false };
      this.views.set(activityId, view);
      this.options.listener.threadStarted(view);
    }
    return view;
  }

  private onEvent(event: ExecutionEvent): void {
    switch (event.kind) {
      case 'executionStarted':
        this.executionInput = event.input;
        break;
      case 'activityStarted':
        this.viewFor(event.activity.id, event.activity.location, event.activity.parentId);
        break;
      case 'activityFinished': {
        const view = this.views.get(event.activityId);
        if (view && !view.finished) {
          view.finished = true;
          this.options.listener.threadExited(view);
        }
        break;
      }
      case 'stateEntered': {
        const view = this.viewFor(event.activityId, event.location);
        view.location = event.location;
        view.current = event.inspection;
        break;
      }
      case 'stateExited': {
        const view = this.viewFor(event.activityId, event.location);
        view.previous = event.inspection;
        view.current = undefined;
        // A retried error is over once its state ends (a caught one stays for the Catch handler to show).
        if (view.error?.retried && view.error.stateName === event.inspection.stateName) {
          view.error = undefined;
        }
        break;
      }
      case 'errorRaised': {
        const raised: RaisedError = {
          error: event.error,
          cause: event.cause,
          caught: event.caught,
          stateName: event.stateName,
        };
        const view = this.viewFor(event.activityId, event.location);
        // The error hook's view (with its disposition) is the fuller one for the same error.
        const known = view.error;
        if (!known || known.error !== raised.error || known.cause !== raised.cause) view.error = raised;
        if (!event.caught) this.lastUncaught = { error: raised, activityId: event.activityId };
        break;
      }
      default:
        break;
    }
    this.options.listener.event(event);
  }

  private async beforeState(original: BeforeStateContext): Promise<void> {
    if (this.stopping) return;
    const context =
      original.context === undefined ? { ...original, context: this.fallbackContext(original) } : original;
    const view = this.viewFor(context.activityId, context.location);
    view.location = context.location;
    view.enteredAt = this.execution?.now();
    view.current = undefined;
    const first = !this.enteredFirstState;
    this.enteredFirstState = true;

    const decision = await this.options.decideBreak(context, view);
    if (this.stopping) return;
    this.propagating.delete(context.activityId);
    let reason: StopReason | undefined;
    if (decision.stop) reason = 'breakpoint';
    else if (first && this.options.stopOnEntry) reason = 'entry';
    else if (this.pauseRequested) reason = 'pause';
    else if (this.step && this.stepReaches(this.step, context.activityId)) reason = 'step';

    if (!reason && !this.paused) return;
    view.held = context;
    await this.hold(view, reason, { breakpointIds: decision.breakpointIds });
  }

  /**
   * Before a retry attempt: pauses for a Step Into from this activity (or an enclosing one), a pause
   * request, or while everything is paused. Breakpoints and Step Over do not stop here.
   */
  private async beforeAttempt(context: BeforeAttemptContext): Promise<void> {
    if (this.stopping) return;
    const view = this.viewFor(context.activityId, context.location);
    let reason: StopReason | undefined;
    if (this.pauseRequested) reason = 'pause';
    else if (this.step?.kind === 'stepIn' && this.stepReaches(this.step, context.activityId)) reason = 'step';
    if (!reason && !this.paused) return;
    view.attempt = context;
    const text = `Retry attempt ${context.attempt} of "${context.stateName}" after ${context.error}${context.cause ? `: ${context.cause}` : ''}`;
    await this.hold(view, reason, { text });
  }

  /**
   * Where a state raises an error, before Retry/Catch takes effect: pauses when the caught/uncaught filter
   * (narrowed by name) matches. An error that left a branch/iteration stops where it was raised, not again
   * at the Parallel/Map it propagates through.
   */
  private async onStateError(context: StateErrorContext): Promise<void> {
    if (this.stopping) return;
    const view = this.viewFor(context.activityId, context.location);
    const fate = this.options.errorFate?.(context) ?? {
      caught: context.disposition !== 'uncaught',
      disposition: context.disposition,
    };
    view.error = {
      error: context.error,
      cause: context.cause ?? '',
      caught: fate.caught,
      stateName: context.stateName,
      disposition: fate.disposition,
      retried: context.disposition === 'retry',
    };
    // The same error, judged the same way where it was raised below, is not reported twice.
    const below = this.propagating.get(context.activityId);
    const propagated = below?.error === context.error && below.caught === fate.caught;
    this.propagating.delete(context.activityId);
    const parentId = view.parentId ?? this.snapshot(context.activityId)?.parentId;
    if (context.disposition === 'uncaught' && parentId !== undefined) {
      this.propagating.set(parentId, { error: context.error, caught: fate.caught });
    }
    const nested = context.location.some((f) => f.kind === 'branch' || f.kind === 'iteration');
    if (context.disposition === 'uncaught' && !nested) this.uncaughtReported = true;
    const stop = !propagated && this.options.breakOnError(context.error, fate.caught);
    if (!stop && !this.paused) return;
    view.raising = context;
    const text = `${context.error}${context.cause ? `: ${context.cause}` : ''} (in "${context.stateName}": ${fate.disposition})`;
    await this.hold(view, stop ? 'exception' : undefined, { text });
  }

  /** Holds the activity until resumed; with a reason, this is the stop that pauses every thread. */
  private async hold(
    view: ActivityView,
    reason: StopReason | undefined,
    detail: { text?: string; breakpointIds?: number[] },
  ): Promise<void> {
    if (reason) {
      this.paused = true;
      this.pauseRequested = false;
      this.step = undefined;
      this.options.listener.stopped(reason, view, detail);
    }
    await new Promise<void>((wake) => this.waiters.push(wake));
  }

  /** Whether the step started in `step.activityId` ends when `activityId` enters a state. */
  private stepReaches(step: Step, activityId: number): boolean {
    const ancestors = this.ancestorsOf(step.activityId);
    switch (step.kind) {
      case 'next':
        return activityId === step.activityId || ancestors.includes(activityId);
      case 'stepIn':
        return (
          activityId === step.activityId ||
          ancestors.includes(activityId) ||
          this.ancestorsOf(activityId).includes(step.activityId)
        );
      case 'stepOut':
        return ancestors.includes(activityId);
    }
  }

  private ancestorsOf(activityId: number): number[] {
    const chain: number[] = [];
    let parent = this.views.get(activityId)?.parentId;
    while (parent !== undefined && !chain.includes(parent)) {
      chain.push(parent);
      parent = this.views.get(parent)?.parentId;
    }
    return chain;
  }

  /**
   * The context object at state entry when the runtime's hook does not pass one: the Execution, StateMachine
   * and State fields the debugger knows (the runtime's own `$$` shows in the state's inspection once it runs).
   */
  private fallbackContext(context: BeforeStateContext): Record<string, unknown> {
    const execution = this.execution;
    const started = execution?.history()[0];
    return {
      Execution: {
        Id: execution?.executionArn,
        Name: execution?.name,
        Input: this.executionInput,
        StartTime: started?.timestamp,
      },
      StateMachine: { Name: this.options.stateMachineName },
      State: { Name: context.stateName, EnteredTime: new Date(execution?.now() ?? Date.now()).toISOString() },
    };
  }

  private async stopPostMortem(activityId: number, error: RaisedError): Promise<void> {
    const view = this.views.get(activityId) ?? this.views.values().next().value;
    if (!view) return;
    this.paused = true;
    this.postMortemView = view;
    view.error = { ...error, disposition: error.disposition ?? 'uncaught: the execution failed' };
    const done = new Promise<void>((wake) => (this.postMortem = wake));
    this.options.listener.stopped('exception', view, {
      text: `${error.error}: ${error.cause} (${view.error.disposition})`,
    });
    await done;
  }
}
