/**
 * JSON front end: text -> SyntaxTree with jsonc-parser, reporting syntax errors with ranges.
 * Comments and trailing commas are accepted or reported according to the options (AWS rejects both).
 * Depends on: jsonc-parser only.
 */
import { parseTree, printParseErrorCode, type ParseError, ParseErrorCode } from 'jsonc-parser';
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

export function parseJsonSyntax(text: string, options: JsonParseOptions = {}): SyntaxTree {
  const errors: ParseError[] = [];
  const allowTrailingCommas = options.allowTrailingCommas ?? true;
  const root = parseTree(text, errors, {
    disallowComments: options.allowComments === false,
    allowTrailingComma: allowTrailingCommas,
    allowEmptyContent: false,
  });
  const problems: SyntaxProblem[] = errors.map((e) => ({
    code: e.error === ParseErrorCode.InvalidCommentToken ? 'comment-not-allowed' : 'json-syntax',
    message: MESSAGES[e.error] ?? `JSON syntax error: ${printParseErrorCode(e.error)}.`,
    offset: e.offset,
    length: Math.max(e.length, 1),
    severity: 'error',
  }));
  if (!allowTrailingCommas) {
    // jsonc-parser reports a trailing comma as ValueExpected/PropertyNameExpected; give it a clearer code.
    for (const p of problems) {
      if (
        p.code === 'json-syntax' &&
        text[p.offset] !== undefined &&
        /^\s*[}\]]/.test(text.slice(p.offset))
      ) {
        const before = text.slice(0, p.offset).trimEnd();
        if (before.endsWith(',')) {
          p.code = 'trailing-comma';
          p.message =
            'Trailing commas are not allowed: AWS Step Functions rejects them. Remove the comma or enable asl.validation.allowTrailingCommas.';
          p.offset = before.length - 1;
          p.length = 1;
        }
      }
    }
  }
  return { format: 'json', root, problems };
}
