/**
 * A TestState-style single-state evaluation: runs one state definition with an input (and optional variables,
 * context object and a mocked task answer) and reports output, error, next state and inspection data shaped as
 * AWS's TestState API answers them. Built on the execution engine; pure (host injected), no transport, no I/O.
 */
import { invalidPathMessage, queryPath } from './dataFlow';
import type {
  ExecutionEvent,
  MockTestCase,
  StateInspection,
  TestStateOptions,
  TestStateResult,
} from './executionApi';
import { createExecution } from './stateMachineExecution';
import { StatesError } from './statesError';
import {
  buildInspectionData,
  firstMatch,
  type InspectionFacts,
  mapNumbers,
  retrierDecision,
} from './testStateInspection';

type Json = Record<string, unknown>;

function targets(def: Json): string[] {
  const out: string[] = [];
  if (typeof def.Next === 'string') out.push(def.Next);
  if (typeof def.Default === 'string') out.push(def.Default);
  for (const list of [def.Choices, def.Catch]) {
    if (Array.isArray(list)) for (const item of list) if (typeof item?.Next === 'string') out.push(item.Next);
  }
  return out;
}

function findState(block: Json, name: string): Json | undefined {
  const states = block.States as Record<string, Json> | undefined;
  if (!states || typeof states !== 'object') return undefined;
  if (states[name]) return states[name];
  for (const state of Object.values(states)) {
    for (const child of [
      ...(Array.isArray(state?.Branches) ? state.Branches : []),
      state?.ItemProcessor,
      state?.Iterator,
    ]) {
      const found = child && typeof child === 'object' ? findState(child as Json, name) : undefined;
      if (found) return found;
    }
  }
  return undefined;
}

/** Task resources that an Express state machine would refuse (callback, .sync, activities). */
function needsStandard(def: Json): boolean {
  const resource = typeof def.Resource === 'string' ? def.Resource : '';
  return (
    /\.(waitForTaskToken|sync(:2)?)$/.test(resource) ||
    /^arn:[^:]+:states:[^:]*:[^:]*:activity:/.test(resource)
  );
}

/** The state to test: the definition itself, or the named state of a whole machine (nested blocks too). */
function selectState(options: TestStateOptions, name: string): { def?: Json; failure?: TestStateResult } {
  const def = options.definition as Json;
  const invalid = (cause: string) => ({
    failure: { status: 'FAILED', error: 'States.Runtime', cause } as const,
  });
  if (def === null || typeof def !== 'object' || Array.isArray(def)) {
    return invalid(
      'The definition must be a JSON object: one state (with Type) or a state machine (with States).',
    );
  }
  if (!def.States || typeof def.States !== 'object') {
    return typeof def.Type === 'string' ? { def } : invalid("The state definition has no 'Type' field.");
  }
  if (options.stateName === undefined) {
    return invalid('The definition is a state machine: name the state to test (stateName).');
  }
  const found = findState(def, name);
  if (!found || typeof found !== 'object') return invalid(`The state '${name}' is not in the definition.`);
  if (typeof found.Type !== 'string') return invalid(`The state '${name}' has no 'Type' field.`);
  return {
    def:
      found.QueryLanguage === undefined && def.QueryLanguage !== undefined
        ? { ...found, QueryLanguage: def.QueryLanguage }
        : found,
  };
}

