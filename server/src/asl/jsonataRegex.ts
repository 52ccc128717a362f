/**
 * The regular-expression engine handed to jsonata: V8's linear-time engine (the `l` flag) where the process
 * has enabled it and the pattern allows it, so a JSONata regex such as /(x+x+)+y/ cannot backtrack for
 * minutes (a RegExp that is running cannot be interrupted by the evaluator's time limit). Patterns the linear
 * engine cannot run (backreferences, lookarounds, the i and u flags) and processes without the V8 flag get the
 * ordinary engine. Pure: the flag is enabled by the node entry points (node/linearRegExp.ts).
 */

let linearAvailable = false;

/** Whether this process can build linear-time RegExps (checked until it can: the flag may come later). */
export function linearRegExpAvailable(): boolean {
  if (!linearAvailable) {
    try {
      // eslint-disable-next-line no-invalid-regexp -- `l` is V8's linear-engine flag, valid once enabled
      new RegExp('a', 'l');
      linearAvailable = true;
    } catch {
      linearAvailable = false;
    }
  }
  return linearAvailable;
}

/** Builds `pattern` for the linear engine when possible, otherwise as an ordinary RegExp. */
export function toLinearRegExp(pattern: RegExp): RegExp {
  if (linearRegExpAvailable()) {
    try {
      return new RegExp(pattern.source, `${pattern.flags}l`);
    } catch {
      // Not expressible in linear time: the ordinary engine, as jsonata would use.
    }
  }
  return new RegExp(pattern.source, pattern.flags);
}

/**
 * The `RegexEngine` option of jsonata(): it calls `new RegexEngine(regexLiteral)`; a constructor that returns
 * an object yields that object. Typed as jsonata's declaration wants it.
 */
export const JSONATA_REGEX_ENGINE = function JsonataRegexEngine(pattern: RegExp): RegExp {
  return toLinearRegExp(pattern);
} as unknown as RegExp;
