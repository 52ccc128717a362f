/**
 * The `asl` debug adapter: a LoggingDebugSession translating DAP <-> the local runtime's Execution.
 * Threads/frames: one thread per activity (execution, Parallel branch, Map iteration); a thread's stack
 * is its location chain (state <- Map "X" iteration i <- Parallel "P" branch b <- Execution), see
 * debugFrames.ts. A pause holds every activity at its next state boundary (allThreadsStopped).
 * Must not import vscode, lsp/ or service/: validation and I/O come through the injected DebugHost.
 */
import {
  Breakpoint,
  ExitedEvent,
  InitializedEvent,
  LoggingDebugSession,
  OutputEvent,
  Source,
  StackFrame,
  StoppedEvent,
  TerminatedEvent,
  Thread,
  ThreadEvent,
  Event,
  Logger,
  logger,
} from '@vscode/debugadapter';
import type { DebugProtocol } from '@vscode/debugprotocol';
import * as path from 'node:path';
import { formatForFileName, parseStateMachine, type StateMachineModel } from '../asl';
import type { Execution, ExecutionEvent, ExecutionResult, RuntimeHost } from '../runtime/executionApi';
import type { AslLaunchArguments } from '../protocol/launchConfiguration';
import { breakpointLines } from './breakpointTable';
import { BreakPolicy } from './breakPolicy';
import { ASL_DEBUG_CAPABILITIES } from './debugCapabilities';
import type { DebugHost } from './debugHost';
import { errorFate } from './errorFate';
import { stackFrames, threadName } from './debugFrames';
import { FrameInspector } from './frameInspector';
import { evaluateExpression, formatValue } from './debugEvaluator';
import { ExecutionDriver, type StepKind } from './executionDriver';
import { prepareLaunch, type LaunchPlan } from './launchPlan';
import { answerFromHandler, exceptionInfoBody, historyLine, pendingTaskBody } from './sessionViews';
import { handleCustomRequest } from './taskRequests';
import { VariableStore } from './variables';

type LaunchRequestArguments = DebugProtocol.LaunchRequestArguments & AslLaunchArguments;

interface RunningExecution {
  plan: LaunchPlan;
  driver: ExecutionDriver;
  execution: Execution;
  inspector: FrameInspector;
  done: Promise<ExecutionResult>;
}

/** A DAP session for one debuggee at a time; restart replaces the execution, keeping breakpoints. */
export class AslDebugSession extends LoggingDebugSession {
  private readonly policy = new BreakPolicy();
  private readonly breakpoints = this.policy.breakpoints;
  private readonly variables = new VariableStore();
  private running: RunningExecution | undefined;
  private configured!: () => void;
  private readonly configurationDone = new Promise<void>((resolve) => (this.configured = resolve));
  private restarting = false;
  private terminatedSent = false;
  /** Task tokens announced with pendingTask and not yet answered. */
  private readonly openTokens = new Set<string>();

  constructor(private readonly host: DebugHost) {
    super();
    // The adapter library's logger queues every message until it is set up: set it up (silent) at once.
    logger.setup(Logger.LogLevel.Stop, false);
    this.setDebuggerLinesStartAt1(false);
    this.setDebuggerColumnsStartAt1(false);
  }

  protected initializeRequest(response: DebugProtocol.InitializeResponse): void {
    response.body = ASL_DEBUG_CAPABILITIES;
    this.sendResponse(response);
    this.sendEvent(new InitializedEvent());
  }

  protected configurationDoneRequest(response: DebugProtocol.ConfigurationDoneResponse): void {
    this.sendResponse(response);
    this.configured();
  }

  protected launchRequest(response: DebugProtocol.LaunchResponse, args: LaunchRequestArguments): void {
    this.guard(response, () => this.launch(response, args ?? ({} as LaunchRequestArguments)));
  }

  private async launch(response: DebugProtocol.LaunchResponse, args: LaunchRequestArguments): Promise<void> {
    if (args.trace) logger.setup(Logger.LogLevel.Verbose, false);
    const prepared = await prepareLaunch(args, this.host);
    if (!prepared.ok) {
      for (const line of prepared.details) this.sendEvent(new OutputEvent(line + '\n', 'stderr'));
      this.sendErrorResponse(response, { id: 1001, format: prepared.message, showUser: true });
      return;
    }
    await this.configurationDone;
    this.sendResponse(response);
    this.startExecution(prepared.plan);
  }

  protected restartRequest(
    response: DebugProtocol.RestartResponse,
    args: DebugProtocol.RestartArguments,
  ): void {
    this.guard(response, () => this.restart(response, args ?? {}));
  }

