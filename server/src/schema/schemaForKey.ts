/**
 * The ASL JSON Schema, split per state type and query language and assembled from the field tables: one
 * schema per validator key (`root:<language>`, `<StateType>:<language>`), nested states not included.
 * Pure data. Depends on: ./fieldTables, ./schemaFragments, asl/ types.
 */
import { STATE_TYPES, type QueryLanguage, type StateType } from '../asl';
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

export const QUERY_LANGUAGES = ['JSONPath', 'JSONata'] as const;

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
export function definitionsId(language: QueryLanguage): string {
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

/** Every compiled validator's key: `root:<language>` and `<StateType>:<language>`. */
export function validatorKeys(): string[] {
  const keys: string[] = [];
  for (const language of QUERY_LANGUAGES) {
    keys.push(`root:${language}`);
    for (const type of STATE_TYPES) keys.push(`${type}:${language}`);
  }
  return keys;
}

/** The schema behind a validator key (see validatorKeys). */
export function schemaForKey(key: string): JsonSchema {
  const [kind, language] = key.split(':') as [string, QueryLanguage];
  return kind === 'root' ? rootSchema(language) : stateSchema(kind as StateType, language);
}
