/**
 * Intrinsic functions (`States.Format(...)` and friends, JSONPath states only): the parser with precise
 * offsets, the catalogue of the 18 AWS functions (for validation, completion, hover, signature help) and
 * the static checks of a call. Evaluation is in runtime/intrinsicFunctions. Pure: depends on ./jsonPath.
 */
import { type ExpressionError, type JsonPathExpression, parseJsonPath } from './jsonPath';
import { INTRINSIC_SIGNATURES } from './intrinsicSignatures';

export type IntrinsicArgKind = 'string' | 'number' | 'boolean' | 'null' | 'path' | 'call';

/** One argument of a call; offsets are relative to the parsed text. */
export interface IntrinsicArg {
  kind: IntrinsicArgKind;
  offset: number;
  length: number;
  /** For literals: the value (strings with their escapes resolved). */
  value?: string | number | boolean | null;
  /** For strings: the text between the quotes as written (escapes kept), which States.Format needs. */
  raw?: string;
  path?: JsonPathExpression;
  call?: IntrinsicCall;
}

export interface IntrinsicCall {
  name: string;
  nameOffset: number;
  nameLength: number;
  args: IntrinsicArg[];
  offset: number;
  length: number;
}

/** The kinds of value a parameter takes ('any' accepts every JSON value). */
export type IntrinsicValueKind =
  'string' | 'number' | 'integer' | 'boolean' | 'null' | 'array' | 'object' | 'any';

export interface IntrinsicParam {
  name: string;
  kinds: IntrinsicValueKind[];
  description: string;
  /** The argument must be a JSONPath (States.JsonToString). */
  pathOnly?: boolean;
  /** Repeats to the end of the argument list. */
  rest?: boolean;
  /** Literal values allowed (States.Hash algorithms). */
  oneOf?: readonly string[];
}

export interface IntrinsicSignature {
  name: string;
  minArgs: number;
  /** `Infinity` for variadic functions. */
  maxArgs: number;
  params: IntrinsicParam[];
  returns: IntrinsicValueKind;
  /** Markdown. */
  description: string;
  example: string;
}

/** The 18 intrinsic functions AWS provides, by full name (`States.Format`). */
export const INTRINSIC_FUNCTIONS: ReadonlyMap<string, IntrinsicSignature> = new Map(
  INTRINSIC_SIGNATURES.map((s) => [s.name, s]),
);

/** AWS allows intrinsic calls nested this deep. */
export const MAX_INTRINSIC_NESTING = 10;

/** True when `text` is shaped like a function call (`Name.Part(`), so it should be parsed as an intrinsic. */
export function looksLikeIntrinsic(text: string): boolean {
  return /^\s*[A-Za-z_][A-Za-z0-9_.]*\s*\(/.test(text);
}

export type IntrinsicParseResult = { ok: true; call: IntrinsicCall } | { ok: false; error: ExpressionError };

class IntrinsicSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
    readonly length = 1,
  ) {
    super(message);
  }
}

/** Parses `States.Name(arg, ...)`; arguments are strings, numbers, booleans, null, paths or nested calls. */
export function parseIntrinsic(text: string): IntrinsicParseResult {
  try {
    const p = new IntrinsicParser(text);
    p.skip();
    const call = p.readCall(1);
    p.skip();
    if (p.pos < text.length) {
      throw new IntrinsicSyntaxError(
        'Unexpected text after the closing parenthesis',
        p.pos,
        text.length - p.pos,
      );
    }
    return { ok: true, call };
  } catch (e) {
    if (e instanceof IntrinsicSyntaxError) {
      return { ok: false, error: { message: e.message, offset: e.offset, length: Math.max(1, e.length) } };
    }
    throw e;
  }
}

class IntrinsicParser {
  pos = 0;
  constructor(private readonly t: string) {}

  skip(): void {
    while (this.pos < this.t.length && /\s/.test(this.t[this.pos])) this.pos++;
  }

