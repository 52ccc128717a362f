/**
 * Mutation sweep over the real-world corpus (JSON and YAML): break a definition in a way a quick fix repairs
 * (drop `End: true`, move the States.ALL retrier/catcher first, misspell a field), re-serialize it, apply the
 * offered fix and check the result is the original definition again.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { createAslLanguageService } from '../../../../server/src/service/aslLanguageService';
import '../../../../server/src/asl/parseYaml';
import { TextDocument } from '../../../../server/src/service/types';
import { corpusDir } from '../../../support/paths';

type Json = Record<string, unknown>;

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return files(full);
    return /\.asl\.(json|ya?ml)$/i.test(e.name) ? [full] : [];
  });
}

/** Every state object of a definition (nested branches and processors included). */
function statesOf(machine: Json): Json[] {
  const out: Json[] = [];
  const states = machine.States;
  if (!states || typeof states !== 'object') return out;
  for (const state of Object.values(states as Json)) {
    if (!state || typeof state !== 'object') continue;
    const s = state as Json;
    out.push(s);
    for (const branch of Array.isArray(s.Branches) ? s.Branches : []) out.push(...statesOf(branch as Json));
    for (const nested of [s.ItemProcessor, s.Iterator]) if (nested) out.push(...statesOf(nested as Json));
  }
  return out;
}

interface Mutation {
  code: string;
  title: RegExp;
  /** Breaks `state` in place; false when it does not apply to this state. */
  apply(state: Json): boolean;
}

const MUTATIONS: Mutation[] = [
  {
    code: 'missing-next-or-end',
    title: /^Add End: true$/,
    apply: (state) => state.End === true && Object.keys(state).length > 2 && delete state.End,
  },
  {
    code: 'states-all-not-last',
    title: /^Move the States\.ALL (retrier|catcher) last$/,
    apply: (state) => {
      for (const field of ['Retry', 'Catch']) {
        const list = state[field];
        if (!Array.isArray(list) || list.length < 2) continue;
        const last = list[list.length - 1] as Json;
        if (!Array.isArray(last?.ErrorEquals) || last.ErrorEquals.join() !== 'States.ALL') continue;
        if (list.slice(0, -1).some((e) => JSON.stringify(e).includes('States.ALL'))) continue;
        list.unshift(list.pop());
        return true;
      }
      return false;
    },
  },
  {
    code: 'unknown-field',
    title: /^Rename to 'TimeoutSeconds'$/,
    apply: (state) => {
      if (state.TimeoutSeconds === undefined) return false;
      const entries = Object.entries(state).map(([k, v]) => [
        k === 'TimeoutSeconds' ? 'TimeoutSecnds' : k,
        v,
      ]);
      for (const k of Object.keys(state)) delete state[k];
      Object.assign(state, Object.fromEntries(entries));
      return true;
    },
  },
];

const MAX_PER_FILE = 3;

test('quick fixes undo corpus mutations exactly (JSON and YAML)', { timeout: 300_000 }, () => {
  const service = createAslLanguageService();
  const fixed = new Map<string, number>();
  const failures: string[] = [];
  for (const file of files(path.join(corpusDir, 'real-world'))) {
    const yaml = /\.ya?ml$/i.test(file);
    const raw = fs.readFileSync(file, 'utf8');
    let original: Json;
    try {
      original = (yaml ? parseYaml(raw) : JSON.parse(raw)) as Json;
    } catch {
      continue;
    }
    if (!original || typeof original !== 'object') continue;
    const serialize = (value: Json): string => (yaml ? stringifyYaml(value) : JSON.stringify(value, null, 2));
    const cleanCodes = (text: string): string[] =>
      service
        .doValidation(service.parse(TextDocument.create('file:///m', yaml ? 'asl-yaml' : 'asl', 1, text)))
        .map((d) => String(d.code));
    for (const mutation of MUTATIONS) {
      const count = statesOf(original).length;
      let done = 0;
      for (let index = 0; index < count && done < MAX_PER_FILE; index++) {
        const broken = structuredClone(original);
        if (!mutation.apply(statesOf(broken)[index])) continue;
        done++;
        const text = serialize(broken);
        const uri = `file://${file}`;
        const doc = TextDocument.create(uri, yaml ? 'asl-yaml' : 'asl', 1, text);
        const model = service.parse(doc);
        const diagnostics = service.doValidation(model).filter((d) => d.code === mutation.code);
        const actions = service
          .getCodeActions(model, uri, diagnostics)
          .filter((a) => mutation.title.test(a.title));
        const where = `${path.relative(corpusDir, file)} state #${index} ${mutation.code}`;
        if (actions.length !== 1) {
          failures.push(`${where}: ${actions.length} matching actions for ${diagnostics.length} diagnostics`);
          continue;
        }
        const result = TextDocument.applyEdits(doc, actions[0].edit?.changes?.[uri] ?? []);
        try {
          assert.deepEqual(yaml ? parseYaml(result) : JSON.parse(result), original);
        } catch {
          failures.push(`${where}: the fixed document differs from the original:\n${result.slice(0, 400)}`);
          continue;
        }
        // Same problems as the re-serialized original (nothing left behind by the fix).
        const expected = cleanCodes(serialize(original)).sort();
        assert.deepEqual(cleanCodes(result).sort(), expected, where);
        fixed.set(mutation.code, (fixed.get(mutation.code) ?? 0) + 1);
      }
    }
  }
  assert.deepEqual(failures, []);
  for (const mutation of MUTATIONS) {
    assert.ok((fixed.get(mutation.code) ?? 0) > 0, `${mutation.code} exercised`);
  }
  console.log(`mutations fixed: ${JSON.stringify(Object.fromEntries(fixed))}`);
});

