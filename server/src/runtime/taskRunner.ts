/**
 * The Task state: input processing (InputPath/Parameters or Arguments), timeouts and heartbeats, the answer
 * (mocked response, host handler, or a pending task answered through SendTask*), the AWS history events per
 * resource kind (service integration, legacy Lambda ARN, activity), result processing and Retry/Catch.
 * Pure: every outside answer comes through the host or the Execution's sendTask* methods.
 */
import type { EngineContext, StateOutcome, StateRun } from './engineContext';
import {
  applyResultPath,
  evaluateJsonPathAssign,
  evaluateJsonataAssign,
  evaluateJsonataValue,
  payloadSize,
  PAYLOAD_LIMIT,
  payloadTemplate,
  queryPath,
  selectPath,
  invalidPathMessage,
} from './dataFlow';
import type { MockedResponse, PendingTask, TaskAnswer } from './executionApi';
import { payload } from './executionHistory';
import { StatesError } from './statesError';

export interface ResourceInfo {
  kind: 'service' | 'lambda' | 'activity';
  /** `lambda`, `sqs`, `aws-sdk:dynamodb` ... for service integrations. */
  resourceType: string;
  /** `invoke`, `sendMessage.waitForTaskToken` ... or the full ARN for Lambda/activity. */
  resource: string;
  pattern: 'request' | 'sync' | 'token';
}

/** Classifies a Task Resource ARN. */
export function classifyResource(arn: string): ResourceInfo {
  const parts = arn.split(':');
  if (parts[2] === 'lambda' && parts[5] === 'function') {
    return { kind: 'lambda', resourceType: 'lambda', resource: arn, pattern: 'request' };
  }
  if (parts[2] === 'states' && parts[5] === 'activity') {
    return { kind: 'activity', resourceType: 'activity', resource: arn, pattern: 'token' };
  }
  if (parts[2] === 'states' && parts[3] === '' && parts[4] === '') {
    const rest = parts.slice(5);
    let resource = rest.pop() ?? '';
    if (resource === '2' && rest.length > 1) resource = `${rest.pop() ?? ''}:2`;
    const resourceType = rest.join(':');
    const pattern = /\.waitForTaskToken$/.test(resource)
      ? 'token'
      : /\.sync(:2)?$/.test(resource)
        ? 'sync'
        : 'request';
    return { kind: 'service', resourceType, resource: resource, pattern };
  }
  return { kind: 'service', resourceType: parts[2] ?? 'unknown', resource: arn, pattern: 'request' };
}

const EVENTS = {
  service: {
    scheduled: 'TaskScheduled',
    started: 'TaskStarted',
    succeeded: 'TaskSucceeded',
    failed: 'TaskFailed',
    timedOut: 'TaskTimedOut',
  },
  lambda: {
    scheduled: 'LambdaFunctionScheduled',
    started: 'LambdaFunctionStarted',
    succeeded: 'LambdaFunctionSucceeded',
    failed: 'LambdaFunctionFailed',
    timedOut: 'LambdaFunctionTimedOut',
  },
  activity: {
    scheduled: 'ActivityScheduled',
    started: 'ActivityStarted',
    succeeded: 'ActivitySucceeded',
    failed: 'ActivityFailed',
    timedOut: 'ActivityTimedOut',
  },
} as const;

/** Picks the mocked response for the n-th (zero-based) invocation: keys "0", "1-2" ... */
export function pickMockedResponse(
  sequence: Record<string, MockedResponse>,
  n: number,
): MockedResponse | undefined {
  for (const [key, response] of Object.entries(sequence)) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(key.trim());
    if (!m) continue;
    const from = Number(m[1]);
    const to = m[2] !== undefined ? Number(m[2]) : from;
    if (n >= from && n <= to) return response;
  }
  return undefined;
}

async function resolveSeconds(
  ctx: EngineContext,
  run: StateRun,
  field: 'TimeoutSeconds' | 'HeartbeatSeconds',
): Promise<number | undefined> {
  const literal = run.def[field];
  if (typeof literal === 'number') return literal;
  if (typeof literal === 'string' && run.queryLanguage === 'JSONata') {
    const value = await evaluateJsonataValue(literal, ctx.jsonataEnv(run, { input: run.input }), field);
    if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) {
      throw new StatesError(
        'States.QueryEvaluationError',
        `The ${field} field must be a positive integer, but was ${JSON.stringify(value)}.`,
      );
    }
    return value;
  }
  const path = run.def[`${field}Path`];
  if (typeof path === 'string') {
    const found = queryPath(path, ctx.dataEnv(run, run.input));
    if (!found.found) throw new StatesError('States.Runtime', invalidPathMessage(path, run.input));
    if (typeof found.value !== 'number' || !Number.isInteger(found.value) || found.value <= 0) {
      throw new StatesError(
        'States.Runtime',
        `The ${field}Path parameter does not reference a positive integer: ${path} == ${JSON.stringify(found.value)}`,
      );
    }
    return found.value;
  }
  return undefined;
}

