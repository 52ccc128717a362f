/**
 * Building blocks of the ASL JSON Schema: value shapes (integers that may also be a JSONata string or a
 * `${Placeholder}`), and `objectSchema`, which turns a field table into a per-query-language object schema.
 * Pure data; depends on nothing (asl/ types only).
 */
import type { QueryLanguage } from '../asl';

export type JsonSchema = Record<string, unknown>;

/** Which query languages accept a field. */
export type FieldLanguages = 'both' | QueryLanguage;

export interface FieldSpec {
  languages: FieldLanguages;
  /** The value schema, possibly different per language (e.g. JSONata strings accepted in JSONata). */
  schema: JsonSchema | ((language: QueryLanguage) => JsonSchema);
  required?: boolean;
}

export type FieldTable = Record<string, FieldSpec>;

/**
 * A whole-value template placeholder: `${Name}` (SAM DefinitionSubstitutions, Terraform, CDK tokens),
 * an UPPER_SNAKE_CASE token replaced by a generator, or LocalStack's `__TBD__` test placeholder.
 */
export const PLACEHOLDER_PATTERN = '^(\\$\\{[^}]+\\}|[A-Z][A-Z0-9]*(_[A-Z0-9]+)+|_+[Tt][Bb][Dd]_+)$';
/** A JSONata string: `{%` ... `%}` (AWS does not require inner spaces). */
export const JSONATA_PATTERN = '^\\{%[\\s\\S]*%\\}$';

/**
 * True when a string holds a template placeholder that a deployment tool replaces: `${Name}`,
 * documentation/test markers such as `<PARTITION>`, `<REDACTED>` or `%LAMBDA_ARN_PLACEHOLDER%`.
 */
export function containsPlaceholder(value: string): boolean {
  return /\$\{[^}]*\}|<[A-Z][A-Z0-9_-]*>|%[A-Z][A-Z0-9_]*%/.test(value);
}

/** Branches that only widen what is accepted; their errors are never the specific ones. */
const placeholder: JsonSchema = { type: 'string', pattern: PLACEHOLDER_PATTERN, xLoose: true };
const jsonata: JsonSchema = { type: 'string', pattern: JSONATA_PATTERN, xLoose: true };

/** A CloudFormation intrinsic standing for a value (`{"Ref": ...}`, `{"Fn::GetAtt": [...]}`). */
export const cfnIntrinsic: JsonSchema = {
  type: 'object',
  minProperties: 1,
  maxProperties: 1,
  propertyNames: { pattern: '^(Ref|Fn::[A-Za-z]+)$' },
  xLoose: true,
};

/** `schema` or a placeholder (and a JSONata string when `language` is JSONata). */
export function substitutable(schema: JsonSchema, expect: string, language?: QueryLanguage): JsonSchema {
  const options = [schema, placeholder];
  if (language === 'JSONata') options.push(jsonata);
  const suffix = language === 'JSONata' ? ' or a JSONata string "{% ... %}"' : '';
  return { anyOf: options, xExpect: `${expect}${suffix}` };
}

export function integer(minimum: number, maximum?: number): JsonSchema {
  return maximum === undefined ? { type: 'integer', minimum } : { type: 'integer', minimum, maximum };
}

/** An integer field that accepts placeholders, and JSONata strings in JSONata states. */
export function integerField(minimum: number, maximum?: number, dynamic = true): FieldSpec['schema'] {
  const expect = minimum === 0 ? 'a non-negative integer' : `an integer >= ${minimum}`;
  return (language) => substitutable(integer(minimum, maximum), expect, dynamic ? language : undefined);
}

/** A number field (same tolerance as integerField). */
export function numberField(minimum: number, maximum?: number, dynamic = true): FieldSpec['schema'] {
  const schema: JsonSchema = { type: 'number', minimum };
  if (maximum !== undefined) schema.maximum = maximum;
  return (language) => substitutable(schema, 'a number', dynamic ? language : undefined);
}

/** A string field; in JSONata states JSONata strings are strings too, so nothing extra is needed. */
export const stringSchema: JsonSchema = { type: 'string' };
export const objectValue: JsonSchema = { type: 'object' };
export const anyValue: JsonSchema = {};
export const pathOrNull: JsonSchema = { type: ['string', 'null'] };
export const booleanField: FieldSpec['schema'] = () => substitutable({ type: 'boolean' }, 'true or false');
/** JSONata accepting fields (Output, Arguments...): any JSON value. */
export const jsonataObjectOrString: JsonSchema = {
  anyOf: [{ type: 'object' }, jsonata, placeholder],
  xExpect: 'an object or a JSONata string "{% ... %}"',
};

/** A value of `schema` or a whole-value placeholder (no JSONata). */
export function orPlaceholder(schema: JsonSchema, expect: string): JsonSchema {
  return { anyOf: [schema, placeholder], xExpect: expect };
}

export function enumField(values: readonly string[]): JsonSchema {
  return { type: 'string', enum: [...values] };
}

function languageAccepts(spec: FieldSpec, language: QueryLanguage): boolean {
  return spec.languages === 'both' || spec.languages === language;
}

/**
 * The object schema for `fields` in `language`: only fields of that language are properties; the
 * fields of the other language are listed in `xOtherLanguageFields` so validation can say "not in this
 * query language" rather than "unknown". `xKind` names the object in messages.
 */
export function objectSchema(
  fields: FieldTable,
  language: QueryLanguage,
  kind: string,
  extra: JsonSchema = {},
): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  const other: string[] = [];
  for (const [name, spec] of Object.entries(fields)) {
    if (!languageAccepts(spec, language)) {
      other.push(name);
      continue;
    }
    properties[name] = typeof spec.schema === 'function' ? spec.schema(language) : spec.schema;
    if (spec.required) required.push(name);
  }
  const schema: JsonSchema = {
    type: 'object',
    properties,
    additionalProperties: false,
    xKind: kind,
    xOtherLanguageFields: other,
    ...extra,
  };
  if (required.length > 0) schema.required = required;
  return schema;
}

/** Every field name of a table (both languages), for "did you mean" suggestions. */
export function fieldNames(fields: FieldTable): string[] {
  return Object.keys(fields);
}
