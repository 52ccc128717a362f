/**
 * Field documentation: `fieldDoc(field, context?, queryLanguage?)` composes the hand-written text with
 * the facts of schema/fieldTables (which state types / objects accept the field, in which query
 * language, whether it is required), so a field's availability is stated in one place only.
 * Depends on asl/ types, schema/fieldTables and the ./ text tables; pure.
 */
import { STATE_TYPES, type QueryLanguage, type StateType, isStateType } from '../../asl';
import type { FieldSpec, FieldTable } from '../../schema/schemaFragments';
import {
  BRANCH_FIELDS,
  CATCHER_FIELDS,
  CHOICE_RULE_FIELDS,
  COMPARISON_OPERATORS,
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
} from '../../schema/fieldTables';
import { choiceOperatorDoc } from './choiceOperatorDocs';
import { type DocEntry, type FieldContext, type FieldText, jsonBlock, paragraphs } from './docEntry';
import { NESTED_FIELD_TEXTS } from './nestedFieldTexts';
import { STATE_FIELD_TEXTS } from './stateFieldTexts';

const both = (required = false): FieldSpec => ({ languages: 'both', schema: {}, required });

// ProcessorConfig is an object (completion inserts `{}` for it); the docs read only names and languages.
const ITEM_PROCESSOR_FIELDS: FieldTable = {
  ...BRANCH_FIELDS,
  ProcessorConfig: { languages: 'both', schema: { type: 'object' }, required: false },
};
const CREDENTIALS_FIELDS: FieldTable = { RoleArn: both(true) };

/** The field table of a context, from schema/fieldTables (ItemProcessor and Credentials as aslSchema builds them). */
export function fieldTableOf(context: FieldContext): FieldTable {
  if (isStateType(context)) return STATE_FIELDS[context];
  switch (context) {
    case 'Root':
      return ROOT_FIELDS;
    case 'Retrier':
      return RETRIER_FIELDS;
    case 'Catcher':
      return CATCHER_FIELDS;
    case 'ChoiceRule':
      return CHOICE_RULE_FIELDS;
    case 'NestedChoiceRule':
      return NESTED_CHOICE_RULE_FIELDS;
    case 'Branch':
      return BRANCH_FIELDS;
    case 'ItemProcessor':
      return ITEM_PROCESSOR_FIELDS;
    case 'ProcessorConfig':
      return PROCESSOR_CONFIG_FIELDS;
    case 'ItemReader':
      return ITEM_READER_FIELDS;
    case 'ReaderConfig':
      return READER_CONFIG_FIELDS;
    case 'ItemBatcher':
      return ITEM_BATCHER_FIELDS;
    case 'ResultWriter':
      return RESULT_WRITER_FIELDS;
    case 'WriterConfig':
      return WRITER_CONFIG_FIELDS;
    case 'Credentials':
      return CREDENTIALS_FIELDS;
  }
}

/** Every context that has a field table, for coverage checks and lookups without a context. */
export const FIELD_CONTEXTS: readonly FieldContext[] = [
  'Root',
  ...STATE_TYPES,
  'Retrier',
  'Catcher',
  'ChoiceRule',
  'NestedChoiceRule',
  'Branch',
  'ItemProcessor',
  'ProcessorConfig',
  'ItemReader',
  'ReaderConfig',
  'ItemBatcher',
  'ResultWriter',
  'WriterConfig',
  'Credentials',
];

const CONTEXT_NAMES: Partial<Record<FieldContext, string>> = {
  Root: 'top level',
  ChoiceRule: 'Choice Rule',
  NestedChoiceRule: 'nested Choice Rule (inside And/Or/Not)',
  Branch: 'Parallel branch',
};

/** How a context is named in prose: "Task state", "Retrier", "top level". */
export function contextName(context: FieldContext): string {
  return CONTEXT_NAMES[context] ?? (isStateType(context) ? `${context} state` : context);
}

