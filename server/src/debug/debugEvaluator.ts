/**
 * Evaluates debug-console, watch, breakpoint-condition and logpoint expressions against a paused state:
 * `{% ... %}` or any other text as JSONata (`$states.input`, `$states.context`, `$` = the input,
 * variables as `$name`). Pure evaluation over plain values; no DAP, no I/O.
 */
import jsonata from 'jsonata';

/** What an expression can see: the state input, the context object and the variables in scope. */
export interface EvaluationScope {
  input: unknown;
  context: unknown;
  variables: Record<string, unknown>;
  /** The paused state's query language (decides how `$.x` is read). */
  queryLanguage?: 'JSONPath' | 'JSONata';
}

/** A failed evaluation: a clear message with the position in the expression when known. */
export class EvaluationError extends Error {}

const JSONATA_MARKERS = /^\s*\{%([\s\S]*)%\}\s*$/;

/** Evaluates `expression`; throws EvaluationError with a readable message. */
export async function evaluateExpression(expression: string, scope: EvaluationScope): Promise<unknown> {
  const marked = JSONATA_MARKERS.exec(expression);
  const body = marked ? marked[1] : expression;
  if (body.trim() === '') throw new EvaluationError('Empty expression.');
  let compiled: jsonata.Expression;
  try {
    compiled = jsonata(body);
  } catch (error) {
    throw new EvaluationError(`JSONata syntax error: ${jsonataMessage(error)}`);
  }
  const bindings: Record<string, unknown> = {
    ...scope.variables,
    states: { input: scope.input, context: scope.context },
  };
  try {
    return await compiled.evaluate(scope.input, bindings);
  } catch (error) {
    throw new EvaluationError(`JSONata error: ${jsonataMessage(error)}`);
  }
}

/** JSONata truthiness for breakpoint conditions (undefined, false, 0, '', null, [] and {} are false). */
export function isTruthy(value: unknown): boolean {
  if (value === undefined || value === null || value === false || value === 0 || value === '') return false;
  if (Array.isArray(value)) return value.some(isTruthy);
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}

/** Replaces each `{expression}` of a logpoint message with its value (errors shown inline). */
export async function interpolate(message: string, scope: EvaluationScope): Promise<string> {
  const parts: string[] = [];
  let last = 0;
  const pattern = /\{([^{}]+)\}/g;
  for (let match = pattern.exec(message); match; match = pattern.exec(message)) {
    parts.push(message.slice(last, match.index));
    try {
      parts.push(formatValue(await evaluateExpression(match[1], scope)));
    } catch (error) {
      parts.push(`<${error instanceof Error ? error.message : String(error)}>`);
    }
    last = match.index + match[0].length;
  }
  parts.push(message.slice(last));
  return parts.join('');
}

/** Debug-console text for a value: strings as they are, everything else as JSON. */
export function formatValue(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

function jsonataMessage(error: unknown): string {
  if (error && typeof error === 'object') {
    const e = error as { message?: string; position?: number; code?: string };
    const at = typeof e.position === 'number' ? ` (at character ${e.position})` : '';
    return `${e.message ?? String(error)}${at}`;
  }
  return String(error);
}
