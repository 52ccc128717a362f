/**
 * Schema rules: runs the compiled ajv validators (top level, then each state with the schema of its type
 * and effective query language) and maps every ajv error's instancePath to a syntax node for its range:
 * the key for unknown/forbidden/missing fields, the value for wrong values.
 * Depends on: asl/, schema/, ./validationContext, ./messages only.
 */
import {
  isStateType,
  keyNodeOf,
  propertiesOf,
  valueNodeOf,
  valueOf,
  type StateMachineModel,
  type StateModel,
  type SyntaxNode,
} from '../../asl';
import { rootValidator, stateValidator, type ErrorObject } from '../../schema/aslSchema';
import { ALL_STATE_FIELDS } from '../../schema/fieldTables';
import { closestName } from './closestName';
import type { ValidationContext } from './validationContext';

type SchemaWithAnnotations = {
  xKind?: string;
  xExpect?: string;
  xLoose?: boolean;
  xOtherLanguageFields?: string[];
  properties?: Record<string, unknown>;
};

export function validateSchema(context: ValidationContext): void {
  const definition = validateRootSchema(context, plainDefinition);
  if (definition === undefined) return;
  for (const state of context.model.states) {
    validateStateSchema(context, state, () => valueAtPath(definition, state.path));
  }
}

/** Above this size, the engine's JSON.parse beats converting the syntax tree (measured: 1 MB 3.4 vs 5.7 ms). */
const JSON_PARSE_FROM = 256 * 1024;

/**
 * The document as plain JSON. Small documents: the model's tree conversion (cached on the model, shared
 * with other features, and faster there). Large clean JSON texts: JSON.parse (same result: last duplicate
 * key wins, `__proto__` stays data); comments, trailing commas and YAML always use the tree.
 */
export function plainDefinition(model: StateMachineModel): unknown {
  if (model.format === 'json' && model.text.length >= JSON_PARSE_FROM && model.tree.problems.length === 0) {
    try {
      return JSON.parse(model.text);
    } catch {
      // comments or trailing commas (accepted by settings): use the tree
    }
  }
  return model.definition;
}

/**
 * The top-level rules; returns the plain definition `plain` gave (undefined when the document is not an
 * object, and then the states are not validated: the syntax problems or definition-not-object say why).
 */
export function validateRootSchema(
  context: ValidationContext,
  plain: (model: StateMachineModel) => unknown,
): unknown {
  const { model } = context;
  const root = model.root;
  if (!root) return undefined; // the syntax problems already say why
  if (root.type !== 'object') {
    context.report('definition-not-object', root);
    return undefined;
  }
  const definition = plain(model);
  const validateRoot = rootValidator(model.queryLanguage);
  if (!validateRoot(definition)) {
    reportErrors(context, root, validateRoot.errors ?? [], undefined, 'the state machine');
  }
  return definition;
}

/**
 * The plain value of `node` with the states of every nested States block reduced to `{}` (the schemas only
 * check that each is an object; each state is validated on its own). `__proto__` stays data.
 */
export function plainWithoutNestedStates(model: StateMachineModel, node: SyntaxNode | undefined): unknown {
  const statesNodes = new Set<SyntaxNode>();
  for (const scope of model.scopes) if (scope.statesNode) statesNodes.add(scope.statesNode);
  const convert = (current: SyntaxNode): unknown => {
    if (statesNodes.has(current) && current.type === 'object') {
      const out: Record<string, unknown> = {};
      for (const [name, , value] of propertiesOf(current)) {
        setPlain(out, name, value?.type === 'object' ? {} : valueOf(value));
      }
      return out;
    }
    if (current.type === 'object') {
      const out: Record<string, unknown> = {};
      for (const [name, , value] of propertiesOf(current)) {
        setPlain(out, name, value ? convert(value) : undefined);
      }
      return out;
    }
    if (current.type === 'array') return (current.children ?? []).map(convert);
    return valueOf(current);
  };
  return node ? convert(node) : undefined;
}

function setPlain(out: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    out[key] = value;
  }
}

