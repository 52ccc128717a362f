/**
 * JSONata in ASL: recognising `{% ... %}` strings, parsing with the `jsonata` package (2.0.6, what AWS
 * runs), AST queries (free variables, implicit-input reads, `$states` fields), the open call at a cursor,
 * and the function catalogue (standard library plus AWS's additions). Pure: parsing only, never evaluation.
 */
import jsonata from 'jsonata';
import type { ExpressionError } from './jsonPath';
import { JSONATA_FUNCTION_LIST } from './jsonataFunctions';
import { JSONATA_REGEX_ENGINE } from './jsonataRegex';

export interface JsonataFunctionInfo {
  name: string;
  signature: string;
  description: string;
  /** Added by AWS Step Functions (not in the JSONata standard library). */
  aws?: boolean;
}

/** JSONata functions by name with the leading `$` (`$sum`, `$partition`). */
export const JSONATA_FUNCTIONS: ReadonlyMap<string, JsonataFunctionInfo> = new Map(
  JSONATA_FUNCTION_LIST.map((f) => [f.name, f]),
);

/** True for a string AWS evaluates as JSONata: it starts with `{%` and ends with `%}`. */
export function isJsonataString(value: unknown): value is string {
  return typeof value === 'string' && value.length >= 4 && value.startsWith('{%') && value.endsWith('%}');
}

/** The expression between `{%` and `%}` and its offset inside `s` (surrounding spaces kept). */
export function jsonataBody(s: string): { expression: string; offset: number } {
  if (!s.startsWith('{%') || !s.endsWith('%}') || s.length < 4) return { expression: s, offset: 0 };
  return { expression: s.slice(2, s.length - 2), offset: 2 };
}

export type JsonataParseResult = { ok: true; ast: unknown } | { ok: false; error: ExpressionError };

interface JsonataErrorShape {
  code?: string;
  position?: number;
  token?: string;
  message?: string;
}

/** Parses a JSONata expression (the text inside `{% %}`); errors carry the offset of the bad token. */
export function parseJsonataExpression(expression: string): JsonataParseResult {
  if (expression.trim() === '') {
    return {
      ok: false,
      error: {
        message: 'The JSONata expression is empty',
        offset: 0,
        length: Math.max(1, expression.length),
      },
    };
  }
  try {
    // jsonata keeps the regex engine of its latest compile in a module global: every compile passes ours.
    return { ok: true, ast: jsonata(expression, { RegexEngine: JSONATA_REGEX_ENGINE }).ast() };
  } catch (e) {
    const err = (e ?? {}) as JsonataErrorShape;
    const position = typeof err.position === 'number' ? err.position : expression.length;
    const token = typeof err.token === 'string' && err.token !== '(end)' ? err.token : '';
    let offset = Math.max(0, Math.min(expression.length, position - token.length));
    let length = Math.max(1, token.length);
    if (offset >= expression.length) {
      offset = Math.max(0, expression.length - 1);
      length = 1;
    }
    const code = err.code ? `${err.code}: ` : '';
    return {
      ok: false,
      error: { message: `${code}${err.message ?? 'Invalid JSONata expression'}`, offset, length },
    };
  }
}

/** A `$name` reference; `offset` is the offset of the `$` inside the expression. */
export interface JsonataVariableReference {
  name: string;
  offset: number;
}

interface AstNode {
  type?: string;
  value?: unknown;
  position?: number;
  [key: string]: unknown;
}

/**
 * The `$x` references in an AST that are not bound inside the expression (by `:=`, lambda parameters,
 * `@$x`/`#$x`), excluding built-in functions and `$states`: the workflow variables the expression reads.
 */
export function freeVariableReferences(ast: unknown): JsonataVariableReference[] {
  const out: JsonataVariableReference[] = [];
  walk(ast, new Scope(undefined), out);
  return out;
}

class Scope {
  readonly names = new Set<string>();
  /** Names bound anywhere in the enclosing block: visible inside lambdas, which run later. */
  readonly deferred = new Set<string>();
  constructor(readonly parent: Scope | undefined) {}
  has(name: string, inLambda: boolean): boolean {
    if (this.names.has(name) || (inLambda && this.deferred.has(name))) return true;
    return this.parent ? this.parent.has(name, inLambda) : false;
  }
}