  private async restart(
    response: DebugProtocol.RestartResponse,
    args: DebugProtocol.RestartArguments,
  ): Promise<void> {
    const previous = this.running;
    const launchArgs = (args.arguments as LaunchRequestArguments | undefined) ?? previous?.plan.args;
    if (!launchArgs) {
      this.sendErrorResponse(response, {
        id: 1002,
        format: 'Nothing to restart: no launch yet.',
        showUser: true,
      });
      return;
    }
    this.restarting = true;
    if (previous) await this.stopExecution(previous, 'Restarted from the debugger');
    this.restarting = false;
    const prepared = await prepareLaunch({ ...launchArgs, noDebug: previous?.plan.args.noDebug }, this.host);
    if (!prepared.ok) {
      for (const line of prepared.details) this.sendEvent(new OutputEvent(line + '\n', 'stderr'));
      this.sendErrorResponse(response, { id: 1001, format: prepared.message, showUser: true });
      this.sendTerminated();
      return;
    }
    this.breakpoints.resetHits();
    this.sendResponse(response);
    this.startExecution(prepared.plan);
  }

  protected terminateRequest(response: DebugProtocol.TerminateResponse): void {
    this.guard(response, async () => {
      if (this.running) await this.stopExecution(this.running, 'Terminated from the debugger');
      this.sendResponse(response);
      this.sendTerminated();
    });
  }

  protected disconnectRequest(response: DebugProtocol.DisconnectResponse): void {
    this.guard(response, async () => {
      if (this.running) await this.stopExecution(this.running, 'Debugger disconnected');
      this.running = undefined;
      this.sendResponse(response);
    });
  }

  protected setBreakPointsRequest(
    response: DebugProtocol.SetBreakpointsResponse,
    args: DebugProtocol.SetBreakpointsArguments,
  ): void {
    this.guard(response, () =>
      this.withModel(args.source?.path, (model, source) => {
        const requests = (args.breakpoints ?? []).map((b) => ({
          line: this.convertClientLineToDebugger(b.line),
          condition: b.condition,
          hitCondition: b.hitCondition,
          logMessage: b.logMessage,
        }));
        const bound = this.breakpoints.set(source, model, requests);
        response.body = {
          breakpoints: bound.map((b) => {
            const bp: DebugProtocol.Breakpoint = new Breakpoint(
              b.verified,
              this.convertDebuggerLineToClient(b.line),
            );
            bp.id = b.id;
            if (b.message) bp.message = b.message;
            return bp;
          }),
        };
        this.sendResponse(response);
      }),
    );
  }

  protected breakpointLocationsRequest(
    response: DebugProtocol.BreakpointLocationsResponse,
    args: DebugProtocol.BreakpointLocationsArguments,
  ): void {
    this.guard(response, () =>
      this.withModel(args.source?.path, (model) => {
        const start = this.convertClientLineToDebugger(args.line);
        const end = this.convertClientLineToDebugger(args.endLine ?? args.line);
        const lines = model ? breakpointLines(model, start, end) : [];
        response.body = {
          breakpoints: lines.map((line) => ({ line: this.convertDebuggerLineToClient(line) })),
        };
        this.sendResponse(response);
      }),
    );
  }

  protected setExceptionBreakPointsRequest(
    response: DebugProtocol.SetExceptionBreakpointsResponse,
    args: DebugProtocol.SetExceptionBreakpointsArguments,
  ): void {
    response.body = { breakpoints: this.policy.setExceptionFilters(args) };
    this.sendResponse(response);
  }

  protected threadsRequest(response: DebugProtocol.ThreadsResponse): void {
    const views = this.running?.driver.threads() ?? [];
    response.body = { threads: views.map((v) => new Thread(v.threadId, threadName(v))) };
    this.sendResponse(response);
  }

  protected stackTraceRequest(
    response: DebugProtocol.StackTraceResponse,
    args: DebugProtocol.StackTraceArguments,
  ): void {
    const running = this.running;
    const view = running?.driver.view(args.threadId);
    if (!running || !view) {
      response.body = { stackFrames: [], totalFrames: 0 };
      this.sendResponse(response);
      return;
    }
    const source = new Source(
      path.basename(running.plan.program),
      this.convertDebuggerPathToClient(running.plan.program),
    );
    const frames = stackFrames(running.plan.model, view).map(
      (f) => new StackFrame(f.id, f.name, source, this.convertDebuggerLineToClient(f.line), 1),
    );
    const start = args.startFrame ?? 0;
    const count = args.levels && args.levels > 0 ? args.levels : frames.length;
    response.body = { stackFrames: frames.slice(start, start + count), totalFrames: frames.length };
    this.sendResponse(response);
  }

  protected scopesRequest(response: DebugProtocol.ScopesResponse, args: DebugProtocol.ScopesArguments): void {
    const specs = this.running?.inspector.scopes(args.frameId) ?? [];
    response.body = { scopes: this.variables.scopes(specs) };
    this.sendResponse(response);
  }

