/**
 * Build-time generator of the precompiled schema validators: ajv standalone code per validator key and
 * set (fast, detailed); esbuild.mjs writes them to dist/validators/, which the bundles load on first use.
 * Used by esbuild.mjs and tests only; shipped code never imports it (it pulls in ajv's code generator).
 */
import standaloneCode from 'ajv/dist/standalone';
import { createSchemaCompiler } from './schemaCompiler';
import { schemaForKey, validatorKeys } from './schemaForKey';
import type { ValidatorSetKind } from './precompiledValidators';

export type ValidatorSources = Record<ValidatorSetKind, Record<string, string>>;

/**
 * The ajv standalone code of each validator key, per set: a CommonJS body assigning `exports[key]`,
 * self-contained (the shared sub-schemas it refers to are included) and free of `require`.
 */
export function standaloneValidatorSources(): ValidatorSources {
  const sources: ValidatorSources = { fast: {}, detailed: {} };
  for (const kind of ['fast', 'detailed'] as const) {
    const ajv = createSchemaCompiler(kind, true);
    const ids: Record<string, string> = {};
    for (const key of validatorKeys()) {
      ids[key] = `asl-validator-${key.replace(':', '-').toLowerCase()}.json`;
      ajv.addSchema({ ...schemaForKey(key), $id: ids[key] });
    }
    for (const key of validatorKeys()) {
      const code = standaloneCode(ajv, { [key]: ids[key] });
      if (/\brequire\(/.test(code)) {
        throw new Error(`standalone validator ${kind} ${key} needs an ajv runtime module; bundle it first`);
      }
      sources[kind][key] = code;
    }
  }
  return sources;
}

/** The file (in dist/validators/) holding one set's validator for a key: `fast-Pass-JSONPath.js`. */
export function validatorFileName(kind: ValidatorSetKind, key: string): string {
  return `${kind}-${key.replace(':', '-')}.js`;
}
