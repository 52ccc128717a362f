/**
 * YAML front end: text -> SyntaxTree shaped exactly like jsonc-parser's (object/property/array/string/
 * number/boolean/null nodes with offsets, lengths, parents and colonOffset), so every syntaxTree helper
 * and the model work unchanged on .asl.yaml. Registers itself with registerSyntaxParser('yaml') on import.
 * Depends on: the `yaml` package and ./syntaxTree, ./parseStateMachine, ./parseJson (shared limits) only;
 * no I/O, no transport.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import { capSyntaxProblems, MAX_NESTING_DEPTH } from './parseJson';
import { registerSyntaxParser } from './parseStateMachine';
import type { SyntaxNode, SyntaxProblem, SyntaxTree } from './syntaxTree';

type Range = readonly [number, number, number] | null | undefined;

function span(range: Range, fallback: number): { offset: number; length: number } {
  if (!range) return { offset: fallback, length: 0 };
  return { offset: range[0], length: Math.max(0, range[1] - range[0]) };
}

const TOO_DEEP_MESSAGE = `Nesting deeper than ${MAX_NESTING_DEPTH.toLocaleString('en-US')} levels is not supported: this value is read as null.`;

/** Values built by expanding aliases, in all: beyond this an alias bomb would take minutes and gigabytes. */
const MAX_ALIAS_NODES = 100_000;

/** The yaml reader's own stack exhaustion, reported where it happened in words a user can act on. */
function isStackExhaustion(message: string): boolean {
  return /maximum call stack size exceeded/i.test(message);
}

class TreeBuilder {
  /** Values cut off at MAX_NESTING_DEPTH (reported once each by the caller). */
  readonly tooDeep: number[] = [];
  /** Offset of the outermost alias whose expansion went over MAX_ALIAS_NODES, if any. */
  aliasOverflow: number | undefined;
  private aliasNodes = 0;
  private aliasDepth = 0;
  private aliasOffset = 0;
  private readonly resolved = new Map<unknown, unknown>();

  constructor(
    private readonly text: string,
    private readonly doc: Document,
  ) {}

  build(node: unknown, parent: SyntaxNode | undefined, fallback: number, depth = 0): SyntaxNode {
    const range: Range = (node as { range?: Range } | null)?.range;
    if (depth >= MAX_NESTING_DEPTH && (isMap(node) || isSeq(node))) {
      const { offset } = span(range, fallback);
      this.tooDeep.push(offset);
      return scalarNode(null, offset, 0, parent);
    }
    if (this.aliasDepth > 0 && ++this.aliasNodes > MAX_ALIAS_NODES) {
      // An alias bomb (aliases of aliases of ...): stop expanding, report it at the outermost alias.
      this.aliasOverflow ??= this.aliasOffset;
      return scalarNode(null, span(range, fallback).offset, 0, parent);
    }
    if (!isAlias(node)) return this.buildValue(node, range, parent, fallback, depth);
    // An alias takes the resolved node's value but keeps its own location.
    let source: unknown = null;
    if (depth < 64) {
      // resolve() searches the whole document for the anchor: once per alias node, not per expansion.
      source = this.resolved.get(node);
      if (source === undefined) this.resolved.set(node, (source = node.resolve(this.doc) ?? null));
    }
    if (this.aliasDepth++ === 0) this.aliasOffset = span(range, fallback).offset;
    try {
      return this.buildValue(source, range, parent, fallback, depth);
    } finally {
      this.aliasDepth--;
    }
  }

  private buildValue(
    source: unknown,
    range: Range,
    parent: SyntaxNode | undefined,
    fallback: number,
    depth: number,
  ): SyntaxNode {
    const { offset, length } = span(range, fallback);
    if (isMap(source)) {
      const result: SyntaxNode = { type: 'object', offset, length, parent, children: [] };
      for (const item of source.items) {
        if (!isPair(item)) continue;
        result.children!.push(this.property(item.key, item.value, result, offset, depth));
      }
      return result;
    }
    if (isSeq(source)) {
      const result: SyntaxNode = { type: 'array', offset, length, parent, children: [] };
      let last = offset;
      for (const item of source.items) {
        const child = this.build(item, result, last, depth + 1);
        last = child.offset + child.length;
        result.children!.push(child);
      }
      return result;
    }
    const value = isScalar(source)
      ? source.value
      : source === null || source === undefined
        ? null
        : undefined;
    return scalarNode(value, offset, length, parent);
  }