type Outcome = TaskAnswer | { kind: 'timeout'; error: string };

/** Gets the task's answer: mock, handler, or a pending task. */
async function obtainAnswer(
  ctx: EngineContext,
  run: StateRun,
  info: ResourceInfo,
  input: unknown,
  timeouts: { timeout?: number; heartbeat?: number },
  onSubmitted: () => void,
): Promise<Outcome> {
  const mocks = ctx.options.mocks?.[run.name];
  if (mocks) {
    const n = ctx.nextInvocation(run.name);
    // A service call is a blocking point: concurrent branches/iterations get to run meanwhile, as in AWS.
    await ctx.scheduler.blocked(run.activity.scope, async () => undefined);
    const response = pickMockedResponse(mocks, n);
    if (!response) {
      throw new StatesError(
        'States.Runtime',
        `No mocked response for invocation ${n} of state '${run.name}' in the selected test case.`,
      );
    }
    if (info.pattern !== 'request') onSubmitted();
    if (response.Throw) {
      const error = response.Throw.Error;
      if (error === 'States.Timeout' || error === 'States.HeartbeatTimeout') {
        return { kind: 'timeout', error };
      }
      return { kind: 'failure', error: error ?? undefined, cause: response.Throw.Cause ?? undefined };
    }
    return { kind: 'success', output: response.Return };
  }
  const context = ctx.contextFor(run);
  const invocation = {
    stateName: run.name,
    statePath: run.path,
    resource: String(run.def.Resource),
    input,
    taskToken: run.taskToken,
    context,
  };
  if (ctx.host.invokeTask) {
    const answer = await ctx.scheduler.blocked(run.activity.scope, () => ctx.host.invokeTask!(invocation), {
      external: true,
    });
    if (answer) {
      if (info.pattern !== 'request') onSubmitted();
      return answer;
    }
  }
  const token = run.taskToken ?? ctx.newToken();
  const pending: PendingTask = {
    token,
    activityId: run.activity.id,
    stateName: run.name,
    statePath: run.path,
    resource: String(run.def.Resource),
    input,
    location: run.activity.location,
    since: ctx.scheduler.now(),
  };
  const decision = ctx.host.unansweredTask
    ? ctx.host.unansweredTask(pending)
    : ({
        kind: 'failure',
        error: 'States.TaskFailed',
        cause: `No answer for Task state '${run.name}' (${String(run.def.Resource)}): add a mocked response for it or bind a handler.`,
      } as TaskAnswer);
  if (decision !== 'wait') return decision;
  if (info.pattern !== 'request') onSubmitted();
  return waitForPerson(ctx, run, pending, timeouts);
}

async function waitForPerson(
  ctx: EngineContext,
  run: StateRun,
  pending: PendingTask,
  timeouts: { timeout?: number; heartbeat?: number },
): Promise<Outcome> {
  const scope = run.activity.scope;
  return ctx.scheduler.blocked(
    scope,
    () =>
      new Promise<Outcome>((resolve, reject) => {
        const cancels: Array<() => void> = [];
        let heartbeatTimer: { cancel: () => void } | undefined;
        const finish = (outcome: Outcome) => {
          for (const c of cancels) c();
          heartbeatTimer?.cancel();
          waiter.close();
          resolve(outcome);
        };
        const armHeartbeat = () => {
          if (timeouts.heartbeat === undefined) return;
          heartbeatTimer?.cancel();
          const t = ctx.scheduler.timer(scope, timeouts.heartbeat * 1000);
          heartbeatTimer = t;
          t.promise.then(
            () => finish({ kind: 'timeout', error: 'States.HeartbeatTimeout' }),
            () => undefined,
          );
        };
        const waiter = ctx.waitForAnswer(pending, armHeartbeat);
        waiter.answer.then(finish, reject);
        if (timeouts.timeout !== undefined) {
          const t = ctx.scheduler.timer(scope, timeouts.timeout * 1000);
          cancels.push(t.cancel);
          t.promise.then(
            () => finish({ kind: 'timeout', error: 'States.Timeout' }),
            () => undefined,
          );
        }
        armHeartbeat();
        cancels.push(
          scope.onCancel((reason) => {
            waiter.close();
            reject(reason);
          }),
        );
      }),
    { external: true },
  );
}

