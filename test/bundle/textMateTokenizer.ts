/**
 * A small TextMate tokenizer for testing our grammars without vscode-textmate/oniguruma (not installed):
 * match, begin/end (name, contentName, captures), patterns, includes (#rule, $self), across lines.
 * Regexes run as JavaScript RegExps, so only the JS-compatible subset is exercised. Test support only.
 */

export interface GrammarRule {
  name?: string;
  contentName?: string;
  match?: string;
  begin?: string;
  end?: string;
  captures?: Record<string, { name?: string }>;
  beginCaptures?: Record<string, { name?: string }>;
  endCaptures?: Record<string, { name?: string }>;
  patterns?: GrammarRule[];
  include?: string;
  comment?: string;
}

export interface Grammar extends GrammarRule {
  scopeName: string;
  repository?: Record<string, GrammarRule>;
}

export interface Token {
  text: string;
  scopes: string[];
}

interface Frame {
  rule: GrammarRule;
  /** Scopes of the whole begin/end region (name) and of its content (name + contentName). */
  scopes: string[];
  contentScopes: string[];
}

const regexCache = new Map<string, RegExp>();
function regex(source: string): RegExp {
  let compiled = regexCache.get(source);
  if (!compiled) {
    compiled = new RegExp(source, 'dg');
    regexCache.set(source, compiled);
  }
  return compiled;
}

function splitScopes(name: string | undefined): string[] {
  return name ? name.split(/\s+/).filter(Boolean) : [];
}

export class TextMateTokenizer {
  constructor(private readonly grammar: Grammar) {}

  /** Resolves includes into the list of concrete rules tried at one position. */
  private flatten(patterns: GrammarRule[] | undefined, seen = new Set<GrammarRule>()): GrammarRule[] {
    const result: GrammarRule[] = [];
    for (const pattern of patterns ?? []) {
      if (pattern.include !== undefined) {
        const target = this.resolve(pattern.include);
        if (seen.has(target)) continue;
        seen.add(target);
        if (target.match !== undefined || target.begin !== undefined) result.push(target);
        else result.push(...this.flatten(target.patterns, seen));
      } else if (pattern.match !== undefined || pattern.begin !== undefined) {
        result.push(pattern);
      } else {
        result.push(...this.flatten(pattern.patterns, seen));
      }
    }
    return result;
  }

  resolve(include: string): GrammarRule {
    if (include === '$self' || include === '$base') return this.grammar;
    if (include.startsWith('#')) {
      const rule = this.grammar.repository?.[include.slice(1)];
      if (!rule) throw new Error(`include ${include} does not resolve`);
      return rule;
    }
    throw new Error(`external include ${include} is not supported by the test tokenizer`);
  }

  /** Tokenizes a whole document, line by line, carrying the begin/end stack across lines. */
  tokenize(text: string): Token[][] {
    const root: Frame = {
      rule: this.grammar,
      scopes: [this.grammar.scopeName],
      contentScopes: [this.grammar.scopeName],
    };
    const stack: Frame[] = [root];
    return text.split('\n').map((line) => this.tokenizeLine(line, stack));
  }

  private tokenizeLine(line: string, stack: Frame[]): Token[] {
    const charScopes: string[][] = [];
    let pos = 0;
    let guard = 0;
    while (pos < line.length) {
      if (++guard > 10_000) throw new Error(`tokenizer loop at ${pos} in ${JSON.stringify(line)}`);
      const frame = stack[stack.length - 1];
      const candidates: { rule: GrammarRule | 'end'; source: string }[] = [];
      if (frame.rule.end !== undefined) candidates.push({ rule: 'end', source: frame.rule.end });
      for (const rule of this.flatten(frame.rule.patterns)) {
        candidates.push({ rule, source: (rule.match ?? rule.begin)! });
      }
      let best: { rule: GrammarRule | 'end'; match: RegExpExecArray } | undefined;
      for (const candidate of candidates) {
        const re = regex(candidate.source);
        re.lastIndex = pos;
        const match = re.exec(line);
        if (match && (!best || match.index < best.match.index)) best = { rule: candidate.rule, match };
      }
      if (!best) {
        for (let i = pos; i < line.length; i++) charScopes[i] = frame.contentScopes;
        break;
      }
      const { match } = best;
      for (let i = pos; i < match.index; i++) charScopes[i] = frame.contentScopes;
      const start = match.index;
      const end = start + match[0].length;
      if (best.rule === 'end') {
        this.paint(charScopes, match, frame.scopes, frame.rule.endCaptures ?? frame.rule.captures);
        stack.pop();
      } else if (best.rule.match !== undefined) {
        this.paint(
          charScopes,
          match,
          [...frame.contentScopes, ...splitScopes(best.rule.name)],
          best.rule.captures,
        );
      } else {
        const scopes = [...frame.contentScopes, ...splitScopes(best.rule.name)];
        this.paint(charScopes, match, scopes, best.rule.beginCaptures ?? best.rule.captures);
        stack.push({
          rule: best.rule,
          scopes,
          contentScopes: [...scopes, ...splitScopes(best.rule.contentName)],
        });
      }
      if (end === start && best.rule !== 'end' && best.rule.begin === undefined) {
        // An empty match that changes nothing: step over one character.
        charScopes[start] = frame.contentScopes;
        pos = start + 1;
      } else {
        pos = end;
      }
    }
    return this.merge(line, charScopes);
  }

  private paint(
    charScopes: string[][],
    match: RegExpExecArray,
    scopes: string[],
    captures: Record<string, { name?: string }> | undefined,
  ): void {
    const start = match.index;
    for (let i = start; i < start + match[0].length; i++) charScopes[i] = scopes;
    if (!captures || !match.indices) return;
    const groups = Object.keys(captures)
      .map(Number)
      .sort((a, b) => a - b);
    for (const group of groups) {
      const span = match.indices[group];
      if (!span) continue;
      const extra = splitScopes(captures[String(group)].name);
      for (let i = span[0]; i < span[1]; i++) charScopes[i] = [...charScopes[i], ...extra];
    }
  }

  private merge(line: string, charScopes: string[][]): Token[] {
    const tokens: Token[] = [];
    for (let i = 0; i < line.length; i++) {
      const scopes = charScopes[i] ?? [];
      const last = tokens[tokens.length - 1];
      if (last && last.scopes.join(' ') === scopes.join(' ')) last.text += line[i];
      else tokens.push({ text: line[i], scopes });
    }
    return tokens;
  }
}
