/**
 * Seeded runtime fuzzer: generated workflows run through the local runtime with the virtual clock; checks
 * that every execution settles, every failure is an ASL error name with a cause, limits end runs with AWS's
 * errors and nothing pollutes Object.prototype. The runtime is loaded from the build at run time (it may not
 * be built yet). Test support only: depends on the runtime's public types, ./prng, ./workflowGenerator.
 */
import * as path from 'node:path';
import {
  type Execution,
  type ExecutionOptions,
  type ExecutionResult,
  TaskTokenError,
} from '../../server/src/runtime/executionApi';
import { repoRoot } from '../support/paths';
import { createRng } from './prng';
import { type GeneratedWorkflow, generateWorkflow } from './workflowGenerator';

type CreateExecution = (options: ExecutionOptions) => Execution;

/** The runtime's createExecution, or undefined when the runtime is not part of the build. */
export function loadCreateExecution(): CreateExecution | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(
      path.join(repoRoot, 'out', 'server', 'src', 'runtime', 'stateMachineExecution.js'),
    ) as {
      createExecution?: CreateExecution;
    };
    return mod.createExecution;
  } catch {
    return undefined;
  }
}

export interface RuntimeFuzzReport {
  executions: number;
  statuses: Record<string, number>;
  errors: Record<string, number>;
  failures: string[];
  /** Longest history seen. */
  maxHistory: number;
  summary: string;
}

const START = Date.UTC(2026, 0, 1);
const HISTORY_CAP = 25_000;
/** Hang detector only (real time): a virtual-clock execution that has not settled by then is reported. */
const HANG_MS = 60_000;

function hostFor(seed: number): ExecutionOptions['host'] {
  const rng = createRng(seed ^ 0x5eed);
  let n = 0;
  return {
    now: () => START,
    random: () => rng.next(),
    uuid: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
  };
}

/** Checks one finished execution; returns the problems found (empty when it behaved like AWS). */
export function checkResult(workflow: GeneratedWorkflow, result: ExecutionResult): string[] {
  const problems: string[] = [];
  if (!['SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED'].includes(result.status)) {
    problems.push(`status ${result.status}`);
  }
  if (result.status === 'FAILED' || result.status === 'TIMED_OUT') {
    const error = result.error ?? '';
    const known = error.startsWith('States.') || workflow.customErrors.includes(error);
    if (!known) problems.push(`failure with a non-ASL error name ${JSON.stringify(result.error)}`);
    if (error.startsWith('States.') && !workflow.customErrors.includes(error) && !result.cause) {
      problems.push(`${error} without a cause`);
    }
  }
  if (result.status === 'TIMED_OUT' && result.error !== 'States.Timeout') {
    problems.push(`TIMED_OUT with ${result.error}`);
  }
  // At the cap the execution fails: 25,000 events plus the closing ExecutionFailed.
  if (workflow.type === 'STANDARD' && result.history.length > HISTORY_CAP + 1) {
    problems.push(`history of ${result.history.length} events exceeds ${HISTORY_CAP}`);
  }
  if (
    result.history.length > HISTORY_CAP &&
    (result.status !== 'FAILED' || !result.error?.startsWith('States.'))
  ) {
    problems.push(
      `reaching the history cap ended as ${result.status} ${result.error}, not a States.* failure`,
    );
  }
  if (workflow.loops && result.status === 'SUCCEEDED' && result.history.length >= HISTORY_CAP) {
    problems.push('an endless loop reached the history cap but succeeded');
  }
  const last = result.history[result.history.length - 1];
  const closing = {
    SUCCEEDED: 'ExecutionSucceeded',
    FAILED: 'ExecutionFailed',
    TIMED_OUT: 'ExecutionTimedOut',
    ABORTED: 'ExecutionAborted',
  };
  if (
    workflow.type === 'STANDARD' &&
    last?.type !== closing[result.status] &&
    result.history.length <= HISTORY_CAP + 1
  ) {
    problems.push(`history ends with ${last?.type}, not ${closing[result.status]}`);
  }
  return problems;
}

