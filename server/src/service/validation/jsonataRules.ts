/**
 * JSONata-state rules: every `{% %}` string parses (error ranges inside the string), no intrinsic
 * functions or `.$` keys (JSONPath-only), and strings with only one of the `{%` / `%}` delimiters are
 * flagged. Records the workflow variables each expression reads for the variable rules.
 * Depends on: asl/ (jsonata), ./pathRules (VariableRead type), ./validationContext only.
 */
import {
  freeVariableReferences,
  isJsonataString,
  jsonataBody,
  parseJsonataExpression,
  type JsonataVariableReference,
  type StateModel,
  type SyntaxNode,
} from '../../asl';
import type { VariableRead } from './pathRules';
import type { ValidationContext } from './validationContext';

/** Keys whose values are nested state machines or free text, not expressions. */
const SKIPPED_KEYS = new Set(['Branches', 'ItemProcessor', 'Iterator', 'Comment']);
const INTRINSIC_CALL = /\bStates\.[A-Za-z][A-Za-z0-9]*\s*\(/;

/** What validation needs of one expression text: the parse, the free variables and an intrinsic call. */
interface ExpressionFacts {
  parsed: ReturnType<typeof parseJsonataExpression>;
  variables: JsonataVariableReference[];
  /** An ASL intrinsic call (`States.Format(`) outside string literals: offset and length of the name. */
  intrinsic: { index: number; length: number } | undefined;
}

/**
 * Facts by expression text, bounded: re-validating a document while it is edited re-parses and re-walks
 * only the expressions that changed. The facts are only read, never mutated.
 */
const factsCache = new Map<string, ExpressionFacts>();
const FACTS_CACHE_LIMIT = 5000;

function factsOf(expression: string): ExpressionFacts {
  let facts = factsCache.get(expression);
  if (!facts) {
    const parsed = parseJsonataExpression(expression);
    let intrinsic: ExpressionFacts['intrinsic'];
    if (parsed.ok && expression.includes('States.')) {
      // Blank out string literals first, so 'States.Format(' inside a JSONata string is not a call.
      const code = expression.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, (literal) =>
        ' '.repeat(literal.length),
      );
      const match = INTRINSIC_CALL.exec(code);
      if (match) intrinsic = { index: match.index, length: match[0].length - 1 };
    }
    facts = { parsed, variables: parsed.ok ? freeVariableReferences(parsed.ast) : [], intrinsic };
    if (factsCache.size >= FACTS_CACHE_LIMIT) factsCache.clear();
    factsCache.set(expression, facts);
  }
  return facts;
}

export function checkJsonataState(
  context: ValidationContext,
  state: StateModel,
  reads: VariableRead[],
): void {
  if (state.queryLanguage !== 'JSONata' || state.node?.type !== 'object') return;
  for (const prop of state.node.children ?? []) {
    const key = prop.children?.[0];
    if (typeof key?.value === 'string' && SKIPPED_KEYS.has(key.value)) continue;
    walk(context, state, prop.children?.[1], reads, String(key?.value));
  }
}

const STATES_FIELD = /\$states\s*\.\s*(result|errorOutput)\b/g;
const HAS_RESULT = new Set(['Task', 'Map', 'Parallel']);

/** `$states.result` exists only in Output/Assign of Task/Map/Parallel; `$states.errorOutput` only in Catchers. */
function checkStatesFields(
  context: ValidationContext,
  state: StateModel,
  node: SyntaxNode,
  expression: string,
  offset: number,
  field: string,
): void {
  for (const match of expression.matchAll(STATES_FIELD)) {
    const name = match[1];
    const available =
      name === 'errorOutput'
        ? field === 'Catch'
        : (field === 'Output' || field === 'Assign') && !!state.type && HAS_RESULT.has(state.type);
    if (available) continue;
    context.report(
      'states-field-unavailable',
      context.inString(node, offset + match.index, match[0].length),
      {
        name,
        field,
        where:
          name === 'errorOutput'
            ? "in a Catcher's Output or Assign"
            : 'in Output or Assign of a Task, Map or Parallel state',
      },
    );
  }
}

function walk(
  context: ValidationContext,
  state: StateModel,
  node: SyntaxNode | undefined,
  reads: VariableRead[],
  field: string,
): void {
  if (!node) return;
  switch (node.type) {
    case 'object':
      for (const prop of node.children ?? []) {
        const key = prop.children?.[0];
        if (typeof key?.value === 'string' && key.value.endsWith('.$') && key.value.length > 2) {
          context.report('dollar-key-in-jsonata', key, { field: key.value });
        }
        walk(context, state, prop.children?.[1], reads, field);
      }
      return;
    case 'array':
      for (const child of node.children ?? []) walk(context, state, child, reads, field);
      return;
    case 'string':
      if (typeof node.value === 'string') checkString(context, state, node, node.value, reads, field);
      return;
    default:
      return;
  }
}

function checkString(
  context: ValidationContext,
  state: StateModel,
  node: SyntaxNode,
  value: string,
  reads: VariableRead[],
  field: string,
): void {
  if (!isJsonataString(value)) {
    const trimmed = String(value).trim();
    if ((trimmed.startsWith('{%') || trimmed.endsWith('%}')) && !trimmed.includes('${')) {
      context.report('jsonata-not-surrounded', node);
    }
    return;
  }
  const { expression, offset } = jsonataBody(value);
  const { parsed, variables, intrinsic } = factsOf(expression);
  if (!parsed.ok) {
    context.report(
      'invalid-jsonata',
      context.inString(node, offset + parsed.error.offset, parsed.error.length),
      {
        detail: parsed.error.message,
      },
    );
    return;
  }
  if (expression.includes('$states')) checkStatesFields(context, state, node, expression, offset, field);
  if (intrinsic) {
    context.report(
      'intrinsic-in-jsonata',
      context.inString(node, offset + intrinsic.index, intrinsic.length),
    );
  }
  for (const ref of variables) {
    const target = context.inString(node, offset + ref.offset, ref.name.length + 1);
    reads.push({
      name: ref.name,
      state,
      node: 'type' in target ? target : { ...node, offset: target.offset, length: target.length },
    });
  }
}
