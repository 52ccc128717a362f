/**
 * Documentation of Choice Rule operators: the comparison operators (literal and Path forms), the type
 * tests, And/Or/Not, Variable and Condition (facts from docs/asl-facts.md section 5, worded here).
 * The operator list itself comes from schema/fieldTables. Depends on schema/, ./docEntry only.
 */
import { COMPARISON_OPERATORS } from '../../schema/fieldTables';
import { type DocEntry, jsonBlock, paragraphs } from './docEntry';
import { NESTED_FIELD_TEXTS } from './nestedFieldTexts';

const RELATIONS: Record<string, string> = {
  Equals: 'equal to',
  LessThan: 'less than',
  GreaterThan: 'greater than',
  LessThanEquals: 'less than or equal to',
  GreaterThanEquals: 'greater than or equal to',
};

const FAMILIES: Record<string, { what: string; operand: string; sample: string; note: string }> = {
  String: {
    what: 'a string',
    operand: 'string',
    sample: '"pending"',
    note: 'Strings compare character by character (code points), without case folding or normalisation.',
  },
  Numeric: {
    what: 'a number',
    operand: 'number',
    sample: '100',
    note: 'Exact only within IEEE-754 double range (integers up to ±(2^53−1)).',
  },
  Timestamp: {
    what: 'an RFC 3339 timestamp string',
    operand: 'RFC 3339 timestamp string',
    sample: '"2026-01-01T00:00:00Z"',
    note: 'Timestamps need an upper-case `T` and, without an offset, an upper-case `Z`.',
  },
  Boolean: { what: 'a boolean', operand: 'boolean', sample: 'true', note: '' },
};

const TYPE_TESTS: Record<string, string> = {
  IsNull: 'is JSON `null`',
  IsPresent: 'exists in the input (never a runtime error, even when the path is missing)',
  IsNumeric: 'is a number',
  IsString: 'is a string',
  IsBoolean: 'is a boolean',
  IsTimestamp: 'is a string holding an RFC 3339 timestamp',
};

const SHARED =
  'A comparison is simply false (not an error) when the value has the wrong type for the operator. A missing `Variable` path is a runtime error (`States.Runtime`). JSONPath only: JSONata rules use `Condition`.';

function comparisonDoc(op: string): DocEntry | undefined {
  const path = op.endsWith('Path') && op !== 'IsPresent';
  const base = path ? op.slice(0, -4) : op;
  const family = Object.keys(FAMILIES).find((f) => base.startsWith(f));
  if (!family) return undefined;
  const relationKey = base.slice(family.length);
  const { what, operand, sample, note } = FAMILIES[family];
  if (relationKey === 'Matches') {
    const summary =
      'True when the Variable is a string matching a glob pattern where `*` stands for any characters.';
    return {
      summary,
      markdown: paragraphs(
        `**\`StringMatches\`** · Choice Rule operator · JSONPath`,
        summary,
        'Only `*` is special; write `\\\\*` for a literal star and `\\\\\\\\` for a literal backslash inside JSON. An unfinished escape is a runtime error. There is no Path form.',
        SHARED,
        jsonBlock('{ "Variable": "$.file", "StringMatches": "*.csv", "Next": "ImportCsv" }'),
      ),
    };
  }
  const relation = RELATIONS[relationKey];
  if (!relation) return undefined;
  const summary = path
    ? `True when the Variable is ${what} ${relation} the value at the path given as operand.`
    : `True when the Variable is ${what} ${relation} the ${operand} operand.`;
  const operandLine = path
    ? `Operand: a Path (\`$.x\`, \`$$.x\` or \`$var\`) to the ${operand} to compare with, read from the effective input.`
    : `Operand: a ${operand} literal.`;
  const example = path
    ? `{ "Variable": "$.value", "${op}": "$.limit", "Next": "Over" }`
    : `{ "Variable": "$.value", "${op}": ${sample}, "Next": "Match" }`;
  return {
    summary,
    markdown: paragraphs(
      `**\`${op}\`** · Choice Rule operator · JSONPath`,
      summary,
      operandLine,
      note,
      SHARED,
      jsonBlock(example),
    ),
  };
}

function typeTestDoc(op: string): DocEntry | undefined {
  const test = TYPE_TESTS[op];
  if (!test) return undefined;
  const summary = `With \`true\`, matches when the Variable's value ${test}; with \`false\`, when it does not.`;
  return {
    summary,
    markdown: paragraphs(
      `**\`${op}\`** · Choice Rule type test · JSONPath`,
      summary,
      'Operand: `true` or `false`.',
      op === 'IsPresent' ? 'Use it to guard other tests on fields that may be missing.' : SHARED,
      jsonBlock(`{ "Variable": "$.discount", "${op}": true, "Next": "ApplyDiscount" }`),
    ),
  };
}

function structuralDoc(field: string): DocEntry | undefined {
  const text = NESTED_FIELD_TEXTS[`ChoiceRule.${field}`];
  if (!text || !['And', 'Or', 'Not', 'Variable', 'Condition'].includes(field)) return undefined;
  const language = field === 'Condition' ? 'JSONata' : 'JSONPath';
  return {
    summary: text.summary,
    markdown: paragraphs(
      `**\`${field}\`** · Choice Rule · ${language}`,
      text.summary,
      `Type: ${text.type}`,
      text.details,
      text.instead && `In ${language === 'JSONata' ? 'JSONPath' : 'JSONata'} states use: ${text.instead}.`,
      jsonBlock(text.example),
    ),
  };
}

/** Every operator and combinator this catalog documents (for completion lists and the coverage test). */
export const CHOICE_OPERATORS: readonly string[] = [
  ...COMPARISON_OPERATORS,
  'And',
  'Or',
  'Not',
  'Variable',
  'Condition',
];

/**
 * Documentation of a Choice Rule operator (`StringEquals`, `NumericLessThanPath`, `IsPresent`, ...) or
 * combinator/field (`And`, `Or`, `Not`, `Variable`, `Condition`); undefined for anything else.
 */
export function choiceOperatorDoc(op: string): DocEntry | undefined {
  if (!CHOICE_OPERATORS.includes(op)) return undefined;
  return typeTestDoc(op) ?? structuralDoc(op) ?? comparisonDoc(op);
}
