/**
 * The ASL field matrix as data: which fields each state type and each nested object (Retrier, Catcher,
 * Choice Rule, ItemReader, ...) accepts, per query language, with the value shapes AWS accepts
 * (docs/asl-facts.md section 1). Pure data; depends on ./schemaFragments and asl/ types only.
 */
import { STATE_TYPES, type StateType } from '../asl';
import {
  anyValue,
  booleanField,
  cfnIntrinsic,
  enumField,
  JSONATA_PATTERN,
  orPlaceholder,
  PLACEHOLDER_PATTERN,
  integerField,
  jsonataObjectOrString,
  numberField,
  objectValue,
  pathOrNull,
  stringSchema,
  substitutable,
  type FieldSpec,
  type FieldTable,
} from './schemaFragments';

const both = (schema: FieldSpec['schema'], required = false): FieldSpec => ({
  languages: 'both',
  schema,
  required,
});
const jsonPath = (schema: FieldSpec['schema']): FieldSpec => ({ languages: 'JSONPath', schema });
const jsonataOnly = (schema: FieldSpec['schema']): FieldSpec => ({ languages: 'JSONata', schema });

const MAX_SECONDS = 99_999_999;
const errorEquals: FieldSpec = both({ type: 'array', minItems: 1, items: stringSchema }, true);

export const RETRIER_FIELDS: FieldTable = {
  ErrorEquals: errorEquals,
  // Retry values are literals in both languages (placeholders allowed, JSONata strings not).
  IntervalSeconds: both(integerField(1, MAX_SECONDS, false)),
  MaxAttempts: both(integerField(0, MAX_SECONDS, false)),
  BackoffRate: both(numberField(1, undefined, false)),
  MaxDelaySeconds: both(integerField(1, 31_622_400, false)),
  JitterStrategy: both(enumField(['FULL', 'NONE'])),
  Comment: both(stringSchema),
};

export const CATCHER_FIELDS: FieldTable = {
  ErrorEquals: errorEquals,
  Next: both(stringSchema, true),
  ResultPath: jsonPath(pathOrNull),
  Output: jsonataOnly(anyValue),
  Assign: both(objectValue),
  Comment: both(stringSchema),
};

export const STRING_OPERATORS = [
  'StringEquals',
  'StringLessThan',
  'StringGreaterThan',
  'StringLessThanEquals',
  'StringGreaterThanEquals',
  'StringMatches',
  'TimestampEquals',
  'TimestampLessThan',
  'TimestampGreaterThan',
  'TimestampLessThanEquals',
  'TimestampGreaterThanEquals',
];
export const NUMERIC_OPERATORS = [
  'NumericEquals',
  'NumericLessThan',
  'NumericGreaterThan',
  'NumericLessThanEquals',
  'NumericGreaterThanEquals',
];
export const BOOLEAN_OPERATORS = [
  'BooleanEquals',
  'IsNull',
  'IsPresent',
  'IsNumeric',
  'IsString',
  'IsBoolean',
  'IsTimestamp',
];
export const PATH_OPERATORS = [
  ...STRING_OPERATORS.filter((op) => op !== 'StringMatches'),
  ...NUMERIC_OPERATORS,
  'BooleanEquals',
].map((op) => `${op}Path`);
export const COMPARISON_OPERATORS: readonly string[] = [
  ...STRING_OPERATORS,
  ...NUMERIC_OPERATORS,
  ...BOOLEAN_OPERATORS,
  ...PATH_OPERATORS,
];

function choiceRuleFields(nested: boolean): FieldTable {
  const fields: FieldTable = {
    Variable: jsonPath(stringSchema),
    And: jsonPath({ type: 'array', minItems: 1, items: { $ref: '#/$defs/nestedRule' } }),
    Or: jsonPath({ type: 'array', minItems: 1, items: { $ref: '#/$defs/nestedRule' } }),
    Not: jsonPath({ $ref: '#/$defs/nestedRule' }),
    Comment: both(stringSchema),
  };
  for (const op of STRING_OPERATORS) fields[op] = jsonPath(stringSchema);
  for (const op of NUMERIC_OPERATORS) {
    fields[op] = jsonPath(numberField(Number.NEGATIVE_INFINITY, undefined, false));
  }
  for (const op of BOOLEAN_OPERATORS) fields[op] = jsonPath(booleanField);
  for (const op of PATH_OPERATORS) fields[op] = jsonPath(stringSchema);
  if (!nested) {
    fields.Next = both(stringSchema, true);
    fields.Assign = both(objectValue);
    fields.Condition = {
      languages: 'JSONata',
      schema: () => substitutable({ type: 'boolean' }, 'true, false', 'JSONata'),
      required: true,
    };
    fields.Output = jsonataOnly(anyValue);
  }
  return fields;
}
export const CHOICE_RULE_FIELDS = choiceRuleFields(false);
export const NESTED_CHOICE_RULE_FIELDS = choiceRuleFields(true);

