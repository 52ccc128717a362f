/**
 * Evaluates debug-console, watch, breakpoint-condition and logpoint expressions against a paused state:
 * JSONPath (`$.a`, `$$.Execution.Id`, `$var.x`), intrinsic calls (`States.Format(...)`) and JSONata
 * (`{% ... %}` or any other text; `$states.input`, `$states.context`, variables as `$name`), through the
 * shared expression modules. Pure evaluation over plain values; no DAP, no I/O.
 */
import { randomUUID } from 'node:crypto';
import { looksLikeIntrinsic, parseIntrinsic, parseJsonPath, queryJsonPath } from '../asl';
import { evaluateIntrinsic } from '../runtime/intrinsicFunctions';
import { evaluateJsonata } from '../runtime/jsonataEvaluator';

/** What an expression can see: the state input, the context object and the variables in scope. */
export interface EvaluationScope {
  input: unknown;
  context: unknown;
  variables: Record<string, unknown>;
  /** The paused state's query language (a JSONata state reads `$x` forms as JSONata). */
  queryLanguage?: 'JSONPath' | 'JSONata';
}

/** A failed evaluation: a clear message with the position in the expression when known. */
export class EvaluationError extends Error {}

const JSONATA_MARKERS = /^\s*\{%([\s\S]*)%\}\s*$/;

const RANDOMNESS = { random: () => Math.random(), uuid: () => randomUUID() };

/** Evaluates `expression`; throws EvaluationError with a readable message. */
export async function evaluateExpression(expression: string, scope: EvaluationScope): Promise<unknown> {
  const text = expression.trim();
  if (text === '') throw new EvaluationError('Empty expression.');
  const marked = JSONATA_MARKERS.exec(text);
  if (marked) return jsonataValue(marked[1], scope);
  const roots = { input: scope.input, context: scope.context, variables: scope.variables };
  if (looksLikeIntrinsic(text)) {
    const parsed = parseIntrinsic(text);
    if (!parsed.ok) {
      throw new EvaluationError(`Intrinsic syntax error at ${parsed.error.offset}: ${parsed.error.message}`);
    }
    try {
      return evaluateIntrinsic(parsed.call, roots, RANDOMNESS);
    } catch (error) {
      throw new EvaluationError(`States.IntrinsicFailure: ${messageOf(error)}`);
    }
  }
  if (text.startsWith('$') && scope.queryLanguage !== 'JSONata') {
    const parsed = parseJsonPath(text);
    const isStates = parsed.ok && parsed.path.root === 'variable' && parsed.path.variableName === 'states';
    if (parsed.ok && !isStates) {
      const result = queryJsonPath(parsed.path, roots);
      if (!result.found) throw new EvaluationError(result.reason);
      return result.value;
    }
    // Not a path ($sum(...), $states.input.x + 1, ...): read it as JSONata.
  }
  return jsonataValue(text, scope);
}

async function jsonataValue(body: string, scope: EvaluationScope): Promise<unknown> {
  try {
    return await evaluateJsonata(
      body,
      { states: { input: scope.input, context: scope.context }, variables: scope.variables },
      { ...RANDOMNESS, timeoutMs: 2_000 },
    );
  } catch (error) {
    throw new EvaluationError(`JSONata: ${messageOf(error)}`);
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
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