function isNode(x: unknown): x is AstNode {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function walk(node: unknown, scope: Scope, out: JsonataVariableReference[], inLambda = false): void {
  if (Array.isArray(node)) {
    for (const n of node) walk(n, scope, out, inLambda);
    return;
  }
  if (!isNode(node)) return;
  switch (node.type) {
    case 'variable': {
      const name = typeof node.value === 'string' ? node.value : '';
      if (name !== '' && name !== '$' && name !== 'states' && !scope.has(name, inLambda)) {
        if (!JSONATA_FUNCTIONS.has('$' + name)) {
          const end = typeof node.position === 'number' ? node.position : name.length + 1;
          out.push({ name, offset: Math.max(0, end - name.length - 1) });
        }
      }
      walkChildren(node, scope, out, inLambda);
      return;
    }
    case 'block': {
      const inner = new Scope(scope);
      const exprs = Array.isArray(node.expressions) ? node.expressions : [];
      for (const e of exprs) {
        const bound = boundName(e);
        if (bound) inner.deferred.add(bound);
      }
      for (const e of exprs) walk(e, inner, out, inLambda);
      return;
    }
    case 'bind': {
      const lhs = node.lhs as AstNode | undefined;
      const name = typeof lhs?.value === 'string' ? lhs.value : undefined;
      const rhs = node.rhs as AstNode | undefined;
      if (name && rhs?.type === 'lambda') scope.names.add(name);
      walk(rhs, scope, out, inLambda);
      if (name) scope.names.add(name);
      return;
    }
    case 'lambda': {
      const inner = new Scope(scope);
      for (const a of Array.isArray(node.arguments) ? node.arguments : []) {
        if (isNode(a) && typeof a.value === 'string') inner.names.add(a.value);
      }
      walk(node.body, inner, out, true);
      return;
    }
    case 'path': {
      const inner = new Scope(scope);
      for (const step of Array.isArray(node.steps) ? node.steps : []) {
        walk(step, inner, out, inLambda);
        if (isNode(step)) {
          if (typeof step.focus === 'string') inner.names.add(step.focus);
          if (typeof step.index === 'string') inner.names.add(step.index);
        }
      }
      walkChildren(node, inner, out, inLambda, ['steps']);
      return;
    }
    default:
      if (typeof node.focus === 'string' || typeof node.index === 'string') {
        const inner = new Scope(scope);
        if (typeof node.focus === 'string') inner.names.add(node.focus);
        if (typeof node.index === 'string') inner.names.add(node.index);
        walkChildren(node, inner, out, inLambda);
        return;
      }
      walkChildren(node, scope, out, inLambda);
  }
}

function walkChildren(
  node: AstNode,
  scope: Scope,
  out: JsonataVariableReference[],
  inLambda: boolean,
  skip: string[] = [],
): void {
  for (const [k, v] of Object.entries(node)) {
    if (k === 'position' || k === 'value' || k === 'type' || skip.includes(k)) continue;
    if (typeof v === 'object' && v !== null) walk(v, scope, out, inLambda);
  }
}

function boundName(e: unknown): string | undefined {
  if (!isNode(e) || e.type !== 'bind') return undefined;
  const lhs = e.lhs as AstNode | undefined;
  return typeof lhs?.value === 'string' ? lhs.value : undefined;
}

/** The innermost function call (`$name(`) whose arguments contain an offset, in possibly unfinished text. */
export interface JsonataCallContext {
  /** With the `$`: `$sum`. */
  name: string;
  nameOffset: number;
  argIndex: number;
}

/**
 * For signature help while typing: scans `expression` up to `offset` (tolerating unfinished text such as
 * `$substring($states.input.name, `) and returns the innermost open `$function(` call and argument index.
 */
export function jsonataCallAt(expression: string, offset: number): JsonataCallContext | undefined {
  const stack: Array<JsonataCallContext | 'group'> = [];
  const end = Math.min(offset, expression.length);
  for (let i = 0; i < end; i++) {
    const c = expression[i];
    if (c === '"' || c === "'" || c === '`') {
      i++;
      while (i < end && expression[i] !== c) i += expression[i] === '\\' ? 2 : 1;
      continue;
    }
    if (c === '/' && expression[i + 1] === '*') {
      const close = expression.indexOf('*/', i + 2);
      i = close < 0 ? end : close + 1;
      continue;
    }
    if (c === '(') {
      const m = /\$[A-Za-z_][A-Za-z0-9_]*\s*$/.exec(expression.slice(0, i));
      stack.push(m ? { name: m[0].trim(), nameOffset: i - m[0].length, argIndex: 0 } : 'group');
    } else if (c === '[' || c === '{') {
      stack.push('group');
    } else if (c === ')' || c === ']' || c === '}') {
      stack.pop();
    } else if (c === ',') {
      const top = stack[stack.length - 1];
      if (top && top !== 'group') top.argIndex++;
    }
  }
  for (let k = stack.length - 1; k >= 0; k--) {
    const frame = stack[k];
    if (frame !== 'group') return frame;
  }
  return undefined;
}

/** A read of the implicit input document, which ASL does not provide at the top level of an expression. */
export interface ImplicitInputReference {
  /** `context`: `$` at the top level; `root`: `$$` anywhere; `field`: a bare field name (or `*`, `**`, `%`). */
  kind: 'context' | 'root' | 'field';
  text: string;
  offset: number;
  length: number;
}

/** Keys under which jsonata evaluates relative to a context item (predicates, grouping, sorting, transforms). */
const ITEM_CONTEXT_KEYS = new Set(['stages', 'predicate', 'group', 'terms', 'pattern', 'update', 'delete']);

/**
 * Finds `$` and bare field names at the top level of an expression and `$$` anywhere: AWS evaluates JSONata
 * without an input document (data comes from `$states` and variables), so these read nothing. Inside
 * predicates, later path steps, lambdas and grouping they address the context item and are fine.
 */
export function implicitInputReferences(ast: unknown): ImplicitInputReference[] {
  const out: ImplicitInputReference[] = [];
  visitImplicit(ast, true, out);
  return out;
}

function visitImplicit(node: unknown, top: boolean, out: ImplicitInputReference[]): void {
  if (Array.isArray(node)) {
    for (const n of node) visitImplicit(n, top, out);
    return;
  }
  if (!isNode(node)) return;
  const end = typeof node.position === 'number' ? node.position : 0;
  const add = (kind: ImplicitInputReference['kind'], text: string) =>
    out.push({ kind, text, offset: Math.max(0, end - text.length), length: Math.max(1, text.length) });
  switch (node.type) {
    case 'variable':
      if (node.value === '$') add('root', '$$');
      else if (node.value === '' && top) add('context', '$');
      break;
    case 'name':
    case 'wildcard':
    case 'descendant':
    case 'parent':
      if (top) add('field', typeof node.value === 'string' ? node.value : '');
      break;
    case 'path': {
      const steps = Array.isArray(node.steps) ? node.steps : [];
      steps.forEach((step, i) => visitImplicit(step, top && i === 0, out));
      visitImplicit(node.group, false, out);
      return;
    }
    case 'lambda':
      visitImplicit(node.body, false, out);
      return;
    default:
      break;
  }
  for (const [k, v] of Object.entries(node)) {
    if (k === 'position' || k === 'value' || k === 'type' || typeof v !== 'object' || v === null) continue;
    visitImplicit(v, top && !ITEM_CONTEXT_KEYS.has(k), out);
  }
}

/** A use of `$states`: `field` is the step after it (`input`, `result`, `errorOutput`, `context`), if any. */
export interface StatesReference {
  field?: string;
  /** The field path after `$states` as far as it is plain names: `['context', 'Map', 'Item', 'Value']`. */
  path: string[];
  /** Offset and length of `$states` in the expression. */
  offset: number;
  length: number;
}

/**
 * Every read of `$states` in an AST with the fields it selects, for rules such as "`$states.result` is not
 * available in Arguments" and for completion/hover; string literals and comments are never mistaken for one.
 */
export function statesReferences(ast: unknown): StatesReference[] {
  const out: StatesReference[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (!isNode(node)) return;
    if (node.type === 'path' && Array.isArray(node.steps)) {
      const [first, ...rest] = node.steps as unknown[];
      if (isNode(first) && first.type === 'variable' && first.value === 'states') {
        const path: string[] = [];
        for (const step of rest) {
          if (!isNode(step) || step.type !== 'name' || typeof step.value !== 'string') break;
          path.push(step.value);
          if (step.stages || step.predicate) break;
        }
        out.push({ field: path[0], path, ...statesLocation(first) });
        walkStatesChildren(first, visit);
        rest.forEach(visit);
        visit(node.group);
        return;
      }
    }
    if (node.type === 'variable' && node.value === 'states') out.push({ path: [], ...statesLocation(node) });
    walkStatesChildren(node, visit);
  };
  visit(ast);
  return out;
}

function statesLocation(node: AstNode): { offset: number; length: number } {
  const end = typeof node.position === 'number' ? node.position : 7;
  return { offset: Math.max(0, end - 7), length: 7 };
}

function walkStatesChildren(node: AstNode, visit: (n: unknown) => void): void {
  for (const [k, v] of Object.entries(node)) {
    if (k !== 'position' && k !== 'value' && k !== 'type' && typeof v === 'object' && v !== null) visit(v);
  }
}
