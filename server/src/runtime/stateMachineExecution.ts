/**
 * The Execution object: runs a state machine definition on the cooperative scheduler, records AWS-shaped
 * history, publishes typed events, awaits the before-state hook, and handles task tokens, stop and timeouts.
 * The states themselves run in simpleStates, taskRunner and parallelAndMap.
 * Pure: time, randomness and files come through the injected RuntimeHost; no transport.
 */
import type { StatePath } from '../asl';
import { ActivityScheduler, CancelScope } from './activityScheduler';
import { type DataEnv, exceedsPayloadLimit, type JsonataEnv } from './dataFlow';
import type { Activity, ChildHooks, EngineContext, StateOutcome, StateRun } from './engineContext';
import { VariableScope } from './engineContext';
import { emitEvaluationFailed, stateErrorHook, withErrorHandling } from './errorHandling';
import type {
  ActivitySnapshot,
  Execution,
  ExecutionEvent,
  ExecutionListener,
  ExecutionOptions,
  ExecutionResult,
  ExecutionStatus,
  HistoryEvent,
  HistoryOptions,
  LocationFrame,
  PendingTask,
  RuntimeHost,
  StateInspection,
  TaskAnswer,
} from './executionApi';
import { TaskTokenError } from './executionApi';
import { ExecutionHistory, jsonText, NOT_TRUNCATED, payloadText } from './executionHistory';
import { runMap, runParallel } from './parallelAndMap';
import { runChoice, runFail, runPass, runSucceed, runWait } from './simpleStates';
import { ActivityCancelled, stateFailureCause, StatesError } from './statesError';
import { classifyResource, runTaskAttempt } from './taskRunner';

interface Waiter {
  task: PendingTask;
  resolve: (answer: TaskAnswer) => void;
  onHeartbeat: () => void;
}

const STATE_EVENT_TYPES: Record<string, { Entered: string; Exited: string }> = {};
for (const t of ['Pass', 'Task', 'Choice', 'Wait', 'Succeed', 'Fail', 'Parallel', 'Map']) {
  STATE_EVENT_TYPES[t] = { Entered: `${t}StateEntered`, Exited: `${t}StateExited` };
}

/** `${type}State${suffix}`, the same string objects for every state of a type. */
function stateEventType(type: string, suffix: 'Entered' | 'Exited'): string {
  return Object.hasOwn(STATE_EVENT_TYPES, type) ? STATE_EVENT_TYPES[type][suffix] : `${type}State${suffix}`;
}

/** Creates an execution (call `start()` to run it). */
export function createExecution(options: ExecutionOptions): Execution {
  return new StateMachineExecution(options);
}

class StateMachineExecution implements Execution, EngineContext {
  readonly host: RuntimeHost;
  readonly scheduler: ActivityScheduler;
  readonly recorder: ExecutionHistory;
  readonly stateMachineType: 'STANDARD' | 'EXPRESS';
  readonly region: string;
  readonly accountId: string;
  readonly name: string;
  readonly executionArn: string;
  readonly stateMachineArn: string;
  private readonly stateMachineName: string;
  private readonly startMs: number;
  private readonly listeners = new Set<ExecutionListener>();
  private readonly activityMap = new Map<number, Activity>();
  private readonly waiters = new Map<string, Waiter>();
  private readonly invocations = new Map<string, number>();
  private readonly rootScope = new CancelScope();
  private nextActivityId = 1;
  private tokenCounter = 0;
  private statusValue: ExecutionStatus = 'RUNNING';
  private running: Promise<ExecutionResult> | undefined;
  private stopRequest: { error?: string; cause?: string } | undefined;
  /** `$$.Execution` and `$$.StateMachine`: the same for every state (values are never mutated in place). */
  private executionContext: Record<string, unknown> | undefined;
  private stateMachineContext: Record<string, unknown> | undefined;

