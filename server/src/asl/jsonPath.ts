/**
 * JSONPath as AWS Step Functions reads it (Jayway JsonPath plus the `$$` context root and `$name`
 * variable roots): the parser with precise error offsets and the expression model. Filters are parsed
 * by ./jsonPathFilter. Pure: depends on nothing outside this folder.
 */
import { type FilterExpression, parseFilter } from './jsonPathFilter';

export type { FilterExpression, FilterOperand, FilterComparator } from './jsonPathFilter';

/** A problem in an expression; offsets are relative to the text that was parsed. */
export interface ExpressionError {
  message: string;
  offset: number;
  length: number;
}

/** What one bracket or dot step selects. */
export type JsonPathSelector =
  | { kind: 'name'; name: string }
  | { kind: 'names'; names: string[] }
  | { kind: 'wildcard' }
  | { kind: 'index'; index: number }
  | { kind: 'indexes'; indexes: number[] }
  | { kind: 'slice'; start?: number; end?: number }
  | { kind: 'filter'; filter: FilterExpression }
  | { kind: 'script'; script: string }
  | { kind: 'function'; name: string };

/** One step of a path; `recursive` for `..` (deep scan). Offsets are relative to the path text. */
export interface JsonPathSegment {
  selector: JsonPathSelector;
  recursive: boolean;
  offset: number;
  length: number;
}

/** A parsed path. */
export interface JsonPathExpression {
  text: string;
  /** `$` input, `$$` context object, `$name` a variable. */
  root: 'input' | 'context' | 'variable';
  variableName?: string;
  segments: JsonPathSegment[];
  /** A Reference Path: a single node addressed by names and integer indexes only. */
  isReference: boolean;
  /** Yields at most one value (no wildcard, deep scan, filter, slice or multi-index). */
  isDefinite: boolean;
}

export type JsonPathParseResult =
  { ok: true; path: JsonPathExpression } | { ok: false; error: ExpressionError };

/** Thrown inside the parser; converted to an ExpressionError at the boundary. */
export class JsonPathSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
    readonly length = 1,
  ) {
    super(message);
  }
}

const ID_START = /[\p{ID_Start}_]/u;
const ID_CONTINUE = /[\p{ID_Continue}]/u;

/**
 * Parses a JSONPath the way AWS accepts it: `$`, `$$` or `$var` then dot names (`.a`, `.a-b`, `.*`),
 * brackets (`['a b']`, `['a','b']`, `[0]`, `[-1]`, `[0,2]`, `[1:]`, `[*]`, `[?(@.x > 1)]`), `.[0]`,
 * deep scan `..`, and a trailing function call (`.length()`). Surrounding whitespace is ignored.
 */
export function parseJsonPath(text: string): JsonPathParseResult {
  try {
    return { ok: true, path: new PathReader(text, 0, text.length).readPath(false) };
  } catch (e) {
    if (e instanceof JsonPathSyntaxError) {
      return { ok: false, error: { message: e.message, offset: e.offset, length: Math.max(1, e.length) } };
    }
    throw e;
  }
}

/** Reads a path in `text` between `start` and `end`; used for whole paths and for paths inside filters. */
export class PathReader {
  pos: number;

  constructor(
    readonly text: string,
    start: number,
    readonly end: number,
  ) {
    this.pos = start;
  }

  /** `inFilter`: stop at operators, spaces and `)` instead of treating them as errors. */
  readPath(inFilter: boolean): JsonPathExpression {
    const t = this.text;
    if (!inFilter) {
      while (this.pos < this.end && /\s/.test(t[this.pos])) this.pos++;
    }
    const start = this.pos;
    let stop = this.end;
    if (!inFilter) {
      while (stop > this.pos && /\s/.test(t[stop - 1])) stop--;
    }
    if (this.pos >= stop) {
      throw new JsonPathSyntaxError('A path must not be empty; it starts with $', start, 0);
    }
    let root: JsonPathExpression['root'];
    let variableName: string | undefined;
    const first = t[this.pos];
    if (first === '@' && inFilter) {
      root = 'input';
      this.pos++;
    } else if (first !== '$') {
      throw new JsonPathSyntaxError(`A path must start with '$' but starts with '${first}'`, this.pos);
    } else if (t[this.pos + 1] === '$') {
      root = 'context';
      this.pos += 2;
    } else if (this.pos + 1 < stop && ID_START.test(t[this.pos + 1])) {
      root = 'variable';
      let p = this.pos + 1;
      while (p < stop && ID_CONTINUE.test(t[p])) p++;
      variableName = t.slice(this.pos + 1, p);
      this.pos = p;
    } else {
      root = 'input';
      this.pos++;
    }
    const segments = this.readSegments(stop, inFilter);
    const isDefinite = segments.every((s) => isDefiniteSegment(s, segments));
    const isReference = segments.every(
      (s) =>
        !s.recursive &&
        (s.selector.kind === 'name' || (s.selector.kind === 'index' && s.selector.index >= 0)),
    );
    const text = t.slice(start, this.pos);
    return { text, root, variableName, segments, isReference, isDefinite };
  }

