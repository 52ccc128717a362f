/**
 * Validation rows of `npm run bench`: our service (parse + doValidation) against amazon-states-language-service
 * and asl-validator on the same text, a bare jsonc-parser parse as the limit, incremental re-validation after
 * a one-character edit, and the whole real-world corpus. Bench-only: anchors are imported here, never in
 * shipped code.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { getLanguageService } from 'amazon-states-language-service';
import { parseTree } from 'jsonc-parser';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createAslLanguageService } from '../../server/src/service/aslLanguageService';
import { type BenchSide, measureInterleaved, type SideStats } from './benchHarness';
import { type BenchRow, round } from './benchTypes';

// asl-validator ships CommonJS with `module.exports = function`.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const aslValidator = require('asl-validator') as (definition: unknown) => { isValid: boolean };

export interface ValidationDoc {
  label: string;
  text: string;
  rounds: number;
  warmup: number;
}

const ours = createAslLanguageService();
const aslls = getLanguageService({});

function oursValidate(uri: string, text: string): number {
  const model = ours.parse(TextDocument.create(uri, 'asl', 1, text));
  return ours.doValidation(model).length;
}

async function asllsValidate(uri: string, text: string): Promise<number> {
  const doc = TextDocument.create(uri, 'json', 1, text);
  const diagnostics = await aslls.doValidation(doc, aslls.parseJSONDocument(doc));
  return diagnostics.length;
}

function aslValidatorValidate(text: string): boolean {
  try {
    return aslValidator(JSON.parse(text)).isValid;
  } catch {
    return false; // not JSON, or the validator threw on odd input
  }
}

function rowsFor(
  workload: string,
  stats: Record<string, SideStats>,
  target?: { speedup: number; limitFactor: number },
): BenchRow[] {
  const o = stats.ours;
  const oursCell = { median: round(o.median), p95: round(o.p95) };
  const limit = stats.jsonc
    ? {
        name: 'jsonc-parser parseTree',
        median: round(stats.jsonc.median),
        oursOverLimit: round(o.median / stats.jsonc.median, 2),
      }
    : undefined;
  const rows: BenchRow[] = [];
  const ratio = stats.aslls.median / o.median;
  rows.push({
    workload,
    ours: oursCell,
    anchor: { name: 'amazon-states-language-service', median: round(stats.aslls.median) },
    ratio: round(ratio, 2),
    limit,
    ...(target
      ? {
          target: `>= ${target.speedup}x faster than amazon-states-language-service, <= ${target.limitFactor}x jsonc-parser`,
          met: ratio >= target.speedup && (limit ? limit.oursOverLimit <= target.limitFactor : true),
        }
      : {}),
  });
  if (stats.aslValidator) {
    rows.push({
      workload,
      ours: oursCell,
      anchor: { name: 'asl-validator (JSON.parse + validator)', median: round(stats.aslValidator.median) },
      ratio: round(stats.aslValidator.median / o.median, 2),
    });
  }
  return rows;
}

/** One document: ours vs both anchors vs the jsonc-parser limit, interleaved. */
export async function benchValidationDoc(doc: ValidationDoc, withTarget: boolean): Promise<BenchRow[]> {
  const uri = 'file:///bench/doc.asl.json';
  const sides: Record<string, BenchSide> = {
    ours: () => oursValidate(uri, doc.text),
    aslls: () => asllsValidate(uri, doc.text),
    aslValidator: () => aslValidatorValidate(doc.text),
    jsonc: () => parseTree(doc.text),
  };
  const stats = await measureInterleaved(sides, { warmup: doc.warmup, rounds: doc.rounds });
  return rowsFor(`validate ${doc.label}`, stats, withTarget ? { speedup: 10, limitFactor: 5 } : undefined);
}

/**
 * Re-validation after a one-character edit, as the language server does it: the open TextDocument gets an
 * incremental change (TextDocument.update), then the new version is parsed and validated in full. Compared
 * with a full validation of a freshly created document of the same text.
 */
export async function benchIncremental(text: string, rounds: number): Promise<BenchRow> {
  const uri = 'file:///bench/edit.asl.json';
  // Edit inside the first Comment value so the document stays valid: insert 'x', then delete it again.
  const at = text.indexOf('"Comment": "') + '"Comment": "'.length;
  let document = TextDocument.create(uri, 'asl', 1, text);
  const position = document.positionAt(at);
  let inserted = false;
  const edit = (): number => {
    const change = inserted
      ? {
          range: { start: position, end: { line: position.line, character: position.character + 1 } },
          text: '',
        }
      : { range: { start: position, end: position }, text: 'x' };
    inserted = !inserted;
    document = TextDocument.update(document, [change], document.version + 1);
    return ours.doValidation(ours.parse(document)).length;
  };
  const stats = await measureInterleaved(
    { incremental: edit, full: () => oursValidate(uri, text) },
    { warmup: 3, rounds },
  );
  const ratio = stats.full.median / stats.incremental.median;
  return {
    workload: 're-validate 1 MB after a 1-char edit',
    ours: { median: round(stats.incremental.median), p95: round(stats.incremental.p95) },
    anchor: { name: 'ours: full validation', median: round(stats.full.median) },
    ratio: round(ratio, 2),
    target: 'incremental cheaper than full',
    met: stats.incremental.median < stats.full.median * 0.9,
    notes: 'TextDocument.update + parse + doValidation (the service has no incremental parse/validate API)',
  };
}

function listJson(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listJson(full));
    else if (entry.name.endsWith('.json')) out.push(full);
  }
  return out.sort();
}

/** The whole real-world corpus (JSON files) validated in one process, per pass. */
export async function benchCorpus(corpusDir: string, rounds: number): Promise<BenchRow[]> {
  const files = listJson(corpusDir).map((f) => ({ uri: `file://${f}`, text: fs.readFileSync(f, 'utf8') }));
  const sides: Record<string, BenchSide> = {
    ours: () => files.reduce((n, f) => n + oursValidate(f.uri, f.text), 0),
    aslls: async () => {
      let n = 0;
      for (const f of files) n += await asllsValidate(f.uri, f.text);
      return n;
    },
    jsonc: () => files.map((f) => parseTree(f.text)),
  };
  const stats = await measureInterleaved(sides, { warmup: 1, rounds });
  // asl-validator compiles its JSON schema on every call (~70 ms per file): one pass, measured once.
  const single = await measureInterleaved(
    { aslValidator: () => files.filter((f) => aslValidatorValidate(f.text)).length },
    { warmup: 0, rounds: 1 },
  );
  stats.aslValidator = single.aslValidator;
  const bytes = files.reduce((n, f) => n + f.text.length, 0);
  return rowsFor(`validate corpus (${files.length} files, ${Math.round(bytes / 1024)} KB)`, stats).map(
    (r) => ({
      ...r,
      notes: 'the 19 YAML files of the corpus are not included (no YAML front end in both anchors alike)',
    }),
  );
}