/** The node at a JSON path, the last duplicate key winning at each level (as JSON.parse reads it). */
export function nodeAtPath(
  root: SyntaxNode | undefined,
  path: readonly (string | number)[],
): SyntaxNode | undefined {
  let node = root;
  for (const segment of path) {
    if (!node) return undefined;
    if (node.type === 'object') node = valueNodeOf(node, String(segment));
    else if (node.type === 'array' && typeof segment === 'number') node = node.children?.[segment];
    else return undefined;
  }
  return node;
}

/** The schema rules of one state; `value` gives its plain JSON (as the document's JSON value holds it). */
export function validateStateSchema(
  context: ValidationContext,
  state: StateModel,
  value: () => unknown,
): void {
  const node = state.node;
  if (node?.type !== 'object') return; // reported by the enclosing States schema
  const typeNode = valueNodeOf(node, 'Type');
  if (!typeNode) {
    context.report('missing-state-type', state.keyNode, { state: state.name });
    return;
  }
  if (!isStateType(typeNode.value)) {
    context.report('invalid-state-type', typeNode, { found: JSON.stringify(typeNode.value) });
    reportUnknownFieldsOfUnknownType(context, node);
    return;
  }
  const ownLanguage = valueNodeOf(node, 'QueryLanguage');
  if (ownLanguage?.value === 'JSONPath' && context.model.queryLanguage === 'JSONata') {
    context.report('query-language-downgrade', ownLanguage);
  }
  const validate = stateValidator(typeNode.value, state.queryLanguage);
  if (!validate(value())) {
    reportErrors(
      context,
      node,
      validate.errors ?? [],
      state,
      `${state.type} state ${JSON.stringify(state.name)}`,
    );
  }
}

function reportUnknownFieldsOfUnknownType(context: ValidationContext, node: SyntaxNode): void {
  for (const prop of node.children ?? []) {
    const key = prop.children?.[0];
    if (typeof key?.value === 'string' && !ALL_STATE_FIELDS.includes(key.value)) {
      const suggestion = closestName(key.value, ALL_STATE_FIELDS);
      context.report(
        'unknown-field',
        key,
        { field: key.value, kind: 'any state type', suggestion },
        { data: { field: key.value, suggestion } },
      );
    }
  }
}

