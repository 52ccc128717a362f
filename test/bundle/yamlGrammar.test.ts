// The asl-yaml grammar: YAML itself comes from source.yaml, ASL tokens are injected into its strings and keys.
// Tokenized with the test tokenizer over a stub source.yaml that uses VS Code's YAML scope names (the real
// YAML grammar relies on Oniguruma-only regex features and is not available here).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fixture, repoRoot } from '../support/paths';
import { type Grammar, type Token, TextMateTokenizer } from './textMateTokenizer';

const load = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as Grammar;
const aslYaml = load(path.join(repoRoot, 'syntaxes', 'asl-yaml.tmLanguage.json'));
const asl = load(path.join(repoRoot, 'syntaxes', 'asl.tmLanguage.json'));
const yamlStub = load(fixture('grammars', 'yamlStub.tmLanguage.json'));
const tokenizer = new TextMateTokenizer(aslYaml, [asl, yamlStub]);

function scopesAt(tokens: Token[], needle: string): string[] {
  const line = tokens.map((t) => t.text).join('');
  const index = line.indexOf(needle);
  assert.ok(index >= 0, `${needle} not in ${line}`);
  let at = 0;
  for (const token of tokens) {
    if (index < at + token.text.length) return token.scopes;
    at += token.text.length;
  }
  throw new Error('unreachable');
}

const DOC = [
  'Comment: costs $5 # not a path',
  'StartAt: Fetch',
  'States:',
  '  Fetch:',
  '    Type: Task',
  '    InputPath: $.order',
  '    Parameters:',
  '      id.$: $$.Execution.Id',
  "      msg.$: States.Format('Hi {}', $.name)",
  '    Retry:',
  '      - ErrorEquals: [States.Timeout, States.ALL]',
  '    Next: Done',
  '  Done:',
  '    Type: Pass',
  `    Output: '{% $states.input.total > 10 %}'`,
  '    End: true',
].join('\n');

test('every include of the asl-yaml grammar resolves (source.yaml and source.asl loaded)', () => {
  const includes: string[] = [];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      const include = (value as { include?: unknown }).include;
      if (typeof include === 'string') includes.push(include);
      Object.values(value).forEach(visit);
    }
  };
  visit(aslYaml);
  assert.ok(includes.includes('source.yaml'));
  for (const include of includes) assert.doesNotThrow(() => tokenizer.resolve(include), include);
  const regexes: string[] = [];
  const collect = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === 'object') {
      for (const key of ['match', 'begin', 'end']) {
        const source = (value as Record<string, unknown>)[key];
        if (typeof source === 'string') regexes.push(source);
      }
      Object.values(value).forEach(collect);
    }
  };
  collect(aslYaml);
  assert.ok(regexes.length >= 4);
  for (const source of regexes) {
    assert.doesNotThrow(() => new RegExp(source), source);
    assert.doesNotMatch(source, /\(\?<[=!][^)]*[*+?]/, `fixed-width lookbehind only: ${source}`);
  }
});

test('ASL keys, paths, intrinsics, error names and JSONata inside YAML', () => {
  const lines = tokenizer.tokenize(DOC);
  assert.ok(scopesAt(lines[1], 'StartAt').includes('keyword.control.flow.asl'));
  assert.ok(scopesAt(lines[1], 'StartAt').includes('entity.name.tag.yaml'));
  assert.ok(scopesAt(lines[1], 'Fetch').includes('string.unquoted.plain.out.yaml'));
  assert.ok(
    !scopesAt(lines[3], 'Fetch').includes('keyword.control.flow.asl'),
    'state names are not keywords',
  );
  assert.ok(scopesAt(lines[4], 'Type').includes('keyword.control.flow.asl'));
  assert.ok(scopesAt(lines[5], '$.order').includes('variable.other.jsonpath.asl'));
  assert.ok(scopesAt(lines[7], '.$').includes('keyword.operator.path-value.asl'));
  assert.ok(scopesAt(lines[7], '$$.Execution').includes('variable.language.context.asl'));
  assert.ok(scopesAt(lines[8], 'States.Format').includes('support.function.intrinsic.asl'));
  assert.ok(scopesAt(lines[8], '$.name').includes('variable.other.jsonpath.asl'));
  assert.ok(scopesAt(lines[10], 'States.Timeout').includes('constant.language.error.asl'));
  assert.ok(scopesAt(lines[10], 'States.ALL').includes('constant.language.error.asl'));
  assert.ok(scopesAt(lines[14], '{%').includes('punctuation.section.embedded.begin.jsonata'));
  assert.ok(scopesAt(lines[14], '$states').includes('variable.language.states.asl'));
  assert.ok(scopesAt(lines[14], '10').includes('constant.numeric.jsonata'));
  assert.ok(scopesAt(lines[14], '%}').includes('punctuation.section.embedded.end.jsonata'));
  assert.ok(scopesAt(lines[15], 'End').includes('keyword.control.flow.asl'), 'nothing leaked past the block');
});

test('YAML comments and plain text stay what source.yaml says', () => {
  const lines = tokenizer.tokenize(DOC);
  assert.ok(scopesAt(lines[0], '# not a path').includes('comment.line.number-sign.yaml'));
  assert.ok(!scopesAt(lines[0], '$5').some((s) => s.startsWith('variable')), 'a price is not a path');
  assert.ok(!scopesAt(lines[0], 'path').some((s) => s.endsWith('.asl')), 'no ASL tokens inside comments');
});