function serviceDetails(info: ResourceInfo): Record<string, unknown> {
  return info.kind === 'service' ? { resourceType: info.resourceType, resource: info.resource } : {};
}

/** One attempt: input, invocation, result processing. Throws StatesError on failure. */
async function attempt(ctx: EngineContext, run: StateRun, info: ResourceInfo): Promise<StateOutcome> {
  const { activity, def } = run;
  const jsonata = run.queryLanguage === 'JSONata';
  // $$.Task.Token exists for callback (.waitForTaskToken), .sync and activity tasks.
  if (info.pattern !== 'request') run.taskToken = ctx.newToken();
  let effective: unknown;
  if (jsonata) {
    effective =
      def.Arguments !== undefined
        ? await evaluateJsonataValue(def.Arguments, ctx.jsonataEnv(run, { input: run.input }), 'Arguments')
        : run.input;
  } else {
    const afterInput = selectPath(
      def.InputPath as string | null | undefined,
      run.input,
      ctx.dataEnv(run, run.input),
    );
    run.inspection.afterInputPath = afterInput;
    effective =
      def.Parameters !== undefined
        ? payloadTemplate(def.Parameters, ctx.dataEnv(run, afterInput))
        : afterInput;
  }
  run.inspection.effectiveInput = effective;
  const timeout = await resolveSeconds(ctx, run, 'TimeoutSeconds');
  const heartbeat = await resolveSeconds(ctx, run, 'HeartbeatSeconds');
  const names = EVENTS[info.kind];
  const limits: Record<string, unknown> = {};
  if (timeout !== undefined) limits.timeoutInSeconds = timeout;
  if (heartbeat !== undefined) limits.heartbeatInSeconds = heartbeat;
  if (info.kind === 'service') {
    ctx.emit(activity, names.scheduled, {
      resourceType: info.resourceType,
      resource: info.resource,
      region: ctx.region,
      parameters: JSON.stringify(effective ?? null),
      ...limits,
    });
    ctx.emit(activity, names.started, serviceDetails(info));
  } else {
    ctx.emit(activity, names.scheduled, {
      resource: info.resource,
      ...payload('input', effective),
      ...limits,
    });
    ctx.emit(activity, names.started, info.kind === 'activity' ? { workerName: 'local' } : undefined);
  }
  const answer = await obtainAnswer(ctx, run, info, effective, { timeout, heartbeat }, () => {
    if (info.kind === 'service') {
      ctx.emit(activity, 'TaskSubmitted', { ...serviceDetails(info), ...payload('output', {}) });
    }
  });
  if (answer.kind === 'timeout') {
    ctx.emit(activity, names.timedOut, { ...serviceDetails(info), error: answer.error });
    throw new StatesError(answer.error, '', { timedOut: true });
  }
  if (answer.kind === 'failure') {
    const details: Record<string, unknown> = { ...serviceDetails(info) };
    if (answer.error !== undefined) details.error = answer.error;
    if (answer.cause !== undefined) details.cause = answer.cause;
    ctx.emit(activity, names.failed, details);
    throw new StatesError(answer.error ?? 'States.TaskFailed', answer.cause, {
      nullError: answer.error === undefined,
    });
  }
  const result = answer.output;
  if (payloadSize(result) > PAYLOAD_LIMIT) {
    throw new StatesError(
      'States.DataLimitExceeded',
      `The state/task '${run.name}' returned a result with a size exceeding the maximum number of bytes service limit.`,
    );
  }
  ctx.emit(activity, names.succeeded, { ...serviceDetails(info), ...payload('output', result) });
  run.inspection.result = result;
  if (jsonata) {
    const env = ctx.jsonataEnv(run, { input: run.input, result });
    const assigned = def.Assign !== undefined ? await evaluateJsonataAssign(def.Assign, env) : undefined;
    const output = def.Output !== undefined ? await evaluateJsonataValue(def.Output, env, 'Output') : result;
    return { output, next: def.Next as string | undefined, assigned };
  }
  const selected =
    def.ResultSelector !== undefined ? payloadTemplate(def.ResultSelector, ctx.dataEnv(run, result)) : result;
  run.inspection.afterResultSelector = selected;
  const assigned =
    def.Assign !== undefined ? evaluateJsonPathAssign(def.Assign, ctx.dataEnv(run, selected)) : undefined;
  const placed = applyResultPath(run.input, def.ResultPath as string | null | undefined, selected);
  run.inspection.afterResultPath = placed;
  const output = selectPath(def.OutputPath as string | null | undefined, placed, ctx.dataEnv(run, placed));
  return { output, next: def.Next as string | undefined, assigned };
}

export { attempt as runTaskAttempt };
