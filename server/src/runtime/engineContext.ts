/**
 * Internal contract between the execution object and the state runners (Task, Parallel, Map, error handling):
 * the per-activity record, the per-state run record, and the services a runner may use. Not public API.
 * Pure: no I/O, no transport.
 */
import type { StatePath, QueryLanguage } from '../asl';
import type { ActivityScheduler, CancelScope } from './activityScheduler';
import { setField, type DataEnv, type JsonataEnv } from './dataFlow';
import type {
  ExecutionOptions,
  LocationFrame,
  PendingTask,
  RuntimeHost,
  StateInspection,
  TaskAnswer,
} from './executionApi';
import type { ExecutionHistory } from './executionHistory';

/** Variables of one `States` block, reading through to enclosing blocks. */
export class VariableScope {
  private readonly own = new Map<string, unknown>();
  /** The last snapshot and the parent snapshot it was built on (snapshots are never mutated: shared). */
  private cached: Record<string, unknown> | undefined;
  private cachedParent: Record<string, unknown> | undefined;
  constructor(readonly parent?: VariableScope) {}

  /** All visible variables (own over outer). The same object until a variable here or outside changes. */
  snapshot(): Record<string, unknown> {
    const outer = this.parent?.snapshot();
    if (this.cached !== undefined && outer === this.cachedParent) return this.cached;
    const out: Record<string, unknown> = outer ? { ...outer } : {};
    for (const [k, v] of this.own) setField(out, k, v);
    this.cached = out;
    this.cachedParent = outer;
    return out;
  }

  assign(values: Record<string, unknown>): void {
    for (const [k, v] of Object.entries(values)) this.own.set(k, v);
    this.cached = undefined;
  }
}

/** One sequential thread: the execution, a Parallel branch, a Map iteration. */
export interface Activity {
  id: number;
  parentId: number | undefined;
  location: LocationFrame[];
  scope: CancelScope;
  variables: VariableScope;
  /** Id of the last history event of this thread (previousEventId of the next one). */
  lastEventId: number;
  current: StateInspection | undefined;
  /** Records no history events (distributed Map child executions). */
  silent?: boolean;
  /** The last state output and its JSON text (the next state's input text when the value is unchanged). */
  lastOutput?: { value: unknown; text: string };
}

/** Extras for a child activity: silent ones (distributed Map children) record no history. */
export interface ChildHooks {
  silent?: boolean;
  onStart?: (child: Activity) => void;
  onEnd?: (child: Activity, status: 'succeeded' | 'failed' | 'aborted') => void;
}

/** One state being run in one activity. */
export interface StateRun {
  activity: Activity;
  name: string;
  path: StatePath;
  /** The state's JSON. */
  def: Record<string, unknown>;
  queryLanguage: QueryLanguage;
  input: unknown;
  /** The input's JSON text (as recorded in the entered event). */
  inputText?: string;
  enteredEventId: number;
  enteredTime: string;
  /** Variables as of state entry. */
  variables: Record<string, unknown>;
  retryCount: number;
  inspection: StateInspection;
  taskToken?: string;
  /** The JSONPath env last made for this run without extras (read-only for its users). */
  envCache?: DataEnv;
  /** The context object last built for this run (rebuilt when RetryCount or the task token change). */
  contextValue?: Record<string, unknown>;
  contextRetryCount?: number;
  contextTaskToken?: string;
}

/** What a state runner returns: the output and the next state (undefined = end of block). */
export interface StateOutcome {
  output: unknown;
  next: string | undefined;
  assigned?: Record<string, unknown>;
}

/** Services the runners use. */
export interface EngineContext {
  readonly options: ExecutionOptions;
  readonly host: RuntimeHost;
  readonly scheduler: ActivityScheduler;
  readonly recorder: ExecutionHistory;
  /** Appends a history event for an activity (chains previousEventId). */
  emit(activity: Activity, type: string, details?: Record<string, unknown>): number;
  /** The context object for a state run (with optional Map item / task token). */
  contextFor(run: StateRun, extra?: Record<string, unknown>): Record<string, unknown>;
  dataEnv(run: StateRun, input: unknown, extra?: Record<string, unknown>): DataEnv;
  jsonataEnv(run: StateRun, states: Partial<JsonataEnv['states']>): JsonataEnv;
  /** Runs a nested `{StartAt, States}` block in a new child activity. */
  runChild(
    parent: Activity,
    frame: LocationFrame,
    block: Record<string, unknown>,
    blockPath: StatePath,
    input: unknown,
    scope: CancelScope,
    hooks?: ChildHooks,
  ): Promise<unknown>;
  /**
   * Runs host work (a file, a hook) with the run lock released, the virtual clock held; its failure is
   * rethrown only once the lock is held again (so callers' cleanup runs under the lock).
   */
  outside<T>(scope: CancelScope, work: () => Promise<T>): Promise<T>;
  /** Next task token / id. */
  newToken(): string;
  /** Register a task waiting for SendTask*; resolves with the answer (heartbeats call `onHeartbeat`). */
  waitForAnswer(
    task: PendingTask,
    onHeartbeat: () => void,
  ): { answer: Promise<TaskAnswer>; close: () => void };
  /** Per-state invocation counters for mocks. */
  nextInvocation(stateName: string): number;
  readonly stateMachineType: 'STANDARD' | 'EXPRESS';
  readonly region: string;
  readonly accountId: string;
  readonly executionArn: string;
  readonly stateMachineArn: string;
  notifyError(run: StateRun, error: string, cause: string, caught: boolean): void;
}
