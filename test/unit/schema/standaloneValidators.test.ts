// The build-time validators (ajv standalone code, which the bundles load from dist/validators/) give
// exactly the diagnostics of the validators compiled at run time, over the whole shared corpus.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ValidateFunction } from 'ajv';
import {
  hasPrecompiledValidators,
  usePrecompiledValidators,
  validatorKeys,
} from '../../../server/src/schema/aslSchema';
import {
  standaloneValidatorSources,
  validatorFileName,
} from '../../../server/src/schema/standaloneValidators';
import { validateFile } from '../../corpus/corpusHelpers';
import { corpusDir } from '../../support/paths';

function corpusFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...corpusFiles(full));
    else if (/\.(json|ya?ml)$/.test(entry.name)) out.push(full);
  }
  return out.sort();
}

/** Evaluates one standalone module body as CommonJS (what `require` of its file in dist/ does). */
function evaluate(code: string, key: string): ValidateFunction {
  const module = { exports: {} as Record<string, ValidateFunction> };
  new Function('module', 'exports', code)(module, module.exports);
  return module.exports[key];
}

test('a standalone validator exists for every key and set, needs no module, and names its file', () => {
  const sources = standaloneValidatorSources();
  for (const kind of ['fast', 'detailed'] as const) {
    assert.deepEqual(Object.keys(sources[kind]).sort(), validatorKeys().sort());
    for (const [key, code] of Object.entries(sources[kind])) {
      assert.doesNotMatch(code, /\brequire\(/, `${kind} ${key}`);
      assert.equal(typeof evaluate(code, key), 'function', `${kind} ${key}`);
    }
  }
  assert.equal(validatorFileName('fast', 'Pass:JSONPath'), 'fast-Pass-JSONPath.js');
  assert.equal(validatorFileName('detailed', 'root:JSONata'), 'detailed-root-JSONata.js');
});

test('precompiled and run-time compiled validators report the same diagnostics on the whole corpus', () => {
  const files = corpusFiles(corpusDir);
  assert.ok(files.length > 900, `corpus found at ${corpusDir}`);
  assert.equal(hasPrecompiledValidators(), false, 'tests run from source: run-time compilation');
  const runtime = files.map((file) => validateFile(file));

  const sources = standaloneValidatorSources();
  const loaded = new Map<string, ValidateFunction>();
  let used = 0;
  usePrecompiledValidators((kind, key) => {
    const id = `${kind}:${key}`;
    let validate = loaded.get(id);
    if (!validate) {
      validate = evaluate(sources[kind][key], key);
      loaded.set(id, validate);
    }
    used++;
    return validate;
  });
  try {
    assert.equal(hasPrecompiledValidators(), true);
    let withSchemaErrors = 0;
    files.forEach((file, i) => {
      const precompiled = validateFile(file);
      assert.deepEqual(precompiled, runtime[i], path.relative(corpusDir, file));
      if (precompiled?.some((d) => d.severity === 1)) withSchemaErrors++;
    });
    assert.ok(used > 0, 'the precompiled validators were used');
    assert.ok(loaded.has('detailed:Task:JSONPath'), 'the detailed set ran on invalid documents');
    assert.ok(withSchemaErrors > 50, `${withSchemaErrors} corpus files have errors`);
  } finally {
    usePrecompiledValidators(undefined);
  }
});
