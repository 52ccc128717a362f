/**
 * The `asl` debug type's launch attributes, declared once and used by the debug adapter (server/src/debug)
 * and the VS Code side (client/src/debug: configuration provider, snippets). Types and defaults only:
 * no logic, no imports of vscode, transports or node I/O.
 */

/** The debugger type contributed in package.json (`contributes.debuggers[].type`). */
export const ASL_DEBUG_TYPE = 'asl';

/** Workflow type (AWS `executionType` of the state machine). */
export type AslExecutionType = 'STANDARD' | 'EXPRESS';

/**
 * Attributes of a `launch` request for the `asl` debugger.
 *
 * - `program`: the .asl.json / .asl.yaml file to run (required).
 * - `input` (any JSON value, or JSON text) or `inputFile` (path to a JSON file): the execution input (default `{}`).
 * - `mockConfig`: a Step Functions Local MockConfigFile; `testCase` picks a test case of `stateMachine`
 *   (default: the program's file name without `.asl.json` / `.asl.yaml`).
 * - `handlers`: a JavaScript module whose exports map a state name or a Resource ARN to an async function
 *   `(input, context) => output` (throw `{ error, cause }` or an Error with `name` to fail the task).
 * - `executionType`: STANDARD (default) or EXPRESS.
 * - `stopOnEntry`: pause before the first state.
 * - `realTime`: Wait states and timeouts take real time instead of simulated time.
 * - `noDebug`: run without breakpoints or pauses (set by VS Code for "Run Without Debugging").
 */
export interface AslLaunchArguments {
  program: string;
  input?: unknown;
  inputFile?: string;
  mockConfig?: string;
  testCase?: string;
  stateMachine?: string;
  handlers?: string;
  executionType?: AslExecutionType;
  stopOnEntry?: boolean;
  realTime?: boolean;
  noDebug?: boolean;
  /** Log the DAP traffic to the debug console (LoggingDebugSession verbose logging). */
  trace?: boolean;
}

/** Defaults applied by both the configuration provider and the adapter. */
export const LAUNCH_DEFAULTS = {
  executionType: 'STANDARD',
  stopOnEntry: false,
  realTime: false,
} as const satisfies Partial<AslLaunchArguments>;

/** The configuration F5 uses on an ASL file when there is no launch.json. */
export function defaultLaunchConfiguration(program: string): AslLaunchArguments & {
  type: string;
  request: 'launch';
  name: string;
} {
  return {
    type: ASL_DEBUG_TYPE,
    request: 'launch',
    name: 'Debug ASL workflow',
    program,
    stopOnEntry: true,
  };
}

/** The state machine name used to pick a test case in a MockConfigFile when `stateMachine` is absent. */
export function defaultStateMachineName(program: string): string {
  const base = program.split(/[\\/]/).pop() ?? program;
  return base.replace(/\.asl\.(json|ya?ml)$/i, '').replace(/\.(json|ya?ml)$/i, '');
}
