/**
 * The input/output pipelines of a state: JSONPath (InputPath, Parameters/payload templates with `.$` keys and
 * intrinsics, ResultSelector, ResultPath, OutputPath, Assign) and JSONata (`{% %}` strings evaluated in any
 * field, with AWS's error wording). Pure apart from the injected random/uuid; no I/O, no transport.
 */
import {
  type JsonPathExpression,
  parseJsonPath,
  queryJsonPath,
  assignAtReferencePath,
} from '../asl/jsonPath';
import { looksLikeIntrinsic, parseIntrinsic } from '../asl/intrinsics';
import { isJsonataString, jsonataBody } from '../asl/jsonata';
import { jsonText } from './executionHistory';
import { evaluateIntrinsic } from './intrinsicFunctions';
import { evaluateJsonata } from './jsonataEvaluator';
import { StatesError } from './statesError';

/** What JSONPath expressions and JSONata expressions can see. */
export interface DataEnv {
  input: unknown;
  context: unknown;
  variables: Record<string, unknown>;
  random(): number;
  uuid(): string;
}

const pathCache = new Map<string, JsonPathExpression | Error>();

/** Parses (cached) a path; a syntax error becomes States.Runtime. */
export function compilePath(text: string): JsonPathExpression {
  let cached = pathCache.get(text);
  if (!cached) {
    const parsed = parseJsonPath(text);
    cached = parsed.ok ? parsed.path : new Error(`Invalid path '${text}': ${parsed.error.message}`);
    pathCache.set(text, cached);
  }
  if (cached instanceof Error) throw new StatesError('States.Runtime', cached.message);
  return cached;
}

function roots(env: DataEnv, input: unknown = env.input) {
  return { input, context: env.context, variables: env.variables };
}

/** Evaluates a path; `{found: false}` when it selects nothing. */
export function queryPath(text: string, env: DataEnv, input?: unknown): { found: boolean; value: unknown } {
  const path = compilePath(text);
  if (path.root === 'variable' && path.variableName !== undefined && !(path.variableName in env.variables)) {
    return { found: false, value: undefined };
  }
  const result = queryJsonPath(path, roots(env, input === undefined ? env.input : input));
  return result.found ? { found: true, value: result.value } : { found: false, value: undefined };
}

/** Jayway-style bracket notation of the first `count` name/index segments (`$['a']['b']`). */
function bracketPath(path: JsonPathExpression, count: number): string {
  let out = '$';
  for (const segment of path.segments.slice(0, count)) {
    const s = segment.selector;
    if (s.kind === 'name') out += `['${s.name}']`;
    else if (s.kind === 'index') out += `[${s.index}]`;
    else out += '[*]';
  }
  return out;
}

/** The AWS message for InputPath/OutputPath/...Path that selects nothing. */
export function invalidPathMessage(text: string, value: unknown): string {
  const path = compilePath(text);
  let current: unknown = value;
  for (let i = 0; i < path.segments.length; i++) {
    const s = path.segments[i].selector;
    if (s.kind !== 'name' || current === null || typeof current !== 'object' || Array.isArray(current)) break;
    if (!(s.name in (current as Record<string, unknown>))) {
      if (i < path.segments.length - 1) {
        return `Invalid path '${text}' : Missing property in path ${bracketPath(path, i + 1)}`;
      }
      break;
    }
    current = (current as Record<string, unknown>)[s.name];
  }
  return `Invalid path '${text}' : No results for path: ${bracketPath(path, path.segments.length)}`;
}

/** InputPath / OutputPath: `null` gives `{}`, undefined gives the value, a miss is States.Runtime. */
export function selectPath(pathText: string | null | undefined, value: unknown, env: DataEnv): unknown {
  if (pathText === undefined || pathText === '$') return value;
  if (pathText === null) return {};
  const result = queryPath(pathText, env, value);
  if (!result.found) throw new StatesError('States.Runtime', invalidPathMessage(pathText, value));
  return result.value;
}

const intrinsicCache = new Map<string, ReturnType<typeof parseIntrinsic>>();

/** Evaluates a `.$` value: an intrinsic call or a path. */
function evaluateDollarValue(key: string, expr: unknown, env: DataEnv): unknown {
  if (typeof expr !== 'string') {
    throw new StatesError('States.Runtime', `The value of the field '${key}' must be a string path.`);
  }
  if (looksLikeIntrinsic(expr)) {
    let parsed = intrinsicCache.get(expr);
    if (parsed === undefined) {
      parsed = parseIntrinsic(expr);
      if (intrinsicCache.size >= 10_000) intrinsicCache.clear();
      intrinsicCache.set(expr, parsed);
    }
    if (!parsed.ok) throw new StatesError('States.IntrinsicFailure', parsed.error.message);
    try {
      return evaluateIntrinsic(parsed.call, roots(env), env);
    } catch (e) {
      if (e && typeof e === 'object' && 'error' in e && 'cause' in e) {
        const failure = e as { error: string; cause: string };
        throw new StatesError(failure.error, failure.cause);
      }
      throw new StatesError('States.IntrinsicFailure', e instanceof Error ? e.message : String(e));
    }
  }
  const result = queryPath(expr, env);
  if (!result.found) {
    throw new StatesError(
      'States.Runtime',
      `The JSONPath '${expr}' specified for the field '${key}' could not be found in the input '${JSON.stringify(env.input)}'`,
    );
  }
  return result.value;
}

