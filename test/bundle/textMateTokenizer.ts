/**
 * A small TextMate tokenizer for testing our grammars without vscode-textmate/oniguruma (not installed):
 * match, begin/end (name, contentName, captures), patterns, includes (#rule, $self, scope, scope#rule),
 * the root grammar's `injections` (L: priority, `a b, c - d` selectors), across lines. Regexes run as
 * JavaScript RegExps, so only the JS-compatible subset is exercised. Test support only.
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
  injections?: Record<string, GrammarRule>;
}

export interface Token {
  text: string;
  scopes: string[];
}

interface Frame {
  rule: GrammarRule;
  /** The grammar whose repository `#name` includes of this rule resolve in. */
  owner: Grammar;
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

interface Injection {
  alternatives: { positive: string[]; negative: string[][] }[];
  left: boolean;
  rule: GrammarRule;
}

/** `a b` matches a scope stack holding scopes starting with a, then later b (TextMate prefix rules). */
function matchesPath(selector: string[], scopes: string[]): boolean {
  let at = 0;
  for (const part of selector) {
    while (at < scopes.length && !(scopes[at] === part || scopes[at].startsWith(part + '.'))) at++;
    if (at === scopes.length) return false;
    at++;
  }
  return true;
}

function parseInjection(selector: string, rule: GrammarRule): Injection {
  const left = selector.startsWith('L:');
  const text = selector.replace(/^[LR]:/, '');
  const alternatives = text.split(',').map((alternative) => {
    const [positive, ...negative] = alternative
      .split(' - ')
      .map((p) => p.trim().split(/\s+/).filter(Boolean));
    return { positive, negative };
  });
  return { alternatives, left, rule };
}

export class TextMateTokenizer {
  private readonly registry = new Map<string, Grammar>();
  private readonly owners = new WeakMap<GrammarRule, Grammar>();
  private readonly injections: Injection[];

  /** `grammar` is the root; `others` are grammars it includes by scope name. */
  constructor(
    private readonly grammar: Grammar,
    others: Grammar[] = [],
  ) {
    for (const g of [grammar, ...others]) this.registry.set(g.scopeName, g);
    this.injections = Object.entries(grammar.injections ?? {}).map(([selector, rule]) =>
      parseInjection(selector, rule),
    );
  }

  private ownerOf(rule: GrammarRule, fallback: Grammar): Grammar {
    return this.owners.get(rule) ?? fallback;
  }

  /** Resolves includes into the list of concrete rules tried at one position. */
  private flatten(
    patterns: GrammarRule[] | undefined,
    owner: Grammar,
    seen = new Set<GrammarRule>(),
  ): GrammarRule[] {
    const result: GrammarRule[] = [];
    for (const pattern of patterns ?? []) {
      if (pattern.include !== undefined) {
        const { rule: target, owner: targetOwner } = this.resolveIn(pattern.include, owner);
        if (seen.has(target)) continue;
        seen.add(target);
        if (!this.owners.has(target)) this.owners.set(target, targetOwner);
        if (target.match !== undefined || target.begin !== undefined) result.push(target);
        else result.push(...this.flatten(target.patterns, targetOwner, seen));
      } else if (pattern.match !== undefined || pattern.begin !== undefined) {
        if (!this.owners.has(pattern)) this.owners.set(pattern, owner);
        result.push(pattern);
      } else {
        result.push(...this.flatten(pattern.patterns, owner, seen));
      }
    }
    return result;
  }

  /** Resolves an include as seen from the root grammar. */
  resolve(include: string): GrammarRule {
    return this.resolveIn(include, this.grammar).rule;
  }

  private resolveIn(include: string, owner: Grammar): { rule: GrammarRule; owner: Grammar } {
    if (include === '$self') return { rule: owner, owner };
    if (include === '$base') return { rule: this.grammar, owner: this.grammar };
    const hash = include.indexOf('#');
    const scope = hash < 0 ? include : include.slice(0, hash);
    const grammar = scope === '' ? owner : this.registry.get(scope);
    if (!grammar) throw new Error(`include ${include}: grammar ${scope} is not loaded`);
    if (hash < 0) return { rule: grammar, owner: grammar };
    const rule = grammar.repository?.[include.slice(hash + 1)];
    if (!rule) throw new Error(`include ${include} does not resolve`);
    return { rule, owner: grammar };
  }

  private injectionsFor(scopes: string[], left: boolean): GrammarRule[] {
    const rules: GrammarRule[] = [];
    for (const injection of this.injections) {
      if (injection.left !== left) continue;
      const applies = injection.alternatives.some(
        (a) => matchesPath(a.positive, scopes) && !a.negative.some((n) => matchesPath(n, scopes)),
      );
      if (applies) rules.push(...this.flatten(injection.rule.patterns, this.grammar));
    }
    return rules;
  }

  /** Tokenizes a whole document, line by line, carrying the begin/end stack across lines. */
  tokenize(text: string): Token[][] {
    const root: Frame = {
      rule: this.grammar,
      owner: this.grammar,
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
      // Tie-break order: L: injections, the end pattern, the rule's patterns, other injections.
      const candidates: { rule: GrammarRule | 'end'; source: string }[] = [];
      const add = (rules: GrammarRule[]) => {
        for (const rule of rules) candidates.push({ rule, source: (rule.match ?? rule.begin)! });
      };
      add(this.injectionsFor(frame.contentScopes, true));
      if (frame.rule.end !== undefined) candidates.push({ rule: 'end', source: frame.rule.end });
      add(this.flatten(frame.rule.patterns, frame.owner));
      add(this.injectionsFor(frame.contentScopes, false));
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
          owner: this.ownerOf(best.rule, frame.owner),
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
    // End patterns that match at the end of the line (`$`, lookaheads) close their regions here.
    while (stack.length > 1) {
      const end = stack[stack.length - 1].rule.end;
      if (end === undefined) break;
      const re = regex(end);
      re.lastIndex = line.length;
      const match = re.exec(line);
      if (!match || match.index !== line.length) break;
      stack.pop();
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
