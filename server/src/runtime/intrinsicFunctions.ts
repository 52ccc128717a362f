/**
 * Evaluates intrinsic function calls (States.Format, States.MathAdd, ...) with AWS's observed edge cases:
 * Java-style text of objects in Format, half-up rounding in MathAdd, StringSplit on any delimiter character.
 * Randomness and UUIDs come from the injected host; node:crypto is used for States.Hash only. No I/O.
 */
import { createHash } from 'node:crypto';
import {
  countPlaceholders,
  queryJsonPath,
  type IntrinsicArg,
  type IntrinsicCall,
  type JsonPathRoots,
} from '../asl';
import { compactJson, deepEqual, fromBase64, javaNumber, javaRandom, toBase64 } from './javaCompat';

export { compactJson, javaNumber, javaRandom } from './javaCompat';

/** Randomness for States.MathRandom and States.UUID (deterministic in tests). */
export interface IntrinsicHost {
  random(): number;
  uuid(): string;
}

/** A failed intrinsic call: AWS reports it as `States.IntrinsicFailure` with this cause. */
export class IntrinsicFailure extends Error {
  readonly error = 'States.IntrinsicFailure';
  constructor(readonly cause: string) {
    super(cause);
    this.name = 'IntrinsicFailure';
  }
}

const MAX_TEXT = 10_000;
const MAX_RANGE = 1000;
const INT_MIN = -2147483648;
const INT_MAX = 2147483647;
const HASHES: Record<string, string> = {
  MD5: 'md5',
  'SHA-1': 'sha1',
  'SHA-256': 'sha256',
  'SHA-384': 'sha384',
  'SHA-512': 'sha512',
};

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

/**
 * Evaluates a parsed call against the input, context object and variables.
 * @throws IntrinsicFailure with an AWS-style cause when an argument is missing, of the wrong type or out of range.
 */
export function evaluateIntrinsic(call: IntrinsicCall, roots: JsonPathRoots, host: IntrinsicHost): unknown {
  const fn = FUNCTIONS[call.name];
  if (!fn) throw new IntrinsicFailure(`The intrinsic function '${call.name}' is not supported.`);
  const [min, max] = fn.arity;
  if (call.args.length < min || call.args.length > max) {
    const expected = max === Infinity ? `at least ${min}` : min === max ? `${min}` : `${min} to ${max}`;
    throw new IntrinsicFailure(
      `${call.name} expects ${expected} argument${expected === '1' ? '' : 's'} but was given ${call.args.length}.`,
    );
  }
  try {
    const values = call.args.map((a) => argumentValue(call.name, a, roots, host));
    return fn.run(values, { call, host });
  } catch (e) {
    // JSON.stringify and the equality/uniqueness walks recurse: 100,000-deep data must fail, not crash.
    if (e instanceof RangeError) {
      throw new IntrinsicFailure(`${call.name} could not be evaluated: its argument is nested too deeply.`);
    }
    throw e;
  }
}

/** A text equal for deepEqual-equal JSON values (object keys sorted), so uniqueness is one Set lookup. */
function canonicalKey(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalKey).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalKey(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(v) ?? 'undefined';
}

function argumentValue(name: string, arg: IntrinsicArg, roots: JsonPathRoots, host: IntrinsicHost): unknown {
  switch (arg.kind) {
    case 'string':
      checkEscapes(name, arg.raw ?? '');
      return arg.value;
    case 'number':
    case 'boolean':
    case 'null':
      return arg.value;
    case 'call':
      return evaluateIntrinsic(arg.call!, roots, host);
    case 'path': {
      const r = queryJsonPath(arg.path!, roots);
      if (!r.found) {
        throw new IntrinsicFailure(
          `The JSONPath '${arg.path!.text}' given to ${name} could not be found: ${r.reason}`,
        );
      }
      return r.value;
    }
  }
}

function checkEscapes(name: string, raw: string): void {
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] !== '\\') continue;
    const n = raw[i + 1];
    if (n !== "'" && n !== '{' && n !== '}' && n !== '\\') {
      throw new IntrinsicFailure(
        `Invalid escape sequence '\\${n ?? ''}' in a string argument of ${name}; only \\' \\{ \\} and \\\\ are allowed.`,
      );
    }
    i++;
  }
}

interface Ctx {
  call: IntrinsicCall;
  host: IntrinsicHost;
}

interface Impl {
  arity: [number, number];
  run(args: unknown[], ctx: Ctx): unknown;
}

function need<T>(name: string, what: string, v: unknown, ok: (v: unknown) => v is T, position: number): T {
  if (!ok(v)) {
    throw new IntrinsicFailure(
      `The ${ordinal(position)} argument of ${name} must be ${what}, but was ${typeName(v)}: ${compactJson(v)}`,
    );
  }
  return v;
}

