import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import {
  assignAtReferencePath,
  parseJsonPath,
  queryJsonPath,
  type JsonPathExpression,
  type JsonPathRoots,
} from '../../../server/src/asl';

function p(text: string): JsonPathExpression {
  const r = parseJsonPath(text);
  assert.ok(r.ok, text);
  return r.path;
}

function q(text: string, input: unknown, extra: Omit<JsonPathRoots, 'input'> = {}): unknown {
  const r = queryJsonPath(p(text), { input, ...extra });
  assert.ok(r.found, `${text}: ${r.found ? '' : r.reason}`);
  return r.value;
}

function miss(text: string, input: unknown, extra: Omit<JsonPathRoots, 'input'> = {}): string {
  const r = queryJsonPath(p(text), { input, ...extra });
  assert.ok(!r.found, `${text} should find nothing`);
  return r.reason;
}

const store = {
  book: [
    { category: 'reference', author: 'Rees', price: 8.95 },
    { category: 'fiction', author: 'Waugh', price: 12.99, isbn: 'a' },
    { category: 'fiction', author: 'Tolkien', price: 22.99, isbn: 'b' },
  ],
  bicycle: { color: 'red', price: 19.95 },
};
const doc = { store, limit: 13 };

test('definite paths yield the value itself', () => {
  assert.equal(q('$.store.book[0].author', doc), 'Rees');
  assert.equal(q('$.store.book[-1].author', doc), 'Tolkien');
  assert.equal(q("$['store']['bicycle']['color']", doc), 'red');
  assert.deepEqual(q('$', doc), doc);
  assert.equal(q('$.[0]', [5, 6]), 5);
  // Conformance (escape_sequence_parsing, JSONPATH): the key is matched with its backslash.
  assert.equal(q('$[\'Test\\""Name"\']', { 'Test\\""Name"': 'Value"\\' }), 'Value"\\');
  assert.equal(q('$.store.book.length()', doc), 3);
  assert.deepEqual(q("$.store.bicycle['color','price']", doc), { color: 'red', price: 19.95 });
});

test('indefinite paths yield arrays of matches in document order', () => {
  assert.deepEqual(q('$.store.book[*].author', doc), ['Rees', 'Waugh', 'Tolkien']);
  assert.deepEqual(q('$..price', doc), [8.95, 12.99, 22.99, 19.95]);
  assert.deepEqual(q('$.store.book[0,2].author', doc), ['Rees', 'Tolkien']);
  assert.deepEqual(q('$.store.book[1:].author', doc), ['Waugh', 'Tolkien']);
  assert.deepEqual(q('$.store.book[:1].author', doc), ['Rees']);
  assert.deepEqual(q('$.store.book[-2:].author', doc), ['Waugh', 'Tolkien']);
  assert.deepEqual(q('$.store.*.color', doc), ['red']);
  assert.deepEqual(q("$.store.book[*]['author','price']", doc), [
    { author: 'Rees', price: 8.95 },
    { author: 'Waugh', price: 12.99 },
    { author: 'Tolkien', price: 22.99 },
  ]);
  // AWS: an indefinite path over missing data is an empty array, not an error.
  assert.deepEqual(q('$.item.items[1:5].itemValue', {}), []);
  assert.deepEqual(q('$[*]', {}), []);
});