/** Runs one seeded execution; resolves with problems (crash, hang, wrong error) or []. */
export async function runOneExecution(
  createExecution: CreateExecution,
  seed: number,
): Promise<{ problems: string[]; result?: ExecutionResult; workflow: GeneratedWorkflow }> {
  const workflow = generateWorkflow(createRng(seed));
  // A second stream drives the debugger-like interaction, so the workflow for a seed never changes.
  const interaction = createRng(seed ^ 0x1a7e);
  const interactive = interaction.chance(0.3);
  const problems: string[] = [];
  let timer: NodeJS.Timeout | undefined;
  try {
    const host = hostFor(seed);
    if (interactive) {
      host.unansweredTask = () => 'wait';
      workflow.customErrors.push('Custom.Error');
    }
    let execution: Execution | undefined = undefined;
    const act = (what: string, action: () => void): void => {
      void Promise.resolve().then(() => {
        try {
          action();
        } catch (error) {
          // A token closed meanwhile (stop, timeout) is refused with TaskTokenError: that is correct.
          if (!(error instanceof TaskTokenError)) problems.push(`${what} threw ${String(error)}`);
        }
      });
    };
    execution = createExecution({
      definition: workflow.definition,
      input: workflow.input,
      mocks: workflow.mocks,
      type: workflow.type,
      host,
      clock: 'virtual',
      stateMachineName: 'fuzz',
      executionName: `fuzz-${seed}`,
      beforeState: interactive
        ? (context) => {
            const roll = interaction.next();
            if (roll < 0.02) act('stop', () => execution!.stop('Fuzz.Stop', 'stopped by the fuzzer'));
            else if (roll < 0.05) context.replaceInput({ replaced: true, a: 1, items: [1, 2] });
          }
        : undefined,
    });
    if (interactive) {
      execution.onEvent((event) => {
        if (event.kind !== 'pendingTask') return;
        const token = event.task.token;
        const roll = interaction.next();
        if (roll < 0.55) act('sendTaskSuccess', () => execution!.sendTaskSuccess(token, { answered: true }));
        else if (roll < 0.8) {
          act('sendTaskFailure', () => execution!.sendTaskFailure(token, 'Custom.Error', 'refused'));
        } else if (roll < 0.95) {
          act('sendTaskHeartbeat', () => execution!.sendTaskHeartbeat(token));
          act('sendTaskSuccess', () => execution!.sendTaskSuccess(token, 'late'));
        } else act('stop', () => execution!.stop());
      });
    }
    const hang = new Promise<'hang'>((resolve) => {
      timer = setTimeout(() => resolve('hang'), HANG_MS);
    });
    const outcome = await Promise.race([execution.start(), hang]);
    if (outcome === 'hang') {
      execution.stop('Fuzz.Hang', 'hang detector');
      return { problems: [`did not settle within ${HANG_MS} ms (real time)`], workflow };
    }
    problems.push(...checkResult(workflow, outcome));
    if ((Object.prototype as Record<string, unknown>).polluted !== undefined) {
      problems.push('Object.prototype polluted');
    }
    return { problems, result: outcome, workflow };
  } catch (error) {
    return {
      problems: [
        ...problems,
        `crash: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      ],
      workflow,
    };
  } finally {
    clearTimeout(timer);
  }
}

export interface RuntimeFuzzOptions {
  seed: number;
  executions: number;
  onFailure?: (line: string) => void;
}

/** Runs `executions` seeded executions (seeds seed, seed+1, ...). */
export async function runRuntimeFuzzBatch(options: RuntimeFuzzOptions): Promise<RuntimeFuzzReport> {
  const report: RuntimeFuzzReport = {
    executions: 0,
    statuses: {},
    errors: {},
    failures: [],
    maxHistory: 0,
    summary: '',
  };
  const createExecution = loadCreateExecution();
  if (!createExecution) {
    report.failures.push('the runtime (out/server/src/runtime/stateMachineExecution.js) is not built');
    report.summary = 'runtime not built';
    return report;
  }
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown): void => void rejections.push(reason);
  process.on('unhandledRejection', onRejection);
  try {
    for (let i = 0; i < options.executions; i++) {
      const seed = options.seed + i;
      const { problems, result } = await runOneExecution(createExecution, seed);
      report.executions++;
      if (result) {
        report.statuses[result.status] = (report.statuses[result.status] ?? 0) + 1;
        if (result.error) report.errors[result.error] = (report.errors[result.error] ?? 0) + 1;
        report.maxHistory = Math.max(report.maxHistory, result.history.length);
      }
      while (rejections.length > 0) problems.push(`unhandled rejection: ${String(rejections.shift())}`);
      for (const p of problems) {
        const line = `runtime seed ${seed}: ${p}`;
        report.failures.push(line);
        options.onFailure?.(line);
      }
    }
  } finally {
    process.off('unhandledRejection', onRejection);
  }
  report.summary =
    `${report.executions} executions, ${report.failures.length} failures, statuses ${JSON.stringify(report.statuses)}, ` +
    `errors ${JSON.stringify(report.errors)}, longest history ${report.maxHistory} events`;
  return report;
}