export const BRANCH_FIELDS: FieldTable = {
  StartAt: both(stringSchema, true),
  States: both({ type: 'object', additionalProperties: { type: 'object' } }, true),
  Comment: both(stringSchema),
};

export const PROCESSOR_CONFIG_FIELDS: FieldTable = {
  Mode: both(enumField(['INLINE', 'DISTRIBUTED'])),
  ExecutionType: both(enumField(['STANDARD', 'EXPRESS'])),
};

export const READER_CONFIG_FIELDS: FieldTable = {
  InputType: both(enumField(['CSV', 'JSON', 'JSONL', 'MANIFEST', 'PARQUET'])),
  CSVHeaderLocation: both(enumField(['FIRST_ROW', 'GIVEN'])),
  CSVHeaders: both(orPlaceholder({ type: 'array', items: stringSchema }, 'an array of strings')),
  CSVDelimiter: both(enumField(['COMMA', 'PIPE', 'SEMICOLON', 'SPACE', 'TAB'])),
  ManifestType: both(stringSchema),
  // 0 is accepted: deployed AWS samples use it (no limit).
  MaxItems: both(integerField(0)),
  MaxItemsPath: jsonPath(stringSchema),
};

export const ITEM_READER_FIELDS: FieldTable = {
  Resource: both(stringSchema, true),
  ReaderConfig: both({ $ref: '#/$defs/readerConfig' }),
  Parameters: jsonPath(anyValue),
  Arguments: jsonataOnly(anyValue),
};

export const ITEM_BATCHER_FIELDS: FieldTable = {
  MaxItemsPerBatch: both(integerField(1)),
  MaxItemsPerBatchPath: jsonPath(stringSchema),
  MaxInputBytesPerBatch: both(integerField(1)),
  MaxInputBytesPerBatchPath: jsonPath(stringSchema),
  BatchInput: both(anyValue),
};

export const WRITER_CONFIG_FIELDS: FieldTable = {
  OutputType: both(enumField(['JSON', 'JSONL']), true),
  Transformation: both(enumField(['NONE', 'COMPACT', 'FLATTEN'])),
};

export const RESULT_WRITER_FIELDS: FieldTable = {
  Resource: both(stringSchema),
  Parameters: jsonPath(anyValue),
  Arguments: jsonataOnly(anyValue),
  WriterConfig: both({ $ref: '#/$defs/writerConfig' }),
};

const common: FieldTable = {
  Type: both(stringSchema, true),
  Comment: both(stringSchema),
  QueryLanguage: both(enumField(['JSONPath', 'JSONata'])),
};
const transition: FieldTable = { Next: both(stringSchema), End: both(booleanField) };
const assign: FieldTable = { Assign: both(objectValue) };
const output: FieldTable = { Output: jsonataOnly(anyValue) };
const inputOutputPaths: FieldTable = { InputPath: jsonPath(pathOrNull), OutputPath: jsonPath(pathOrNull) };
const parameters: FieldTable = { Parameters: jsonPath(anyValue) };
const resultSelector: FieldTable = { ResultSelector: jsonPath(objectValue) };
const resultPath: FieldTable = { ResultPath: jsonPath(pathOrNull) };
const errorHandling: FieldTable = {
  Retry: both({ type: 'array', items: { $ref: '#/$defs/retrier' } }),
  Catch: both({ type: 'array', items: { $ref: '#/$defs/catcher' } }),
};
const args: FieldTable = { Arguments: jsonataOnly(jsonataObjectOrString) };

