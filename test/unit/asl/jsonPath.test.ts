import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as YAML from 'yaml';
import {
  checkIntrinsicCall,
  looksLikeIntrinsic,
  parseIntrinsic,
  parseJsonPath,
  type JsonPathExpression,
} from '../../../server/src/asl';
import { conformanceDir, corpusDir } from '../../support/paths';
import { collectExpressions } from '../../support/corpusExpressions';

function parsed(text: string): JsonPathExpression {
  const r = parseJsonPath(text);
  assert.ok(r.ok, `expected ${text} to parse: ${r.ok ? '' : r.error.message}`);
  return r.path;
}

function rejected(text: string) {
  const r = parseJsonPath(text);
  assert.ok(!r.ok, `expected ${text} to be rejected`);
  return r.error;
}

test('roots: input, context object and variables', () => {
  assert.equal(parsed('$').root, 'input');
  assert.equal(parsed('$$.Execution.Id').root, 'context');
  const v = parsed('$myVar.field[0]');
  assert.equal(v.root, 'variable');
  assert.equal(v.variableName, 'myVar');
  assert.deepEqual(
    v.segments.map((s) => s.selector),
    [
      { kind: 'name', name: 'field' },
      { kind: 'index', index: 0 },
    ],
  );
});

test('dot names keep dashes, dollars and braces; bracket names keep spaces and escapes', () => {
  assert.deepEqual(parsed('$.detail-type').segments[0].selector, { kind: 'name', name: 'detail-type' });
  assert.deepEqual(parsed('$.${Key}').segments[0].selector, { kind: 'name', name: '${Key}' });
  assert.deepEqual(parsed("$['my prop']").segments[0].selector, { kind: 'name', name: 'my prop' });
  // AWS keeps backslashes in bracket names as written (conformance: escape_sequence_parsing JSONPATH).
  assert.deepEqual(parsed("$['it\\'s']").segments[0].selector, { kind: 'name', name: "it\\'s" });
  assert.deepEqual(parsed('$[\'Test\\""Name"\']').segments[0].selector, {
    kind: 'name',
    name: 'Test\\""Name"',
  });
  assert.deepEqual(parsed('$["double"]').segments[0].selector, { kind: 'name', name: 'double' });
});

test('reference paths and definiteness', () => {
  const ref = parsed('$.a.b[2].c');
  assert.equal(ref.isReference, true);
  assert.equal(ref.isDefinite, true);
  for (const p of ['$..a', '$.a[*]', '$.a[0,1]', '$.a[1:]', '$.a[?(@.x > 1)]', '$.*']) {
    const e = parsed(p);
    assert.equal(e.isReference, false, p);
    assert.equal(e.isDefinite, false, p);
  }
  assert.equal(parsed('$.a[-1]').isReference, false);
  assert.equal(parsed('$.a[-1]').isDefinite, true);
  // Jayway merges several names at the leaf into one object: still a single value.
  assert.equal(parsed("$['a','b']").isDefinite, true);
  assert.equal(parsed("$['a','b'].c").isDefinite, false);
});

test('the forms deployed AWS samples use are accepted', () => {
  for (const p of [
    '$.[0]',
    '$.Snapshots.[0].State',
    '$.[?(@.OU > 0)]',
    '$.approaches[?(@.workerId == $.agent_id)].approach',
    '$..constraint',
    '$.GetQueryResults.ResultSet.Rows[1:]',
    "$.[*].['bucket', 'key']",
    '$[?(@.TargetLanguageCode==es)].TranslatedText',
    "$.pets[?(@.species == 'cat' && @.age<5)]",
    '$.books[-2]',
    '$[(@.length-1)].bar',
    '$$.Execution.Name ',
    '$.a.length()',
    "$[?(@.a =~ /ab.*/i || !(@.b in ['x','y']))]",
  ]) {
    parsed(p);
  }
  const filter = parsed('$.approaches[?(@.workerId == $.agent_id)].approach').segments[1].selector;
  assert.equal(filter.kind, 'filter');
  if (filter.kind === 'filter' && filter.filter.kind === 'compare') {
    assert.equal(filter.filter.op, '==');
    assert.equal(filter.filter.left.kind === 'path' && filter.filter.left.relative, true);
    assert.equal(filter.filter.right.kind === 'path' && filter.filter.right.relative, false);
  } else {
    assert.fail('expected a comparison filter');
  }
});