  protected variablesRequest(
    response: DebugProtocol.VariablesResponse,
    args: DebugProtocol.VariablesArguments,
  ): void {
    response.body = { variables: this.variables.variables(args.variablesReference) };
    this.sendResponse(response);
  }

  protected setVariableRequest(
    response: DebugProtocol.SetVariableResponse,
    args: DebugProtocol.SetVariableArguments,
  ): void {
    const result = this.variables.setVariable(args.variablesReference, args.name, args.value);
    if ('error' in result) {
      this.sendErrorResponse(response, { id: 1003, format: result.error, showUser: true });
      return;
    }
    response.body = { value: result.value, variablesReference: result.variablesReference };
    this.sendResponse(response);
  }

  protected evaluateRequest(
    response: DebugProtocol.EvaluateResponse,
    args: DebugProtocol.EvaluateArguments,
  ): void {
    this.guard(response, () => this.evaluate(response, args));
  }

  private async evaluate(
    response: DebugProtocol.EvaluateResponse,
    args: DebugProtocol.EvaluateArguments,
  ): Promise<void> {
    const scope = this.running?.inspector.evaluationScope(args.frameId);
    if (!scope) {
      this.sendErrorResponse(response, {
        id: 1004,
        format: 'Nothing to evaluate against: pause the execution at a state first.',
        showUser: args.context === 'repl',
      });
      return;
    }
    try {
      const value = await evaluateExpression(args.expression, scope);
      const reference =
        value !== null && typeof value === 'object'
          ? this.variables.scopes([{ name: 'value', kind: 'json', value }])[0]
          : undefined;
      response.body = { result: formatValue(value), variablesReference: reference?.variablesReference ?? 0 };
      this.sendResponse(response);
    } catch (error) {
      this.sendErrorResponse(response, {
        id: 1005,
        format: error instanceof Error ? error.message : String(error),
        showUser: false,
      });
    }
  }

  protected exceptionInfoRequest(
    response: DebugProtocol.ExceptionInfoResponse,
    args: DebugProtocol.ExceptionInfoArguments,
  ): void {
    response.body = exceptionInfoBody(this.running?.driver.view(args.threadId)?.error);
    this.sendResponse(response);
  }

  protected continueRequest(response: DebugProtocol.ContinueResponse): void {
    this.resumeWith(() => this.running?.driver.continue());
    response.body = { allThreadsContinued: true };
    this.sendResponse(response);
  }

  protected nextRequest(response: DebugProtocol.NextResponse, args: DebugProtocol.NextArguments): void {
    this.step(response, args.threadId, 'next');
  }

  protected stepInRequest(response: DebugProtocol.StepInResponse, args: DebugProtocol.StepInArguments): void {
    this.step(response, args.threadId, 'stepIn');
  }

  protected stepOutRequest(
    response: DebugProtocol.StepOutResponse,
    args: DebugProtocol.StepOutArguments,
  ): void {
    this.step(response, args.threadId, 'stepOut');
  }

  protected pauseRequest(response: DebugProtocol.PauseResponse): void {
    this.running?.driver.pause();
    this.sendResponse(response);
  }

  protected customRequest(command: string, response: DebugProtocol.Response, args: unknown): void {
    const running = this.running;
    if (!handleCustomRequest(command, args, running?.execution, response)) {
      super.customRequest(command, response, args);
      return;
    }
    if (response.success) this.sendResponse(response);
    else this.sendErrorResponse(response, { id: 1006, format: response.message ?? 'failed', showUser: true });
  }

  // -------------------------------------------------------------------------------------------

  /** Runs a request handler; an unexpected exception becomes an error response, never a crash. */
  private guard(response: DebugProtocol.Response, body: () => Promise<void> | void): void {
    const report = (error: unknown): void => {
      const message = error instanceof Error ? error.message : String(error);
      this.sendErrorResponse(response, {
        id: 1999,
        format: `${response.command} failed: ${message}`,
        showUser: true,
      });
    };
    try {
      const result = body();
      if (result) result.catch(report);
    } catch (error) {
      report(error);
    }
  }

  private step(response: DebugProtocol.Response, threadId: number, kind: StepKind): void {
    this.resumeWith(() => this.running?.driver.stepFrom(threadId, kind));
    this.sendResponse(response);
  }

  private resumeWith(action: () => void): void {
    this.variables.reset();
    this.running?.inspector.clearEdits();
    action();
  }

