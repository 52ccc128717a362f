// Bad input never takes the server down: odd documents each get a publish, and the server keeps answering.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { LspTestClient } from './lspTestClient';

const VALID = '{"StartAt": "Done", "States": {"Done": {"Type": "Succeed"}}}';

const ODD_DOCUMENTS: Record<string, string> = {
  empty: '',
  whitespace: '  \n\t\n',
  null: 'null',
  array: '[1, 2, 3]',
  states_not_object: '{"StartAt": 5, "States": 5}',
  control_chars: '\u0000\u0001 not json at all {{{',
  unterminated_string: '{"StartAt": "Do',
  // Deep enough to overflow a recursive parser: must end as a diagnostic, not a crash.
  deep_nesting: '['.repeat(100_000),
  huge_line: `{"StartAt": "${'x'.repeat(200_000)}"`,
  states_array: '{"StartAt": "A", "States": [{"Type": "Pass"}]}',
};

test('odd documents each get diagnostics and the server survives', { timeout: 30_000 }, async () => {
  const client = await LspTestClient.start();
  try {
    for (const [name, text] of Object.entries(ODD_DOCUMENTS)) {
      const uri = `file:///odd/${name}.asl.json`;
      await client.open(uri, text);
      const params = await client.diagnosticsForVersion(uri, 1);
      assert.ok(Array.isArray(params.diagnostics), name);
      for (const d of params.diagnostics) {
        assert.ok(d.range.start.line >= 0 && d.range.start.character >= 0, `${name}: valid range`);
        assert.ok(String(d.message).length > 0, `${name}: a message`);
      }
    }
    const empty = client.published.find((p) => p.uri.endsWith('/empty.asl.json'))!;
    assert.ok(empty.diagnostics.length > 0, 'an empty document is reported');
    const deep = client.published.find((p) => p.uri.endsWith('/deep_nesting.asl.json'))!;
    assert.ok(deep.diagnostics.length > 0, 'deep nesting is reported, as a problem or an internal error');

    // Still alive and still right.
    const uri = 'file:///after.asl.json';
    await client.open(uri, VALID);
    assert.deepEqual((await client.diagnosticsForVersion(uri, 1)).diagnostics, []);
  } finally {
    client.dispose();
  }
});

test(
  'an asl-yaml document is answered even if no YAML front end is loaded',
  { timeout: 10_000 },
  async () => {
    const client = await LspTestClient.start();
    try {
      const uri = 'file:///machine.asl.yaml';
      await client.open(uri, 'StartAt: Done\nStates:\n  Done:\n    Type: Succeed\n', 'asl-yaml');
      const params = await client.diagnosticsForVersion(uri, 1);
      // With the YAML front end this is a valid machine; without it, one internal-error diagnostic says why.
      for (const d of params.diagnostics) assert.equal(d.code, 'internal-error', JSON.stringify(d));
    } finally {
      client.dispose();
    }
  },
);

test('unknown requests get an error response, not a crash', { timeout: 10_000 }, async () => {
  const client = await LspTestClient.start();
  try {
    await assert.rejects(client.connection.sendRequest('asl/doesNotExist', {}), /Unhandled method/);
    const uri = 'file:///alive.asl.json';
    await client.open(uri, VALID);
    assert.deepEqual((await client.diagnosticsForVersion(uri, 1)).diagnostics, []);
  } finally {
    client.dispose();
  }
});
