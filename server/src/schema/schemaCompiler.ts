/**
 * Run-time schema compilation with ajv, used when no precompiled validators are bundled (tests and tools
 * running from out/); also the compiler behind the build-time standalone code. The bundles replace this
 * module (esbuild.mjs), so ajv itself never ships in them.
 * Depends on: ajv, ./schemaForKey. No node I/O.
 */
import Ajv, { type ValidateFunction } from 'ajv';
import type { ValidatorSetKind } from './precompiledValidators';
import { definitionsFor, definitionsId, QUERY_LANGUAGES, schemaForKey } from './schemaForKey';

/**
 * The ajv instance of one validator set: `fast` (first error only, not verbose) answers "valid?" for
 * the common case; `detailed` (all errors, verbose) runs only when the fast one fails. `source` keeps
 * the generated code (for ajv standalone code at build time).
 */
export function createSchemaCompiler(kind: ValidatorSetKind, source = false): Ajv {
  const detailed = kind === 'detailed';
  const ajv = new Ajv({
    allErrors: detailed,
    verbose: detailed,
    strict: true,
    strictRequired: false,
    allowUnionTypes: true,
    // Shared sub-schemas (Retrier, Catcher, Choice Rule...) compile once instead of once per state type.
    inlineRefs: false,
    // The schemas are ours and tested: skip compiling the meta-schema that would check them (~40 ms).
    validateSchema: false,
    code: { source },
  });
  for (const keyword of ['xKind', 'xExpect']) ajv.addKeyword({ keyword, schemaType: 'string' });
  ajv.addKeyword({ keyword: 'xOtherLanguageFields', schemaType: 'array' });
  ajv.addKeyword({ keyword: 'xLoose', schemaType: 'boolean' });
  for (const language of QUERY_LANGUAGES) {
    ajv.addSchema({ $id: definitionsId(language), $defs: definitionsFor(language) });
  }
  return ajv;
}

const compilers: Partial<Record<ValidatorSetKind, Ajv>> = {};

/** The validator of `kind` for a validator key, compiled now (each compiler compiles the shared sub-schemas once). */
export function runtimeValidator(kind: ValidatorSetKind, key: string): ValidateFunction {
  const ajv = (compilers[kind] ??= createSchemaCompiler(kind));
  return ajv.compile(schemaForKey(key));
}
