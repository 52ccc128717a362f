// The TextMate grammar: every regex compiles (JS subset), every include resolves, the scopes we promise
// appear where they should (tokenized by the small test tokenizer, not by VS Code's oniguruma engine).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../support/paths';
import { type Grammar, type GrammarRule, type Token, TextMateTokenizer } from './textMateTokenizer';

const grammarPath = path.join(repoRoot, 'syntaxes', 'asl.tmLanguage.json');
const grammar = JSON.parse(fs.readFileSync(grammarPath, 'utf8')) as Grammar;
const tokenizer = new TextMateTokenizer(grammar);

function allRules(): GrammarRule[] {
  const rules: GrammarRule[] = [];
  const visit = (rule: GrammarRule) => {
    rules.push(rule);
    rule.patterns?.forEach(visit);
  };
  // The grammar root's `name` is a display name, not a scope: visit its patterns only.
  grammar.patterns?.forEach(visit);
  Object.values(grammar.repository ?? {}).forEach(visit);
  return rules;
}

/** Scopes of the token covering the first occurrence of `needle` (at `offset` within it) on `line`. */
function scopesAt(tokens: Token[], needle: string, offset = 0): string[] {
  const line = tokens.map((t) => t.text).join('');
  const index = line.indexOf(needle);
  assert.ok(index >= 0, `${needle} not in ${line}`);
  let at = 0;
  for (const token of tokens) {
    if (index + offset < at + token.text.length) return token.scopes;
    at += token.text.length;
  }
  throw new Error('unreachable');
}

function tokenizeLine(text: string): Token[] {
  return tokenizer.tokenize(text)[0];
}

test('every regex compiles as a JavaScript RegExp and uses no lookbehind Oniguruma rejects', () => {
  let count = 0;
  for (const rule of allRules()) {
    for (const source of [rule.match, rule.begin, rule.end]) {
      if (source === undefined) continue;
      assert.doesNotThrow(() => new RegExp(source, 'd'), source);
      // Oniguruma needs fixed-width lookbehind alternatives: no quantifier inside (?<= ... ) / (?<! ... ).
      for (const look of source.matchAll(/\(\?<[=!]((?:\[[^\]]*\]|\\.|[^)])*)\)/g)) {
        assert.doesNotMatch(
          look[1].replace(/\[[^\]]*\]/g, 'C'),
          /[*+?{]/,
          `variable lookbehind in ${source}`,
        );
      }
      count++;
    }
  }
  assert.ok(count > 40, `${count} regexes checked`);
});

test('every include resolves and every name is a dotted scope list', () => {
  for (const rule of allRules()) {
    if (rule.include !== undefined) assert.doesNotThrow(() => tokenizer.resolve(rule.include!), rule.include);
    for (const name of [rule.name, rule.contentName]) {
      if (name !== undefined) assert.match(name, /^[\w-]+(\.[\w-]+)*( [\w-]+(\.[\w-]+)*)*$/, name);
    }
  }
  assert.equal(grammar.scopeName, 'source.asl');
});

test('ASL keys, state types and ordinary JSON', () => {
  const tokens = tokenizeLine(
    '{"StartAt": "A", "States": {"A": {"Type": "Task", "Comment": "x", "Count": 12, "On": true}}}',
  );
  assert.ok(scopesAt(tokens, 'StartAt').includes('keyword.control.flow.asl'));
  assert.ok(scopesAt(tokens, 'StartAt').includes('support.type.property-name.json'));
  assert.ok(scopesAt(tokens, 'Task').includes('support.class.state-type.asl'));
  assert.ok(scopesAt(tokens, 'Comment').includes('support.type.property-name.asl'));
  assert.ok(
    !scopesAt(tokens, 'Count').includes('support.type.property-name.asl'),
    'Count is not an ASL field',
  );
  assert.ok(scopesAt(tokens, '12').includes('constant.numeric.json'));
  assert.ok(scopesAt(tokens, 'true').includes('constant.language.json'));
  assert.ok(scopesAt(tokens, '"x"', 1).includes('string.quoted.double.json'));
});

