/**
 * The hook through which bundles get the schema validators generated at build time (ajv standalone
 * code, see standaloneValidators.ts): esbuild.mjs replaces this module in the dist/ bundles. Compiled from
 * source (tsc, tests) it provides none, and aslSchema compiles the schemas at run time instead.
 * Depends on ajv types only.
 */
import type { ValidateFunction } from 'ajv';

/** `fast`: first error only; `detailed`: every error, verbose (run only after the fast one fails). */
export type ValidatorSetKind = 'fast' | 'detailed';

/** The validator of a set for one of aslSchema's validatorKeys(), evaluated on first use. */
export type PrecompiledValidators = (kind: ValidatorSetKind, key: string) => ValidateFunction | undefined;

/** The validators generated at build time, or undefined when running from source. */
export function loadPrecompiledValidators(): PrecompiledValidators | undefined {
  return undefined;
}