/** The plain value at a JSON path inside the document's plain value. */
export function valueAtPath(value: unknown, path: readonly (string | number)[]): unknown {
  let current = value;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

/** The syntax node at an ajv instancePath (JSON Pointer) below `base`. */
export function nodeAtPointer(base: SyntaxNode, pointer: string): SyntaxNode | undefined {
  if (pointer === '') return base;
  let node: SyntaxNode | undefined = base;
  for (const raw of pointer.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (!node) return undefined;
    if (node.type === 'object') node = valueNodeOf(node, segment);
    else if (node.type === 'array') node = node.children?.[Number(segment)];
    else return undefined;
  }
  return node;
}

function fieldLabel(pointer: string, fallback: string): string {
  if (pointer === '') return fallback;
  let label = '';
  for (const raw of pointer.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    label += /^\d+$/.test(segment) ? `[${segment}]` : label === '' ? segment : `.${segment}`;
  }
  return label;
}

/** Where to report a problem about an object as a whole: the key that holds it, else its first character. */
function objectAnchor(
  node: SyntaxNode,
  state: StateModel | undefined,
  base: SyntaxNode,
): SyntaxNode | { offset: number; length: number } {
  if (node === base && state) return state.keyNode;
  const parent = node.parent;
  if (parent?.type === 'property' && parent.children?.[0]) return parent.children[0];
  return { offset: node.offset, length: 1 };
}

const TYPE_NAMES: Record<string, string> = {
  integer: 'an integer',
  number: 'a number',
  string: 'a string',
  boolean: 'true or false',
  object: 'a JSON object',
  array: 'an array',
  null: 'null',
  'string,null': 'a string or null',
};

function reportErrors(
  context: ValidationContext,
  base: SyntaxNode,
  errors: ErrorObject[],
  state: StateModel | undefined,
  baseLabel: string,
): void {
  const anyOfs = errors.filter((e) => e.keyword === 'anyOf');
  const specificUnder = new Set<ErrorObject>();
  const seen = new Set<string>();
  const once = (key: string) => (seen.has(key) ? false : (seen.add(key), true));
  for (const error of errors) {
    if (error.keyword === 'anyOf') continue;
    const owner = anyOfs.find(
      (a) => a.instancePath === error.instancePath && error.schemaPath.startsWith(a.schemaPath + '/'),
    );
    if (owner) {
      const schema = error.parentSchema as SchemaWithAnnotations | undefined;
      if (schema?.xLoose || error.keyword === 'type') continue;
      specificUnder.add(owner);
    }
    // An error deeper than an anyOf means the value took the structured branch: report that error only.
    for (const a of anyOfs) if (error.instancePath.startsWith(a.instancePath + '/')) specificUnder.add(a);
    if (!once(`${error.instancePath}|${error.keyword}|${JSON.stringify(error.params)}`)) continue;
    reportError(context, base, error, state, baseLabel);
  }
  for (const anyOf of anyOfs) {
    if (specificUnder.has(anyOf)) continue;
    const node = nodeAtPointer(base, anyOf.instancePath);
    if (!node) continue;
    const expected = (anyOf.parentSchema as SchemaWithAnnotations | undefined)?.xExpect ?? 'a valid value';
    context.report('invalid-type', node, { field: fieldLabel(anyOf.instancePath, baseLabel), expected });
  }
}

function reportError(
  context: ValidationContext,
  base: SyntaxNode,
  error: ErrorObject,
  state: StateModel | undefined,
  baseLabel: string,
): void {
  const node = nodeAtPointer(base, error.instancePath);
  if (!node) return;
  const schema = (error.parentSchema ?? {}) as SchemaWithAnnotations;
  const kind = schema.xKind ?? baseLabel;
  const field = fieldLabel(error.instancePath, baseLabel);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      const name = String(params.additionalProperty);
      const key = keyNodeOf(node, name) ?? node;
      if (schema.xOtherLanguageFields?.includes(name)) {
        const queryLanguage = state?.queryLanguage ?? context.model.queryLanguage;
        context.report(
          'field-not-in-query-language',
          key,
          { field: name, kind: `a ${kind}`, queryLanguage },
          { data: { field: name, queryLanguage } },
        );
      } else {
        const known = [...Object.keys(schema.properties ?? {}), ...(schema.xOtherLanguageFields ?? [])];
        // A real ASL field in the wrong place (End in a Choice Rule, Next inside And/Or/Not) is not a typo.
        const misplaced = ALL_STATE_FIELDS.includes(name) || name === 'Next';
        const suggestion = misplaced ? undefined : closestName(name, known);
        const article = /^[AEIOU]/.test(kind) ? 'an' : 'a';
        context.report(
          'unknown-field',
          key,
          { field: name, kind: `${article} ${kind}`, suggestion, misplaced: misplaced ? 'yes' : undefined },
          { data: suggestion ? { field: name, suggestion } : { field: name } },
        );
      }
      return;
    }
    case 'required':
      context.report('missing-required-field', objectAnchor(node, state, base), {
        kind:
          error.instancePath === ''
            ? capitalise(baseLabel)
            : field === kind || field.endsWith(`.${kind}`)
              ? field
              : `${field} (${kind})`,
        field: String(params.missingProperty),
      });
      return;
    case 'type': {
      const expected = TYPE_NAMES[String(params.type)] ?? String(params.type);
      if (error.instancePath.startsWith('/States/') && error.instancePath.split('/').length === 3) {
        context.report('state-not-object', node, { state: error.instancePath.split('/')[2] });
      } else {
        context.report('invalid-type', node, { field, expected });
      }
      return;
    }
    case 'enum':
      context.report('invalid-enum-value', node, {
        field,
        allowed: (params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', '),
        found: JSON.stringify(error.data),
      });
      return;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      context.report('value-out-of-range', node, {
        field,
        comparison: String(params.comparison),
        limit: Number(params.limit),
        found: JSON.stringify(error.data),
      });
      return;
    case 'minItems':
      context.report('empty-array', node, { field });
      return;
    default:
      context.report('invalid-value', node, { field, detail: error.message ?? error.keyword });
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
