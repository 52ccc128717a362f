/**
 * `asl validate FILE... [--format json] [--type STANDARD|EXPRESS] [--no-comments] [--no-trailing-commas]`:
 * validates each file with the language service's validator and prints `file:line:col severity code
 * message` (or JSON). Exit 0 without errors, 1 with errors, 2 on usage errors or unreadable files.
 * Node-level: may use fs and process; the validator it calls stays transport-free.
 */
import { readFileSync } from 'node:fs';
import { formatForFileName, parseStateMachine } from '../asl';
import { type AslServiceSettings, type Diagnostic, defaultServiceSettings } from '../service/types';
import { validateStateMachine } from '../service/validation/validateStateMachine';

const HELP = `Usage: asl validate FILE... [options]

Validates Amazon States Language definitions (.asl.json, .asl.yaml, .asl.yml) and prints every problem.

Options:
  --format text|json     output format (default text: file:line:col severity code message)
  --type STANDARD|EXPRESS
                         the state machine type (EXPRESS rejects .sync, .waitForTaskToken, activities)
  --no-comments          report comments as errors (AWS rejects them)
  --no-trailing-commas   report trailing commas as errors (AWS rejects them)
  -h, --help             show this help

Exit status: 0 no errors, 1 errors found, 2 usage error or unreadable file.`;

const SEVERITY_NAMES = ['', 'error', 'warning', 'information', 'hint'] as const;

interface Options {
  files: string[];
  format: 'text' | 'json';
  settings: AslServiceSettings;
}

class UsageError extends Error {}

function parseArgs(args: string[]): Options | 'help' {
  const options: Options = { files: [], format: 'text', settings: { ...defaultServiceSettings } };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
    const value = () => {
      const v = inline ?? args[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '-h':
      case '--help':
        return 'help';
      case '--format': {
        const format = value();
        if (format !== 'json' && format !== 'text') {
          throw new UsageError(`--format must be "text" or "json", not "${format}"`);
        }
        options.format = format;
        break;
      }
      case '--type': {
        const type = value().toUpperCase();
        if (type !== 'STANDARD' && type !== 'EXPRESS') {
          throw new UsageError(`--type must be STANDARD or EXPRESS, not "${type}"`);
        }
        options.settings.stateMachineType = type;
        break;
      }
      case '--no-comments':
        options.settings.allowComments = false;
        break;
      case '--no-trailing-commas':
        options.settings.allowTrailingCommas = false;
        break;
      default:
        if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}`);
        options.files.push(arg);
    }
  }
  if (options.files.length === 0) throw new UsageError('no files given');
  return options;
}

let yamlFrontEnd: boolean | undefined;

/** Loads the YAML front end (asl/parseYaml registers itself) if it is part of this build. */
function loadYamlFrontEnd(): boolean {
  if (yamlFrontEnd === undefined) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      require('../asl/parseYaml');
      yamlFrontEnd = true;
    } catch {
      yamlFrontEnd = false;
    }
  }
  return yamlFrontEnd;
}

export interface FileResult {
  file: string;
  diagnostics: Diagnostic[];
}

/** Validates one file; throws an Error with a clear message when it cannot be read or parsed at all. */
export function validateFile(file: string, settings: AslServiceSettings): FileResult {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (error as Error).message;
    throw new Error(`cannot read ${file}: ${reason}`, { cause: error });
  }
  const format = formatForFileName(file);
  if (format === 'yaml' && !loadYamlFrontEnd()) {
    throw new Error(
      `cannot validate ${file}: YAML support is not available in this build (use the JSON form)`,
    );
  }
  const model = parseStateMachine(text, {
    format,
    allowComments: settings.allowComments,
    allowTrailingCommas: settings.allowTrailingCommas,
  });
  const diagnostics = validateStateMachine(model, settings).sort(
    (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
  );
  return { file, diagnostics };
}

function messageText(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}

function toJson(result: FileResult) {
  return {
    file: result.file,
    diagnostics: result.diagnostics.map((d) => ({
      code: String(d.code ?? ''),
      severity: SEVERITY_NAMES[d.severity ?? 1],
      message: messageText(d),
      line: d.range.start.line + 1,
      column: d.range.start.character + 1,
      endLine: d.range.end.line + 1,
      endColumn: d.range.end.character + 1,
    })),
  };
}

function toText(result: FileResult): string[] {
  return result.diagnostics.map(
    (d) =>
      `${result.file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${SEVERITY_NAMES[d.severity ?? 1]} ${String(d.code ?? '')} ${messageText(d)}`,
  );
}

export async function main(args: string[]): Promise<number> {
  let options: Options | 'help';
  try {
    options = parseArgs(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`asl validate: ${error.message}\n\n${HELP}\n`);
    return 2;
  }
  if (options === 'help') {
    process.stdout.write(HELP + '\n');
    return 0;
  }
  const results: FileResult[] = [];
  let unreadable = false;
  for (const file of options.files) {
    try {
      results.push(validateFile(file, options.settings));
    } catch (error) {
      unreadable = true;
      process.stderr.write(`asl validate: ${(error as Error).message}\n`);
    }
  }
  if (options.format === 'json') {
    process.stdout.write(JSON.stringify(results.map(toJson), null, 2) + '\n');
  } else {
    const lines = results.flatMap(toText);
    if (lines.length > 0) process.stdout.write(lines.join('\n') + '\n');
  }
  if (unreadable) return 2;
  return results.some((r) => r.diagnostics.some((d) => d.severity === 1)) ? 1 : 0;
}
