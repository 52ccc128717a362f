/**
 * `asl run FILE`: validates a state machine, runs it on the local runtime (virtual clock by default) with
 * mocks from a Step Functions Local MockConfigFile and/or local handler modules, and prints each state
 * transition and the result (or JSON with the AWS-shaped history). Node-level: reads files, writes stdout.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatForFileName, parseStateMachine } from '../asl';
import { createNodeRuntimeHost, loadHandlerConfig } from '../node/nodeRuntimeHost';
import {
  createExecution,
  type ExecutionResult,
  type MockConfigFile,
  type MockTestCase,
  resolveMockTestCase,
} from '../runtime';
import { createAslLanguageService } from '../service/aslLanguageService';

const USAGE = `Usage: asl run FILE [options]

Runs a state machine locally (simulated time: waits, retries and timeouts pass instantly).

Options:
  --input JSON              execution input (default {})
  --input-file F            read the execution input from F
  --mock-config F           Step Functions Local MockConfigFile
  --test-case NAME          test case in the mock config (required with --mock-config)
  --state-machine NAME      entry of the mock config (default: named like FILE, else the only one)
  --handlers F              {"handlers": {"<state name or Resource ARN>": "./module.js"}}
  --type STANDARD|EXPRESS   workflow type (default STANDARD)
  --real-time               wait in real time instead of simulated time
  --format text|json        output (default text)

Exit codes: 0 succeeded, 1 the execution did not succeed, 2 usage or definition errors.`;

export interface RunOptions {
  file: string;
  input?: string;
  inputFile?: string;
  mockConfig?: string;
  testCase?: string;
  stateMachine?: string;
  handlers?: string;
  type: 'STANDARD' | 'EXPRESS';
  realTime: boolean;
  format: 'text' | 'json';
}

class UsageError extends Error {}

function parseArgs(args: string[]): RunOptions | 'help' {
  const options: Partial<RunOptions> = { type: 'STANDARD', realTime: false, format: 'text' };
  const value = (i: number, flag: string): string => {
    const v = args[i + 1];
    if (v === undefined) throw new UsageError(`${flag} needs a value`);
    return v;
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    switch (a) {
      case '--help':
      case '-h':
        return 'help';
      case '--input':
        options.input = value(i++, a);
        break;
      case '--input-file':
        options.inputFile = value(i++, a);
        break;
      case '--mock-config':
        options.mockConfig = value(i++, a);
        break;
      case '--test-case':
        options.testCase = value(i++, a);
        break;
      case '--state-machine':
        options.stateMachine = value(i++, a);
        break;
      case '--handlers':
        options.handlers = value(i++, a);
        break;
      case '--type': {
        const t = value(i++, a).toUpperCase();
        if (t !== 'STANDARD' && t !== 'EXPRESS') {
          throw new UsageError(`--type must be STANDARD or EXPRESS, not '${t}'`);
        }
        options.type = t;
        break;
      }
      case '--real-time':
        options.realTime = true;
        break;
      case '--format': {
        const f = value(i++, a);
        if (f !== 'text' && f !== 'json') throw new UsageError(`--format must be text or json, not '${f}'`);
        options.format = f;
        break;
      }
      default:
        if (a.startsWith('-')) throw new UsageError(`unknown option '${a}'`);
        if (options.file !== undefined) {
          throw new UsageError(`only one FILE may be run (got '${options.file}' and '${a}')`);
        }
        options.file = a;
    }
  }
  if (options.file === undefined) throw new UsageError('missing FILE');
  if (options.input !== undefined && options.inputFile !== undefined) {
    throw new UsageError('use --input or --input-file, not both');
  }
  if (options.mockConfig !== undefined && options.testCase === undefined) {
    throw new UsageError('--mock-config needs --test-case NAME');
  }
  return options as RunOptions;
}

/** Parses JSON, turning errors into a message with the source name and position. */
export function parseJsonText(text: string, source: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new UsageError(`${source}: not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
}

function readText(file: string, what: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${what} '${file}': ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
}

/** The file name without .asl.json / .asl.yaml / .json / .yaml. */
export function machineNameOf(file: string): string {
  return path.basename(file).replace(/(\.asl)?\.(json|ya?ml)$/i, '');
}

/** Loads and validates a definition; returns diagnostics text lines when it has errors. */
export function loadDefinition(file: string): { definition: unknown } | { errors: string[] } {
  const text = readText(file, 'state machine');
  const model = parseStateMachine(text, { format: formatForFileName(file) });
  const diagnostics = createAslLanguageService().doValidation(model);
  const errors = diagnostics
    .filter((d) => d.severity === 1)
    .map(
      (d) =>
        `${file}:${d.range.start.line + 1}:${d.range.start.character + 1} error ${String(d.code ?? '')} ${d.message}`,
    );
  if (errors.length > 0) return { errors };
  return { definition: model.definition };
}

/** Resolves mocks from a MockConfigFile for a definition file. */
export function loadMocks(
  file: string,
  configFile: string,
  testCase: string,
  stateMachine?: string,
): MockTestCase {
  const config = parseJsonText(readText(configFile, 'mock config'), configFile) as MockConfigFile;
  const resolved = resolveMockTestCase(config, testCase, stateMachine, machineNameOf(file));
  if (!resolved.ok) throw new UsageError(`${configFile}: ${resolved.message}`);
  return resolved.mocks;
}

function short(value: unknown): string {
  const text = JSON.stringify(value) ?? 'undefined';
  return text.length > 160 ? `${text.slice(0, 157)}...` : text;
}

export async function main(args: string[]): Promise<number> {
  let options: RunOptions | 'help';
  let definition: unknown;
  let input: unknown = {};
  let mocks: MockTestCase | undefined;
  let handlers: ReturnType<typeof loadHandlerConfig> | undefined;
  try {
    options = parseArgs(args);
    if (options === 'help') {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    const loaded = loadDefinition(options.file);
    if ('errors' in loaded) {
      process.stderr.write(
        `${loaded.errors.join('\n')}\nasl run: ${options.file} has errors; not running it.\n`,
      );
      return 2;
    }
    definition = loaded.definition;
    if (options.input !== undefined) input = parseJsonText(options.input, '--input');
    if (options.inputFile !== undefined) {
      input = parseJsonText(readText(options.inputFile, 'input file'), options.inputFile);
    }
    if (options.mockConfig !== undefined) {
      mocks = loadMocks(options.file, options.mockConfig, options.testCase!, options.stateMachine);
    }
    if (options.handlers !== undefined) {
      try {
        handlers = loadHandlerConfig(options.handlers);
      } catch (e) {
        throw new UsageError(e instanceof Error ? e.message : String(e));
      }
    }
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`asl run: ${e.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw e;
  }
  const host = createNodeRuntimeHost({ baseDir: path.dirname(path.resolve(options.file)), handlers });
  const execution = createExecution({
    definition,
    input,
    host,
    type: options.type,
    clock: options.realTime ? 'real' : 'virtual',
    mocks,
    stateMachineName: machineNameOf(options.file),
  });
  const text = options.format === 'text';
  if (text) {
    execution.onEvent((event) => {
      const indent = (location: { kind: string }[]) => '  '.repeat(Math.max(0, location.length - 1));
      if (event.kind === 'stateEntered') {
        process.stdout.write(
          `${indent(event.location)}-> ${event.inspection.stateName} (${event.inspection.stateType}) input ${short(event.inspection.input)}\n`,
        );
      } else if (event.kind === 'stateExited') {
        const next = event.inspection.next ? ` next ${event.inspection.next}` : '';
        process.stdout.write(
          `${indent(event.location)}<- ${event.inspection.stateName} output ${short(event.inspection.output)}${next}\n`,
        );
      } else if (event.kind === 'errorRaised') {
        process.stdout.write(
          `${indent(event.location)}!! ${event.stateName}: ${event.error}${event.cause ? ` (${event.cause})` : ''}${event.caught ? ' [handled by Retry/Catch]' : ''}\n`,
        );
      }
    });
  }
  const result: ExecutionResult = await execution.start();
  if (text) {
    process.stdout.write(`\nExecution ${result.status}\n`);
    if (result.status === 'SUCCEEDED') {
      process.stdout.write(`Output: ${JSON.stringify(result.output, null, 2)}\n`);
    } else process.stdout.write(`Error: ${result.error ?? '(none)'}\nCause: ${result.cause ?? '(none)'}\n`);
  } else {
    const out = {
      status: result.status,
      output: result.output ?? null,
      error: result.error ?? null,
      cause: result.cause ?? null,
      events: result.history,
    };
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  }
  return result.status === 'SUCCEEDED' ? 0 : 1;
}