/** Sets an own data property; a `__proto__` key stays data (plain assignment would set the prototype). */
export function setField(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  } else target[key] = value;
}

/** Payload template: copies the template, replacing `key.$` entries by evaluated values (recursively). */
export function payloadTemplate(template: unknown, env: DataEnv): unknown {
  if (Array.isArray(template)) return template.map((item) => payloadTemplate(item, env));
  if (template === null || typeof template !== 'object') return template;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(template as Record<string, unknown>)) {
    if (key.endsWith('.$') && key.length > 2) {
      setField(out, key.slice(0, -2), evaluateDollarValue(key, value, env));
    } else setField(out, key, payloadTemplate(value, env));
  }
  return out;
}

/** ResultPath: place `result` into `input`. */
export function applyResultPath(
  input: unknown,
  resultPath: string | null | undefined,
  result: unknown,
): unknown {
  if (resultPath === undefined || resultPath === '$') return result;
  if (resultPath === null) return input;
  const path = compilePath(resultPath);
  const placed = assignAtReferencePath(input, path, result);
  if (!placed.ok) {
    throw new StatesError(
      'States.ResultPathMatchFailure',
      `Unable to apply ResultPath "${resultPath}" to input ${JSON.stringify(input)}: ${placed.reason}`,
    );
  }
  return placed.value;
}

/** JSONPath Assign: a payload template evaluated against `value`, keys become variable names. */
export function evaluateJsonPathAssign(assign: unknown, env: DataEnv): Record<string, unknown> {
  const out = payloadTemplate(assign, env);
  return out && typeof out === 'object' ? (out as Record<string, unknown>) : {};
}

// ---------------------------------------------------------------------------------------------
// JSONata

export interface JsonataEnv {
  states: { input: unknown; result?: unknown; errorOutput?: unknown; context: unknown };
  variables: Record<string, unknown>;
  random(): number;
  uuid(): string;
}

function describeCause(e: unknown): { error: string; cause: string } {
  if (e && typeof e === 'object' && 'error' in e && typeof (e as { error: unknown }).error === 'string') {
    const failure = e as { error: string; cause?: string };
    return { error: failure.error, cause: failure.cause ?? '' };
  }
  return { error: 'States.QueryEvaluationError', cause: e instanceof Error ? e.message : String(e) };
}

/** Evaluates one JSONata string; `field` names the field for messages (e.g. `Output/result`). */
export async function evaluateJsonataString(text: string, env: JsonataEnv, field: string): Promise<unknown> {
  const { expression } = jsonataBody(text);
  const expr = expression.trim();
  let value: unknown;
  try {
    value = await evaluateJsonata(
      expr,
      { states: env.states, variables: env.variables },
      { random: env.random, uuid: env.uuid, field },
    );
  } catch (e) {
    const { error, cause } = describeCause(e);
    const message = cause.startsWith('The JSONata expression')
      ? cause
      : `The JSONata expression '${expr}' specified for the field '${field}' threw an error during evaluation. ${cause}`;
    throw new StatesError(error, message, { evaluationFailed: true, location: field });
  }
  if (value === undefined) {
    throw new StatesError(
      'States.QueryEvaluationError',
      `The JSONata expression '${expr}' specified for the field '${field}' returned nothing (undefined).`,
      { evaluationFailed: true, location: field },
    );
  }
  return value;
}

/** Evaluates every `{% %}` string inside a JSONata field value (objects and arrays recursively). */
export async function evaluateJsonataValue(value: unknown, env: JsonataEnv, field: string): Promise<unknown> {
  if (isJsonataString(value)) return evaluateJsonataString(value, env, field);
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (let i = 0; i < value.length; i++) {
      out.push(await evaluateJsonataValue(value[i], env, `${field}[${i}]`));
    }
    return out;
  }
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      setField(out, key, await evaluateJsonataValue(item, env, `${field}/${key}`));
    }
    return out;
  }
  return value;
}

/** JSONata Assign: each entry evaluated; field names `Assign/<name>`. */
export async function evaluateJsonataAssign(
  assign: unknown,
  env: JsonataEnv,
): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  if (!assign || typeof assign !== 'object') return out;
  for (const [key, item] of Object.entries(assign as Record<string, unknown>)) {
    setField(out, key, await evaluateJsonataValue(item, env, `Assign/${key}`));
  }
  return out;
}

/** UTF-8 size of a value's JSON text (for the 256 KiB payload quota). */
export function payloadSize(value: unknown): number {
  return utf8Length(jsonText(value, 'payload'));
}

/** UTF-8 byte length of a text. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

export const PAYLOAD_LIMIT = 262_144;

/** Whether a JSON text is over the 256 KiB payload quota (counts bytes only when the length leaves a doubt). */
export function exceedsPayloadLimit(text: string): boolean {
  // Every UTF-16 unit is 1 to 3 bytes (a surrogate pair: 4 bytes for 2 units).
  if (text.length * 3 <= PAYLOAD_LIMIT) return false;
  if (text.length > PAYLOAD_LIMIT) return true;
  return utf8Length(text) > PAYLOAD_LIMIT;
}
