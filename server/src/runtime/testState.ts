/**
 * A TestState-style single-state evaluation: runs one state definition with an input (and optional variables
 * and a mocked task answer) and reports output, error, next state and inspection data, as AWS's TestState API.
 * Built on the execution engine; pure (host injected), no transport.
 */
import type {
  ExecutionEvent,
  MockTestCase,
  StateInspection,
  TestStateOptions,
  TestStateResult,
} from './executionApi';
import { createExecution } from './stateMachineExecution';
import { errorMatches } from './statesError';

function targets(def: Record<string, unknown>): string[] {
  const out: string[] = [];
  if (typeof def.Next === 'string') out.push(def.Next);
  if (typeof def.Default === 'string') out.push(def.Default);
  for (const list of [def.Choices, def.Catch]) {
    if (Array.isArray(list)) for (const item of list) if (typeof item?.Next === 'string') out.push(item.Next);
  }
  return out;
}

function inspectionData(
  i: StateInspection | undefined,
  def: Record<string, unknown>,
  jsonata: boolean,
  input: unknown,
): Record<string, unknown> {
  const type = String(def.Type);
  const out: Record<string, unknown> = { input };
  if (type === 'Map') {
    if (!jsonata && i?.afterInputPath !== undefined) out.afterInputPath = i.afterInputPath;
    out.maxConcurrency = typeof def.MaxConcurrency === 'number' ? def.MaxConcurrency : 0;
    if (typeof def.ToleratedFailureCount === 'number') out.toleratedFailureCount = def.ToleratedFailureCount;
    if (typeof def.ToleratedFailurePercentage === 'number') {
      out.toleratedFailurePercentage = def.ToleratedFailurePercentage;
    }
    return out;
  }
  if (!i) return out;
  if (jsonata) {
    if (type === 'Task' || type === 'Parallel') {
      if (i.effectiveInput !== undefined && def.Arguments !== undefined) {
        out.afterArguments = i.effectiveInput;
      }
      if (i.result !== undefined && type === 'Task') out.result = JSON.stringify(i.result);
    }
    return out;
  }
  if (i.afterInputPath !== undefined) out.afterInputPath = i.afterInputPath;
  if (type === 'Task' || type === 'Pass' || type === 'Parallel') {
    if (i.effectiveInput !== undefined) out.afterParameters = i.effectiveInput;
    if (i.result !== undefined && type === 'Task') out.result = JSON.stringify(i.result);
    const selected = i.afterResultSelector ?? i.result;
    if (selected !== undefined) out.afterResultSelector = selected;
    if (i.afterResultPath !== undefined) out.afterResultPath = i.afterResultPath;
  }
  return out;
}

/** The retrier that would retry `error` after `retryCount` earlier retries, as TestState reports it. */
function retriable(
  def: Record<string, unknown>,
  error: string,
  retryCount: number,
): Record<string, unknown> | undefined {
  if (!Array.isArray(def.Retry)) return undefined;
  for (let i = 0; i < def.Retry.length; i++) {
    const r = def.Retry[i] as Record<string, unknown>;
    if (!Array.isArray(r.ErrorEquals) || !errorMatches(r.ErrorEquals, error)) continue;
    const max = typeof r.MaxAttempts === 'number' ? r.MaxAttempts : 3;
    if (retryCount >= max) return undefined;
    const interval = typeof r.IntervalSeconds === 'number' ? r.IntervalSeconds : 1;
    const backoff = typeof r.BackoffRate === 'number' ? r.BackoffRate : 2;
    let seconds = interval * Math.pow(backoff, retryCount);
    if (typeof r.MaxDelaySeconds === 'number') seconds = Math.min(seconds, r.MaxDelaySeconds);
    return { retryBackoffIntervalSeconds: seconds, retryIndex: i };
  }
  return undefined;
}

function findState(block: Record<string, unknown>, name: string): Record<string, unknown> | undefined {
  const states = block.States as Record<string, Record<string, unknown>> | undefined;
  if (!states || typeof states !== 'object') return undefined;
  if (states[name]) return states[name];
  for (const state of Object.values(states)) {
    for (const child of [
      ...(Array.isArray(state?.Branches) ? state.Branches : []),
      state?.ItemProcessor,
      state?.Iterator,
    ]) {
      const found =
        child && typeof child === 'object' ? findState(child as Record<string, unknown>, name) : undefined;
      if (found) return found;
    }
  }
  return undefined;
}