const ordinal = (i: number) => ['first', 'second', 'third', 'fourth'][i] ?? `#${i + 1}`;
const isArray = (v: unknown): v is unknown[] => Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isInteger = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';

/** Java's Math.round: half up (towards positive infinity), as AWS rounds States.MathAdd inputs. */
const roundHalfUp = (n: number) => Math.floor(n + 0.5);

/** The text States.Format inserts: strings raw, objects and arrays as Java prints maps and lists. */
function formatValue(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return javaNumber(v);
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return '[' + v.map((x) => formatValue(x)).join(', ') + ']';
  if (isObject(v)) {
    return (
      '{' +
      Object.entries(v)
        .map(([k, x]) => `${k}=${formatValue(x)}`)
        .join(', ') +
      '}'
    );
  }
  return String(v);
}

function format(args: unknown[], ctx: Ctx): string {
  const name = 'States.Format';
  const templateArg = ctx.call.args[0];
  const template = need(name, 'a string', args[0], isString, 0);
  const values = args.slice(1);
  // A literal template keeps its escapes (\{ \} are not placeholders); one read from a path has none.
  const raw = templateArg.kind === 'string' ? (templateArg.raw ?? template) : template.replace(/\\/g, '\\\\');
  const placeholders = countPlaceholders(raw);
  if (placeholders !== values.length) {
    throw new IntrinsicFailure(
      `The number of arguments to States.Format (${values.length}) does not match the number of placeholders {} in its template (${placeholders}).`,
    );
  }
  let out = '';
  let next = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c === '\\') {
      out += raw[i + 1] ?? '';
      i++;
    } else if (c === '{' && raw[i + 1] === '}') {
      out += formatValue(values[next++]);
      i++;
    } else {
      out += c;
    }
  }
  return out;
}

