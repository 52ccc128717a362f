/**
 * Evaluates JSONata expressions as AWS Step Functions does: jsonata 2.0.6 with `$states` and workflow
 * variables bound, AWS's extra functions ($partition, $range, $hash, $random([seed]), $uuid, $parse), and a
 * step/depth/time bound so runaway expressions fail with States.QueryEvaluationError. Randomness, UUIDs and
 * (optionally) the clock come from the caller; node:crypto is used for $hash only. Never runs document text as JS.
 */
import jsonata from 'jsonata';
import { createHash } from 'node:crypto';
import { JSONATA_REGEX_ENGINE } from '../asl/jsonataRegex';
import { compactJson, javaRandom } from './intrinsicFunctions';
import { guardNode, isJsonataFunction, lookupData, MEMBER_CODE, toJson } from './jsonataGuards';

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

/**
 * Per-evaluation state, bound in the evaluation frame under a name jsonata syntax cannot reference, so one
 * compiled expression can serve concurrent evaluations with different hosts and limits.
 */
interface EvaluationState {
  host: JsonataOptions;
  clock: () => number;
  /** `$now()` / `$millis()`: one instant per evaluation, as jsonata defines them. */
  timestamp: number;
  started: number;
  depth: number;
  steps: number;
  maxDepth: number;
  maxSteps: number;
  timeoutMs: number;
}

const STATE_KEY = ' asl evaluation';

interface Frame {
  lookup(name: string): unknown;
}

/** The `this` jsonata gives registered functions: the calling frame and the context item. */
interface FunctionFocus {
  environment: Frame;
}

const stateOf = (frame: Frame) => frame.lookup(STATE_KEY) as EvaluationState;

function registerAwsFunctions(expr: Expression): void {
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
    function (this: FunctionFocus, seed?: number) {
      return seed === undefined ? stateOf(this.environment).host.random() : javaRandom(seed).nextDouble();
    },
    '<n?:n>',
  );
  expr.registerFunction(
    'uuid',
    function (this: FunctionFocus) {
      return stateOf(this.environment).host.uuid();
    },
    '<:s>',
  );
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
  expr.registerFunction(
    'lookup',
    (input: unknown, key: string) => lookupData(input, key, sequence),
    '<x-s:x>',
  );
  expr.registerFunction(
    'now',
    function (this: FunctionFocus, picture?: string, timezone?: string) {
      const fromMillis = this.environment.lookup('fromMillis') as {
        implementation: (...a: unknown[]) => unknown;
      };
      return fromMillis.implementation.call(this, stateOf(this.environment).timestamp, picture, timezone);
    },
    '<s?s?:s>',
  );
  expr.registerFunction(
    'millis',
    function (this: FunctionFocus) {
      return stateOf(this.environment).timestamp;
    },
    '<:n>',
  );
}

function installLimits(expr: Expression): void {
  expr.assign(
    Symbol.for('jsonata.__evaluate_entry') as unknown as string,
    (node: unknown, input: unknown, frame: Frame) => {
      const st = stateOf(frame);
      guardNode(node, input);
      st.depth++;
      st.steps++;
      if (st.depth > st.maxDepth) {
        fail(
          LIMIT_CODE,
          `The evaluation exceeded the maximum depth of ${st.maxDepth} (unbounded recursion?).`,
        );
      }
      if (st.steps > st.maxSteps) fail(LIMIT_CODE, `The evaluation exceeded ${st.maxSteps} steps.`);
      if ((st.steps & 1023) === 0 && st.clock() - st.started > st.timeoutMs) {
        fail(LIMIT_CODE, `The evaluation did not finish within ${st.timeoutMs} ms.`);
      }
    },
  );
  expr.assign(
    Symbol.for('jsonata.__evaluate_exit') as unknown as string,
    (_node: unknown, _input: unknown, frame: Frame) => {
      stateOf(frame).depth--;
    },
  );
}

/** Compiled expressions by text (bounded): compiling costs several times more than evaluating. */
const compiled = new Map<string, Expression>();
const COMPILED_LIMIT = 2000;

function compile(expression: string): Expression {
  let expr = compiled.get(expression);
  if (!expr) {
    try {
      expr = jsonata(expression, { RegexEngine: JSONATA_REGEX_ENGINE });
    } catch (e) {
      const err = e as JsonataError;
      throw new QueryEvaluationError(
        `${err.code ? err.code + ': ' : ''}${err.message ?? String(e)}`,
        'syntax',
        err.code,
      );
    }
    registerAwsFunctions(expr);
    installLimits(expr);
    if (compiled.size >= COMPILED_LIMIT) compiled.clear();
    compiled.set(expression, expr);
  }
  return expr;
}

function describe(expression: string, options: JsonataOptions): string {
  return options.field
    ? `The JSONata expression '${expression}' specified for the field '${options.field}'`
    : `The JSONata expression '${expression}'`;
}

function isFunctionValue(v: unknown): boolean {
  return typeof v === 'function' || isJsonataFunction(v);
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
  const expr = compile(expression);
  const clock = options.now ? () => options.now!() : () => Date.now();
  const started = clock();
  const state: EvaluationState = {
    host: options,
    clock,
    timestamp: started,
    started,
    depth: 0,
    steps: 0,
    maxDepth: options.maxDepth ?? 2000,
    maxSteps: options.maxSteps ?? 5_000_000,
    timeoutMs: options.timeoutMs ?? 10_000,
  };
  const frame: Record<string, unknown> = {
    ...bindings.variables,
    states: bindings.states,
    [STATE_KEY]: state,
  };
  let result: unknown;
  try {
    result = await expr.evaluate(undefined, frame);
  } catch (e) {
    const err = (e ?? {}) as JsonataError;
    const message = err.message ?? String(e);
    if (err.code === LIMIT_CODE || e instanceof RangeError) {
      throw new QueryEvaluationError(
        `${describe(expression, options)} could not be evaluated. ${e instanceof RangeError ? 'The evaluation ran out of stack (data or recursion nested too deeply).' : message}`,
        'limit',
      );
    }
    if (err.code === MEMBER_CODE) {
      throw new QueryEvaluationError(
        `${describe(expression, options)} could not be evaluated. ${message}`,
        'evaluation',
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
  if (result === undefined) return undefined;
  try {
    return toJson(result);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    throw new QueryEvaluationError(
      `${describe(expression, options)} could not be evaluated. The result is nested too deeply.`,
      'limit',
    );
  }
}