/** Evaluates one state the way the TestState API does. */
export async function testState(options: TestStateOptions): Promise<TestStateResult> {
  let def = (options.definition ?? {}) as Record<string, unknown>;
  const name = options.stateName ?? 'StateName';
  if (def.States && typeof def.States === 'object') {
    // A whole state machine: test the named state (TestState's stateName), searching nested blocks too.
    const found = findState(def, name);
    if (!found) {
      return {
        status: 'FAILED',
        error: 'States.Runtime',
        cause: `The state '${name}' is not in the definition.`,
      };
    }
    def =
      found.QueryLanguage === undefined && def.QueryLanguage !== undefined
        ? { ...found, QueryLanguage: def.QueryLanguage }
        : found;
  }
  const type = String(def.Type);
  const original = def;
  let mock = options.mock;
  const failures = options.stateConfiguration?.mapIterationFailureCount;
  if (
    type === 'Map' &&
    failures !== undefined &&
    failures > 0 &&
    !options.stateConfiguration?.errorCausedByState
  ) {
    const count = typeof def.ToleratedFailureCount === 'number' ? def.ToleratedFailureCount : undefined;
    const pct =
      typeof def.ToleratedFailurePercentage === 'number' ? def.ToleratedFailurePercentage : undefined;
    const tolerated = (count !== undefined && failures <= count) || (pct !== undefined && pct >= 100);
    if (!tolerated || (count === undefined && pct === undefined)) {
      mock = {
        errorOutput: {
          error: 'States.ExceedToleratedFailureThreshold',
          cause: 'The specified tolerated failure threshold was exceeded',
        },
      };
    }
  }
  if ((def.Type === 'Map' || def.Type === 'Parallel') && (mock?.result !== undefined || mock?.errorOutput)) {
    // A mocked Map/Parallel result replaces the iterations/branches; the state's own I/O processing still runs.
    const {
      Branches: _b,
      ItemProcessor: _p,
      Iterator: _i,
      ItemsPath: _ip,
      Items: _it,
      ItemSelector: _is,
      ...rest
    } = def;
    def = { ...rest, Type: 'Task', Resource: 'arn:aws:states:::mocked:result' };
    if (rest.Parameters !== undefined && _b === undefined) delete def.Parameters;
  }
  const states: Record<string, unknown> = {};
  for (const target of targets(def)) states[target] = { Type: 'Pass', End: true };
  states[name] =
    def.Next === undefined && type !== 'Choice' && type !== 'Succeed' && type !== 'Fail'
      ? { ...def, End: true }
      : def;
  let mocks: MockTestCase | undefined;
  if (mock && def.Type === 'Task') {
    if (mock.errorOutput) {
      // Every attempt fails the same way, so retries run out and Catch decides.
      mocks = {
        [name]: { '0-1000': { Throw: { Error: mock.errorOutput.error, Cause: mock.errorOutput.cause } } },
      };
    } else if (mock.result !== undefined) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(mock.result);
      } catch {
        return { status: 'FAILED', error: 'States.Runtime', cause: 'The mocked result is not valid JSON.' };
      }
      mocks = { [name]: { '0': { Return: parsed } } };
    }
  }
  const execution = createExecution({
    definition: {
      StartAt: name,
      States: states,
      QueryLanguage: def.QueryLanguage === 'JSONata' ? 'JSONata' : undefined,
    },
    input: options.input ?? {},
    host: options.host,
    type: 'EXPRESS',
    accountId: options.accountId,
    mocks,
    initialVariables: options.variables,
  });
  let exited: StateInspection | undefined;
  let nextState: string | undefined;
  let handled: 'CAUGHT_ERROR' | 'RETRIABLE' | undefined;
  let handledError: { error: string; cause: string } | undefined;
  let errorDetails: Record<string, unknown> | undefined;
  execution.onEvent((event: ExecutionEvent) => {
    if (
      (event.kind === 'stateExited' || event.kind === 'stateEntered') &&
      event.inspection.stateName === name
    ) {
      exited = event.inspection;
    }
    if (event.kind === 'stateEntered' && event.inspection.stateName !== name && nextState === undefined) {
      nextState = event.inspection.stateName;
    }
    if (event.kind === 'errorRaised' && event.stateName === name && handled === undefined) {
      handledError = { error: event.error, cause: event.cause };
      const retry = retriable(def, event.error, options.stateConfiguration?.retrierRetryCount ?? 0);
      if (retry) {
        handled = 'RETRIABLE';
        errorDetails = retry;
        execution.stop();
      } else if (
        Array.isArray(def.Catch) &&
        def.Catch.some(
          (c: { ErrorEquals?: unknown }) =>
            Array.isArray(c.ErrorEquals) && errorMatches(c.ErrorEquals, event.error),
        )
      ) {
        handled = 'CAUGHT_ERROR';
      }
    }
  });
  const result = await execution.start();
  const level = options.inspectionLevel ?? 'INFO';
  const data =
    level === 'INFO'
      ? undefined
      : inspectionData(exited, original, def.QueryLanguage === 'JSONata', options.input ?? {});
  if (data && errorDetails) data.errorDetails = errorDetails;
  if (handled) {
    const out: TestStateResult = { status: handled, error: handledError?.error, cause: handledError?.cause };
    if (handled === 'CAUGHT_ERROR') {
      out.output = result.output;
      out.nextState = nextState;
    }
    if (data) out.inspectionData = data;
    return out;
  }
  if (result.status !== 'SUCCEEDED') {
    const out: TestStateResult = { status: 'FAILED', error: result.error, cause: result.cause };
    if (data) out.inspectionData = data;
    return out;
  }
  const out: TestStateResult = { status: 'SUCCEEDED', output: result.output };
  if (nextState !== undefined) out.nextState = nextState;
  if (data) out.inspectionData = data;
  return out;
}