const FUNCTIONS: Record<string, Impl> = {
  'States.Format': { arity: [1, Infinity], run: format },
  'States.StringToJson': {
    arity: [1, 1],
    run([v]) {
      const s = need('States.StringToJson', 'a string', v, isString, 0);
      if (s.trim() === '') return null;
      try {
        return JSON.parse(s) as unknown;
      } catch {
        throw new IntrinsicFailure(`The argument of States.StringToJson is not valid JSON text: ${s}`);
      }
    },
  },
  'States.JsonToString': {
    arity: [1, 1],
    run([v], ctx) {
      if (ctx.call.args[0].kind !== 'path') {
        throw new IntrinsicFailure('The argument of States.JsonToString must be a path ($...).');
      }
      return compactJson(v);
    },
  },
  'States.Array': { arity: [0, Infinity], run: (args) => args },
  'States.ArrayPartition': {
    arity: [2, 2],
    run([a, n]) {
      const arr = need('States.ArrayPartition', 'an array', a, isArray, 0);
      const size = need('States.ArrayPartition', 'an integer', n, isInteger, 1);
      if (size <= 0) {
        throw new IntrinsicFailure(
          `The chunk size of States.ArrayPartition must be positive, but was ${size}.`,
        );
      }
      const out: unknown[][] = [];
      for (let i = 0; i < arr.length; i += size) out.push(arr.slice(i, i + size));
      return out;
    },
  },
  'States.ArrayContains': {
    arity: [2, 2],
    run([a, v]) {
      return need('States.ArrayContains', 'an array', a, isArray, 0).some((x) => deepEqual(x, v));
    },
  },
  'States.ArrayRange': {
    arity: [3, 3],
    run([a, b, c]) {
      const start = need('States.ArrayRange', 'an integer', a, isInteger, 0);
      const end = need('States.ArrayRange', 'an integer', b, isInteger, 1);
      const step = need('States.ArrayRange', 'an integer', c, isInteger, 2);
      if (step === 0) throw new IntrinsicFailure('The step of States.ArrayRange must not be 0.');
      const count = (end - start) / step < 0 ? 0 : Math.floor((end - start) / step) + 1;
      if (count > MAX_RANGE) {
        throw new IntrinsicFailure(
          `States.ArrayRange would return ${count} elements; at most ${MAX_RANGE} are allowed.`,
        );
      }
      return Array.from({ length: count }, (_, i) => start + i * step);
    },
  },
  'States.ArrayGetItem': {
    arity: [2, 2],
    run([a, i]) {
      const arr = need('States.ArrayGetItem', 'an array', a, isArray, 0);
      const index = need('States.ArrayGetItem', 'an integer', i, isInteger, 1);
      if (index < 0 || index >= arr.length) {
        throw new IntrinsicFailure(
          `The index ${index} is out of bounds for States.ArrayGetItem on an array of length ${arr.length}.`,
        );
      }
      return arr[index];
    },
  },
  'States.ArrayLength': {
    arity: [1, 1],
    run: ([a]) => need('States.ArrayLength', 'an array', a, isArray, 0).length,
  },
  'States.ArrayUnique': {
    arity: [1, 1],
    run([a]) {
      // First occurrences, as before with deepEqual, but linear: 100,000 distinct items must not take minutes.
      const out: unknown[] = [];
      const seen = new Set<string>();
      for (const x of need('States.ArrayUnique', 'an array', a, isArray, 0)) {
        const key = canonicalKey(x);
        if (!seen.has(key)) {
          seen.add(key);
          out.push(x);
        }
      }
      return out;
    },
  },
  'States.Base64Encode': {
    arity: [1, 1],
    run([v]) {
      const s = need('States.Base64Encode', 'a string', v, isString, 0);
      if (s.length > MAX_TEXT) {
        throw new IntrinsicFailure(`The input of States.Base64Encode exceeds ${MAX_TEXT} characters.`);
      }
      return toBase64(s);
    },
  },
  'States.Base64Decode': {
    arity: [1, 1],
    run([v]) {
      const s = need('States.Base64Decode', 'a string', v, isString, 0);
      if (s.length > MAX_TEXT) {
        throw new IntrinsicFailure(`The input of States.Base64Decode exceeds ${MAX_TEXT} characters.`);
      }
      const compact = s.replace(/[\r\n]/g, '');
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 === 1) {
        throw new IntrinsicFailure(`The input of States.Base64Decode is not valid Base64: ${s}`);
      }
      return fromBase64(compact);
    },
  },
  'States.Hash': {
    arity: [2, 2],
    run([d, alg]) {
      const algorithm = need('States.Hash', 'a string', alg, isString, 1);
      const node = HASHES[algorithm];
      if (!node) {
        throw new IntrinsicFailure(
          `The hash algorithm '${algorithm}' is not supported; use one of ${Object.keys(HASHES).join(', ')}.`,
        );
      }
      if (d === null || d === undefined) {
        throw new IntrinsicFailure('The data to hash with States.Hash must not be null.');
      }
      const text = typeof d === 'string' ? d : compactJson(d);
      if (text.length > MAX_TEXT) {
        throw new IntrinsicFailure(`The data given to States.Hash exceeds ${MAX_TEXT} characters.`);
      }
      return createHash(node).update(text, 'utf8').digest('hex');
    },
  },
  'States.JsonMerge': {
    arity: [3, 3],
    run([a, b, deep]) {
      const left = need('States.JsonMerge', 'an object', a, isObject, 0);
      const right = need('States.JsonMerge', 'an object', b, isObject, 1);
      if (need('States.JsonMerge', 'a boolean', deep, isBoolean, 2)) {
        throw new IntrinsicFailure(
          'States.JsonMerge supports shallow merges only: its third argument must be false.',
        );
      }
      return { ...left, ...right };
    },
  },
  'States.MathRandom': {
    arity: [2, 3],
    run([a, b, seed], ctx) {
      const start = roundHalfUp(need('States.MathRandom', 'a number', a, isNumber, 0));
      const end = roundHalfUp(need('States.MathRandom', 'a number', b, isNumber, 1));
      if (end < start) {
        throw new IntrinsicFailure(
          `The end of States.MathRandom (${end}) is lower than its start (${start}).`,
        );
      }
      const bound = end - start + 1;
      if (start < INT_MIN || end > INT_MAX || bound > INT_MAX) {
        throw new IntrinsicFailure(
          `The range of States.MathRandom (${start} to ${end}) must lie within the 32-bit integer range and span fewer than 2147483647 values.`,
        );
      }
      if (seed !== undefined) {
        return start + javaRandom(need('States.MathRandom', 'an integer', seed, isInteger, 2)).nextInt(bound);
      }
      return start + Math.min(bound - 1, Math.floor(ctx.host.random() * bound));
    },
  },
  'States.MathAdd': {
    arity: [2, 2],
    run(args) {
      const [x, y] = args.map((v, i) => {
        const n = roundHalfUp(need('States.MathAdd', 'a number', v, isNumber, i));
        if (n < INT_MIN || n > INT_MAX) {
          throw new IntrinsicFailure(
            `The ${ordinal(i)} argument of States.MathAdd (${n}) is outside the 32-bit integer range.`,
          );
        }
        return n;
      });
      return x + y;
    },
  },
  'States.StringSplit': {
    arity: [2, 2],
    run([s, d]) {
      const text = need('States.StringSplit', 'a string', s, isString, 0);
      const delimiters = new Set(need('States.StringSplit', 'a string', d, isString, 1));
      const out: string[] = [];
      let current = '';
      for (const ch of text) {
        if (delimiters.has(ch)) {
          if (current !== '') out.push(current);
          current = '';
        } else {
          current += ch;
        }
      }
      if (current !== '') out.push(current);
      return out;
    },
  },
  'States.UUID': { arity: [0, 0], run: (_args, ctx) => ctx.host.uuid() },
};
