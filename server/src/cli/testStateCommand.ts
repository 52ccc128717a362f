/**
 * `asl test-state FILE --state NAME`: evaluates one state of a state machine the way AWS's TestState API does
 * (input, optional mock/variables/context, inspection level) and prints the TestState-shaped answer as JSON.
 * Node-level: reads files, writes stdout/stderr; the evaluation itself is the runtime's `testState`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatForFileName, parseStateMachine } from '../asl';
import { createNodeRuntimeHost, loadHandlerConfig } from '../node/nodeRuntimeHost';
import type { TestStateOptions } from '../runtime';
import { testState } from '../runtime/testState';
import { createAslLanguageService } from '../service/aslLanguageService';

const USAGE = `Usage: asl test-state FILE [options]

Evaluates one state of a state machine as the TestState API does and prints the answer as JSON
(status, output, error, cause, nextState, inspectionData).

Options:
  --state NAME              the state to test (default: the StartAt state)
  --input JSON              state input (default {})
  --input-file F            read the state input from F
  --mock-result JSON        the task's (or Map/Parallel's) result instead of calling it
  --mock-error ERROR        the task fails with ERROR instead (with --mock-cause TEXT)
  --mock-cause TEXT         cause for --mock-error
  --variables JSON          variables visible to the state
  --context JSON            the context object ($$ / $states.context), as given
  --inspection-level LEVEL  INFO (default), DEBUG or TRACE
  --retry-count N           retries that already happened (Retry decisions)
  --map-failures N          failed Map iterations to simulate (tolerated failure decisions)
  --handlers F              {"handlers": {"<state name or Resource ARN>": "./module.js"}}

Exit codes: 0 SUCCEEDED, CAUGHT_ERROR or RETRIABLE; 1 FAILED; 2 usage or definition errors.`;

class UsageError extends Error {}

interface Parsed {
  file: string;
  flags: Map<string, string>;
}

const valueFlags = new Set([
  '--state',
  '--input',
  '--input-file',
  '--mock-result',
  '--mock-error',
  '--mock-cause',
  '--variables',
  '--context',
  '--inspection-level',
  '--retry-count',
  '--map-failures',
  '--handlers',
]);

function parseArgs(args: string[]): Parsed | 'help' {
  let file: string | undefined;
  const flags = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--help' || a === '-h') return 'help';
    if (valueFlags.has(a)) {
      const v = args[++i];
      if (v === undefined) throw new UsageError(`${a} needs a value`);
      if (flags.has(a)) throw new UsageError(`${a} given twice`);
      flags.set(a, v);
    } else if (a.startsWith('-')) {
      throw new UsageError(`unknown option '${a}'`);
    } else if (file !== undefined) {
      throw new UsageError(`only one FILE may be given (got '${file}' and '${a}')`);
    } else file = a;
  }
  if (file === undefined) throw new UsageError('missing FILE');
  if (flags.has('--input') && flags.has('--input-file')) {
    throw new UsageError('use --input or --input-file, not both');
  }
  if (flags.has('--mock-result') && flags.has('--mock-error')) {
    throw new UsageError('use --mock-result or --mock-error, not both');
  }
  if (flags.has('--mock-cause') && !flags.has('--mock-error')) {
    throw new UsageError('--mock-cause needs --mock-error');
  }
  return { file, flags };
}

function json(text: string, source: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new UsageError(`${source}: not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
}

function jsonObject(text: string, source: string): Record<string, unknown> {
  const value = json(text, source);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new UsageError(`${source}: must be a JSON object`);
  }
  return value as Record<string, unknown>;
}

function count(text: string, flag: string): number {
  if (!/^\d+$/.test(text)) throw new UsageError(`${flag} must be a whole number, not '${text}'`);
  return Number(text);
}

function readText(file: string, what: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${what} '${file}': ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
}

/** Reads and validates FILE; the located validator errors when it has any. */
function loadMachine(file: string): { definition: Record<string, unknown> } | { errors: string[] } {
  const model = parseStateMachine(readText(file, 'state machine'), { format: formatForFileName(file) });
  const errors = createAslLanguageService()
    .doValidation(model)
    .filter((d) => d.severity === 1)
    .map(
      (d) =>
        `${file}:${d.range.start.line + 1}:${d.range.start.character + 1} error ${String(d.code ?? '')} ${d.message}`,
    );
  if (errors.length > 0) return { errors };
  return { definition: model.definition as Record<string, unknown> };
}

function buildOptions(
  parsed: Parsed,
  definition: Record<string, unknown>,
): Omit<TestStateOptions, 'host'> & { stateName: string } {
  const f = parsed.flags;
  const stateName = f.get('--state') ?? (typeof definition.StartAt === 'string' ? definition.StartAt : '');
  const level = (f.get('--inspection-level') ?? 'INFO').toUpperCase();
  if (level !== 'INFO' && level !== 'DEBUG' && level !== 'TRACE') {
    throw new UsageError(`--inspection-level must be INFO, DEBUG or TRACE, not '${level}'`);
  }
  const options: Omit<TestStateOptions, 'host'> & { stateName: string } = {
    definition,
    stateName,
    inspectionLevel: level,
    input: {},
  };
  if (f.has('--input')) options.input = json(f.get('--input')!, '--input');
  if (f.has('--input-file')) {
    const file = f.get('--input-file')!;
    options.input = json(readText(file, 'input file'), file);
  }
  if (f.has('--mock-result')) {
    const text = f.get('--mock-result')!;
    json(text, '--mock-result');
    options.mock = { result: text };
  }
  if (f.has('--mock-error')) {
    options.mock = { errorOutput: { error: f.get('--mock-error'), cause: f.get('--mock-cause') ?? '' } };
  }
  if (f.has('--variables')) options.variables = jsonObject(f.get('--variables')!, '--variables');
  if (f.has('--context')) options.context = jsonObject(f.get('--context')!, '--context');
  const retries = f.get('--retry-count');
  const failures = f.get('--map-failures');
  if (retries !== undefined || failures !== undefined) {
    options.stateConfiguration = {
      retrierRetryCount: retries === undefined ? undefined : count(retries, '--retry-count'),
      mapIterationFailureCount: failures === undefined ? undefined : count(failures, '--map-failures'),
    };
  }
  return options;
}

export async function main(args: string[]): Promise<number> {
  let parsed: Parsed | 'help';
  let options: ReturnType<typeof buildOptions>;
  let handlers: ReturnType<typeof loadHandlerConfig> | undefined;
  try {
    parsed = parseArgs(args);
    if (parsed === 'help') {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    const loaded = loadMachine(parsed.file);
    if ('errors' in loaded) {
      process.stderr.write(`${loaded.errors.join('\n')}\nasl test-state: ${parsed.file} has errors.\n`);
      return 2;
    }
    options = buildOptions(parsed, loaded.definition);
    if (parsed.flags.has('--handlers')) {
      try {
        handlers = loadHandlerConfig(parsed.flags.get('--handlers')!);
      } catch (e) {
        throw new UsageError(e instanceof Error ? e.message : String(e));
      }
    }
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`asl test-state: ${e.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw e;
  }
  const host = createNodeRuntimeHost({ baseDir: path.dirname(path.resolve(parsed.file)), handlers });
  const result = await testState({ ...options, host });
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  return result.status === 'FAILED' ? 1 : 0;
}