  readCall(depth: number): IntrinsicCall {
    const t = this.t;
    const start = this.pos;
    const m = /^[A-Za-z0-9_.]+/.exec(t.slice(this.pos));
    if (!m) {
      throw new IntrinsicSyntaxError('Expected an intrinsic function name such as States.Format', this.pos);
    }
    const name = m[0];
    this.pos += name.length;
    if (depth > MAX_INTRINSIC_NESTING) {
      throw new IntrinsicSyntaxError(
        `Intrinsic functions may be nested at most ${MAX_INTRINSIC_NESTING} levels deep`,
        start,
        name.length,
      );
    }
    this.skip();
    if (t[this.pos] !== '(') {
      throw new IntrinsicSyntaxError(`Expected '(' after ${name}`, Math.min(this.pos, t.length), 1);
    }
    this.pos++;
    const args: IntrinsicArg[] = [];
    this.skip();
    if (t[this.pos] === ')') {
      this.pos++;
      return {
        name,
        nameOffset: start,
        nameLength: name.length,
        args,
        offset: start,
        length: this.pos - start,
      };
    }
    for (;;) {
      this.skip();
      args.push(this.readArg(depth));
      this.skip();
      const c = t[this.pos];
      if (c === ',') {
        this.pos++;
        continue;
      }
      if (c === ')') {
        this.pos++;
        break;
      }
      if (this.pos >= t.length) {
        throw new IntrinsicSyntaxError(`Missing ')' to close ${name}(`, start, this.pos - start);
      }
      throw new IntrinsicSyntaxError(`Expected ',' or ')' but found '${c}'`, this.pos);
    }
    return {
      name,
      nameOffset: start,
      nameLength: name.length,
      args,
      offset: start,
      length: this.pos - start,
    };
  }