test('errors carry the offset of the offending character', () => {
  assert.deepEqual(rejected('$.a b'), {
    message: "Unexpected space in a property name; use bracket notation ['my prop'] for names with spaces",
    offset: 3,
    length: 1,
  });
  assert.equal(rejected('a.b').offset, 0);
  assert.equal(rejected('$.a[').offset, 3);
  assert.equal(rejected('$.a[?(@.b >)]').offset, 11);
  assert.deepEqual(rejected('$.a..'), { message: "A path must not end with '..'", offset: 3, length: 2 });
  assert.equal(rejected("$['x]").offset, 2);
  assert.equal(rejected('$.a[1:2:3]').offset, 7);
  assert.equal(rejected('$.a[x]').offset, 4);
  assert.equal(rejected('').offset, 0);
  assert.equal(rejected('$.a.nope()').offset, 4);
  assert.deepEqual(rejected('$.a.'), { message: "A path must not end with '.'", offset: 3, length: 1 });
});

interface CorpusRow {
  file: string;
  expected: string;
}

test('accepts every path and intrinsic in the valid real-world corpus (zero false positives)', () => {
  const realWorld = path.join(corpusDir, 'real-world');
  const rows: CorpusRow[] = fs
    .readFileSync(path.join(realWorld, 'EXPECTED.tsv'), 'utf8')
    .split('\n')
    .slice(1)
    .filter(Boolean)
    .map((l) => {
      const [file, expected] = l.split('\t');
      return { file, expected };
    })
    .filter((r) => r.expected === 'valid');
  assert.ok(rows.length > 800, `expected the corpus index to list the valid files, got ${rows.length}`);
  let paths = 0;
  let intrinsics = 0;
  let placeholders = 0;
  const failures: string[] = [];
  for (const row of rows) {
    const text = fs.readFileSync(path.join(realWorld, row.file), 'utf8');
    const definition: unknown = /\.ya?ml$/.test(row.file) ? YAML.parse(text) : JSON.parse(text);
    for (const e of collectExpressions(definition)) {
      // Substitution markers left by templating or masking (%X%, <REDACTED>, ${X}) are not expressions.
      if (/^(%[A-Z_]+%|<[A-Za-z_]+>|\$\{[^}]+\})$/.test(e.text)) {
        placeholders++;
        continue;
      }
      if (e.kind === 'intrinsic') {
        intrinsics++;
        assert.ok(looksLikeIntrinsic(e.text));
        const r = parseIntrinsic(e.text);
        if (!r.ok) failures.push(`${row.file} ${e.where}: ${e.text} -> ${r.error.message}`);
      } else {
        paths++;
        const r = parseJsonPath(e.text);
        if (!r.ok) failures.push(`${row.file} ${e.where}: ${e.text} -> ${r.error.message}`);
      }
    }
  }
  console.log(
    `corpus: ${rows.length} valid files, ${paths} paths and ${intrinsics} intrinsic calls checked, ${failures.length} rejected, ${placeholders} placeholders skipped`,
  );
  assert.deepEqual(failures, []);
  assert.ok(
    paths > 3000 && intrinsics > 200,
    `too few expressions found: ${paths} paths, ${intrinsics} intrinsics`,
  );
});

test('accepts every path and intrinsic of the AWS-recorded conformance definitions', () => {
  let files = 0;
  let expressions = 0;
  const failures: string[] = [];
  for (const category of fs.readdirSync(conformanceDir)) {
    const dir = path.join(conformanceDir, category);
    if (!fs.statSync(dir).isDirectory()) continue;
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      const recorded = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as {
        definition?: unknown;
        request?: { definition?: unknown };
      };
      // TestState cases hold a single state: wrap it so the collector sees a state machine.
      const definition = recorded.definition ?? { States: { State: recorded.request?.definition } };
      files++;
      for (const e of collectExpressions(definition)) {
        expressions++;
        if (e.kind === 'path') {
          const r = parseJsonPath(e.text);
          if (!r.ok) failures.push(`${category}/${file} ${e.where}: ${e.text} -> ${r.error.message}`);
        } else {
          const r = parseIntrinsic(e.text);
          if (!r.ok) failures.push(`${category}/${file} ${e.where}: ${e.text} -> ${r.error.message}`);
          else {
            for (const p of checkIntrinsicCall(r.call)) {
              failures.push(`${category}/${file}: ${e.text} -> ${p.message}`);
            }
          }
        }
      }
    }
  }
  console.log(
    `conformance: ${files} definitions, ${expressions} paths and intrinsic calls checked, ${failures.length} rejected`,
  );
  assert.deepEqual(failures, []);
  assert.ok(files > 1000 && expressions > 1000, `too few: ${files} files, ${expressions} expressions`);
});
