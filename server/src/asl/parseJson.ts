/**
 * JSON front end: text -> SyntaxTree with jsonc-parser, reporting syntax errors with ranges.
 * Comments and trailing commas are accepted or reported according to the options (AWS rejects both).
 * Values nested deeper than MAX_NESTING_DEPTH are reported and read as null (jsonc-parser recurses).
 * Depends on: jsonc-parser only.
 */
import {
  createScanner,
  parseTree,
  printParseErrorCode,
  type ParseError,
  ParseErrorCode,
  SyntaxKind,
} from 'jsonc-parser';
import type { SyntaxProblem, SyntaxTree } from './syntaxTree';

export interface JsonParseOptions {
  /** Accept comments silently (true) or report them as errors (false). Default true. */
  allowComments?: boolean;
  /** Accept trailing commas silently (true) or report them as errors (false). Default true. */
  allowTrailingCommas?: boolean;
}

const MESSAGES: Partial<Record<ParseErrorCode, string>> = {
  [ParseErrorCode.InvalidSymbol]:
    'Invalid symbol: this is not JSON. If it is a template placeholder, quote it ("${Name}").',
  [ParseErrorCode.InvalidNumberFormat]: 'Invalid number format.',
  [ParseErrorCode.PropertyNameExpected]: 'A property name in double quotes is expected here.',
  [ParseErrorCode.ValueExpected]: 'A value is expected here.',
  [ParseErrorCode.ColonExpected]: 'A colon (:) is expected after the property name.',
  [ParseErrorCode.CommaExpected]: 'A comma (,) is expected between values.',
  [ParseErrorCode.CloseBraceExpected]: 'A closing brace (}) is expected.',
  [ParseErrorCode.CloseBracketExpected]: 'A closing bracket (]) is expected.',
  [ParseErrorCode.EndOfFileExpected]: 'Unexpected content after the end of the JSON document.',
  [ParseErrorCode.InvalidCommentToken]:
    'Comments are not allowed in JSON: AWS Step Functions rejects them. Remove the comment or enable asl.validation.allowComments.',
  [ParseErrorCode.UnexpectedEndOfComment]: 'Unterminated comment: close it with */.',
  [ParseErrorCode.UnexpectedEndOfString]: 'Unterminated string: close it with a double quote.',
  [ParseErrorCode.UnexpectedEndOfNumber]: 'Unexpected end of number.',
  [ParseErrorCode.InvalidUnicode]: 'Invalid unicode escape sequence.',
  [ParseErrorCode.InvalidEscapeCharacter]: 'Invalid escape character in string.',
  [ParseErrorCode.InvalidCharacter]: 'Invalid character in string (control characters must be escaped).',
};

/**
 * The deepest nesting of objects/arrays read (the root is level 1). Real definitions stay under ~50; the
 * parser, the model and every editor feature walk trees recursively, and jsonc-parser itself overflows the
 * stack somewhere past ~5,000 levels, so anything deeper is reported instead of read.
 */
export const MAX_NESTING_DEPTH = 1000;

/** At most this many too-deep values are reported (each one is already 1,000+ brackets long). */
const MAX_DEPTH_PROBLEMS = 10;

interface TooDeep {
  /** Offset of the bracket that opens level MAX_NESTING_DEPTH + 1. */
  start: number;
  /** Offset just after its matching close bracket (the end of the text when it is never closed). */
  end: number;
}

/**
 * Upper bound of the nesting depth in one cheap pass over the characters (strings and comments skipped as
 * jsonc-parser's scanner does). Only when it exceeds the limit is the exact scanner pass needed.
 */
function roughMaxDepth(text: string): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      for (i++; i < text.length; i++) {
        const s = text.charCodeAt(i);
        if (s === 0x5c /* \ */) i++;
        else if (s === 0x22 || s === 0x0a || s === 0x0d) break;
      }
    } else if (c === 0x2f /* / */ && text.charCodeAt(i + 1) === 0x2f) {
      while (i < text.length && text.charCodeAt(i) !== 0x0a && text.charCodeAt(i) !== 0x0d) i++;
    } else if (c === 0x2f && text.charCodeAt(i + 1) === 0x2a /* * */) {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 ? text.length : close + 1;
    } else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      if (++depth > max) max = depth;
    } else if ((c === 0x5d /* ] */ || c === 0x7d) /* } */ && depth > 0) {
      depth--;
    }
  }
  return max;
}

/** The values that open past MAX_NESTING_DEPTH, found with jsonc-parser's own scanner (exact tokens). */
function findTooDeep(text: string): TooDeep[] {
  const found: TooDeep[] = [];
  const scanner = createScanner(text, true);
  let depth = 0;
  let open: number | undefined;
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    if (kind === SyntaxKind.OpenBraceToken || kind === SyntaxKind.OpenBracketToken) {
      depth++;
      if (depth === MAX_NESTING_DEPTH + 1 && open === undefined) open = scanner.getTokenOffset();
    } else if (kind === SyntaxKind.CloseBraceToken || kind === SyntaxKind.CloseBracketToken) {
      if (depth === MAX_NESTING_DEPTH + 1 && open !== undefined) {
        found.push({ start: open, end: scanner.getTokenOffset() + scanner.getTokenLength() });
        open = undefined;
      }
      if (depth > 0) depth--;
    }
  }
  if (open !== undefined) found.push({ start: open, end: text.length });
  return found;
}

