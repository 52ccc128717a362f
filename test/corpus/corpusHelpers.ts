/**
 * Shared by the corpus acceptance tests: reading the shared corpus TSV files, validating a corpus file
 * the way the CLI does (YAML through the YAML front end when it is present), and formatting diagnostics
 * for failure messages. Not a test file itself.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatForFileName, parseStateMachine } from '../../server/src/asl';
import { type Diagnostic, defaultServiceSettings } from '../../server/src/service/types';
import { validateStateMachine } from '../../server/src/service/validation/validateStateMachine';
import { repoRoot } from '../support/paths';

let yamlLoaded: boolean | undefined;

/** Registers the YAML front end if another engineer's asl/parseYaml has landed. */
export function yamlAvailable(): boolean {
  if (yamlLoaded === undefined) {
    try {
      // A runtime lookup: the module may not exist yet, so it cannot be a static import.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      require(path.join(repoRoot, 'out', 'server', 'src', 'asl', 'parseYaml.js'));
      yamlLoaded = true;
    } catch {
      yamlLoaded = false;
    }
  }
  return yamlLoaded;
}

export function readTsv(file: string): Record<string, string>[] {
  const [header, ...lines] = fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '');
  const columns = header.split('\t');
  return lines.map((line) => {
    const cells = line.split('\t');
    return Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? '']));
  });
}

/** Diagnostics of one file, or undefined for YAML when no YAML front end is registered. */
export function validateFile(file: string): Diagnostic[] | undefined {
  const format = formatForFileName(file);
  if (format === 'yaml' && !yamlAvailable()) return undefined;
  const model = parseStateMachine(fs.readFileSync(file, 'utf8'), { format });
  return validateStateMachine(model, defaultServiceSettings);
}

export function errorsOf(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((d) => d.severity === 1);
}

export function describe(file: string, diagnostics: Diagnostic[]): string {
  return diagnostics
    .map(
      (d) =>
        `  ${file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${String(d.code)} ${typeof d.message === 'string' ? d.message : d.message.value}`,
    )
    .join('\n');
}