  private property(
    key: unknown,
    value: unknown,
    parent: SyntaxNode,
    fallback: number,
    depth: number,
  ): SyntaxNode {
    const keyRange = (key as { range?: Range } | null)?.range;
    const keySpan = span(keyRange, fallback);
    const prop: SyntaxNode = { type: 'property', offset: keySpan.offset, length: 0, parent, children: [] };
    const keyValue = isScalar(key) ? key.value : key;
    const keyNode: SyntaxNode = {
      type: 'string',
      offset: keySpan.offset,
      length: keySpan.length,
      parent: prop,
      value: keyValue === null || keyValue === undefined ? '' : String(keyValue),
    };
    prop.children!.push(keyNode);
    const keyEnd = keySpan.offset + keySpan.length;
    const colon = this.text.indexOf(':', keyEnd);
    if (colon >= 0) (prop as { colonOffset?: number }).colonOffset = colon;
    let end = colon >= 0 ? colon + 1 : keyEnd;
    const valueNode = value === null || value === undefined ? undefined : (value as Node);
    if (valueNode && (valueNode as { range?: Range }).range) {
      const child = this.build(valueNode, prop, end, depth + 1);
      prop.children!.push(child);
      end = child.offset + child.length;
    } else {
      // `Key:` with nothing after it is a null value in YAML.
      prop.children!.push(scalarNode(null, end, 0, prop));
    }
    (prop as { length: number }).length = Math.max(0, end - prop.offset);
    return prop;
  }
}

function scalarNode(
  value: unknown,
  offset: number,
  length: number,
  parent: SyntaxNode | undefined,
): SyntaxNode {
  if (typeof value === 'string') return { type: 'string', offset, length, parent, value };
  if (typeof value === 'number') return { type: 'number', offset, length, parent, value };
  if (typeof value === 'bigint') return { type: 'number', offset, length, parent, value: Number(value) };
  if (typeof value === 'boolean') return { type: 'boolean', offset, length, parent, value };
  if (value === null || value === undefined) return { type: 'null', offset, length, parent, value: null };
  // Dates and other tagged scalars are kept as their source text.
  return { type: 'string', offset, length, parent, value: String(value) };
}

/** Parses YAML text into a jsonc-parser-shaped tree; syntax errors become located SyntaxProblems. */
export function parseYamlSyntax(text: string): SyntaxTree {
  const problems: SyntaxProblem[] = [];
  let doc: Document;
  try {
    doc = parseDocument(text, { keepSourceTokens: false, uniqueKeys: false, prettyErrors: false });
  } catch (error) {
    problems.push({
      code: 'yaml-syntax',
      message: `YAML could not be read: ${(error as Error).message}`,
      offset: 0,
      length: Math.min(1, text.length),
      severity: 'error',
    });
    return { format: 'yaml', root: undefined, problems: capSyntaxProblems(problems) };
  }
  let stackErrors = 0;
  for (const e of doc.errors) {
    const [start, end] = e.pos;
    const deep = isStackExhaustion(e.message);
    // The reader reports its stack exhaustion once per level it unwinds: keep the first, deepest one.
    if (deep && stackErrors++ > 0) continue;
    problems.push({
      code: deep ? 'nesting-too-deep' : 'yaml-syntax',
      message: deep
        ? 'YAML nested too deeply to be read here: the YAML reader ran out of stack. Flatten this value.'
        : `YAML syntax error: ${e.message.split('\n')[0]}`,
      offset: Math.min(start, text.length),
      length: Math.max(1, end - start),
      severity: 'error',
    });
  }
  const contents = doc.contents;
  if (contents === null || contents === undefined) {
    if (problems.length === 0) {
      problems.push({
        code: 'yaml-syntax',
        message: 'The YAML document is empty: a state machine object is expected.',
        offset: 0,
        length: Math.min(1, text.length),
        severity: 'error',
      });
    }
    return { format: 'yaml', root: undefined, problems: capSyntaxProblems(problems) };
  }
  try {
    const builder = new TreeBuilder(text, doc);
    const root = builder.build(contents, undefined, 0);
    if (builder.aliasOverflow !== undefined) {
      problems.push({
        code: 'yaml-alias-limit',
        message: `YAML aliases here expand to more than ${MAX_ALIAS_NODES.toLocaleString('en-US')} values (an alias bomb?): the rest are read as null.`,
        offset: builder.aliasOverflow,
        length: 1,
        severity: 'error',
      });
    }
    for (const offset of builder.tooDeep.slice(0, 10)) {
      problems.push({
        code: 'nesting-too-deep',
        message: TOO_DEEP_MESSAGE,
        offset,
        length: 1,
        severity: 'error',
      });
    }
    return { format: 'yaml', root, problems: capSyntaxProblems(problems) };
  } catch (error) {
    // Extremely deep nesting can exhaust the stack: report it at the start instead of crashing.
    const message = (error as Error).message;
    problems.push({
      code: isStackExhaustion(message) ? 'nesting-too-deep' : 'yaml-syntax',
      message: isStackExhaustion(message)
        ? 'The YAML document is nested too deeply to be read.'
        : `YAML could not be read: ${message}`,
      offset: 0,
      length: Math.min(1, text.length),
      severity: 'error',
    });
    return { format: 'yaml', root: undefined, problems: capSyntaxProblems(problems) };
  }
}

registerSyntaxParser('yaml', (text) => parseYamlSyntax(text));
