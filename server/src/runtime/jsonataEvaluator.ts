/**
 * Evaluates JSONata expressions as AWS Step Functions does: jsonata 2.0.6 with `$states` and workflow
 * variables bound, AWS's extra functions ($partition, $range, $hash, $random([seed]), $uuid, $parse), and a
 * step/depth/time bound so runaway expressions fail with States.QueryEvaluationError. Randomness, UUIDs and
 * (optionally) the clock come from the caller; node:crypto is used for $hash only. Never runs document text as JS.
 */
import jsonata from 'jsonata';
import { createHash } from 'node:crypto';
import { compactJson, javaRandom } from './intrinsicFunctions';

/** What `$states` holds while a field is evaluated. */
export interface JsonataStates {
  input: unknown;
  result?: unknown;
  errorOutput?: unknown;
  context: unknown;
}

export interface JsonataBindings {
  states: JsonataStates;
  variables: Record<string, unknown>;
}

export interface JsonataOptions {
  random(): number;
  uuid(): string;
  /** Milliseconds since the epoch for `$now()` / `$millis()`; jsonata's own clock when absent. */
  now?(): number;
  /** Wall-clock guard against runaway expressions (default 10,000 ms). */
  timeoutMs?: number;
  /** Maximum nesting of evaluation frames (default 2,000): bounds unbounded recursion. */
  maxDepth?: number;
  /** Maximum number of evaluation steps (default 5,000,000): bounds loops that tail calls keep shallow. */
  maxSteps?: number;
  /** The field being evaluated (`Output/result`), to word causes exactly as AWS does. */
  field?: string;
}

export type QueryEvaluationKind = 'evaluation' | 'syntax' | 'unsupported-result' | 'limit';

/** A failed JSONata evaluation: AWS reports it as `States.QueryEvaluationError` with this cause. */
export class QueryEvaluationError extends Error {
  readonly error = 'States.QueryEvaluationError';
  constructor(
    readonly cause: string,
    readonly kind: QueryEvaluationKind,
    /** The jsonata error code (T1006, D3001, ...) when there is one. */
    readonly code?: string,
  ) {
    super(cause);
    this.name = 'QueryEvaluationError';
  }
}

const HASHES: Record<string, string> = {
  MD5: 'md5',
  'SHA-1': 'sha1',
  'SHA-256': 'sha256',
  'SHA-384': 'sha384',
  'SHA-512': 'sha512',
};
const LIMIT_CODE = 'ASL_LIMIT';

interface JsonataError {
  code?: string;
  message?: string;
}

/** Throws from an AWS function; codes unknown to jsonata keep their message (jsonata rewrites known ones). */
function fail(code: string | undefined, message: string): never {
  throw Object.assign(new Error(message), code ? { code } : {});
}

/** A jsonata sequence: a singleton is unwrapped and an empty one is undefined, as AWS's $range behaves. */
function sequence(items: unknown[]): unknown[] {
  return Object.defineProperty(items, 'sequence', { value: true, enumerable: false });
}

type Expression = ReturnType<typeof jsonata>;

function registerAwsFunctions(expr: Expression, options: JsonataOptions): void {
  expr.registerFunction(
    'partition',
    (array: unknown[], size: number) => {
      if (!Number.isInteger(size) || size <= 0) {
        fail(undefined, `The size given to $partition must be a positive integer, but was ${size}.`);
      }
      const out: unknown[][] = [];
      for (let i = 0; i < array.length; i += size) out.push(array.slice(i, i + size));
      return out;
    },
    '<an:a>',
  );
  expr.registerFunction(
    'range',
    (start: number, end: number, step: number) => {
      if (![start, end, step].every(Number.isInteger)) {
        fail(undefined, 'The arguments of $range must be integers.');
      }
      if (step === 0) fail(undefined, 'The step of $range must not be 0.');
      const count = (end - start) / step < 0 ? 0 : Math.floor((end - start) / step) + 1;
      if (count > 1000) fail(undefined, `$range would return ${count} elements; at most 1000 are allowed.`);
      return sequence(Array.from({ length: count }, (_, i) => start + i * step));
    },
    '<nnn:a>',
  );
  expr.registerFunction(
    'hash',
    (value: unknown, algorithm: string) => {
      const node = HASHES[algorithm];
      if (!node) {
        fail(
          undefined,
          `The hash algorithm '${algorithm}' is not supported; use one of ${Object.keys(HASHES).join(', ')}.`,
        );
      }
      const text = typeof value === 'string' ? value : compactJson(value);
      return createHash(node).update(text, 'utf8').digest('hex');
    },
    '<xs:s>',
  );
  expr.registerFunction(
    'random',
    (seed?: number) => (seed === undefined ? options.random() : javaRandom(seed).nextDouble()),
    '<n?:n>',
  );
  expr.registerFunction('uuid', () => options.uuid(), '<:s>');
  expr.registerFunction(
    'parse',
    (text: string) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        return fail(undefined, `The string given to $parse is not valid JSON: ${text}`);
      }
    },
    '<s-:x>',
  );
  const now = options.now;
  if (now) {
    expr.registerFunction(
      'now',
      function (
        this: { environment: { lookup(name: string): unknown } },
        picture?: string,
        timezone?: string,
      ) {
        const fromMillis = this.environment.lookup('fromMillis') as {
          implementation: (...a: unknown[]) => unknown;
        };
        return fromMillis.implementation.call(this, now(), picture, timezone);
      },
      '<s?s?:s>',
    );
    expr.registerFunction('millis', () => now(), '<:n>');
  }
}