test('JSONPath paths, the context object, path-valued keys and variables', () => {
  const tokens = tokenizeLine(
    '{"Parameters": {"id.$": "$.order.items[0].id", "exec.$": "$$.Execution.Id", "v.$": "$total", "text": "costs $5"}}',
  );
  assert.ok(scopesAt(tokens, '.$"').includes('keyword.operator.path-value.asl'));
  const path = scopesAt(tokens, '$.order');
  assert.ok(path.includes('variable.other.jsonpath.asl') && path.includes('string.quoted.double.json'));
  assert.deepEqual(scopesAt(tokens, '$.order'), scopesAt(tokens, '[0].id'), 'the whole path is one token');
  assert.ok(scopesAt(tokens, '$$.Execution').includes('variable.language.context.asl'));
  assert.ok(scopesAt(tokens, '$total').includes('variable.other.asl'));
  assert.ok(!scopesAt(tokens, '$5').some((s) => s.startsWith('variable')), 'a price is not a path');
});

test('intrinsic functions with their path and string arguments; error names', () => {
  const tokens = tokenizeLine(
    '{"msg.$": "States.Format(\'Hello {}\', $.name)", "bad.$": "States.Nope($.x)", "ErrorEquals": ["States.Timeout"]}',
  );
  assert.ok(scopesAt(tokens, 'States.Format').includes('support.function.intrinsic.asl'));
  assert.ok(scopesAt(tokens, "'Hello").includes('string.quoted.single.asl'));
  assert.ok(scopesAt(tokens, '$.name').includes('variable.other.jsonpath.asl'));
  assert.ok(scopesAt(tokens, 'States.Nope').includes('invalid.illegal.unknown-intrinsic.asl'));
  assert.ok(scopesAt(tokens, 'States.Timeout').includes('constant.language.error.asl'));
});

test('JSONata {% %} blocks are embedded with their own tokens', () => {
  const tokens = tokenizeLine(
    '{"Output": "{% $sum($states.input.items.price) > 10 and $x = \'a\' %}", "Comment": "{ not % jsonata }"}',
  );
  assert.ok(scopesAt(tokens, '{%').includes('punctuation.section.embedded.begin.jsonata'));
  assert.ok(scopesAt(tokens, '%}').includes('punctuation.section.embedded.end.jsonata'));
  assert.ok(scopesAt(tokens, '$sum').includes('support.function.jsonata'));
  assert.ok(scopesAt(tokens, '$sum').includes('source.jsonata'));
  assert.ok(scopesAt(tokens, '$states').includes('variable.language.states.asl'));
  assert.ok(scopesAt(tokens, '$x').includes('variable.other.jsonata'));
  assert.ok(scopesAt(tokens, 'and').includes('keyword.operator.logical.jsonata'));
  assert.ok(scopesAt(tokens, "'a'").includes('string.quoted.single.jsonata'));
  assert.ok(scopesAt(tokens, '10').includes('constant.numeric.jsonata'));
  assert.ok(!scopesAt(tokens, '{ not').includes('meta.embedded.block.jsonata'), 'only whole-string blocks');
  // The string and the object close normally after the block.
  const last = tokens[tokens.length - 1];
  assert.ok(last.scopes.includes('punctuation.definition.dictionary.end.json'));
});

test('an unterminated JSONata block ends with its string; comments and multi-line documents', () => {
  const lines = tokenizer.tokenize(
    [
      '{',
      '  // line comment',
      '  "QueryLanguage": "JSONata",',
      '  "States": {',
      '    "A": {"Type": "Pass", "Output": "{% $states.input ", "End": true}',
      '  }',
      '}',
    ].join('\n'),
  );
  assert.ok(scopesAt(lines[1], '// line').includes('comment.line.double-slash.json'));
  assert.ok(scopesAt(lines[2], 'JSONata').includes('support.constant.query-language.asl'));
  assert.ok(
    scopesAt(lines[4], 'End').includes('keyword.control.flow.asl'),
    'the block did not swallow the rest',
  );
  assert.ok(scopesAt(lines[4], 'true').includes('constant.language.json'));
  const closing = lines[6][0];
  assert.deepEqual(closing.scopes, [
    'source.asl',
    'meta.structure.dictionary.json',
    'punctuation.definition.dictionary.end.json',
  ]);
});