  private readSegments(stop: number, inFilter: boolean): JsonPathSegment[] {
    const t = this.text;
    const segments: JsonPathSegment[] = [];
    while (this.pos < stop) {
      const c = t[this.pos];
      const segStart = this.pos;
      if (c === '.') {
        const recursive = t[this.pos + 1] === '.';
        this.pos += recursive ? 2 : 1;
        if (this.pos >= stop) {
          throw new JsonPathSyntaxError(
            `A path must not end with '${recursive ? '..' : '.'}'`,
            segStart,
            this.pos - segStart,
          );
        }
        const n = t[this.pos];
        if (n === '[') {
          const selector = this.readBracket(stop);
          segments.push({ selector, recursive, offset: segStart, length: this.pos - segStart });
        } else if (n === '*') {
          this.pos++;
          segments.push({
            selector: { kind: 'wildcard' },
            recursive,
            offset: segStart,
            length: this.pos - segStart,
          });
        } else if (n === '.') {
          throw new JsonPathSyntaxError("Unexpected '.': a path step needs a name", this.pos);
        } else {
          const selector = this.readDotName(stop, inFilter);
          segments.push({ selector, recursive, offset: segStart, length: this.pos - segStart });
        }
      } else if (c === '[') {
        const selector = this.readBracket(stop);
        segments.push({ selector, recursive: false, offset: segStart, length: this.pos - segStart });
      } else if (inFilter && /[\s)=!<>&|,~+\-*/]/.test(c)) {
        break;
      } else if (/\s/.test(c)) {
        throw new JsonPathSyntaxError(
          'Unexpected space in a path; use bracket notation for names with spaces',
          this.pos,
        );
      } else {
        throw new JsonPathSyntaxError(`Unexpected '${c}': expected '.' or '[' after a path step`, this.pos);
      }
      const last = segments[segments.length - 1];
      if (segments.length > 1 && segments[segments.length - 2].selector.kind === 'function') {
        throw new JsonPathSyntaxError(
          'A function call must be the last step of a path',
          last.offset,
          last.length,
        );
      }
    }
    return segments;
  }

  private readDotName(stop: number, inFilter: boolean): JsonPathSelector {
    const t = this.text;
    const start = this.pos;
    while (this.pos < stop) {
      const c = t[this.pos];
      if (c === '.' || c === '[' || c === '(') break;
      if (inFilter && /[\s)=!<>&|,~]/.test(c)) break;
      if (/\s/.test(c)) {
        throw new JsonPathSyntaxError(
          "Unexpected space in a property name; use bracket notation ['my prop'] for names with spaces",
          this.pos,
        );
      }
      this.pos++;
    }
    const name = t.slice(start, this.pos);
    if (name === '') throw new JsonPathSyntaxError('Expected a property name', start);
    if (t[this.pos] === '(') {
      if (t[this.pos + 1] !== ')') {
        throw new JsonPathSyntaxError(
          `Expected ')' after '${name}(' (path functions take no arguments here)`,
          this.pos + 1,
        );
      }
      this.pos += 2;
      if (!PATH_FUNCTIONS.has(name)) {
        throw new JsonPathSyntaxError(
          `Unknown path function '${name}()'; known: ${[...PATH_FUNCTIONS].join(', ')}`,
          start,
          this.pos - start,
        );
      }
      return { kind: 'function', name };
    }
    return { kind: 'name', name };
  }

  private skipSpaces(stop: number): void {
    while (this.pos < stop && /\s/.test(this.text[this.pos])) this.pos++;
  }

  private expect(ch: string, stop: number, what: string): void {
    this.skipSpaces(stop);
    if (this.text[this.pos] !== ch) {
      const found = this.pos < stop ? `'${this.text[this.pos]}'` : 'the end of the path';
      throw new JsonPathSyntaxError(
        `Expected '${ch}' ${what} but found ${found}`,
        Math.min(this.pos, stop),
        1,
      );
    }
    this.pos++;
  }

  private readBracket(stop: number): JsonPathSelector {
    const t = this.text;
    const open = this.pos;
    this.pos++; // '['
    this.skipSpaces(stop);
    if (this.pos >= stop) throw new JsonPathSyntaxError("Unclosed '['", open);
    const c = t[this.pos];
    if (c === '?') {
      this.pos++;
      this.skipSpaces(stop);
      if (t[this.pos] !== '(') throw new JsonPathSyntaxError("Expected '(' after '?' in a filter", this.pos);
      const close = findClosingParen(t, this.pos, stop);
      if (close < 0) throw new JsonPathSyntaxError("Unclosed '(' in a filter", this.pos);
      const filter = parseFilter(t, this.pos + 1, close);
      this.pos = close + 1;
      this.expect(']', stop, 'to close the filter');
      return { kind: 'filter', filter };
    }
    if (c === '(') {
      const close = findClosingParen(t, this.pos, stop);
      if (close < 0) throw new JsonPathSyntaxError("Unclosed '(' in a script expression", this.pos);
      const script = t.slice(this.pos + 1, close);
      this.pos = close + 1;
      this.expect(']', stop, 'to close the script expression');
      return { kind: 'script', script };
    }
    if (c === '*') {
      this.pos++;
      this.expect(']', stop, "after '*'");
      return { kind: 'wildcard' };
    }
    if (c === "'" || c === '"') {
      const names: string[] = [];
      for (;;) {
        this.skipSpaces(stop);
        const q = t[this.pos];
        if (q !== "'" && q !== '"') {
          throw new JsonPathSyntaxError('Expected a quoted property name', Math.min(this.pos, stop));
        }
        names.push(this.readQuoted(stop, true));
        this.skipSpaces(stop);
        if (t[this.pos] === ',') {
          this.pos++;
          continue;
        }
        this.expect(']', stop, 'to close the property list');
        break;
      }
      return names.length === 1 ? { kind: 'name', name: names[0] } : { kind: 'names', names };
    }
    if (c === ':' || c === '-' || (c >= '0' && c <= '9')) return this.readIndexes(stop);
    throw new JsonPathSyntaxError(
      `Unexpected '${c}' in brackets: expected a quoted name, an index, a slice, '*' or a filter '?(...)'`,
      this.pos,
    );
  }

  /**
   * Reads a quoted string. In bracket names AWS keeps a backslash as written (it only stops the next
   * character from closing the string: `['a\"b']` names `a\"b`); filter literals resolve escapes.
   */
  readQuoted(stop: number, keepEscapes = false): string {
    const t = this.text;
    const quote = t[this.pos];
    const start = this.pos;
    this.pos++;
    let out = '';
    while (this.pos < stop) {
      const c = t[this.pos];
      if (c === '\\' && this.pos + 1 < stop) {
        out += keepEscapes ? c + t[this.pos + 1] : t[this.pos + 1];
        this.pos += 2;
        continue;
      }
      if (c === quote) {
        this.pos++;
        return out;
      }
      out += c;
      this.pos++;
    }
    throw new JsonPathSyntaxError(`Unclosed string: missing closing ${quote}`, start, stop - start);
  }

  private readInt(stop: number): number | undefined {
    const t = this.text;
    this.skipSpaces(stop);
    const start = this.pos;
    if (t[this.pos] === '-') this.pos++;
    while (this.pos < stop && t[this.pos] >= '0' && t[this.pos] <= '9') this.pos++;
    const s = t.slice(start, this.pos);
    if (s === '') return undefined;
    if (s === '-') throw new JsonPathSyntaxError("Expected digits after '-'", start);
    this.skipSpaces(stop);
    return Number(s);
  }

  private readIndexes(stop: number): JsonPathSelector {
    const t = this.text;
    const first = this.readInt(stop);
    if (t[this.pos] === ':') {
      this.pos++;
      const end = this.readInt(stop);
      if (t[this.pos] === ':') {
        throw new JsonPathSyntaxError(
          'Slice steps ([start:end:step]) are not supported by AWS JSONPath',
          this.pos,
        );
      }
      this.expect(']', stop, 'to close the slice');
      return { kind: 'slice', start: first, end };
    }
    if (first === undefined) throw new JsonPathSyntaxError('Expected an array index', this.pos);
    const indexes = [first];
    while (t[this.pos] === ',') {
      this.pos++;
      const next = this.readInt(stop);
      if (next === undefined) {
        throw new JsonPathSyntaxError("Expected an array index after ','", Math.min(this.pos, stop));
      }
      indexes.push(next);
    }
    this.expect(']', stop, 'to close the index');
    return indexes.length === 1 ? { kind: 'index', index: first } : { kind: 'indexes', indexes };
  }
}