  private startExecution(plan: LaunchPlan): void {
    for (const note of plan.notes) this.sendEvent(new OutputEvent(note + '\n', 'console'));
    this.terminatedSent = false;
    const debug = !plan.args.noDebug;
    const driver: ExecutionDriver = new ExecutionDriver({
      debug,
      stopOnEntry: debug && plan.args.stopOnEntry === true,
      stateMachineName: plan.stateMachineName,
      decideBreak: (context) =>
        this.policy.decide(context, plan.model, (text, category) =>
          this.sendEvent(new OutputEvent(text + '\n', category)),
        ),
      breakOnError: (error, caught) => this.policy.breakOnError(error, caught),
      errorFate: (context) => errorFate(plan.model, context),
      listener: {
        stopped: (reason, view, detail) => {
          this.variables.reset();
          const event = new StoppedEvent(reason, view.threadId, detail.text) as DebugProtocol.StoppedEvent;
          event.body.allThreadsStopped = true;
          if (detail.text) event.body.description = detail.text;
          if (detail.breakpointIds?.length) event.body.hitBreakpointIds = detail.breakpointIds;
          this.sendEvent(event);
        },
        threadStarted: (view) => this.sendEvent(new ThreadEvent('started', view.threadId)),
        threadExited: (view) => this.sendEvent(new ThreadEvent('exited', view.threadId)),
        event: (event) => this.onExecutionEvent(event, driver),
        finished: (result) => this.onFinished(result),
      },
    });
    const runtimeHost: RuntimeHost = {
      ...this.host.runtimeHost(plan.args.realTime === true),
      invokeTask: async (invocation) => {
        const handler = plan.handlers[invocation.stateName] ?? plan.handlers[invocation.resource];
        return handler ? answerFromHandler(handler, invocation.input, invocation.context) : undefined;
      },
      unansweredTask: () => 'wait',
    };
    const execution = this.host.createExecution({
      definition: plan.model.definition,
      input: plan.input,
      host: runtimeHost,
      type: plan.type,
      clock: plan.args.realTime ? 'real' : 'virtual',
      stateMachineName: plan.stateMachineName,
      mocks: plan.mocks,
      beforeState: driver.hook,
      beforeAttempt: driver.attemptHook,
      onStateError: driver.errorHook,
    });
    const inspector = new FrameInspector(driver, plan.model);
    this.running = { plan, driver, execution, inspector, done: driver.run(execution) };
  }

  private onExecutionEvent(event: ExecutionEvent, driver: ExecutionDriver): void {
    switch (event.kind) {
      case 'historyEvent':
        this.sendEvent(new OutputEvent(historyLine(event.event) + '\n', 'console'));
        break;
      case 'pendingTask': {
        const view = driver.viewOfActivity(event.task.activityId);
        this.openTokens.add(event.task.token);
        this.sendEvent(new Event('pendingTask', pendingTaskBody(event.task, view?.threadId)));
        break;
      }
      case 'taskAnswered':
        if (event.answer.kind !== 'heartbeat' && this.openTokens.delete(event.token)) {
          this.sendEvent(
            new Event('pendingTaskClosed', { taskToken: event.token, reason: event.answer.kind }),
          );
        }
        break;
      default:
        break;
    }
  }

  private onFinished(result: ExecutionResult): void {
    for (const token of this.openTokens) {
      this.sendEvent(new Event('pendingTaskClosed', { taskToken: token, reason: 'executionEnded' }));
    }
    this.openTokens.clear();
    const summary =
      result.status === 'SUCCEEDED'
        ? `Execution succeeded. Output: ${JSON.stringify(result.output)}`
        : `Execution ${result.status.toLowerCase()}${result.error ? `: ${result.error}` : ''}${result.cause ? ` (${result.cause})` : ''}`;
    this.sendEvent(new OutputEvent(summary + '\n', result.status === 'SUCCEEDED' ? 'console' : 'stderr'));
    if (this.restarting) return;
    this.sendEvent(new ExitedEvent(result.status === 'SUCCEEDED' ? 0 : 1));
    this.sendTerminated();
  }

  private sendTerminated(): void {
    if (this.terminatedSent) return;
    this.terminatedSent = true;
    this.sendEvent(new TerminatedEvent());
  }

  private async stopExecution(running: RunningExecution, cause: string): Promise<void> {
    running.driver.release();
    if (running.execution.status === 'RUNNING') running.execution.stop('Debugger.Stopped', cause);
    await running.done;
  }

  private async withModel(
    sourcePath: string | undefined,
    use: (model: StateMachineModel | undefined, source: string) => void,
  ): Promise<void> {
    const source = sourcePath ? path.resolve(this.convertClientPathToDebugger(sourcePath)) : '';
    let model: StateMachineModel | undefined;
    if (this.running && this.running.plan.program === source) model = this.running.plan.model;
    else if (source) {
      try {
        const text = await this.host.readFile(source);
        model = parseStateMachine(text, { format: formatForFileName(source) });
      } catch {
        model = undefined;
      }
    }
    use(model, source);
  }
}
