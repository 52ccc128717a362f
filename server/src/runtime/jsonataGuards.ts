/**
 * Keeps JSONata evaluation to data: jsonata reads properties with `obj[key]` and calls any JavaScript
 * function it reaches, so inherited Object.prototype members (`constructor`, `__defineGetter__`, ...) must
 * never be returned by a path step, a variable or `$lookup`; and results are copied back as plain JSON with
 * `__proto__` kept as an own key. Depends on nothing (no jsonata import, no I/O).
 */

/** The error code thrown from the guards; the evaluator turns it into States.QueryEvaluationError. */
export const MEMBER_CODE = 'ASL_MEMBER';

const hasOwn = (o: object, key: string): boolean => Object.prototype.hasOwnProperty.call(o, key);

/** Names that can reach a built-in through the prototype chain of an ordinary object. */
const isBuiltinMemberName = (key: unknown): key is string =>
  typeof key === 'string' && hasOwn(Object.prototype, key);

function memberError(key: string): Error {
  return Object.assign(
    new Error(
      `'${key}' names a built-in JavaScript member, not data: only the document's own fields can be read.`,
    ),
    { code: MEMBER_CODE },
  );
}

/** True when `value` is a jsonata lambda or registered function (objects, not JavaScript functions). */
export function isJsonataFunction(v: unknown): boolean {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return o._jsonata_lambda === true || o._jsonata_function === true;
}

/** jsonata's property read (arrays map over their items), refusing to yield a JavaScript function. */
function readsFunction(input: unknown, key: string): boolean {
  if (Array.isArray(input)) return input.some((item) => readsFunction(item, key));
  if (input === null || typeof input !== 'object' || isJsonataFunction(input)) return false;
  return typeof (input as Record<string, unknown>)[key] === 'function';
}

interface GuardNode {
  type?: string;
  value?: unknown;
}

/**
 * Called before jsonata evaluates each node: a path step (`name`) whose value would be an inherited
 * JavaScript function throws instead. Own data fields named `constructor` or `__proto__` still read.
 * (Variables need no guard: jsonata's frames look names up with hasOwnProperty.)
 */
export function guardNode(node: unknown, input: unknown): void {
  const { type, value } = (node ?? {}) as GuardNode;
  if (type === 'name' && isBuiltinMemberName(value) && readsFunction(input, value)) throw memberError(value);
}

/** `$lookup(object, key)` as jsonata defines it (arrays flattened into a sequence), but data only. */
export function lookupData(input: unknown, key: string, sequence: (items: unknown[]) => unknown[]): unknown {
  if (Array.isArray(input)) {
    const out = sequence([]);
    for (const item of input) {
      const found = lookupData(item, key, sequence);
      if (found === undefined) continue;
      if (Array.isArray(found)) out.push(...(found as unknown[]));
      else out.push(found);
    }
    return out;
  }
  if (input === null || typeof input !== 'object' || isJsonataFunction(input)) return undefined;
  const found = (input as Record<string, unknown>)[key];
  if (typeof found === 'function') throw memberError(key);
  return found;
}

function setOwn(out: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    out[key] = value;
  }
}

/**
 * JSON-clean copy of a result: sequences become arrays, -0 becomes 0, functions nested in values are
 * dropped, every object gets the ordinary prototype. A `__proto__` key stays an own data field, including
 * one jsonata itself turned into the prototype when it built an object (`{"__proto__": {...}}`).
 */
export function toJson(value: unknown): unknown {
  if (typeof value === 'number') return Object.is(value, -0) ? 0 : value;
  if (typeof value === 'function') return undefined;
  if (Array.isArray(value)) {
    return value.map((v) =>
      typeof v === 'function' || isJsonataFunction(v) || v === undefined ? null : toJson(v),
    );
  }
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null && !hasOwn(value, '__proto__')) {
      // Only jsonata's `result["__proto__"] = x` gives a result object another prototype: x is data.
      if (!isJsonataFunction(proto)) setOwn(out, '__proto__', toJson(proto));
    }
    for (const [k, v] of Object.entries(value)) {
      if (v !== undefined && typeof v !== 'function' && !isJsonataFunction(v)) setOwn(out, k, toJson(v));
    }
    return out;
  }
  return value;
}