/**
 * The text jsonc-parser reads: each too-deep value replaced by `null` padded with spaces to the same length,
 * so every offset (and line) of the rest of the document is unchanged.
 */
function maskTooDeep(text: string, regions: readonly TooDeep[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const { start, end } of regions) {
    parts.push(text.slice(at, start), 'null', ' '.repeat(Math.max(0, end - start - 4)));
    at = end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

function depthProblems(regions: readonly TooDeep[]): SyntaxProblem[] {
  return regions.slice(0, MAX_DEPTH_PROBLEMS).map(({ start }) => ({
    code: 'nesting-too-deep',
    message: `Nesting deeper than ${MAX_NESTING_DEPTH.toLocaleString('en-US')} levels is not supported: this value is read as null.`,
    offset: start,
    length: 1,
    severity: 'error' as const,
  }));
}

export function parseJsonSyntax(text: string, options: JsonParseOptions = {}): SyntaxTree {
  const errors: ParseError[] = [];
  const allowTrailingCommas = options.allowTrailingCommas ?? true;
  const tooDeep = roughMaxDepth(text) > MAX_NESTING_DEPTH ? findTooDeep(text) : [];
  const parsed = tooDeep.length > 0 ? maskTooDeep(text, tooDeep) : text;
  let root;
  try {
    root = parseTree(parsed, errors, {
      disallowComments: options.allowComments === false,
      allowTrailingComma: allowTrailingCommas,
      allowEmptyContent: false,
    });
  } catch (error) {
    // Not expected after the depth check; a stack this short must still give a located problem.
    if (!(error instanceof RangeError)) throw error;
    return {
      format: 'json',
      root: undefined,
      problems: [
        {
          code: 'nesting-too-deep',
          message: 'The document is nested too deeply to be read.',
          offset: 0,
          length: Math.min(1, text.length),
          severity: 'error',
        },
      ],
    };
  }
  const problems: SyntaxProblem[] = depthProblems(tooDeep);
  let previous: ParseError | undefined;
  for (const e of errors) {
    // An unclosed 1,000-level document yields one identical error per level at the end: report it once.
    if (previous && previous.offset === e.offset && previous.error === e.error) continue;
    previous = e;
    problems.push({
      code: e.error === ParseErrorCode.InvalidCommentToken ? 'comment-not-allowed' : 'json-syntax',
      message: MESSAGES[e.error] ?? `JSON syntax error: ${printParseErrorCode(e.error)}.`,
      offset: e.offset,
      length: Math.max(e.length, 1),
      severity: 'error',
    });
  }
  if (!allowTrailingCommas) {
    // jsonc-parser reports a trailing comma as ValueExpected/PropertyNameExpected; give it a clearer code.
    for (const p of problems) {
      if (p.code !== 'json-syntax') continue;
      const next = skipWhitespace(parsed, p.offset, 1);
      if (next >= parsed.length || (parsed[next] !== '}' && parsed[next] !== ']')) continue;
      const before = skipWhitespace(parsed, p.offset - 1, -1);
      if (before >= 0 && parsed[before] === ',') {
        p.code = 'trailing-comma';
        p.message =
          'Trailing commas are not allowed: AWS Step Functions rejects them. Remove the comma or enable asl.validation.allowTrailingCommas.';
        p.offset = before;
        p.length = 1;
      }
    }
  }
  return { format: 'json', root, problems: capSyntaxProblems(problems) };
}

/** At most this many syntax problems are reported per document; the rest are summarised in one more. */
export const MAX_SYNTAX_PROBLEMS = 1000;

/**
 * Keeps the first MAX_SYNTAX_PROBLEMS problems and replaces the rest by one that says how many were left
 * out (a pasted megabyte of commas would otherwise publish millions of diagnostics).
 */
export function capSyntaxProblems(problems: SyntaxProblem[]): SyntaxProblem[] {
  if (problems.length <= MAX_SYNTAX_PROBLEMS) return problems;
  const next = problems[MAX_SYNTAX_PROBLEMS]!;
  const kept = problems.slice(0, MAX_SYNTAX_PROBLEMS);
  kept.push({
    code: 'too-many-problems',
    message: `${(problems.length - MAX_SYNTAX_PROBLEMS).toLocaleString('en-US')} more syntax problems from here on are not shown; fix the ones above first.`,
    offset: next.offset,
    length: next.length,
    severity: 'error',
  });
  return kept;
}

/** The first offset from `at` (moving by `step`) that is not JSON whitespace; -1 or text.length at the ends. */
function skipWhitespace(text: string, at: number, step: 1 | -1): number {
  let i = at;
  while (i >= 0 && i < text.length && /\s/.test(text[i]!)) i += step;
  return i;
}