function textFor(field: string, context: FieldContext): FieldText | undefined {
  const own = context === 'NestedChoiceRule' ? 'ChoiceRule' : context;
  return (
    STATE_FIELD_TEXTS[`${own}.${field}`] ??
    NESTED_FIELD_TEXTS[`${own}.${field}`] ??
    (isStateType(own) ? STATE_FIELD_TEXTS[field] : undefined)
  );
}

function languageLabel(spec: FieldSpec): string {
  return spec.languages === 'both' ? 'JSONPath and JSONata' : `${spec.languages} only`;
}

function stateTypesWith(field: string): StateType[] {
  return STATE_TYPES.filter((type) => field in STATE_FIELDS[type]);
}

/** The contexts whose table has the field (state types first). */
export function contextsOfField(field: string): FieldContext[] {
  return FIELD_CONTEXTS.filter((c) => Object.prototype.hasOwnProperty.call(fieldTableOf(c), field));
}

function compose(
  field: string,
  context: FieldContext,
  spec: FieldSpec,
  text: FieldText,
  queryLanguage: QueryLanguage | undefined,
): DocEntry {
  const where = isStateType(context)
    ? `States: ${stateTypesWith(field).join(', ')}`
    : `In: ${contextName(context)}`;
  const facts = [
    `- Type: ${text.type}`,
    spec.required ? '- Required' : undefined,
    text.default ? `- Default: ${text.default}` : undefined,
    text.limits ? `- Limits: ${text.limits}` : undefined,
    `- ${where}`,
  ].filter(Boolean);
  const wrongLanguage = queryLanguage && spec.languages !== 'both' && spec.languages !== queryLanguage;
  return {
    summary: text.summary,
    markdown: paragraphs(
      `**\`${field}\`** · ${contextName(context)} · ${languageLabel(spec)}`,
      wrongLanguage &&
        `⚠ Not allowed in a ${queryLanguage} state${text.instead ? `: use ${text.instead}` : ''}.`,
      text.summary,
      facts.join('\n'),
      text.details,
      !wrongLanguage &&
        text.instead &&
        spec.languages !== 'both' &&
        `In the other query language: ${text.instead}.`,
      jsonBlock(text.example),
    ),
  };
}

/**
 * Documentation of a field. With a context, the doc for that object (and a warning when the field is
 * not allowed there, or not in `queryLanguage`); without one, the doc of the first object that has it.
 * Undefined when no ASL object has such a field.
 */
export function fieldDoc(
  field: string,
  context?: FieldContext,
  queryLanguage?: QueryLanguage,
): DocEntry | undefined {
  if (context === 'ChoiceRule' || context === 'NestedChoiceRule' || context === undefined) {
    if (COMPARISON_OPERATORS.includes(field)) {
      const doc = choiceOperatorDoc(field);
      if (doc && queryLanguage === 'JSONata') {
        return {
          summary: doc.summary,
          markdown: paragraphs('⚠ Not allowed in a JSONata state: use `Condition`.', doc.markdown),
        };
      }
      return doc;
    }
  }
  if (context) {
    const spec = fieldTableOf(context)[field];
    const text = textFor(field, context);
    if (spec && Object.prototype.hasOwnProperty.call(fieldTableOf(context), field) && text) {
      return compose(field, context, spec, text, queryLanguage);
    }
  }
  const owners = contextsOfField(field);
  if (owners.length === 0) return undefined;
  const home = owners[0];
  const text = textFor(field, home);
  if (!text) return undefined;
  const doc = compose(field, home, fieldTableOf(home)[field], text, undefined);
  if (!context) return doc;
  const allowed = owners.map(contextName).join(', ');
  return {
    summary: doc.summary,
    markdown: paragraphs(
      `⚠ \`${field}\` is not a field of a ${contextName(context)}. It belongs in: ${allowed}.`,
      doc.markdown,
    ),
  };
}
