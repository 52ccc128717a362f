/**
 * The ASL schema validators, one per validator key (see schemaForKey.ts), as fast/detailed pairs.
 * Bundles use validators generated at build time (ajv standalone code in dist/validators/, see
 * precompiledValidators.ts); from source each is compiled with ajv on first use (schemaCompiler.ts).
 * Validation of one state never descends into nested states (each is validated on its own).
 * Depends on: ./schemaForKey, ./precompiledValidators, ./schemaCompiler, asl/ types. No node I/O.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { QueryLanguage, StateType } from '../asl';
import {
  loadPrecompiledValidators,
  type PrecompiledValidators,
  type ValidatorSetKind,
} from './precompiledValidators';
import { runtimeValidator } from './schemaCompiler';

export { definitionsFor, rootSchema, schemaForKey, stateSchema, validatorKeys } from './schemaForKey';
export type { ErrorObject };
export type SchemaValidator = ValidateFunction;

/** Where validators come from; the bundles install the ajv standalone code generated at build time. */
let precompiled: PrecompiledValidators | undefined = loadPrecompiledValidators();

/** Replaces (or, with undefined, removes) the precompiled validator sets; for tests and tools. */
export function usePrecompiledValidators(sets: PrecompiledValidators | undefined): void {
  precompiled = sets;
  cache.clear();
}

/** True when validation runs on precompiled (standalone) validators rather than compiling at run time. */
export function hasPrecompiledValidators(): boolean {
  return precompiled !== undefined;
}

function validatorOf(kind: ValidatorSetKind, key: string): ValidateFunction {
  return precompiled?.(kind, key) ?? runtimeValidator(kind, key);
}

const cache = new Map<string, ValidateFunction>();

/** A ValidateFunction-compatible pair: after a failure, `errors` holds every error (verbose). */
function compiled(key: string): ValidateFunction {
  let validate = cache.get(key);
  if (!validate) {
    const fast = validatorOf('fast', key);
    let detailed: ValidateFunction | undefined; // loaded on the first failure only
    const pair = ((data: unknown) => {
      if (fast(data)) {
        pair.errors = null;
        return true;
      }
      detailed ??= validatorOf('detailed', key);
      detailed(data);
      pair.errors = detailed.errors;
      return false;
    }) as ValidateFunction;
    validate = pair;
    cache.set(key, validate);
  }
  return validate;
}

/** The compiled validator for a state of `type` in `language` (compiled once, then cached). */
export function stateValidator(type: StateType, language: QueryLanguage): ValidateFunction {
  return compiled(`${type}:${language}`);
}

/** The compiled validator for the top-level object (its states are validated one by one). */
export function rootValidator(language: QueryLanguage): ValidateFunction {
  return compiled(`root:${language}`);
}
