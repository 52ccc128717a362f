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
  type: string,
  input: unknown,
): Record<string, unknown> {
  const out: Record<string, unknown> = { input };
  if (!i) return out;
  if (i.afterInputPath !== undefined) out.afterInputPath = i.afterInputPath;
  if (type === 'Task' || type === 'Pass' || type === 'Parallel' || type === 'Map') {
    if (i.effectiveInput !== undefined) out.afterParameters = i.effectiveInput;
    if (i.result !== undefined && type === 'Task') out.result = JSON.stringify(i.result);
    const selected = i.afterResultSelector ?? i.result;
    if (selected !== undefined) out.afterResultSelector = selected;
    if (i.afterResultPath !== undefined) out.afterResultPath = i.afterResultPath;
  }
  return out;
}

/** Evaluates one state the way the TestState API does. */
export async function testState(options: TestStateOptions): Promise<TestStateResult> {
  const def = (options.definition ?? {}) as Record<string, unknown>;
  const name = options.stateName ?? 'TestState';
  const type = String(def.Type);
  const states: Record<string, unknown> = {};
  for (const target of targets(def)) states[target] = { Type: 'Pass', End: true };
  states[name] =
    def.Next === undefined && type !== 'Choice' && type !== 'Succeed' && type !== 'Fail'
      ? { ...def, End: true }
      : def;
  let mocks: MockTestCase | undefined;
  if (options.mock && type === 'Task') {
    if (options.mock.errorOutput) {
      mocks = {
        [name]: {
          '0': { Throw: { Error: options.mock.errorOutput.error, Cause: options.mock.errorOutput.cause } },
        },
      };
    } else if (options.mock.result !== undefined) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(options.mock.result);
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
    mocks,
    initialVariables: options.variables,
  });
  let exited: StateInspection | undefined;
  let nextState: string | undefined;
  let handled: 'CAUGHT_ERROR' | 'RETRIABLE' | undefined;
  let handledError: { error: string; cause: string } | undefined;
  execution.onEvent((event: ExecutionEvent) => {
    if (event.kind === 'stateExited' && event.inspection.stateName === name) exited = event.inspection;
    if (event.kind === 'stateEntered' && event.inspection.stateName !== name && nextState === undefined) {
      nextState = event.inspection.stateName;
    }
    if (event.kind === 'errorRaised' && event.caught && event.stateName === name && handled === undefined) {
      const caught = Array.isArray(def.Catch) && !Array.isArray(def.Retry);
      handledError = { error: event.error, cause: event.cause };
      handled = caught ? 'CAUGHT_ERROR' : 'RETRIABLE';
      if (handled === 'RETRIABLE') execution.stop();
    }
  });
  const result = await execution.start();
  const level = options.inspectionLevel ?? 'INFO';
  const data = level === 'INFO' ? undefined : inspectionData(exited, type, options.input ?? {});
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
