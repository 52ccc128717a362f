/**
 * Random text edits for the language-server fuzzer: character and JSON/YAML token inserts, deletes,
 * replaces and pastes of other corpus documents, as LSP incremental changes with the resulting text.
 * Test support only: depends on node:fs for the corpus and on ./prng.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { stringify } from 'yaml';
import type { Rng } from './prng';

export interface CorpusDocument {
  file: string;
  text: string;
  languageId: 'asl' | 'asl-yaml';
}

/** One edit: the LSP change (range + text) and a short description for failure reports. */
export interface GeneratedEdit {
  kind: string;
  start: number;
  end: number;
  insert: string;
}

const JSON_TOKENS = [
  '{',
  '}',
  '[',
  ']',
  ',',
  ':',
  '"',
  '""',
  'null',
  'true',
  'false',
  '0',
  '-1.5e3',
  '\\',
  '\\u00',
  '/*',
  '*/',
  '//',
  '"Type"',
  '"Task"',
  '"Pass"',
  '"Choice"',
  '"Map"',
  '"Parallel"',
  '"Wait"',
  '"Succeed"',
  '"Fail"',
  '"Next"',
  '"End": true',
  '"StartAt"',
  '"States"',
  '"Resource"',
  '"Parameters"',
  '"Arguments"',
  '"QueryLanguage": "JSONata"',
  '"{% $states.input %}"',
  '"{% $x := ',
  '"$.a[*]"',
  '"States.Format(\'{}\', $.a)"',
  '"Choices": [{"Variable": "$.x", "IsPresent": true, "Next": "A"}]',
  '"Catch": [{"ErrorEquals": ["States.ALL"], "Next": "A"}]',
  '"Branches": [{"StartAt": "B", "States": {"B": {"Type": "Pass", "End": true}}}]',
  '"ItemProcessor": {"StartAt": "I", "States": {"I": {"Type": "Succeed"}}}',
  '"__proto__"',
  '"constructor"',
  '\u0000',
  '\ud83d\ude00',
  '\ud800',
  '\r\n',
  '\t',
  '\n',
];

const YAML_TOKENS = [
  ':',
  '- ',
  '  ',
  '\n',
  '\n  ',
  '#',
  '&a ',
  '*a',
  '!!str ',
  '|',
  '>',
  '"',
  "'",
  '{',
  '}',
  '[',
  ']',
  '---\n',
  '...\n',
  'Type: Pass',
  'Next: ',
  'End: true',
  'StartAt: ',
  'States:',
  'QueryLanguage: JSONata',
  '<<: *a',
  '? ',
  '%YAML 1.2\n',
];

function randomChars(rng: Rng): string {
  const length = rng.int(1, 4);
  let out = '';
  for (let i = 0; i < length; i++) {
    out += rng.chance(0.9) ? String.fromCharCode(rng.int(32, 126)) : String.fromCharCode(rng.int(0, 0xffff));
  }
  return out;
}

/** Draws one edit against `text`; `corpus` supplies pasted snippets. */
export function generateEdit(
  rng: Rng,
  text: string,
  languageId: string,
  corpus: readonly CorpusDocument[],
): GeneratedEdit {
  const at = rng.int(0, text.length);
  const tokens = languageId === 'asl-yaml' ? YAML_TOKENS : JSON_TOKENS;
  const roll = rng.next();
  if (roll < 0.01) {
    // Hostile: nesting around the parser's limit (1,000 levels), balanced or not.
    const depth = rng.int(900, 3000);
    const insert = rng.chance(0.5) ? '['.repeat(depth) + ']'.repeat(depth) : '['.repeat(depth);
    return { kind: 'insert-deep', start: at, end: at, insert };
  }
  if (roll < 0.015) {
    // Hostile: a long string (100-300 KB) pasted as a value.
    return {
      kind: 'insert-long-string',
      start: at,
      end: at,
      insert: `"${'x'.repeat(rng.int(100_000, 300_000))}"`,
    };
  }
  if (roll < 0.2) return { kind: 'insert-chars', start: at, end: at, insert: randomChars(rng) };
  if (roll < 0.45) return { kind: 'insert-token', start: at, end: at, insert: rng.pick(tokens) };
  if (roll < 0.65) {
    const end = Math.min(text.length, at + rng.int(1, rng.chance(0.1) ? 400 : 12));
    return { kind: 'delete', start: at, end, insert: '' };
  }
  if (roll < 0.85) {
    const end = Math.min(text.length, at + rng.int(1, 8));
    return { kind: 'replace', start: at, end, insert: rng.pick(tokens) };
  }
  if (roll < 0.97) {
    const source = rng.pick(corpus).text;
    const from = rng.int(0, source.length);
    const snippet = source.slice(from, from + rng.int(1, 600));
    return { kind: 'paste-snippet', start: at, end: at, insert: snippet };
  }
  // Whole-document paste (a file replaced by another one).
  return { kind: 'paste-document', start: 0, end: text.length, insert: rng.pick(corpus).text };
}

export function applyEdit(text: string, edit: GeneratedEdit): string {
  return text.slice(0, edit.start) + edit.insert + text.slice(edit.end);
}

/**
 * Every .json/.yaml definition under the corpus folders (sorted, so a seed always sees the same list), plus
 * a YAML rendition of every `yamlEvery`-th parseable JSON one (the corpus has few YAML files of its own).
 */
export function loadCorpus(corpusDir: string, limit = Infinity, yamlEvery = 4): CorpusDocument[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs
      .readdirSync(dir, { withFileTypes: true })
      .sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(json|ya?ml)$/.test(entry.name)) files.push(full);
    }
  };
  walk(corpusDir);
  const documents: CorpusDocument[] = files.slice(0, limit).map((file) => ({
    file,
    text: fs.readFileSync(file, 'utf8'),
    languageId: /\.ya?ml$/.test(file) ? 'asl-yaml' : 'asl',
  }));
  const renditions: CorpusDocument[] = [];
  documents.forEach((doc, i) => {
    if (doc.languageId !== 'asl' || i % yamlEvery !== 0) return;
    try {
      const text = stringify(JSON.parse(doc.text) as unknown, { lineWidth: 0 });
      renditions.push({ file: `${doc.file} (as YAML)`, text, languageId: 'asl-yaml' });
    } catch {
      // Not plain JSON (comments, invalid corpus entries): no rendition.
    }
  });
  return [...documents, ...renditions];
}