/** Jayway path functions AWS accepts at the end of a path. */
export const PATH_FUNCTIONS: ReadonlySet<string> = new Set([
  'length',
  'size',
  'min',
  'max',
  'avg',
  'sum',
  'stddev',
  'keys',
  'first',
  'last',
]);

function isDefiniteSegment(s: JsonPathSegment, all: JsonPathSegment[]): boolean {
  if (s.recursive) return false;
  switch (s.selector.kind) {
    case 'name':
    case 'index':
    case 'function':
      return true;
    case 'names':
      // Jayway merges several names at the leaf into one object; elsewhere they fan out.
      return s === all[all.length - 1];
    default:
      return false;
  }
}

/** Index of the ')' matching the '(' at `open`, skipping quoted strings; -1 if none before `stop`. */
export function findClosingParen(t: string, open: number, stop: number): number {
  let depth = 0;
  for (let i = open; i < stop; i++) {
    const c = t[i];
    if (c === "'" || c === '"') {
      i++;
      while (i < stop && t[i] !== c) {
        if (t[i] === '\\') i++;
        i++;
      }
      continue;
    }
    if (c === '(') depth++;
    else if (c === ')') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

export {
  queryJsonPath,
  assignAtReferencePath,
  bracketNotation,
  type JsonPathRoots,
  type JsonPathQueryResult,
} from './jsonPathQuery';
