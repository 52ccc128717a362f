/**
 * JSONPath filter expressions (`[?(...)]`) as Jayway reads them: comparisons, `&&`, `||`, `!`,
 * parentheses, `@`/`$` paths, literals (including bare words, which deployed AWS samples use as
 * strings) and the Jayway operators (in, nin, =~, size, empty, ...). Pure; only used by ./jsonPath.
 */
import { type JsonPathExpression, JsonPathSyntaxError, PathReader } from './jsonPath';

export type FilterComparator =
  | '=='
  | '!='
  | '<'
  | '<='
  | '>'
  | '>='
  | '=~'
  | 'in'
  | 'nin'
  | 'subsetof'
  | 'anyof'
  | 'noneof'
  | 'size'
  | 'empty'
  | 'contains';

export type FilterOperand =
  | { kind: 'path'; path: JsonPathExpression; relative: boolean }
  | { kind: 'literal'; value: unknown }
  | { kind: 'regex'; source: string; flags: string };

export type FilterExpression =
  | { kind: 'and' | 'or'; left: FilterExpression; right: FilterExpression }
  | { kind: 'not'; operand: FilterExpression }
  | { kind: 'exists'; operand: FilterOperand }
  | { kind: 'compare'; op: FilterComparator; left: FilterOperand; right: FilterOperand };

const SYMBOL_OPS: FilterComparator[] = ['==', '!=', '<=', '>=', '=~', '<', '>'];
const WORD_OPS: FilterComparator[] = [
  'subsetof',
  'contains',
  'noneof',
  'anyof',
  'empty',
  'size',
  'nin',
  'in',
];

/** Parses the filter text between `start` and `end` (exclusive) of `text`. */
export function parseFilter(text: string, start: number, end: number): FilterExpression {
  const p = new FilterParser(text, start, end);
  const expr = p.readOr();
  p.skip();
  if (p.pos < end) throw new JsonPathSyntaxError(`Unexpected '${text[p.pos]}' in filter`, p.pos);
  return expr;
}

class FilterParser {
  pos: number;
  constructor(
    private readonly t: string,
    start: number,
    private readonly end: number,
  ) {
    this.pos = start;
  }

  skip(): void {
    while (this.pos < this.end && /\s/.test(this.t[this.pos])) this.pos++;
  }

  private peek(s: string): boolean {
    return this.t.startsWith(s, this.pos) && this.pos + s.length <= this.end;
  }

  readOr(): FilterExpression {
    let left = this.readAnd();
    for (;;) {
      this.skip();
      if (!this.peek('||')) return left;
      this.pos += 2;
      left = { kind: 'or', left, right: this.readAnd() };
    }
  }

  private readAnd(): FilterExpression {
    let left = this.readUnary();
    for (;;) {
      this.skip();
      if (!this.peek('&&')) return left;
      this.pos += 2;
      left = { kind: 'and', left, right: this.readUnary() };
    }
  }

  private readUnary(): FilterExpression {
    this.skip();
    if (this.pos >= this.end) throw new JsonPathSyntaxError('Expected a filter condition', this.pos, 0);
    if (this.peek('!') && !this.peek('!=')) {
      this.pos++;
      return { kind: 'not', operand: this.readUnary() };
    }
    if (this.peek('(')) {
      const open = this.pos;
      this.pos++;
      const inner = this.readOr();
      this.skip();
      if (!this.peek(')')) throw new JsonPathSyntaxError("Unclosed '(' in filter", open);
      this.pos++;
      return inner;
    }
    const left = this.readOperand();
    this.skip();
    const op = this.readComparator();
    if (!op) {
      if (left.kind !== 'path') {
        return { kind: 'compare', op: '==', left, right: { kind: 'literal', value: true } };
      }
      return { kind: 'exists', operand: left };
    }
    this.skip();
    const right = this.readOperand();
    return { kind: 'compare', op, left, right };
  }

  private readComparator(): FilterComparator | undefined {
    for (const op of SYMBOL_OPS) {
      if (this.peek(op)) {
        this.pos += op.length;
        return op;
      }
    }
    for (const op of WORD_OPS) {
      if (this.peek(op) && !/[\w]/.test(this.t[this.pos + op.length] ?? '')) {
        this.pos += op.length;
        return op;
      }
    }
    return undefined;
  }

  private readOperand(): FilterOperand {
    const t = this.t;
    this.skip();
    const c = t[this.pos];
    if (this.pos >= this.end) throw new JsonPathSyntaxError('Expected a value in filter', this.pos, 0);
    if (c === '@' || c === '$') {
      const reader = new PathReader(t, this.pos, this.end);
      const path = reader.readPath(true);
      this.pos = reader.pos;
      return { kind: 'path', path, relative: c === '@' };
    }
    if (c === "'" || c === '"') {
      const reader = new PathReader(t, this.pos, this.end);
      const value = reader.readQuoted(this.end);
      this.pos = reader.pos;
      return { kind: 'literal', value };
    }
    if (c === '/') {
      const start = this.pos;
      let i = this.pos + 1;
      while (i < this.end && t[i] !== '/') i += t[i] === '\\' ? 2 : 1;
      if (i >= this.end) {
        throw new JsonPathSyntaxError('Unclosed regular expression', start, this.end - start);
      }
      const source = t.slice(start + 1, i);
      let j = i + 1;
      while (j < this.end && /[a-z]/i.test(t[j])) j++;
      this.pos = j;
      return { kind: 'regex', source, flags: t.slice(i + 1, j) };
    }
    if (c === '[' || c === '{') return this.readJsonLiteral();
    const m = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(t.slice(this.pos, this.end));
    if (m) {
      this.pos += m[0].length;
      return { kind: 'literal', value: Number(m[0]) };
    }
    const w = /^[^\s()=!<>&|,]+/.exec(t.slice(this.pos, this.end));
    if (w) {
      this.pos += w[0].length;
      const word = w[0];
      const value = word === 'true' ? true : word === 'false' ? false : word === 'null' ? null : word;
      return { kind: 'literal', value };
    }
    throw new JsonPathSyntaxError(`Unexpected '${c}' in filter: expected a value`, this.pos);
  }

  private readJsonLiteral(): FilterOperand {
    const t = this.t;
    const start = this.pos;
    const open = t[start];
    const close = open === '[' ? ']' : '}';
    let depth = 0;
    for (let i = start; i < this.end; i++) {
      const c = t[i];
      if (c === "'" || c === '"') {
        i++;
        while (i < this.end && t[i] !== c) i += t[i] === '\\' ? 2 : 1;
        continue;
      }
      if (c === open) depth++;
      else if (c === close && --depth === 0) {
        const raw = t.slice(start, i + 1);
        this.pos = i + 1;
        try {
          return { kind: 'literal', value: JSON.parse(raw.replace(/'/g, '"')) };
        } catch {
          throw new JsonPathSyntaxError('Invalid JSON literal in filter', start, raw.length);
        }
      }
    }
    throw new JsonPathSyntaxError(`Unclosed '${open}' in filter`, start);
  }
}