test('filters: comparisons, && and ||, @ and $, existence, literals', () => {
  assert.deepEqual(q('$.store.book[?(@.price < 10)].author', doc), ['Rees']);
  assert.deepEqual(q('$.store.book[?(@.price < $.limit && @.category == "fiction")].author', doc), ['Waugh']);
  assert.deepEqual(q("$.store.book[?(@.category == 'reference' || @.price > 20)].author", doc), [
    'Rees',
    'Tolkien',
  ]);
  assert.deepEqual(q('$.store.book[?(@.isbn)].author', doc), ['Waugh', 'Tolkien']);
  assert.deepEqual(q('$.store.book[?(!(@.isbn))].author', doc), ['Rees']);
  assert.deepEqual(q('$.store.book[?(@.category != "fiction")].author', doc), ['Rees']);
  assert.deepEqual(q('$.store.book[?(@.author =~ /t.*n/i)].author', doc), ['Tolkien']);
  assert.deepEqual(q("$.store.book[?(@.author in ['Rees', 'Waugh'])].price", doc), [8.95, 12.99]);
  // Bare words in deployed samples compare as strings.
  assert.deepEqual(
    q('$[?(@.code==es)].text', [
      { code: 'es', text: 'hola' },
      { code: 'fr', text: 'salut' },
    ]),
    ['hola'],
  );
  // A filter on an object tests the object itself (Jayway).
  assert.deepEqual(q('$.[?(@.OU > 0)]', { OU: 2 }), [{ OU: 2 }]);
  assert.deepEqual(q('$.[?(@.OU > 0)]', { OU: 0 }), []);
  // Types must match for ordering comparisons.
  assert.deepEqual(q('$[?(@.n > 1)]', [{ n: '5' }, { n: 5 }]), [{ n: 5 }]);
  assert.deepEqual(
    q('$.approaches[?(@.workerId == $.agent_id)].approach', {
      agent_id: 'w2',
      approaches: [
        { workerId: 'w1', approach: 'a' },
        { workerId: 'w2', approach: 'b' },
      ],
    }),
    ['b'],
  );
  assert.deepEqual(q('$[(@.length-1)].bar', [{ bar: 1 }, { bar: 2 }]), [2]);
});

test('context object and variable roots', () => {
  assert.equal(q('$$.Execution.Id', {}, { context: { Execution: { Id: 'arn:x' } } }), 'arn:x');
  assert.equal(q('$v.a[1]', {}, { variables: { v: { a: [0, 7] } } }), 7);
  assert.equal(q('$v', {}, { variables: { v: null } }), null);
  assert.equal(miss('$w', {}, { variables: {} }), "The variable '$w' is not defined");
  assert.match(miss('$$.Execution', {}), /context object/);
});

test('misses are reported with Jayway wording', () => {
  assert.equal(miss('$.NoSuchInputPath', { a: 1 }), "No results for path: $['NoSuchInputPath']");
  assert.equal(miss('$.no.such.result.path', { a: 1 }), "Missing property in path $['no']");
  assert.equal(miss('$.a[3]', { a: [1] }), "No results for path: $['a'][3]");
  assert.match(
    miss('$.a.b', { a: 'text' }),
    /Expected to find an object with property \['b'\] in path \$\['a'\] but found 'string'/,
  );
  assert.match(miss('$.a[0]', { a: {} }), /Expected to find an array/);
  assert.match(miss('$[(@.foo)]', [1]), /not supported/);
});

test('assignAtReferencePath places results like ResultPath, without mutating the input', () => {
  const input = { a: 1, nested: { keep: true } };
  const frozen = JSON.stringify(input);
  const at = (path: string, target: unknown, value: unknown) => {
    const r = assignAtReferencePath(target, p(path), value);
    assert.ok(r.ok, `${path}: ${r.ok ? '' : r.reason}`);
    return r.value;
  };
  assert.deepEqual(at('$', input, 'x'), 'x');
  assert.deepEqual(at('$.result', input, 5), { a: 1, nested: { keep: true }, result: 5 });
  assert.deepEqual(at('$.nested.deep.er', input, [1]), { a: 1, nested: { keep: true, deep: { er: [1] } } });
  assert.deepEqual(at('$.a', input, { b: 2 }), { a: { b: 2 }, nested: { keep: true } });
  assert.deepEqual(at('$.list[1]', { list: [0, 0] }, 9), { list: [0, 9] });
  assert.equal(JSON.stringify(input), frozen);

  const fails = (path: string, target: unknown) => {
    const r = assignAtReferencePath(target, p(path), 1);
    assert.ok(!r.ok, path);
    return r.reason;
  };
  assert.match(fails('$.x', 'a string'), /not an object/);
  assert.match(fails('$.a.b', { a: 3 }), /at \$\['a'\]: the value there is number/);
  assert.match(fails('$.list[5]', { list: [] }), /no array element \[5\]/);
  assert.match(fails('$.a[*]', {}), /not a reference path/);
  assert.match(fails('$$.Execution', {}), /must start with '\$'/);
  assert.match(fails('$v.x', {}), /must start with '\$'/);
});