/** Evaluates one state the way the TestState API does. */
export async function testState(options: TestStateOptions): Promise<TestStateResult> {
  const name = options.stateName ?? 'StateName';
  const selected = selectState(options, name);
  if (!selected.def) return selected.failure as TestStateResult;
  let def = selected.def;
  const type = String(def.Type);
  const original = def;
  const jsonata = def.QueryLanguage === 'JSONata';
  const level = options.inspectionLevel ?? 'INFO';
  const numbers = type === 'Map' ? await mapNumbers(def, options) : undefined;
  let mock = options.mock;
  const failures = options.stateConfiguration?.mapIterationFailureCount;
  if (
    type === 'Map' &&
    failures !== undefined &&
    failures > 0 &&
    !options.stateConfiguration?.errorCausedByState
  ) {
    // Failed iterations only matter against a configured tolerance (AWS succeeds without one).
    const count = numbers?.toleratedFailureCount;
    const pct = numbers?.toleratedFailurePercentage;
    const configured = count !== undefined || pct !== undefined;
    const tolerated = (count !== undefined && failures <= count) || (pct !== undefined && pct >= 100);
    if (configured && !tolerated) {
      mock = {
        errorOutput: {
          error: 'States.ExceedToleratedFailureThreshold',
          cause: 'The specified tolerated failure threshold was exceeded',
        },
      };
    }
  }
  const mockedComposite =
    (type === 'Map' || type === 'Parallel') && (mock?.result !== undefined || mock?.errorOutput);
  if (mockedComposite) {
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
  const states: Json = {};
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
    definition: { StartAt: name, States: states, QueryLanguage: jsonata ? 'JSONata' : undefined },
    input: options.input ?? {},
    host: {
      ...options.host,
      unansweredTask:
        options.host.unansweredTask ??
        ((task) => ({
          kind: 'failure',
          error: 'States.TaskFailed',
          cause: `Task state '${task.stateName}' (${task.resource}) has no answer: give the test a mock (result or errorOutput) or bind a handler.`,
        })),
    },
    // TestState reports an express-style execution, but it also tests callback/.sync/activity tasks, which
    // Express machines refuse: those run as Standard.
    type: needsStandard(def) ? 'STANDARD' : 'EXPRESS',
    accountId: options.accountId,
    mocks,
    initialVariables: options.variables,
    contextObject: options.context,
  });
  let exited: StateInspection | undefined;
  let nextState: string | undefined;
  let handled: 'CAUGHT_ERROR' | 'RETRIABLE' | undefined;
  let handledError: { error: string; cause: string } | undefined;
  let errorDetails: Json | undefined;
  execution.onEvent((event: ExecutionEvent) => {
    // Only top-level activity counts: a Map/Parallel that really runs enters (and fails in) its inner states.
    const topLevel = 'location' in event && event.location.length <= 1;
    if ((event.kind === 'stateExited' || event.kind === 'stateEntered') && topLevel) {
      if (event.inspection.stateName === name) {
        exited = event.inspection;
      } else if (event.kind === 'stateEntered' && nextState === undefined) {
        nextState = event.inspection.stateName;
      }
    }
    if (event.kind === 'errorRaised' && topLevel && event.stateName === name && handled === undefined) {
      handledError = { error: event.error, cause: event.cause };
      const retry = retrierDecision(def, event.error, options.stateConfiguration?.retrierRetryCount ?? 0);
      const catchIndex = firstMatch(def.Catch, event.error);
      if (retry?.retryBackoffIntervalSeconds !== undefined) {
        handled = 'RETRIABLE';
        errorDetails = retry;
        execution.stop();
      } else if (catchIndex >= 0) {
        handled = 'CAUGHT_ERROR';
        errorDetails = { catchIndex };
      } else if (retry) {
        errorDetails = { retryIndex: retry.retryIndex };
      }
    }
  });
  const result = await execution.start();
  let itemsPath: InspectionFacts['itemsPath'];
  let itemsFailure: { error: string; cause: string } | undefined;
  const ranInput = exited?.afterInputPath !== undefined;
  if (type === 'Map' && !jsonata && exited && (mockedComposite ? result.status === 'SUCCEEDED' : ranInput)) {
    // ItemsPath for the inspection data; a mocked Map skipped it, so its failure is the state's failure.
    const path = typeof original.ItemsPath === 'string' ? original.ItemsPath : '$';
    const env = {
      input: exited.afterInputPath ?? exited.input,
      context: exited.context,
      variables: exited.variables,
      random: () => options.host.random(),
      uuid: () => options.host.uuid(),
    };
    let cause: string | undefined;
    let value: unknown;
    try {
      const found = queryPath(path, env);
      value = found.value;
      if (!found.found) cause = invalidPathMessage(path, env.input);
    } catch (e) {
      cause = e instanceof StatesError && e.cause ? e.cause : String(e);
    }
    if (cause === undefined && !Array.isArray(value)) {
      cause = path.startsWith('$$')
        ? `Reference path "${path.slice(1)}" must point to array.`
        : `Map state input must be an array but was: ${JSON.stringify(value ?? null)}`;
    }
    if (cause !== undefined) {
      itemsPath = { failed: true };
      if (mockedComposite) itemsFailure = { error: 'States.Runtime', cause };
    } else itemsPath = { value, failed: false };
  }
  const data =
    level === 'INFO'
      ? undefined
      : buildInspectionData(exited, {
          def: original,
          jsonata,
          input: options.input ?? {},
          variables: options.variables,
          mapNumbers: numbers,
          itemsPath,
        });
  if (data && errorDetails) data.errorDetails = errorDetails;
  if (itemsFailure) {
    const out: TestStateResult = { status: 'FAILED', ...itemsFailure };
    if (data) out.inspectionData = data;
    return out;
  }
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
