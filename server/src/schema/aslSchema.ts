/**
 * The ASL JSON Schema, split per state type and query language and assembled from the field tables,
 * compiled with ajv once per (state type, query language) on first use and cached for the process.
 * Validation of one state never descends into nested states (each is validated on its own).
 * Depends on: ajv, ./fieldTables, ./schemaFragments, asl/ types. No node I/O.
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import type { QueryLanguage, StateType } from '../asl';
import {
  BRANCH_FIELDS,
  CATCHER_FIELDS,
  CHOICE_RULE_FIELDS,
  ITEM_BATCHER_FIELDS,
  ITEM_READER_FIELDS,
  NESTED_CHOICE_RULE_FIELDS,
  PROCESSOR_CONFIG_FIELDS,
  READER_CONFIG_FIELDS,
  RESULT_WRITER_FIELDS,
  RETRIER_FIELDS,
  ROOT_FIELDS,
  STATE_FIELDS,
  WRITER_CONFIG_FIELDS,
} from './fieldTables';
import { objectSchema, type JsonSchema } from './schemaFragments';

export type { ErrorObject };
export type SchemaValidator = ValidateFunction;

function credentials(language: QueryLanguage): JsonSchema {
  const properties: JsonSchema = { RoleArn: { type: 'string' } };
  if (language === 'JSONPath') {
    properties['RoleArn.$'] = { type: 'string' };
    return {
      type: 'object',
      properties,
      additionalProperties: false,
      xKind: 'Credentials',
      xOtherLanguageFields: [],
      anyOf: [
        { required: ['RoleArn'], xLoose: true },
        { required: ['RoleArn.$'], xLoose: true },
      ],
      xExpect: 'an object with a RoleArn (or RoleArn.$) field',
    };
  }
  return {
    type: 'object',
    properties,
    required: ['RoleArn'],
    additionalProperties: false,
    xKind: 'Credentials',
    xOtherLanguageFields: ['RoleArn.$'],
  };
}

/** The shared sub-schemas of one query language. */
export function definitionsFor(language: QueryLanguage): Record<string, JsonSchema> {
  return {
    retrier: objectSchema(RETRIER_FIELDS, language, 'Retrier'),
    catcher: objectSchema(CATCHER_FIELDS, language, 'Catcher'),
    choiceRule: objectSchema(CHOICE_RULE_FIELDS, language, 'Choice Rule'),
    nestedRule: objectSchema(NESTED_CHOICE_RULE_FIELDS, language, 'nested Choice Rule (inside And/Or/Not)'),
    branch: objectSchema(BRANCH_FIELDS, language, 'Parallel branch'),
    processor: objectSchema(
      {
        ...BRANCH_FIELDS,
        ProcessorConfig: { languages: 'both', schema: { $ref: '#/$defs/processorConfig' } },
      },
      language,
      'ItemProcessor',
    ),
    processorConfig: objectSchema(PROCESSOR_CONFIG_FIELDS, language, 'ProcessorConfig'),
    itemReader: objectSchema(ITEM_READER_FIELDS, language, 'ItemReader'),
    readerConfig: objectSchema(READER_CONFIG_FIELDS, language, 'ReaderConfig'),
    itemBatcher: objectSchema(ITEM_BATCHER_FIELDS, language, 'ItemBatcher'),
    resultWriter: objectSchema(RESULT_WRITER_FIELDS, language, 'ResultWriter'),
    writerConfig: objectSchema(WRITER_CONFIG_FIELDS, language, 'WriterConfig'),
    credentials: credentials(language),
  };
}

/** The schema of one state type in one query language (nested states are not part of it). */
export function stateSchema(type: StateType, language: QueryLanguage): JsonSchema {
  return objectSchema(STATE_FIELDS[type], language, `${type} state`, { $defs: definitionAliases(language) });
}

/** The $id under which the shared sub-schemas of a language are registered (compiled once per compiler). */
function definitionsId(language: QueryLanguage): string {
  return `asl-definitions-${language.toLowerCase()}.json`;
}

/** Local `#/$defs/x` entries pointing at the shared, separately compiled sub-schemas. */
function definitionAliases(language: QueryLanguage): Record<string, JsonSchema> {
  return Object.fromEntries(
    Object.keys(definitionsFor(language)).map((name) => [
      name,
      { $ref: `${definitionsId(language)}#/$defs/${name}` },
    ]),
  );
}

export function rootSchema(language: QueryLanguage): JsonSchema {
  return objectSchema(ROOT_FIELDS, language, 'state machine');
}

/**
 * Two compilers: a fast one (first error only, not verbose) answers "valid?" for the common case; the
 * detailed one (all errors, verbose) is compiled and run only when the fast one fails.
 */
const compilers: Partial<Record<'fast' | 'detailed', Ajv>> = {};
const cache = new Map<string, ValidateFunction>();

function compiler(kind: 'fast' | 'detailed'): Ajv {
  let ajv = compilers[kind];
  if (!ajv) {
    const detailed = kind === 'detailed';
    ajv = new Ajv({
      allErrors: detailed,
      verbose: detailed,
      strict: true,
      strictRequired: false,
      allowUnionTypes: true,
      // Shared sub-schemas (Retrier, Catcher, Choice Rule...) compile once instead of once per state type.
      inlineRefs: false,
    });
    for (const keyword of ['xKind', 'xExpect']) ajv.addKeyword({ keyword, schemaType: 'string' });
    ajv.addKeyword({ keyword: 'xOtherLanguageFields', schemaType: 'array' });
    ajv.addKeyword({ keyword: 'xLoose', schemaType: 'boolean' });
    for (const language of ['JSONPath', 'JSONata'] as const) {
      ajv.addSchema({ $id: definitionsId(language), $defs: definitionsFor(language) });
    }
    compilers[kind] = ajv;
  }
  return ajv;
}

/** A ValidateFunction-compatible pair: after a failure, `errors` holds every error (verbose). */
function compiled(key: string, build: () => JsonSchema): ValidateFunction {
  let validate = cache.get(key);
  if (!validate) {
    const schema = build();
    const fast = compiler('fast').compile(schema);
    let detailed: ValidateFunction | undefined; // compiled on the first failure only
    const pair = ((data: unknown) => {
      if (fast(data)) {
        pair.errors = null;
        return true;
      }
      detailed ??= compiler('detailed').compile(schema);
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
  return compiled(`${type}:${language}`, () => stateSchema(type, language));
}

/** The compiled validator for the top-level object (its states are validated one by one). */
export function rootValidator(language: QueryLanguage): ValidateFunction {
  return compiled(`root:${language}`, () => rootSchema(language));
}