  constructor(readonly options: ExecutionOptions) {
    this.host = options.host;
    this.stateMachineType = options.type ?? 'STANDARD';
    this.region = options.region ?? 'us-east-1';
    this.accountId = options.accountId ?? '123456789012';
    this.stateMachineName = options.stateMachineName ?? 'local-state-machine';
    this.name = options.executionName ?? this.host.uuid();
    this.stateMachineArn = `arn:aws:states:${this.region}:${this.accountId}:stateMachine:${this.stateMachineName}`;
    this.executionArn =
      this.stateMachineType === 'EXPRESS'
        ? `arn:aws:states:${this.region}:${this.accountId}:express:${this.stateMachineName}:${this.name}:${this.host.uuid()}`
        : `arn:aws:states:${this.region}:${this.accountId}:execution:${this.stateMachineName}:${this.name}`;
    this.startMs = this.host.now();
    this.scheduler = new ActivityScheduler({
      mode: options.clock ?? 'virtual',
      start: this.startMs,
      realNow: () => this.host.now(),
      setTimer: this.host.setTimer?.bind(this.host),
    });
    this.recorder = new ExecutionHistory(
      () => this.scheduler.now(),
      (event) => {
        if (this.listened) this.publish({ kind: 'historyEvent', event });
      },
      this.stateMachineType === 'STANDARD' ? 25_000 : Number.POSITIVE_INFINITY,
    );
  }

  // ------------------------------------------------------------------------------------------
  // Public surface

  get status(): ExecutionStatus {
    return this.statusValue;
  }