/** Every States object with the names its states transition to through Next. */
function scopesOf(machine: Json): Json[] {
  const out: Json[] = [];
  const states = machine.States;
  if (!states || typeof states !== 'object') return out;
  out.push(states as Json);
  for (const state of Object.values(states as Json)) {
    if (!state || typeof state !== 'object') continue;
    const s = state as Json;
    for (const branch of Array.isArray(s.Branches) ? s.Branches : []) out.push(...scopesOf(branch as Json));
    for (const nested of [s.ItemProcessor, s.Iterator]) if (nested) out.push(...scopesOf(nested as Json));
  }
  return out;
}

test(
  'Create state restores a deleted Next target right after its referrer (JSON and YAML)',
  { timeout: 300_000 },
  () => {
    const service = createAslLanguageService();
    let created = 0;
    const failures: string[] = [];
    for (const file of files(path.join(corpusDir, 'real-world'))) {
      const yaml = /\.ya?ml$/i.test(file);
      let original: Json;
      try {
        const raw = fs.readFileSync(file, 'utf8');
        original = (yaml ? parseYaml(raw) : JSON.parse(raw)) as Json;
      } catch {
        continue;
      }
      if (!original || typeof original !== 'object') continue;
      const scopeCount = scopesOf(original).length;
      for (let scopeIndex = 0; scopeIndex < Math.min(scopeCount, 2); scopeIndex++) {
        const broken = structuredClone(original);
        const scope = scopesOf(broken)[scopeIndex];
        const names = Object.keys(scope);
        // The first state whose Next names a later state that no other state names anywhere.
        const text = JSON.stringify(broken);
        const referrer = names.find((n) => {
          const next = (scope[n] as Json | null)?.Next;
          return (
            typeof next === 'string' &&
            next !== n &&
            names.includes(next) &&
            text.split(JSON.stringify(next)).length === 3 // the key and this Next only
          );
        });
        if (!referrer) continue;
        const target = (scope[referrer] as Json).Next as string;
        delete scope[target];
        const serialized = yaml ? stringifyYaml(broken) : JSON.stringify(broken, null, 2);
        const uri = `file://${file}`;
        const doc = TextDocument.create(uri, yaml ? 'asl-yaml' : 'asl', 1, serialized);
        const model = service.parse(doc);
        const diagnostics = service
          .doValidation(model)
          .filter(
            (d) =>
              d.code === 'invalid-transition-target' && String(d.message).includes(JSON.stringify(target)),
          );
        const action = service
          .getCodeActions(model, uri, diagnostics)
          .find((a) => a.title === `Create state '${target}'`);
        const where = `${path.relative(corpusDir, file)} scope #${scopeIndex} '${target}'`;
        if (!action) {
          failures.push(`${where}: no Create state action`);
          continue;
        }
        const result = TextDocument.applyEdits(doc, action.edit?.changes?.[uri] ?? []);
        const parsed = (yaml ? parseYaml(result) : JSON.parse(result)) as Json;
        const resultScope = scopesOf(parsed)[scopeIndex];
        const keys = Object.keys(resultScope);
        try {
          assert.deepEqual(resultScope[target], { Type: 'Pass', End: true });
          assert.equal(keys.indexOf(target), keys.indexOf(referrer) + 1, 'placed right after the referrer');
          delete resultScope[target];
          assert.deepEqual(parsed, broken);
        } catch (error) {
          failures.push(`${where}: ${(error as Error).message.split('\n')[0]}\n${result.slice(0, 300)}`);
          continue;
        }
        const after = service.doValidation(
          service.parse(TextDocument.create(uri, doc.languageId, 2, result)),
        );
        if (
          after.some(
            (d) =>
              d.code === 'invalid-transition-target' && String(d.message).includes(JSON.stringify(target)),
          )
        ) {
          failures.push(`${where}: the target is still missing`);
        }
        created++;
      }
    }
    assert.deepEqual(failures, []);
    assert.ok(created > 100, `created ${created}`);
    console.log(`states created: ${created}`);
  },
);