  private readArg(depth: number): IntrinsicArg {
    const t = this.t;
    const start = this.pos;
    const c = t[this.pos];
    if (this.pos >= t.length) throw new IntrinsicSyntaxError('Expected an argument', this.pos, 0);
    if (c === "'") return this.readString();
    if (c === '$') return this.readPath();
    const num = /^-?(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?/.exec(t.slice(this.pos));
    if (num && !/[A-Za-z0-9_.]/.test(t[this.pos + num[0].length] ?? '')) {
      this.pos += num[0].length;
      return { kind: 'number', offset: start, length: num[0].length, value: Number(num[0]) };
    }
    const word = /^[A-Za-z0-9_.]+/.exec(t.slice(this.pos));
    if (word) {
      const after = this.pos + word[0].length;
      let k = after;
      while (k < t.length && /\s/.test(t[k])) k++;
      if (t[k] === '(') {
        const call = this.readCall(depth + 1);
        return { kind: 'call', offset: start, length: this.pos - start, call };
      }
      const w = word[0];
      if (w === 'true' || w === 'false') {
        this.pos = after;
        return { kind: 'boolean', offset: start, length: w.length, value: w === 'true' };
      }
      if (w === 'null') {
        this.pos = after;
        return { kind: 'null', offset: start, length: w.length, value: null };
      }
      throw new IntrinsicSyntaxError(
        `Unexpected '${w}': an argument is a 'quoted string', a number, true, false, null, a path ($...) or a function call`,
        start,
        w.length,
      );
    }
    if (c === '"') {
      throw new IntrinsicSyntaxError("Strings in intrinsic functions use single quotes ('text')", start);
    }
    throw new IntrinsicSyntaxError(`Unexpected '${c}': expected an argument`, start);
  }

  private readString(): IntrinsicArg {
    const t = this.t;
    const start = this.pos;
    let i = start + 1;
    let value = '';
    while (i < t.length) {
      const c = t[i];
      if (c === '\\') {
        const n = t[i + 1];
        if (n === undefined) break;
        // \' \{ \} \\ are escapes; AWS fails at run time on any other backslash, so keep it as written.
        value += n === "'" || n === '{' || n === '}' || n === '\\' ? n : c + n;
        i += 2;
        continue;
      }
      if (c === "'") {
        this.pos = i + 1;
        return { kind: 'string', offset: start, length: this.pos - start, value, raw: t.slice(start + 1, i) };
      }
      value += c;
      i++;
    }
    throw new IntrinsicSyntaxError("Unclosed string: missing closing '", start, t.length - start);
  }

  private readPath(): IntrinsicArg {
    const t = this.t;
    const start = this.pos;
    let i = start;
    let depth = 0;
    while (i < t.length) {
      const c = t[i];
      if (c === "'" || c === '"') {
        i++;
        while (i < t.length && t[i] !== c) i += t[i] === '\\' ? 2 : 1;
        i++;
        continue;
      }
      if (c === '[' || c === '(') depth++;
      else if (c === ']' || c === ')') {
        if (depth === 0) break;
        depth--;
      } else if (depth === 0 && (c === ',' || /\s/.test(c))) break;
      i++;
    }
    const text = t.slice(start, i);
    const parsed = parseJsonPath(text);
    if (!parsed.ok) {
      throw new IntrinsicSyntaxError(parsed.error.message, start + parsed.error.offset, parsed.error.length);
    }
    this.pos = i;
    return { kind: 'path', offset: start, length: i - start, path: parsed.path };
  }
}

/** A static problem in a call, with a stable code for diagnostics. */
export type IntrinsicProblem = ExpressionError & {
  code: 'unknown-intrinsic' | 'intrinsic-arity' | 'intrinsic-argument';
};

/** Checks names, argument counts and literal argument kinds of a call and its nested calls. */
export function checkIntrinsicCall(call: IntrinsicCall): IntrinsicProblem[] {
  const problems: IntrinsicProblem[] = [];
  checkInto(call, problems);
  return problems;
}

function checkInto(call: IntrinsicCall, problems: IntrinsicProblem[]): void {
  for (const a of call.args) if (a.call) checkInto(a.call, problems);
  const sig = INTRINSIC_FUNCTIONS.get(call.name);
  if (!sig) {
    const known = [...INTRINSIC_FUNCTIONS.keys()];
    const close = known.find((k) => k.toLowerCase() === call.name.toLowerCase());
    problems.push({
      code: 'unknown-intrinsic',
      message: `Unknown intrinsic function '${call.name}'` + (close ? `; did you mean '${close}'?` : ''),
      offset: call.nameOffset,
      length: call.nameLength,
    });
    return;
  }
  const n = call.args.length;
  if (n < sig.minArgs || n > sig.maxArgs) {
    const expected =
      sig.maxArgs === Infinity
        ? `at least ${sig.minArgs}`
        : sig.minArgs === sig.maxArgs
          ? `${sig.minArgs}`
          : `${sig.minArgs} to ${sig.maxArgs}`;
    problems.push({
      code: 'intrinsic-arity',
      message: `${sig.name} takes ${expected} argument${expected === '1' ? '' : 's'} but got ${n}`,
      offset: call.offset,
      length: call.length,
    });
  }
  call.args.forEach((arg, i) => {
    const param = sig.params[Math.min(i, sig.params.length - 1)];
    if (!param || (i >= sig.params.length && !param.rest)) return;
    const problem = checkArgument(sig, param, arg);
    if (problem) {
      problems.push({ code: 'intrinsic-argument', message: problem, offset: arg.offset, length: arg.length });
    }
  });
  if (sig.name === 'States.Format') checkFormat(call, problems);
}

function checkArgument(
  sig: IntrinsicSignature,
  param: IntrinsicParam,
  arg: IntrinsicArg,
): string | undefined {
  if (param.pathOnly && arg.kind !== 'path') {
    return `The argument '${param.name}' of ${sig.name} must be a path ($...)`;
  }
  if (arg.kind === 'path' || arg.kind === 'call') return undefined;
  const kinds = param.kinds;
  if (kinds.includes('any')) return undefined;
  const v = arg.value;
  const ok =
    (arg.kind === 'string' && kinds.includes('string')) ||
    (arg.kind === 'boolean' && kinds.includes('boolean')) ||
    (arg.kind === 'null' && kinds.includes('null')) ||
    (arg.kind === 'number' &&
      (kinds.includes('number') || (kinds.includes('integer') && Number.isInteger(v))));
  if (!ok) {
    return `The argument '${param.name}' of ${sig.name} must be ${describeKinds(kinds)}, not ${describeLiteral(arg)}`;
  }
  if (param.oneOf && typeof v === 'string' && !param.oneOf.includes(v)) {
    return `The argument '${param.name}' of ${sig.name} must be one of ${param.oneOf.join(', ')}`;
  }
  return undefined;
}

function checkFormat(call: IntrinsicCall, problems: IntrinsicProblem[]): void {
  const template = call.args[0];
  if (!template || template.kind !== 'string' || template.raw === undefined) return;
  const placeholders = countPlaceholders(template.raw);
  const values = call.args.length - 1;
  if (placeholders !== values) {
    problems.push({
      code: 'intrinsic-argument',
      message: `The template has ${placeholders} placeholder${placeholders === 1 ? '' : 's'} ({}) but ${values} value${values === 1 ? ' was' : 's were'} given`,
      offset: template.offset,
      length: template.length,
    });
  }
}

/** Number of unescaped `{}` placeholders in a raw (escapes kept) States.Format template. */
export function countPlaceholders(raw: string): number {
  let n = 0;
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] === '\\') {
      i++;
      continue;
    }
    if (raw[i] === '{' && raw[i + 1] === '}') {
      n++;
      i++;
    }
  }
  return n;
}

