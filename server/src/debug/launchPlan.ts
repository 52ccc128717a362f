/**
 * Turns `launch` arguments into a runnable plan: reads and parses the program, runs the injected
 * validator (errors stop the launch), reads the input, resolves the mock test case and loads handlers.
 * Every failure is one clear message naming the file (and line); never a stack trace.
 * Depends on asl/, protocol/ and the DebugHost interface only.
 */
import * as path from 'node:path';
import { formatForFileName, parseStateMachine, type StateMachineModel } from '../asl';
import type { MockConfigFile, MockTestCase, StateMachineType } from '../runtime/executionApi';
import {
  type AslLaunchArguments,
  defaultStateMachineName,
  LAUNCH_DEFAULTS,
} from '../protocol/launchConfiguration';
import type { DebugHost, TaskHandler } from './debugHost';

export interface LaunchPlan {
  args: AslLaunchArguments;
  program: string;
  text: string;
  model: StateMachineModel;
  input: unknown;
  mocks?: MockTestCase;
  handlers: Record<string, TaskHandler>;
  type: StateMachineType;
  stateMachineName: string;
  /** Warnings to print (validator warnings). */
  notes: string[];
}

export type LaunchPlanResult =
  { ok: true; plan: LaunchPlan } | { ok: false; message: string; details: string[] };

const SEVERITY = ['', 'error', 'warning', 'info', 'hint'];

export async function prepareLaunch(args: AslLaunchArguments, host: DebugHost): Promise<LaunchPlanResult> {
  if (typeof args.program !== 'string' || args.program.trim() === '') {
    return fail('The launch configuration needs "program": the .asl.json or .asl.yaml file to run.');
  }
  const program = path.resolve(args.program);
  const base = path.dirname(program);
  let text: string;
  try {
    text = await host.readFile(program);
  } catch (error) {
    return fail(`Cannot read program ${program}: ${reason(error)}`);
  }
  const model = parseStateMachine(text, { format: formatForFileName(program) });
  const notes: string[] = [];
  const problems = host.validate
    ? host.validate(text, program)
    : model.tree.problems.map((p) => {
        const start = model.lines.positionAt(p.offset);
        return {
          range: { start },
          message: p.message,
          severity: p.severity === 'error' ? 1 : 2,
          code: p.code,
        };
      });
  const errors: string[] = [];
  for (const problem of problems) {
    const { line, character } = problem.range.start;
    const severity = problem.severity ?? 1;
    const code = problem.code !== undefined ? ` [${problem.code}]` : '';
    const entry = `${program}:${line + 1}:${character + 1}: ${SEVERITY[severity] ?? 'error'}: ${problem.message}${code}`;
    (severity === 1 ? errors : notes).push(entry);
  }
  if (errors.length > 0) {
    const first = errors[0].slice(program.length + 1);
    const more =
      errors.length > 1 ? ` (and ${errors.length - 1} more problem(s), see the Debug Console)` : '';
    return fail(`${path.basename(program)} is not a valid state machine: ${first}${more}`, errors);
  }

  let input: unknown = {};
  if (args.inputFile !== undefined) {
    const file = path.resolve(base, args.inputFile);
    try {
      input = JSON.parse(await host.readFile(file));
    } catch (error) {
      return fail(`Cannot read the input file ${file}: ${reason(error)}`);
    }
  } else if (typeof args.input === 'string') {
    try {
      input = JSON.parse(args.input);
    } catch (error) {
      return fail(`"input" is not valid JSON: ${reason(error)}`);
    }
  } else if (args.input !== undefined) {
    input = args.input;
  }

  const stateMachineName = args.stateMachine ?? defaultStateMachineName(program);
  let mocks: MockTestCase | undefined;
  if (args.mockConfig !== undefined) {
    const file = path.resolve(base, args.mockConfig);
    let config: MockConfigFile;
    try {
      config = JSON.parse(await host.readFile(file)) as MockConfigFile;
    } catch (error) {
      return fail(`Cannot read the mock configuration ${file}: ${reason(error)}`);
    }
    const resolved = resolveTestCase(config, stateMachineName, args.testCase, file);
    if (typeof resolved === 'string') return fail(resolved);
    mocks = resolved;
  } else if (args.testCase !== undefined) {
    return fail('"testCase" needs "mockConfig": the Step Functions Local MockConfigFile that defines it.');
  }

  let handlers: Record<string, TaskHandler> = {};
  if (args.handlers !== undefined) {
    const file = path.resolve(base, args.handlers);
    try {
      handlers = await host.loadHandlers(file);
    } catch (error) {
      return fail(`Cannot load the handlers module ${file}: ${reason(error)}`);
    }
  }
  const type = args.executionType ?? LAUNCH_DEFAULTS.executionType;
  if (type !== 'STANDARD' && type !== 'EXPRESS') {
    return fail(`"executionType" must be STANDARD or EXPRESS, not ${JSON.stringify(type)}.`);
  }
  return {
    ok: true,
    plan: { args, program, text, model, input, mocks, handlers, type, stateMachineName, notes },
  };
}

/** Picks a test case of a MockConfigFile: per Task state name, its mocked response sequence. */
export function resolveTestCase(
  config: MockConfigFile,
  stateMachine: string,
  testCase: string | undefined,
  file: string,
): MockTestCase | string {
  const machines = config.StateMachines ?? {};
  const machine = machines[stateMachine];
  if (!machine) {
    const known = Object.keys(machines);
    return `${file} has no state machine "${stateMachine}"${known.length ? ` (it has: ${known.join(', ')}); set "stateMachine"` : ''}.`;
  }
  const cases = machine.TestCases ?? {};
  if (testCase === undefined) {
    return `"mockConfig" needs "testCase": one of ${Object.keys(cases).join(', ') || '(none defined)'}.`;
  }
  const selected = cases[testCase];
  if (!selected) {
    return `${file} has no test case "${testCase}" for "${stateMachine}" (it has: ${Object.keys(cases).join(', ') || 'none'}).`;
  }
  const result: MockTestCase = {};
  for (const [stateName, responseName] of Object.entries(selected)) {
    const responses = config.MockedResponses?.[responseName];
    if (!responses) {
      return `${file}: test case "${testCase}" uses "${responseName}", which MockedResponses does not define.`;
    }
    result[stateName] = responses;
  }
  return result;
}

function fail(message: string, details: string[] = []): LaunchPlanResult {
  return { ok: false, message, details };
}

function reason(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? 'file not found' : error.message;
  }
  return String(error);
}
