/**
 * Evaluating parsed JSONPath with AWS (Jayway) semantics: definite paths yield a value or a Jayway-worded
 * miss, indefinite ones (wildcards, deep scan, filters, slices, unions) an array of matches; and ResultPath
 * placement. Pure: values in, values out; depends on ./jsonPath and ./jsonPathFilter types only.
 */
import type { JsonPathExpression, JsonPathSegment, JsonPathSelector } from './jsonPath';
import type { FilterExpression, FilterOperand } from './jsonPathFilter';

/** What a path can address: `$` the input, `$$` the context object, `$name` variables. */
export interface JsonPathRoots {
  input: unknown;
  context?: unknown;
  variables?: Record<string, unknown>;
}

export type JsonPathQueryResult = { found: true; value: unknown } | { found: false; reason: string };

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const has = (o: Obj, k: string) => Object.prototype.hasOwnProperty.call(o, k);

function rootValue(path: JsonPathExpression, roots: JsonPathRoots): JsonPathQueryResult {
  if (path.root === 'input') return { found: true, value: roots.input };
  if (path.root === 'context') {
    return roots.context === undefined
      ? { found: false, reason: 'The context object ($$) is not available here' }
      : { found: true, value: roots.context };
  }
  const name = path.variableName ?? '';
  const vars = roots.variables ?? {};
  return has(vars, name)
    ? { found: true, value: vars[name] }
    : { found: false, reason: `The variable '$${name}' is not defined` };
}