  onEvent(listener: ExecutionListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  history(options?: HistoryOptions): HistoryEvent[] {
    const events = [...this.recorder.events];
    return options?.reverseOrder === true ? events.reverse() : events;
  }

  now(): number {
    return this.scheduler.now();
  }

  activities(): ActivitySnapshot[] {
    return [...this.activityMap.values()].map((a) => this.snapshotOf(a));
  }

  pendingTasks(): PendingTask[] {
    return [...this.waiters.values()].map((w) => w.task);
  }

  sendTaskSuccess(token: string, output: unknown): void {
    this.answer(token, { kind: 'success', output });
  }

  sendTaskFailure(token: string, error?: string, cause?: string): void {
    this.answer(token, { kind: 'failure', error, cause });
  }

  sendTaskHeartbeat(token: string): void {
    const waiter = this.waiters.get(token);
    if (!waiter) throw new TaskTokenError('TaskDoesNotExist', `No task is waiting for token '${token}'.`);
    this.publish({ kind: 'taskAnswered', token, answer: { kind: 'heartbeat' } });
    waiter.onHeartbeat();
    this.scheduler.poke();
  }

  stop(error?: string, cause?: string): void {
    if (this.statusValue !== 'RUNNING') return;
    this.stopRequest = { error, cause };
    this.rootScope.cancel(new ActivityCancelled('aborted'));
    this.scheduler.poke();
  }

  start(): Promise<ExecutionResult> {
    this.running ??= this.run();
    return this.running;
  }

  // ------------------------------------------------------------------------------------------
  // EngineContext

  emit(activity: Activity, type: string, details?: Record<string, unknown>): number {
    if (this.recorder.full) {
      throw new StatesError(
        'States.Runtime',
        'The execution reached the maximum number of history events (25000).',
      );
    }
    if (activity.silent) return activity.lastEventId;
    const id = this.recorder.add(type, activity.lastEventId, details);
    activity.lastEventId = id;
    return id;
  }

  contextFor(run: StateRun, extra?: Record<string, unknown>): Record<string, unknown> {
    const given = this.options.contextObject;
    if (given !== undefined) return extra === undefined ? given : { ...given, ...extra };
    let value = run.contextValue;
    if (
      value === undefined ||
      run.contextRetryCount !== run.retryCount ||
      run.contextTaskToken !== run.taskToken
    ) {
      const state: Record<string, unknown> = { Name: run.name, EnteredTime: run.enteredTime };
      const type = run.def.Type;
      if (type === 'Task' || type === 'Map' || type === 'Parallel') state.RetryCount = run.retryCount;
      this.executionContext ??= {
        Id: this.executionArn,
        Input: this.options.input ?? {},
        StartTime: new Date(this.startMs).toISOString(),
        Name: this.name,
        RoleArn: `arn:aws:iam::${this.accountId}:role/StepFunctionsLocalRole`,
        // Express executions cannot be redriven: AWS gives them no RedriveCount.
        ...(this.stateMachineType === 'STANDARD' ? { RedriveCount: 0 } : {}),
      };
      this.stateMachineContext ??= { Id: this.stateMachineArn, Name: this.stateMachineName };
      value = { Execution: this.executionContext, StateMachine: this.stateMachineContext, State: state };
      if (run.taskToken !== undefined) value.Task = { Token: run.taskToken };
      run.contextValue = value;
      run.contextRetryCount = run.retryCount;
      run.contextTaskToken = run.taskToken;
    }
    return extra === undefined ? value : { ...value, ...extra };
  }

  dataEnv(run: StateRun, input: unknown, extra?: Record<string, unknown>): DataEnv {
    if (extra !== undefined) return this.newDataEnv(run, input, this.contextFor(run, extra));
    // The same env while the input and the context stay the same (a Pass asks up to three times).
    const context = this.contextFor(run);
    const last = run.envCache;
    if (last !== undefined && last.input === input && last.context === context) return last;
    const env = this.newDataEnv(run, input, context);
    run.envCache = env;
    return env;
  }

  private newDataEnv(run: StateRun, input: unknown, context: unknown): DataEnv {
    return { input, context, variables: run.variables, random: this.random, uuid: this.uuid };
  }

  jsonataEnv(run: StateRun, states: Partial<JsonataEnv['states']>): JsonataEnv {
    return {
      states: { input: run.input, ...states, context: states.context ?? this.contextFor(run) },
      variables: run.variables,
      random: this.random,
      uuid: this.uuid,
    };
  }

  private readonly random = (): number => this.host.random();
  private readonly uuid = (): string => this.host.uuid();

  async runChild(
    parent: Activity,
    frame: LocationFrame,
    block: Record<string, unknown>,
    blockPath: StatePath,
    input: unknown,
    scope: CancelScope,
    hooks: ChildHooks = {},
  ): Promise<unknown> {
    await this.scheduler.acquire(scope);
    const activity = this.newActivity(parent, frame, scope, new VariableScope(parent.variables));
    activity.silent = hooks.silent || parent.silent;
    try {
      hooks.onStart?.(activity);
      const output = await this.runBlock(activity, block, blockPath, input);
      hooks.onEnd?.(activity, 'succeeded');
      this.finishActivity(activity, 'succeeded');
      return output;
    } catch (e) {
      const status = e instanceof ActivityCancelled ? 'aborted' : 'failed';
      if (e instanceof ActivityCancelled && activity.current && e.reason === 'siblingFailed') {
        const type = activity.current.stateType;
        if (type === 'Task' || type === 'Wait' || type === 'Map' || type === 'Parallel') {
          this.emit(activity, `${type}StateAborted`);
        }
      }
      if (e instanceof StatesError && frame.kind === 'branch' && activity.current?.stateType === 'Task') {
        // AWS records the failing task of a Parallel branch as aborted when the branch failure ends the Parallel.
        this.emit(activity, 'TaskStateAborted');
      }
      if (!(e instanceof ActivityCancelled) || e.reason === 'siblingFailed') hooks.onEnd?.(activity, status);
      this.finishActivity(activity, status);
      throw e;
    } finally {
      this.scheduler.release();
    }
  }

  async outside<T>(scope: CancelScope, work: () => Promise<T>): Promise<T> {
    let failure: { error: unknown } | undefined;
    const value = await this.scheduler.blocked(
      scope,
      async () => {
        try {
          return await work();
        } catch (error) {
          failure = { error };
          return undefined;
        }
      },
      { external: true },
    );
    if (failure) throw failure.error;
    return value as T;
  }

  newToken(): string {
    this.tokenCounter++;
    return `${this.host.uuid()}-${this.tokenCounter}`;
  }

  waitForAnswer(
    task: PendingTask,
    onHeartbeat: () => void,
  ): { answer: Promise<TaskAnswer>; close: () => void } {
    const answer = new Promise<TaskAnswer>((resolve) => {
      this.waiters.set(task.token, { task, resolve, onHeartbeat });
    });
    this.publish({ kind: 'pendingTask', task });
    return { answer, close: () => this.waiters.delete(task.token) };
  }

  nextInvocation(stateName: string): number {
    const n = this.invocations.get(stateName) ?? 0;
    this.invocations.set(stateName, n + 1);
    return n;
  }

  notifyError(run: StateRun, error: string, cause: string, caught: boolean): void {
    this.publish({
      kind: 'errorRaised',
      activityId: run.activity.id,
      location: run.activity.location,
      stateName: run.name,
      error,
      cause,
      caught,
    });
  }

  // ------------------------------------------------------------------------------------------
  // Running

  private publish(event: ExecutionEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  private get listened(): boolean {
    return this.listeners.size > 0;
  }

  private answer(token: string, answer: TaskAnswer): void {
    const waiter = this.waiters.get(token);
    if (!waiter) throw new TaskTokenError('TaskDoesNotExist', `No task is waiting for token '${token}'.`);
    this.waiters.delete(token);
    this.publish({ kind: 'taskAnswered', token, answer });
    waiter.resolve(answer);
    this.scheduler.poke();
  }

  private newActivity(
    parent: Activity | undefined,
    frame: LocationFrame,
    scope: CancelScope,
    vars: VariableScope,
  ): Activity {
    const activity: Activity = {
      id: this.nextActivityId++,
      parentId: parent?.id,
      // Activity locations never hold 'state' frames (snapshots add the current state).
      location: parent ? [...parent.location, frame] : [frame],
      scope,
      variables: vars,
      lastEventId: parent?.lastEventId ?? 0,
      current: undefined,
    };
    this.activityMap.set(activity.id, activity);
    if (this.listened) this.publish({ kind: 'activityStarted', activity: this.snapshotOf(activity) });
    return activity;
  }

  private finishActivity(activity: Activity, status: 'succeeded' | 'failed' | 'aborted'): void {
    this.activityMap.delete(activity.id);
    if (this.listened) this.publish({ kind: 'activityFinished', activityId: activity.id, status });
  }

  private snapshotOf(a: Activity): ActivitySnapshot {
    const location = a.current
      ? [
          ...a.location,
          { kind: 'state' as const, stateName: a.current.stateName, statePath: a.current.statePath },
        ]
      : a.location;
    return {
      id: a.id,
      parentId: a.parentId,
      location,
      current: a.current,
      variables: a.variables.snapshot(),
    };
  }

  private async run(): Promise<ExecutionResult> {
    const input = this.options.input ?? {};
    const def = (this.options.definition ?? {}) as Record<string, unknown>;
    const root = this.newActivity(
      undefined,
      { kind: 'execution', name: this.name },
      this.rootScope,
      new VariableScope(),
    );
    if (this.options.initialVariables) root.variables.assign(this.options.initialVariables);
    this.publish({ kind: 'executionStarted', input, executionArn: this.executionArn });
    let inputText: string | undefined;
    let inputProblem: StatesError | undefined;
    try {
      inputText = jsonText(input, 'execution input');
      root.lastOutput = { value: input, text: inputText };
    } catch (e) {
      // Refused input (nested too deeply for JSON text): recorded as truncated, then the execution fails.
      if (!(e instanceof StatesError)) throw e;
      inputProblem = e;
    }
    this.emit(root, 'ExecutionStarted', {
      input: inputText ?? 'null',
      inputDetails: { truncated: inputText === undefined },
      roleArn: `arn:aws:iam::${this.accountId}:role/StepFunctionsLocalRole`,
    });
    let limit = typeof def.TimeoutSeconds === 'number' ? def.TimeoutSeconds : undefined;
    if (this.stateMachineType === 'EXPRESS') limit = Math.min(limit ?? 300, 300);
    let cancelTimeout: (() => void) | undefined;
    if (limit !== undefined) {
      const t = this.scheduler.timer(this.rootScope, limit * 1000);
      cancelTimeout = t.cancel;
      t.promise.then(
        () => this.rootScope.cancel(new ActivityCancelled('timedOut')),
        () => undefined,
      );
    }
    let result: Omit<ExecutionResult, 'history' | 'startDate' | 'stopDate'>;
    await this.scheduler.acquire(this.rootScope).catch(() => undefined);
    try {
      if (inputProblem) throw inputProblem;
      this.checkExpress(def);
      const output = await this.runBlock(root, def, [], input);
      const last = root.lastOutput;
      const outputText =
        last !== undefined && last.value === output ? last.text : jsonText(output, 'execution output');
      if (exceedsPayloadLimit(outputText)) {
        throw new StatesError(
          'States.DataLimitExceeded',
          'The execution output exceeds the maximum number of bytes service limit.',
        );
      }
      this.emit(root, 'ExecutionSucceeded', payloadText('output', outputText));
      result = { status: 'SUCCEEDED', output };
    } catch (e) {
      result = this.failureResult(root, e);
    } finally {
      cancelTimeout?.();
      this.scheduler.release();
    }
    for (const waiter of this.waiters.values()) {
      waiter.resolve({ kind: 'failure', error: 'States.Runtime', cause: 'execution ended' });
    }
    this.waiters.clear();
    this.statusValue = result.status;
    this.finishActivity(
      root,
      result.status === 'SUCCEEDED' ? 'succeeded' : result.status === 'ABORTED' ? 'aborted' : 'failed',
    );
    const final: ExecutionResult = {
      ...result,
      startDate: new Date(this.startMs).toISOString(),
      stopDate: new Date(this.scheduler.now()).toISOString(),
      history: [...this.recorder.events],
    };
    this.publish({ kind: 'executionFinished', result: final });
    return final;
  }

  private failureResult(
    root: Activity,
    e: unknown,
  ): Omit<ExecutionResult, 'history' | 'startDate' | 'stopDate'> {
    const add = (type: string, details: Record<string, unknown>) => {
      try {
        this.recorder.add(type, root.lastEventId, details);
      } catch {
        // history full: nothing more to record
      }
    };
    if (e instanceof ActivityCancelled && e.reason === 'timedOut') {
      add('ExecutionTimedOut', { error: 'States.Timeout', cause: 'The execution timed out.' });
      return { status: 'TIMED_OUT', error: 'States.Timeout', cause: 'The execution timed out.' };
    }
    if (e instanceof ActivityCancelled) {
      const details: Record<string, unknown> = {};
      if (this.stopRequest?.error !== undefined) details.error = this.stopRequest.error;
      if (this.stopRequest?.cause !== undefined) details.cause = this.stopRequest.cause;
      add('ExecutionAborted', details);
      return { status: 'ABORTED', error: this.stopRequest?.error, cause: this.stopRequest?.cause };
    }
    const err =
      e instanceof StatesError
        ? e
        : new StatesError('States.Runtime', e instanceof Error ? e.message : String(e));
    const details: Record<string, unknown> = {};
    if (err.error !== undefined) details.error = err.error;
    if (err.cause !== undefined) details.cause = err.cause;
    add('ExecutionFailed', details);
    return { status: 'FAILED', error: err.error, cause: err.cause };
  }

  private checkExpress(def: Record<string, unknown>): void {
    if (this.stateMachineType !== 'EXPRESS') return;
    const visit = (block: unknown): void => {
      const states = (block as Record<string, unknown> | undefined)?.States;
      if (!states || typeof states !== 'object') return;
      for (const [name, s] of Object.entries(states as Record<string, Record<string, unknown>>)) {
        if (s?.Type === 'Task' && typeof s.Resource === 'string') {
          const info = classifyResource(s.Resource);
          if (info.kind === 'activity' || info.pattern !== 'request') {
            throw new StatesError(
              'States.Runtime',
              `Express state machine does not support '${info.kind === 'activity' ? 'Activity ARN' : info.pattern === 'sync' ? '.sync' : '.waitForTaskToken'}' at /States/${name}/Resource`,
            );
          }
        }
        if (Array.isArray(s?.Branches)) s.Branches.forEach(visit);
        visit(s?.ItemProcessor ?? s?.Iterator);
      }
    };
    visit(def);
  }

  /** Runs one `{StartAt, States}` block in an activity that holds the run lock. */
  private async runBlock(
    activity: Activity,
    block: Record<string, unknown>,
    blockPath: StatePath,
    input: unknown,
  ): Promise<unknown> {
    const states = (block.States ?? {}) as Record<string, Record<string, unknown>>;
    let name = block.StartAt as string;
    let current = input;
    const topLanguage = ((this.options.definition as Record<string, unknown>)?.QueryLanguage ??
      'JSONPath') as string;
    const paths = new Map<string, StatePath>();
    for (;;) {
      activity.scope.throwIfCancelled();
      const def = states[name];
      if (!def || typeof def !== 'object') {
        throw new StatesError('States.Runtime', `The state '${String(name)}' does not exist in this block.`);
      }
      let path = paths.get(name);
      if (path === undefined) {
        path = [...blockPath, 'States', name];
        paths.set(name, path);
      }
      if (this.options.beforeState) current = await this.beforeState(activity, name, path, def, current);
      const outcome = await this.runState(
        activity,
        name,
        path,
        def,
        current,
        topLanguage === 'JSONata' ? 'JSONata' : 'JSONPath',
      );
      activity.current = undefined;
      if (outcome.next === undefined) return outcome.output;
      name = outcome.next;
      current = outcome.output;
    }
  }

  private async beforeState(
    activity: Activity,
    name: string,
    path: StatePath,
    def: Record<string, unknown>,
    input: unknown,
  ): Promise<unknown> {
    const hook = this.options.beforeState;
    if (!hook) return input;
    let replaced = input;
    // A throwing hook's error is rethrown as it is, once the run lock is held again.
    await this.outside(activity.scope, async () => {
      await hook({
        activityId: activity.id,
        location: activity.location,
        stateName: name,
        statePath: path,
        stateType: String(def.Type),
        input,
        variables: activity.variables.snapshot(),
        context: this.contextFor({
          name,
          def,
          enteredTime: this.recorder.isoNow(),
          retryCount: 0,
        } as StateRun),
        replaceInput: (value) => {
          replaced = value;
        },
      });
    });
    return replaced;
  }

  /** Runs one state: entry (history, inspection), the state's runner, exit. */
  private async runState(
    activity: Activity,
    name: string,
    path: StatePath,
    def: Record<string, unknown>,
    input: unknown,
    topLanguage: 'JSONPath' | 'JSONata',
  ): Promise<StateOutcome> {
    // Kept small: a suspended async function stores its whole register file, so the work is in sync helpers.
    const run = this.enterState(activity, name, path, def, input, topLanguage);
    let outcome: StateOutcome;
    let outputText: string;
    try {
      outcome = await this.dispatch(run, run.inspection.stateType);
      outputText = this.outputTextOf(run, outcome.output);
    } catch (e) {
      throw await this.stateFailed(run, e);
    }
    this.exitState(run, outcome, outputText);
    return outcome;
  }

  private enterState(
    activity: Activity,
    name: string,
    path: StatePath,
    def: Record<string, unknown>,
    input: unknown,
    topLanguage: 'JSONPath' | 'JSONata',
  ): StateRun {
    const type = String(def.Type);
    const last = activity.lastOutput;
    const inputText = last !== undefined && last.value === input ? last.text : jsonText(input, 'state input');
    const enteredEventId = this.emit(activity, stateEventType(type, 'Entered'), {
      name,
      input: inputText,
      inputDetails: NOT_TRUNCATED,
    });
    const variables = activity.variables.snapshot();
    const inspection: StateInspection = {
      stateName: name,
      statePath: path,
      stateType: type,
      input,
      context: undefined,
      variables,
      retryCount: 0,
    };
    const run: StateRun = {
      activity,
      name,
      path,
      def,
      queryLanguage:
        def.QueryLanguage === 'JSONata' || (def.QueryLanguage === undefined && topLanguage === 'JSONata')
          ? 'JSONata'
          : 'JSONPath',
      input,
      inputText,
      enteredEventId,
      enteredTime: this.recorder.isoNow(),
      variables,
      retryCount: 0,
      inspection,
    };
    inspection.context = this.contextFor(run);
    activity.current = inspection;
    if (this.listened) {
      this.publish({
        kind: 'stateEntered',
        activityId: activity.id,
        location: activity.location,
        inspection,
      });
    }
    return run;
  }

  /** The output's JSON text (the input's when unchanged); over 256 KiB is States.DataLimitExceeded. */
  private outputTextOf(run: StateRun, output: unknown): string {
    const text =
      output === run.input && run.inputText !== undefined ? run.inputText : jsonText(output, 'state output');
    if (exceedsPayloadLimit(text)) {
      throw new StatesError(
        'States.DataLimitExceeded',
        `The state/task '${run.name}' returned a result with a size exceeding the maximum number of bytes service limit.`,
      );
    }
    return text;
  }

  /** An error out of a state: events, the uncaught onStateError hook; returns what to throw. */
  private async stateFailed(run: StateRun, e: unknown): Promise<unknown> {
    if (!(e instanceof StatesError)) return e;
    if (e.details.evaluationFailed) emitEvaluationFailed(this, run, e);
    this.notifyError(run, e.error, e.cause ?? '', false);
    let raised = e;
    if (
      (e.error === 'States.Runtime' || e.error === 'States.QueryEvaluationError') &&
      !e.cause?.startsWith('An error occurred')
    ) {
      raised = new StatesError(
        e.error,
        stateFailureCause(run.name, run.enteredEventId, e.cause ?? ''),
        e.details,
      );
    }
    await stateErrorHook(this, run, raised, 'uncaught', {});
    return raised;
  }

  private exitState(run: StateRun, outcome: StateOutcome, outputText: string): void {
    const { activity, inspection } = run;
    const type = inspection.stateType;
    inspection.output = outcome.output;
    inspection.next = outcome.next;
    inspection.assigned = outcome.assigned;
    if (type !== 'Fail') {
      const details: Record<string, unknown> = {
        name: run.name,
        output: outputText,
        outputDetails: NOT_TRUNCATED,
      };
      if (outcome.assigned && Object.keys(outcome.assigned).length > 0) {
        details.assignedVariables = Object.fromEntries(
          Object.entries(outcome.assigned).map(([k, v]) => [k, JSON.stringify(v)]),
        );
        details.assignedVariablesDetails = { truncated: false };
      }
      this.emit(activity, stateEventType(type, 'Exited'), details);
    }
    activity.lastOutput = { value: outcome.output, text: outputText };
    if (outcome.assigned) activity.variables.assign(outcome.assigned);
    if (this.listened) {
      this.publish({ kind: 'stateExited', activityId: activity.id, location: activity.location, inspection });
    }
  }

  /** The state runner for a type (not async itself: no extra promise around the runner's). */
  private dispatch(run: StateRun, type: string): Promise<StateOutcome> {
    switch (type) {
      case 'Pass':
        return runPass(this, run);
      case 'Choice':
        return runChoice(this, run);
      case 'Wait':
        return runWait(this, run);
      case 'Succeed':
        return runSucceed(this, run);
      case 'Fail':
        return runFail(this, run);
      case 'Task':
        return withErrorHandling(this, run, () =>
          runTaskAttempt(this, run, classifyResource(String(run.def.Resource ?? ''))),
        );
      case 'Parallel':
        return withErrorHandling(this, run, () => runParallel(this, run));
      case 'Map':
        return withErrorHandling(this, run, () => runMap(this, run));
      default:
        throw new StatesError('States.Runtime', `Unknown state type '${type}'.`);
    }
  }
}
