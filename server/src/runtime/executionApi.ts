/**
 * The public surface of the local Step Functions runtime: the injected host, the Execution object, its typed
 * events, the before-state hook, location chains, pending tasks and inspection records. The debugger, the CLI
 * and the tests program against these types only. Types only: no behaviour, no I/O, no transport.
 */
import type { StatePath } from '../asl';

// ---------------------------------------------------------------------------------------------
// Host

/** What the host answers for a task (handler module, debugger user, test double). */
export type TaskAnswer =
  { kind: 'success'; output: unknown } | { kind: 'failure'; error?: string; cause?: string };

/** A task invocation handed to the host (handler modules are bound per state name or Resource ARN). */
export interface TaskInvocation {
  stateName: string;
  statePath: StatePath;
  resource: string;
  /** The effective task input (after InputPath + Parameters, or Arguments). */
  input: unknown;
  /** Task token when the resource uses `.waitForTaskToken` or is an activity. */
  taskToken?: string;
  /** The context object (`$$`) at the time of the call. */
  context: unknown;
}

/**
 * Everything the runtime needs from the outside world. The core never reads files, clocks or randomness
 * itself. `now`, `random`, `uuid` are required; the rest is optional.
 */
export interface RuntimeHost {
  /** Wall-clock time in epoch milliseconds (start time of a virtual-clock execution; the clock in real time). */
  now(): number;
  /** Uniform random number in [0, 1). */
  random(): number;
  /** A random v4 UUID. */
  uuid(): string;
  /** Real-time mode only: call `callback` after `ms` milliseconds; returns a cancel function. */
  setTimer?(ms: number, callback: () => void): () => void;
  /**
   * Invoke a local handler for a task (after mocks had no answer). Resolve `undefined` when no handler is
   * bound, so the task becomes a pending task.
   */
  invokeTask?(invocation: TaskInvocation): Promise<TaskAnswer | undefined>;
  /**
   * Called when a task has no mock and no handler (and for every `.waitForTaskToken` / activity task without
   * a mock). Return `'wait'` when somebody (a debugger user) will answer through `sendTask*`; return a
   * failure to end the task now (the CLI: "no mock for state X ..."). Default: a failure naming the state.
   */
  unansweredTask?(task: PendingTask): 'wait' | TaskAnswer;
  /** Read a UTF-8 file (Map ItemReader with a local path). */
  readFile?(path: string): Promise<string>;
  /** Write a UTF-8 file, creating folders (Map ResultWriter to a local folder). */
  writeFile?(path: string, content: string): Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// Mocks (Step Functions Local MockConfigFile)

/** One mocked answer: `Return` a result or `Throw` an error. */
export interface MockedResponse {
  Return?: unknown;
  Throw?: { Error?: string; Cause?: string };
}

/** A MockedResponses entry: invocation keys `"0"`, `"1-2"` ... (zero-based) to a response. */
export type MockedResponseSequence = Record<string, MockedResponse>;

/** Step Functions Local MockConfigFile (AWS format). */
export interface MockConfigFile {
  StateMachines?: Record<string, { TestCases?: Record<string, Record<string, string>> }>;
  MockedResponses?: Record<string, MockedResponseSequence>;
}

/** A resolved test case: per Task state name, the response sequence to use. */
export type MockTestCase = Record<string, MockedResponseSequence>;

// ---------------------------------------------------------------------------------------------
// Options

export type StateMachineType = 'STANDARD' | 'EXPRESS';
export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';

/** Everything needed to start an execution. */
export interface ExecutionOptions {
  /** The plain JSON state machine definition (e.g. `StateMachineModel.definition`). */
  definition: unknown;
  input?: unknown;
  host: RuntimeHost;
  /** Default STANDARD. */
  type?: StateMachineType;
  /** `virtual` (default): waits and timeouts advance simulated time instantly; `real`: host timers. */
  clock?: 'virtual' | 'real';
  stateMachineName?: string;
  executionName?: string;
  region?: string;
  accountId?: string;
  /** Mocked task responses (consulted first). */
  mocks?: MockTestCase;
  /** Awaited before every state runs (debugger pause point). */
  beforeState?: BeforeStateHook;
  /**
   * Awaited before each retry attempt (attempt >= 1) of a Task/Parallel/Map, after the backoff delay elapsed
   * (the simulated clock already shows the delay). Other activities keep running while it is pending; a hook
   * that throws fails the execution with `States.Runtime` naming the hook.
   */
  beforeAttempt?: (context: BeforeAttemptContext) => void | Promise<void>;
  /**
   * Awaited when a state raises an error, once the Retry/Catch decision is known, before it takes effect
   * (before the backoff delay, the catcher's output/transition, or the propagation). It runs after the events
   * that already report the failure (`errorRaised` for a retry or an uncaught error, `MapStateFailed` /
   * `ParallelStateFailed` history events); for a catch, the `errorRaised` event follows the hook. Called for
   * errors in nested branches/iterations too, with their activity. A hook that throws fails the execution
   * with `States.Runtime` naming the hook.
   */
  onStateError?: (context: StateErrorContext) => void | Promise<void>;
  /** Variables visible from the first state (TestState `variables`). */
  initialVariables?: Record<string, unknown>;
  /** TestState `context`: used as the context object (`$$`, `$states.context`) of every state, as given. */
  contextObject?: Record<string, unknown>;
}

// ---------------------------------------------------------------------------------------------
// Locations and activities

/** One link of a location chain, outermost first. */
export type LocationFrame =
  | { kind: 'execution'; name: string }
  | { kind: 'branch'; stateName: string; statePath: StatePath; branchIndex: number }
  | { kind: 'iteration'; stateName: string; statePath: StatePath; index: number }
  | { kind: 'state'; stateName: string; statePath: StatePath };

/**
 * An activity is one sequential thread of states: the execution itself, a Parallel branch or a Map iteration.
 * Concurrent branches/iterations are separate activities (separate debugger threads).
 */
export interface ActivitySnapshot {
  id: number;
  parentId: number | undefined;
  /** e.g. execution -> branch (P, 1) -> iteration (X, 3) -> state Y. */
  location: LocationFrame[];
  /** The state currently running (undefined before the first state / after the last). */
  current: StateInspection | undefined;
  /** Variables visible in this activity (own scope over outer scopes). */
  variables: Record<string, unknown>;
}

/** What a debugger can see about a state in one activity. Fields fill in as the state progresses. */
export interface StateInspection {
  stateName: string;
  statePath: StatePath;
  stateType: string;
  /** Raw state input. */
  input: unknown;
  /** After InputPath (JSONPath). */
  afterInputPath?: unknown;
  /** After Parameters / Arguments / ItemSelector: what the task or branches receive. */
  effectiveInput?: unknown;
  /** Raw result (task answer, Pass Result, branch outputs). */
  result?: unknown;
  /** After ResultSelector. */
  afterResultSelector?: unknown;
  /** After ResultPath. */
  afterResultPath?: unknown;
  /** Final output. */
  output?: unknown;
  /** Context object (`$$` / `$states.context`). */
  context: unknown;
  /** Variables as of state entry. */
  variables: Record<string, unknown>;
  /** Variables assigned on exit. */
  assigned?: Record<string, unknown>;
  /** Chosen next state. */
  next?: string;
  retryCount: number;
}

/** Passed to the before-state hook. */
export interface BeforeStateContext {
  activityId: number;
  location: LocationFrame[];
  stateName: string;
  statePath: StatePath;
  stateType: string;
  /** The raw input the state is about to receive. */
  input: unknown;
  variables: Record<string, unknown>;
  context: unknown;
  /** Replace the raw input before the state runs. */
  replaceInput(value: unknown): void;
}

/** Awaited before each state runs; the state starts when the returned promise settles. */
export type BeforeStateHook = (context: BeforeStateContext) => void | Promise<void>;

/** Passed to the `beforeAttempt` hook. */
export interface BeforeAttemptContext {
  activityId: number;
  /** The activity's location (without the state frame), as in BeforeStateContext. */
  location: LocationFrame[];
  stateName: string;
  statePath: StatePath;
  stateType: string;
  /** 1 = first retry. Equals `$$.State.RetryCount` of the attempt about to run. */
  attempt: number;
  /** Index in the state's `Retry` array of the retrier that matched. */
  retrierIndex: number;
  /** The error that caused the retry. */
  error: string;
  cause: string | undefined;
  /** The backoff delay that elapsed before this attempt (ms, after jitter). */
  delayMs: number;
  /** The state's raw input (each attempt starts from it). */
  input: unknown;
  /** Variables as of state entry. */
  variables: Record<string, unknown>;
  /** Context object (`$$`) of the attempt about to run. */
  context: unknown;
}

/** Passed to the `onStateError` hook. */
export interface StateErrorContext {
  activityId: number;
  /** The activity's location (without the state frame), as in BeforeStateContext. */
  location: LocationFrame[];
  stateName: string;
  statePath: StatePath;
  stateType: string;
  error: string;
  /** The cause as it propagates (States.Runtime causes carry AWS's "An error occurred while executing ..." prefix). */
  cause: string | undefined;
  /** `uncaught` = the error propagates out of the state (fails the branch/iteration/execution). */
  disposition: 'retry' | 'catch' | 'uncaught';
  /** With `retry`: the matching retrier's index in `Retry`. */
  retrierIndex?: number;
  /** With `catch`: the matching catcher's index in `Catch`. */
  catcherIndex?: number;
  /** The state's raw input. */
  input: unknown;
  /** Variables as of state entry. */
  variables: Record<string, unknown>;
  /** Context object (`$$`) of the failed attempt. */
  context: unknown;
}

// ---------------------------------------------------------------------------------------------
// Tasks waiting for an answer

export interface PendingTask {
  token: string;
  activityId: number;
  stateName: string;
  statePath: StatePath;
  resource: string;
  input: unknown;
  location: LocationFrame[];
  /** Simulated/real epoch ms when it started waiting. */
  since: number;
}

// ---------------------------------------------------------------------------------------------
// History (AWS GetExecutionHistory shape)

export interface HistoryEvent {
  id: number;
  previousEventId: number;
  /** ISO-8601 timestamp (simulated time with the virtual clock). */
  timestamp: string;
  type: string;
  /** Exactly one `<camelType>EventDetails` key, as in AWS, when the type has details. */
  [details: string]: unknown;
}

/** Options of {@link Execution.history} (GetExecutionHistory's request parameters that apply locally). */
export interface HistoryOptions {
  /** Newest event first (AWS GetExecutionHistory `reverseOrder`). Default false. */
  reverseOrder?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Results and events

export interface ExecutionResult {
  status: Exclude<ExecutionStatus, 'RUNNING'>;
  output?: unknown;
  error?: string;
  cause?: string;
  startDate: string;
  stopDate: string;
  history: HistoryEvent[];
}

/** Everything an Execution reports, in order. Discriminated on `kind`. */
export type ExecutionEvent =
  | { kind: 'executionStarted'; input: unknown; executionArn: string }
  | { kind: 'activityStarted'; activity: ActivitySnapshot }
  | { kind: 'activityFinished'; activityId: number; status: 'succeeded' | 'failed' | 'aborted' }
  | { kind: 'stateEntered'; activityId: number; location: LocationFrame[]; inspection: StateInspection }
  | { kind: 'stateExited'; activityId: number; location: LocationFrame[]; inspection: StateInspection }
  | { kind: 'historyEvent'; event: HistoryEvent }
  | { kind: 'pendingTask'; task: PendingTask }
  | { kind: 'taskAnswered'; token: string; answer: TaskAnswer | { kind: 'heartbeat' } }
  | {
      kind: 'errorRaised';
      activityId: number;
      location: LocationFrame[];
      stateName: string;
      error: string;
      cause: string;
      /** True when a Retry or Catch of this state (or a tolerated Map failure) handles it. */
      caught: boolean;
    }
  | { kind: 'executionFinished'; result: ExecutionResult };

export type ExecutionListener = (event: ExecutionEvent) => void;

/** Thrown by sendTask* for an unknown or closed token (AWS: TaskDoesNotExist / InvalidToken). */
export class TaskTokenError extends Error {
  constructor(
    readonly code: 'TaskDoesNotExist' | 'InvalidToken' | 'TaskTimedOut',
    message: string,
  ) {
    super(message);
  }
}

/** A running (or finished) state machine execution. */
export interface Execution {
  readonly executionArn: string;
  readonly name: string;
  /** Start running; resolves when the execution ends (never rejects). Idempotent. */
  start(): Promise<ExecutionResult>;
  /** Subscribe to events; returns an unsubscribe function. */
  onEvent(listener: ExecutionListener): () => void;
  readonly status: ExecutionStatus;
  /**
   * History so far (AWS-shaped), oldest first; `reverseOrder: true` lists it newest first, as
   * GetExecutionHistory's `reverseOrder` parameter does (the events themselves are unchanged).
   */
  history(options?: HistoryOptions): HistoryEvent[];
  /** The running activities (execution, branches, iterations), outermost first. */
  activities(): ActivitySnapshot[];
  /** Tasks waiting for SendTaskSuccess / Failure. */
  pendingTasks(): PendingTask[];
  sendTaskSuccess(token: string, output: unknown): void;
  sendTaskFailure(token: string, error?: string, cause?: string): void;
  /** Resets the heartbeat timer of a waiting task. */
  sendTaskHeartbeat(token: string): void;
  /** StopExecution: ends as ABORTED. */
  stop(error?: string, cause?: string): void;
  /** Current (simulated) time, epoch ms. */
  now(): number;
}

// ---------------------------------------------------------------------------------------------
// TestState-style single-state evaluation

export interface TestStateOptions {
  /** The state's JSON definition (one state, as in the TestState API). */
  definition: unknown;
  input?: unknown;
  variables?: Record<string, unknown>;
  /** Mocked task result: `{ result: JSON text }` or `{ errorOutput: {error, cause} }` (TestState API shape). */
  mock?: { result?: string; errorOutput?: { error?: string; cause?: string } };
  inspectionLevel?: 'INFO' | 'DEBUG' | 'TRACE';
  stateName?: string;
  /** Context object overrides (`$$`). */
  context?: Record<string, unknown>;
  /** TestState's simulated situation: earlier retries, failed Map iterations, the state an error came from. */
  stateConfiguration?: {
    retrierRetryCount?: number;
    mapIterationFailureCount?: number;
    errorCausedByState?: string;
  };
  /** Account id used in ARNs (default 123456789012). */
  accountId?: string;
  host: RuntimeHost;
}

export interface TestStateResult {
  status: 'SUCCEEDED' | 'FAILED' | 'RETRIABLE' | 'CAUGHT_ERROR';
  output?: unknown;
  error?: string;
  cause?: string;
  nextState?: string;
  inspectionData?: Record<string, unknown>;
}