/** Jayway's bracket notation of a path prefix, as it appears in AWS error causes: `$['a'][0]`. */
export function bracketNotation(segments: readonly JsonPathSegment[]): string {
  let out = '$';
  for (const s of segments) {
    const sel = s.selector;
    if (s.recursive) out += '..';
    switch (sel.kind) {
      case 'name':
        out += `['${sel.name}']`;
        break;
      case 'names':
        out += '[' + sel.names.map((n) => `'${n}'`).join(',') + ']';
        break;
      case 'index':
        out += `[${sel.index}]`;
        break;
      case 'indexes':
        out += `[${sel.indexes.join(',')}]`;
        break;
      case 'slice':
        out += `[${sel.start ?? ''}:${sel.end ?? ''}]`;
        break;
      case 'wildcard':
        out += '[*]';
        break;
      case 'filter':
        out += '[?]';
        break;
      case 'script':
        out += `[(${sel.script})]`;
        break;
      case 'function':
        out += `.${sel.name}()`;
        break;
    }
  }
  return out;
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

/**
 * Evaluates a path. A definite path yields its value, or `found: false` with Jayway's reason (`No results
 * for path: $['a']`, `Missing property in path $['a']`); an indefinite path yields the array of matches.
 */
export function queryJsonPath(path: JsonPathExpression, roots: JsonPathRoots): JsonPathQueryResult {
  const root = rootValue(path, roots);
  if (!root.found) return root;
  const segs = path.segments;
  const fnIndex =
    segs.length > 0 && segs[segs.length - 1].selector.kind === 'function' ? segs.length - 1 : -1;
  const body = fnIndex >= 0 ? segs.slice(0, fnIndex) : segs;
  let result: JsonPathQueryResult;
  if (body.every((s) => isDefiniteStep(s, body))) {
    result = definite(body, root.value);
  } else {
    let nodes = [root.value];
    for (let i = 0; i < body.length; i++) {
      const seg = body[i];
      const next: unknown[] = [];
      for (const n of nodes) {
        const sources = seg.recursive ? descendants(n) : [n];
        for (const s of sources) {
          const r = select(seg.selector, s, roots, i === body.length - 1);
          if (!r.ok) return { found: false, reason: r.reason };
          next.push(...r.values);
        }
      }
      nodes = next;
    }
    result = { found: true, value: nodes };
  }
  if (fnIndex < 0 || !result.found) return result;
  const fn = segs[fnIndex].selector;
  return fn.kind === 'function' ? applyFunction(fn.name, result.value) : result;
}

function isDefiniteStep(s: JsonPathSegment, all: readonly JsonPathSegment[]): boolean {
  if (s.recursive) return false;
  const k = s.selector.kind;
  return k === 'name' || k === 'index' || (k === 'names' && s === all[all.length - 1]);
}

function definite(segs: readonly JsonPathSegment[], start: unknown): JsonPathQueryResult {
  let current = start;
  for (let i = 0; i < segs.length; i++) {
    const sel = segs[i].selector;
    const last = i === segs.length - 1;
    const here = bracketNotation(segs.slice(0, i));
    if (sel.kind === 'name') {
      if (!isObject(current)) {
        return {
          found: false,
          reason: `Expected to find an object with property ['${sel.name}'] in path ${here} but found '${typeName(current)}'`,
        };
      }
      if (!has(current, sel.name)) {
        return last
          ? { found: false, reason: `No results for path: ${bracketNotation(segs)}` }
          : { found: false, reason: `Missing property in path ${bracketNotation(segs.slice(0, i + 1))}` };
      }
      current = current[sel.name];
    } else if (sel.kind === 'index') {
      if (!Array.isArray(current)) {
        return {
          found: false,
          reason: `Expected to find an array with index ${sel.index} in path ${here} but found '${typeName(current)}'`,
        };
      }
      const idx = sel.index < 0 ? current.length + sel.index : sel.index;
      if (idx < 0 || idx >= current.length) {
        return { found: false, reason: `No results for path: ${bracketNotation(segs)}` };
      }
      current = current[idx];
    } else if (sel.kind === 'names') {
      if (!isObject(current)) {
        return {
          found: false,
          reason: `Expected to find an object with properties in path ${here} but found '${typeName(current)}'`,
        };
      }
      current = pick(current, sel.names);
    }
  }
  return { found: true, value: current };
}

function pick(o: Obj, names: string[]): Obj {
  const out: Obj = {};
  for (const n of names) if (has(o, n)) out[n] = o[n];
  return out;
}

/** The node itself and everything below it, parents before children (Jayway's deep-scan order). */
function descendants(n: unknown): unknown[] {
  const out: unknown[] = [];
  const visit = (v: unknown) => {
    out.push(v);
    if (Array.isArray(v)) v.forEach(visit);
    else if (isObject(v)) Object.values(v).forEach(visit);
  };
  visit(n);
  return out;
}

type Selected = { ok: true; values: unknown[] } | { ok: false; reason: string };

function select(sel: JsonPathSelector, n: unknown, roots: JsonPathRoots, leaf: boolean): Selected {
  const ok = (values: unknown[]): Selected => ({ ok: true, values });
  switch (sel.kind) {
    case 'name':
      return ok(isObject(n) && has(n, sel.name) ? [n[sel.name]] : []);
    case 'names':
      if (!isObject(n)) return ok([]);
      return ok(leaf ? [pick(n, sel.names)] : sel.names.filter((k) => has(n, k)).map((k) => n[k]));
    case 'wildcard':
      return ok(Array.isArray(n) ? n : isObject(n) ? Object.values(n) : []);
    case 'index':
    case 'indexes': {
      if (!Array.isArray(n)) return ok([]);
      const list = sel.kind === 'index' ? [sel.index] : sel.indexes;
      return ok(
        list
          .map((i) => (i < 0 ? n.length + i : i))
          .filter((i) => i >= 0 && i < n.length)
          .map((i) => n[i]),
      );
    }
    case 'slice': {
      if (!Array.isArray(n)) return ok([]);
      const norm = (v: number | undefined, dflt: number) =>
        v === undefined ? dflt : v < 0 ? Math.max(0, n.length + v) : Math.min(v, n.length);
      return ok(n.slice(norm(sel.start, 0), norm(sel.end, n.length)));
    }
    case 'filter': {
      const items = Array.isArray(n) ? n : isObject(n) ? [n] : [];
      return ok(items.filter((item) => testFilter(sel.filter, item, roots)));
    }
    case 'script': {
      const m = /^\s*@\.length\s*-\s*(\d+)\s*$/.exec(sel.script);
      if (!m) return { ok: false, reason: `Script expressions like [(${sel.script})] are not supported` };
      if (!Array.isArray(n)) return ok([]);
      const i = n.length - Number(m[1]);
      return ok(i >= 0 && i < n.length ? [n[i]] : []);
    }
    case 'function':
      return ok([]);
  }
}

function applyFunction(name: string, v: unknown): JsonPathQueryResult {
  const nums = Array.isArray(v) ? v.filter((x): x is number => typeof x === 'number') : [];
  const fail = (what: string): JsonPathQueryResult => ({
    found: false,
    reason: `Function ${name}() needs ${what} but found '${typeName(v)}'`,
  });
  switch (name) {
    case 'length':
    case 'size':
      if (Array.isArray(v) || typeof v === 'string') return { found: true, value: v.length };
      if (isObject(v)) return { found: true, value: Object.keys(v).length };
      return fail('an array, an object or a string');
    case 'keys':
      return isObject(v) ? { found: true, value: Object.keys(v) } : fail('an object');
    case 'first':
    case 'last':
      if (!Array.isArray(v) || v.length === 0) return fail('a non-empty array');
      return { found: true, value: name === 'first' ? v[0] : v[v.length - 1] };
    default: {
      if (!Array.isArray(v) || nums.length === 0) return fail('an array of numbers');
      const sum = nums.reduce((a, b) => a + b, 0);
      const avg = sum / nums.length;
      const value =
        name === 'min'
          ? Math.min(...nums)
          : name === 'max'
            ? Math.max(...nums)
            : name === 'sum'
              ? sum
              : name === 'avg'
                ? avg
                : Math.sqrt(nums.reduce((a, b) => a + (b - avg) ** 2, 0) / nums.length);
      return { found: true, value };
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Filters

const MISSING = Symbol('missing');

function operandValue(op: FilterOperand, current: unknown, roots: JsonPathRoots): unknown {
  if (op.kind === 'literal') return op.value;
  if (op.kind === 'regex') return op;
  const r = queryJsonPath(op.path, op.relative ? { ...roots, input: current } : roots);
  return r.found ? r.value : MISSING;
}

function testFilter(f: FilterExpression, current: unknown, roots: JsonPathRoots): boolean {
  switch (f.kind) {
    case 'and':
      return testFilter(f.left, current, roots) && testFilter(f.right, current, roots);
    case 'or':
      return testFilter(f.left, current, roots) || testFilter(f.right, current, roots);
    case 'not':
      return !testFilter(f.operand, current, roots);
    case 'exists': {
      const v = operandValue(f.operand, current, roots);
      return (
        v !== MISSING &&
        !(f.operand.kind === 'path' && !f.operand.path.isDefinite && Array.isArray(v) && v.length === 0)
      );
    }
    case 'compare':
      return compare(f.op, operandValue(f.left, current, roots), operandValue(f.right, current, roots));
  }
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  }
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => has(b, k) && deepEqual(a[k], b[k]));
  }
  return false;
}

function compare(op: string, l: unknown, r: unknown): boolean {
  if (op === '!=') return !compare('==', l, r);
  if (l === MISSING || r === MISSING) return false;
  switch (op) {
    case '==':
      return deepEqual(l, r);
    case '<':
    case '<=':
    case '>':
    case '>=': {
      if (!(
        (typeof l === 'number' && typeof r === 'number') ||
        (typeof l === 'string' && typeof r === 'string')
      )) {
        return false;
      }
      return op === '<' ? l < r : op === '<=' ? l <= r : op === '>' ? l > r : l >= r;
    }
    case '=~': {
      if (typeof l !== 'string' || !r || typeof r !== 'object' || !('source' in r)) return false;
      const re = r as { source: string; flags: string };
      try {
        return new RegExp(re.source, re.flags.replace(/[^gimsuy]/g, '')).test(l);
      } catch {
        return false;
      }
    }
    case 'in':
      return Array.isArray(r) && r.some((x) => deepEqual(l, x));
    case 'nin':
      return Array.isArray(r) && !r.some((x) => deepEqual(l, x));
    case 'contains':
      if (typeof l === 'string' && typeof r === 'string') return l.includes(r);
      return Array.isArray(l) && l.some((x) => deepEqual(x, r));
    case 'subsetof':
      return Array.isArray(l) && Array.isArray(r) && l.every((x) => r.some((y) => deepEqual(x, y)));
    case 'anyof':
      return Array.isArray(l) && Array.isArray(r) && l.some((x) => r.some((y) => deepEqual(x, y)));
    case 'noneof':
      return Array.isArray(l) && Array.isArray(r) && !l.some((x) => r.some((y) => deepEqual(x, y)));
    case 'size':
      return (Array.isArray(l) || typeof l === 'string') && l.length === r;
    case 'empty':
      return (Array.isArray(l) || typeof l === 'string') && (l.length === 0) === r;
    default:
      return false;
  }
}

// ---------------------------------------------------------------------------------------------
// ResultPath

/**
 * Places `value` into `target` at a Reference Path (ResultPath semantics) and returns the new document;
 * `target` is not modified. `$` replaces everything; missing objects on the way are created.
 */
export function assignAtReferencePath(
  target: unknown,
  path: JsonPathExpression,
  value: unknown,
): { ok: true; value: unknown } | { ok: false; reason: string } {
  if (path.root !== 'input') {
    return {
      ok: false,
      reason: `A result path must start with '$', not '${path.root === 'context' ? '$$' : '$' + (path.variableName ?? '')}'`,
    };
  }
  if (!path.isReference) {
    return {
      ok: false,
      reason: `'${path.text}' is not a reference path (only names and array indexes are allowed)`,
    };
  }
  const segs = path.segments;
  const place = (node: unknown, i: number): { ok: true; value: unknown } | { ok: false; reason: string } => {
    if (i === segs.length) return { ok: true, value };
    const sel = segs[i].selector;
    // The location text is only built when placing fails (this runs for every ResultPath of a run).
    const where = () => bracketNotation(segs.slice(0, i));
    if (sel.kind === 'name') {
      const base = node === undefined ? {} : node;
      if (!isObject(base)) {
        return {
          ok: false,
          reason: `cannot set property '${sel.name}' at ${where()}: the value there is ${typeName(base)}, not an object`,
        };
      }
      const inner = place(has(base, sel.name) ? base[sel.name] : undefined, i + 1);
      return inner.ok ? { ok: true, value: { ...base, [sel.name]: inner.value } } : inner;
    }
    if (sel.kind === 'index') {
      if (!Array.isArray(node) || sel.index >= node.length) {
        return { ok: false, reason: `there is no array element [${sel.index}] at ${where()}` };
      }
      const inner = place(node[sel.index], i + 1);
      if (!inner.ok) return inner;
      const copy = node.slice();
      copy[sel.index] = inner.value;
      return { ok: true, value: copy };
    }
    return { ok: false, reason: `unsupported step at ${where()}` };
  };
  return place(target, 0);
}
