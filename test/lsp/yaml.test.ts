// asl-yaml documents through the server once the YAML front end (server/src/asl/parseYaml.ts) is built;
// skipped, and reported as skipped, until then (robustness.test.ts covers the server without it).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LspTestClient } from './lspTestClient';
import { repoRoot } from '../support/paths';
import { loadYamlFrontEnd } from '../../server/src/lsp/yamlFrontEnd';

const built = fs.existsSync(path.join(repoRoot, 'server', 'src', 'asl', 'parseYaml.ts'));
const skip = built ? false : 'the YAML front end (server/src/asl/parseYaml.ts) is not in the tree yet';

test('the server loads the YAML front end when it is built', { skip }, () => {
  assert.equal(loadYamlFrontEnd(), true);
});

test('a valid asl-yaml document gets no diagnostics', { skip, timeout: 10_000 }, async () => {
  const client = await LspTestClient.start();
  try {
    const uri = 'file:///valid.asl.yaml';
    await client.open(uri, 'StartAt: Done\nStates:\n  Done:\n    Type: Succeed\n', 'asl-yaml');
    assert.deepEqual((await client.diagnosticsForVersion(uri, 1)).diagnostics, []);
  } finally {
    client.dispose();
  }
});

test(
  'a broken asl-yaml document gets located diagnostics, not an internal error',
  { skip, timeout: 10_000 },
  async () => {
    const client = await LspTestClient.start();
    try {
      const uri = 'file:///broken.asl.yaml';
      await client.open(uri, 'StartAt: Done\nStates:\n  Done:\n    Type: [Succeed\n', 'asl-yaml');
      const params = await client.diagnosticsForVersion(uri, 1);
      assert.ok(params.diagnostics.length > 0, 'an unclosed flow sequence is reported');
      for (const d of params.diagnostics) {
        assert.notEqual(d.code, 'internal-error', String(d.message));
        assert.ok(d.range.start.line <= 4, JSON.stringify(d.range));
      }
    } finally {
      client.dispose();
    }
  },
);