function installLimits(expr: Expression, options: JsonataOptions, clock: () => number): void {
  const maxDepth = options.maxDepth ?? 2000;
  const maxSteps = options.maxSteps ?? 5_000_000;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const started = clock();
  let depth = 0;
  let steps = 0;
  expr.assign(Symbol.for('jsonata.__evaluate_entry') as unknown as string, () => {
    depth++;
    steps++;
    if (depth > maxDepth) {
      fail(LIMIT_CODE, `The evaluation exceeded the maximum depth of ${maxDepth} (unbounded recursion?).`);
    }
    if (steps > maxSteps) fail(LIMIT_CODE, `The evaluation exceeded ${maxSteps} steps.`);
    if ((steps & 1023) === 0 && clock() - started > timeoutMs) {
      fail(LIMIT_CODE, `The evaluation did not finish within ${timeoutMs} ms.`);
    }
  });
  expr.assign(Symbol.for('jsonata.__evaluate_exit') as unknown as string, () => {
    depth--;
  });
}

function describe(expression: string, options: JsonataOptions): string {
  return options.field
    ? `The JSONata expression '${expression}' specified for the field '${options.field}'`
    : `The JSONata expression '${expression}'`;
}

/** JSON-clean copy of a result: sequences become arrays, -0 becomes 0, functions nested in values are dropped. */
function toJson(value: unknown): unknown {
  if (typeof value === 'number') return Object.is(value, -0) ? 0 : value;
  if (Array.isArray(value)) {
    return value.map((v) => (isFunctionValue(v) || v === undefined ? null : toJson(v)));
  }
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (v !== undefined && !isFunctionValue(v)) out[k] = toJson(v);
    }
    return out;
  }
  return value;
}

function isFunctionValue(v: unknown): boolean {
  if (typeof v === 'function') return true;
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return o._jsonata_lambda === true || o._jsonata_function === true;
}

/**
 * Evaluates a JSONata expression (the text inside `{% %}`). There is no input document: data is reached
 * through `$states` and variables. Returns `undefined` for an undefined result (the caller decides).
 * @throws QueryEvaluationError with the jsonata code and message as the cause (`T1006: Attempted to invoke a
 *   non-function`), or a limit/unsupported-result cause worded like AWS.
 */
export async function evaluateJsonata(
  expression: string,
  bindings: JsonataBindings,
  options: JsonataOptions,
): Promise<unknown> {
  let expr: Expression;
  try {
    expr = jsonata(expression);
  } catch (e) {
    const err = e as JsonataError;
    throw new QueryEvaluationError(
      `${err.code ? err.code + ': ' : ''}${err.message ?? String(e)}`,
      'syntax',
      err.code,
    );
  }
  registerAwsFunctions(expr, options);
  installLimits(expr, options, () => (options.now ? options.now() : Date.now()));
  const frame: Record<string, unknown> = { ...bindings.variables, states: bindings.states };
  let result: unknown;
  try {
    result = await expr.evaluate(undefined, frame);
  } catch (e) {
    const err = (e ?? {}) as JsonataError;
    const message = err.message ?? String(e);
    if (err.code === LIMIT_CODE) {
      throw new QueryEvaluationError(
        `${describe(expression, options)} could not be evaluated. ${message}`,
        'limit',
      );
    }
    throw new QueryEvaluationError(err.code ? `${err.code}: ${message}` : message, 'evaluation', err.code);
  }
  if (isFunctionValue(result)) {
    throw new QueryEvaluationError(
      `${describe(expression, options)} returned an unsupported result type.`,
      'unsupported-result',
    );
  }
  return result === undefined ? undefined : toJson(result);
}