export const STATE_FIELDS: Record<StateType, FieldTable> = {
  Pass: {
    ...common,
    ...transition,
    ...assign,
    ...output,
    ...inputOutputPaths,
    ...parameters,
    ...resultPath,
    Result: jsonPath(anyValue),
  },
  Task: {
    ...common,
    ...transition,
    ...assign,
    ...output,
    ...inputOutputPaths,
    ...parameters,
    ...resultSelector,
    ...resultPath,
    ...errorHandling,
    ...args,
    Resource: both({ anyOf: [stringSchema, cfnIntrinsic], xExpect: 'an ARN string' }, true),
    TimeoutSeconds: both(integerField(1, MAX_SECONDS)),
    TimeoutSecondsPath: jsonPath(stringSchema),
    HeartbeatSeconds: both(integerField(1, MAX_SECONDS)),
    HeartbeatSecondsPath: jsonPath(stringSchema),
    Credentials: both({ $ref: '#/$defs/credentials' }),
  },
  Choice: {
    ...common,
    ...assign,
    ...output,
    ...inputOutputPaths,
    Choices: both(
      orPlaceholder(
        { type: 'array', minItems: 1, items: { $ref: '#/$defs/choiceRule' } },
        'an array of Choice Rules',
      ),
      true,
    ),
    Default: both(stringSchema),
  },
  Wait: {
    ...common,
    ...transition,
    ...assign,
    ...output,
    ...inputOutputPaths,
    Seconds: both(integerField(0, MAX_SECONDS)),
    SecondsPath: jsonPath(stringSchema),
    Timestamp: both(stringSchema),
    TimestampPath: jsonPath(stringSchema),
  },
  Succeed: { ...common, ...output, ...inputOutputPaths },
  Fail: {
    ...common,
    Error: both(stringSchema),
    ErrorPath: jsonPath(stringSchema),
    Cause: both(stringSchema),
    CausePath: jsonPath(stringSchema),
  },
  Parallel: {
    ...common,
    ...transition,
    ...assign,
    ...output,
    ...inputOutputPaths,
    ...parameters,
    ...resultSelector,
    ...resultPath,
    ...errorHandling,
    ...args,
    Branches: both({ type: 'array', minItems: 1, items: { $ref: '#/$defs/branch' } }, true),
  },
  Map: {
    ...common,
    ...transition,
    ...assign,
    ...output,
    ...inputOutputPaths,
    ...parameters,
    ...resultSelector,
    ...resultPath,
    ...errorHandling,
    ItemProcessor: both({ $ref: '#/$defs/processor' }),
    Iterator: both({ $ref: '#/$defs/processor' }),
    ItemsPath: jsonPath(stringSchema),
    Items: jsonataOnly({
      anyOf: [
        { type: 'array' },
        { type: 'string', pattern: `${JSONATA_PATTERN}|${PLACEHOLDER_PATTERN}`, xLoose: true },
      ],
      xExpect: 'an array or a JSONata string "{% ... %}"',
    }),
    ItemSelector: both(anyValue),
    ItemReader: both({ $ref: '#/$defs/itemReader' }),
    ItemBatcher: both({ $ref: '#/$defs/itemBatcher' }),
    ResultWriter: both({ $ref: '#/$defs/resultWriter' }),
    MaxConcurrency: both(integerField(0)),
    MaxConcurrencyPath: jsonPath(stringSchema),
    ToleratedFailurePercentage: both(numberField(0, 100)),
    ToleratedFailurePercentagePath: jsonPath(stringSchema),
    ToleratedFailureCount: both(integerField(0)),
    ToleratedFailureCountPath: jsonPath(stringSchema),
    Label: both(stringSchema),
  },
};

export const ROOT_FIELDS: FieldTable = {
  StartAt: both(stringSchema, true),
  States: both({ type: 'object', additionalProperties: { type: 'object' } }, true),
  Comment: both(stringSchema),
  Version: both(stringSchema),
  TimeoutSeconds: both(integerField(1, undefined, false)),
  QueryLanguage: both(enumField(['JSONPath', 'JSONata'])),
};

/** Every field any state type knows, for suggestions when the state's Type is unknown. */
export const ALL_STATE_FIELDS: readonly string[] = [
  ...new Set(STATE_TYPES.flatMap((type) => Object.keys(STATE_FIELDS[type]))),
];