function describeKinds(kinds: IntrinsicValueKind[]): string {
  const words = kinds.map((k) =>
    k === 'integer' ? 'an integer' : k === 'array' || k === 'object' ? `an ${k}` : `a ${k}`,
  );
  return words.length === 1 ? words[0] : words.slice(0, -1).join(', ') + ' or ' + words[words.length - 1];
}

function describeLiteral(arg: IntrinsicArg): string {
  if (arg.kind === 'string') return `the string '${String(arg.value)}'`;
  if (arg.kind === 'null') return 'null';
  return `${arg.kind} ${String(arg.value)}`;
}

/** The innermost intrinsic call whose argument list contains an offset, found in possibly unfinished text. */
export interface IntrinsicCallContext {
  name: string;
  nameOffset: number;
  /** Zero-based index of the argument the offset is in. */
  argIndex: number;
}

/**
 * For signature help while typing: scans `text` up to `offset` (tolerating an unfinished call, e.g.
 * `States.Format('a {}', $.x, `) and returns the innermost open call and the argument index there.
 */
export function intrinsicCallAt(text: string, offset: number): IntrinsicCallContext | undefined {
  const stack: Array<IntrinsicCallContext | 'bracket'> = [];
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    const c = text[i];
    if (c === "'") {
      i++;
      while (i < end && text[i] !== "'") i += text[i] === '\\' ? 2 : 1;
      continue;
    }
    if (c === '[') stack.push('bracket');
    else if (c === ']') {
      if (stack[stack.length - 1] === 'bracket') stack.pop();
    } else if (c === '(') {
      const m = /([A-Za-z_][A-Za-z0-9_.]*)\s*$/.exec(text.slice(0, i));
      if (m && stack[stack.length - 1] !== 'bracket') {
        stack.push({ name: m[1], nameOffset: i - m[0].length, argIndex: 0 });
      } else {
        stack.push('bracket');
      }
    } else if (c === ')') {
      stack.pop();
    } else if (c === ',') {
      const top = stack[stack.length - 1];
      if (top && top !== 'bracket') top.argIndex++;
    }
  }
  for (let k = stack.length - 1; k >= 0; k--) {
    const frame = stack[k];
    if (frame !== 'bracket') return frame;
  }
  return undefined;
}
