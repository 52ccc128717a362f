/**
 * Corpus sweep for quick fixes: on every corpus file (real-world, invalid, unparseable), every code action
 * offered for the validator's diagnostics is applied on its own; the result must still parse in its format,
 * the fixed diagnostic must be gone and no new problem may appear.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { createAslLanguageService } from '../../../../server/src/service/aslLanguageService';
import '../../../../server/src/asl/parseYaml';
import { type Diagnostic, TextDocument } from '../../../../server/src/service/types';
import { corpusDir } from '../../../support/paths';

function files(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return files(full);
    return /\.(json|ya?ml)$/i.test(e.name) ? [full] : [];
  });
}

const key = (d: Diagnostic): string => `${String(d.code)}: ${d.message}`;

function parses(text: string, yaml: boolean): boolean {
  try {
    if (yaml) parseYaml(text);
    else JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

test(
  'every quick fix offered on the corpus yields a valid document without new problems',
  { timeout: 300_000 },
  () => {
    const all = ['real-world', 'invalid', 'unparseable'].flatMap((d) => files(path.join(corpusDir, d)));
    assert.ok(all.length > 900, `corpus found at ${corpusDir} (${all.length} files)`);
    const service = createAslLanguageService();
    const applied = new Map<string, number>();
    const failures: string[] = [];
    for (const file of all) {
      const text = fs.readFileSync(file, 'utf8');
      const yaml = /\.ya?ml$/i.test(file);
      const uri = `file://${file}`;
      const doc = TextDocument.create(uri, yaml ? 'asl-yaml' : 'asl', 1, text);
      const model = service.parse(doc);
      const before = service.doValidation(model);
      const parsedBefore = parses(text, yaml);
      for (const diagnostic of before) {
        for (const action of service.getCodeActions(model, uri, [diagnostic])) {
          const fixed = TextDocument.applyEdits(doc, action.edit?.changes?.[uri] ?? []);
          const where = `${path.relative(corpusDir, file)} '${action.title}' for ${key(diagnostic)}`;
          applied.set(String(diagnostic.code), (applied.get(String(diagnostic.code)) ?? 0) + 1);
          if (parsedBefore && !parses(fixed, yaml)) {
            failures.push(`${where}: result does not parse`);
            continue;
          }
          const after = service.doValidation(
            service.parse(TextDocument.create(uri, doc.languageId, 2, fixed)),
          );
          // New problems are compared by code: a message may change wording (the same name now exists in
          // another scope). Fixing StartAt lets the reachability check run, which may reveal unreachable states.
          const remaining = before.map((d) => String(d.code));
          remaining.splice(remaining.indexOf(String(diagnostic.code)), 1);
          const fixedStartAt = String(diagnostic.message).startsWith('StartAt target');
          for (const problem of after) {
            const at = remaining.indexOf(String(problem.code));
            if (at >= 0) remaining.splice(at, 1);
            else if (!(fixedStartAt && problem.code === 'unreachable-state')) {
              failures.push(`${where}: introduced ${key(problem)}`);
            }
          }
          const count = (list: Diagnostic[]) => list.filter((d) => key(d) === key(diagnostic)).length;
          if (count(after) >= count(before)) failures.push(`${where}: the diagnostic is still there`);
        }
      }
    }
    assert.deepEqual(failures, []);
    // The invalid corpus exercises at least the transition and unknown-field fixes.
    assert.ok((applied.get('invalid-transition-target') ?? 0) > 0, JSON.stringify([...applied]));
    console.log(`quick fixes applied: ${JSON.stringify(Object.fromEntries(applied))}`);
  },
);

/** A real-world JSONPath definition switched to JSONata at the top level (undefined when that is not simple). */
function asJsonata(text: string, yaml: boolean): string | undefined {
  if (/QueryLanguage/.test(text)) return undefined;
  if (yaml) return /^[A-Za-z]/.test(text) ? `QueryLanguage: JSONata\n${text}` : undefined;
  return /^\s*\{/.test(text) ? text.replace(/^\s*\{/, '{"QueryLanguage": "JSONata",') : undefined;
}

test(
  'JSONPath fields of every real-world definition, switched to JSONata, convert exactly',
  { timeout: 300_000 },
  () => {
    const all = files(path.join(corpusDir, 'real-world'));
    const service = createAslLanguageService();
    const titles = new Map<string, number>();
    const failures: string[] = [];
    for (const file of all) {
      const yaml = /\.ya?ml$/i.test(file);
      const text = asJsonata(fs.readFileSync(file, 'utf8'), yaml);
      if (text === undefined || !parses(text, yaml)) continue;
      const uri = `file://${file}`;
      const doc = TextDocument.create(uri, yaml ? 'asl-yaml' : 'asl', 1, text);
      const model = service.parse(doc);
      const before = service.doValidation(model);
      for (const diagnostic of before.filter((d) => d.code === 'field-not-in-query-language')) {
        for (const action of service.getCodeActions(model, uri, [diagnostic])) {
          titles.set(action.title, (titles.get(action.title) ?? 0) + 1);
          const where = `${path.relative(corpusDir, file)} '${action.title}' for ${key(diagnostic)}`;
          const fixed = TextDocument.applyEdits(doc, action.edit?.changes?.[uri] ?? []);
          if (!parses(fixed, yaml)) {
            failures.push(`${where}: result does not parse`);
            continue;
          }
          const after = service.doValidation(
            service.parse(TextDocument.create(uri, doc.languageId, 2, fixed)),
          );
          const remaining = before.map((d) => String(d.code));
          remaining.splice(remaining.indexOf(String(diagnostic.code)), 1);
          for (const problem of after) {
            const at = remaining.indexOf(String(problem.code));
            if (at >= 0) remaining.splice(at, 1);
            else failures.push(`${where}: introduced ${key(problem)}`);
          }
          const count = (list: Diagnostic[]) => list.filter((d) => key(d) === key(diagnostic)).length;
          if (count(after) >= count(before)) failures.push(`${where}: the diagnostic is still there`);
        }
      }
    }
    assert.deepEqual(failures, []);
    assert.ok((titles.get('Convert Parameters to Arguments') ?? 0) > 100, JSON.stringify([...titles]));
    console.log(`conversions applied: ${JSON.stringify(Object.fromEntries(titles))}`);
  },
);
