/**
 * Maps between a string node's value and document offsets, so features can work on the decoded text of
 * a string (an expression) and report ranges in the document: JSON and YAML double-quoted strings with
 * escapes, YAML single-quoted and plain scalars. Pure: depends on asl/ only; never throws.
 */
import type { StateMachineModel, SyntaxNode } from '../../asl';

export interface StringContent {
  value: string;
  /** Document offset of each value index (length value.length + 1: the last entry is the end). */
  offsets: number[];
}

const SIMPLE_ESCAPES = new Set([
  '"',
  '\\',
  '/',
  'b',
  'f',
  'n',
  'r',
  't',
  '0',
  'a',
  'v',
  'e',
  ' ',
  '_',
  'N',
  'L',
  'P',
  '\t',
]);
const HEX_ESCAPES: Record<string, number> = { u: 4, x: 2, U: 8 };

/** Decodes a double-quoted body, recording the document offset of each decoded UTF-16 unit. */
function decodeDoubleQuoted(raw: string, start: number): StringContent | undefined {
  let value = '';
  const offsets: number[] = [];
  for (let i = 0; i < raw.length;) {
    const c = raw[i];
    if (c !== '\\') {
      value += c;
      offsets.push(start + i);
      i++;
      continue;
    }
    const e = raw[i + 1];
    if (e === undefined) return undefined;
    const hex = HEX_ESCAPES[e];
    if (hex) {
      const code = parseInt(raw.slice(i + 2, i + 2 + hex), 16);
      if (Number.isNaN(code)) return undefined;
      const text = String.fromCodePoint(code);
      for (let k = 0; k < text.length; k++) offsets.push(start + i);
      value += text;
      i += 2 + hex;
    } else if (SIMPLE_ESCAPES.has(e)) {
      value += e === '"' || e === '\\' || e === '/' ? e : ' ';
      offsets.push(start + i);
      i += 2;
    } else {
      return undefined;
    }
  }
  offsets.push(start + raw.length);
  return { value, offsets };
}

function identity(value: string, start: number): StringContent {
  const offsets: number[] = [];
  for (let i = 0; i <= value.length; i++) offsets.push(start + i);
  return { value, offsets };
}

/**
 * The decoded value of a string node with its offset map, or undefined when the node is not a string or
 * its text cannot be mapped (e.g. a folded multi-line YAML scalar). Only escape positions matter to
 * callers: decoded characters of multi-character escapes share the escape's offset.
 */
export function stringContentOf(model: StateMachineModel, node: SyntaxNode): StringContent | undefined {
  if (node.type !== 'string' || typeof node.value !== 'string') return undefined;
  const raw = model.text.slice(node.offset, node.offset + node.length);
  const value = node.value;
  const quote = raw[0];
  if (quote === '"' || quote === "'") {
    // An unterminated string (half-typed document) has no closing quote.
    const closed = raw.length >= 2 && raw[raw.length - 1] === quote;
    const body = closed ? raw.slice(1, -1) : raw.slice(1);
    if (body === value) return identity(value, node.offset + 1);
    if (quote === '"') {
      const decoded = decodeDoubleQuoted(body, node.offset + 1);
      return decoded && decoded.value === value ? decoded : undefined;
    }
    // YAML single quotes: '' stands for '.
    const offsets: number[] = [];
    let decoded = '';
    for (let i = 0; i < body.length; i++) {
      offsets.push(node.offset + 1 + i);
      decoded += body[i];
      if (body[i] === "'" && body[i + 1] === "'") i++;
    }
    offsets.push(node.offset + 1 + body.length);
    return decoded === value ? { value, offsets } : undefined;
  }
  if (raw === value) return identity(value, node.offset);
  return quote === '|' || quote === '>' ? blockScalar(raw, node.offset, value) : undefined;
}

/**
 * A YAML block scalar (`|` literal, `>` folded): content lines after the header, less their common
 * indentation, aligned with the parsed value; each line break is a `\n`, a space (folding) or nothing
 * (folded blank lines). Unusual scalars that do not align fall back to no mapping.
 */
function blockScalar(raw: string, start: number, value: string): StringContent | undefined {
  const headerEnd = raw.indexOf('\n');
  if (headerEnd < 0) return undefined;
  const lines = raw.slice(headerEnd + 1).split('\n');
  const first = lines.find((l) => l.trim() !== '');
  if (first === undefined) return undefined;
  const indent = first.length - first.trimStart().length;
  const offsets: number[] = [];
  let p = 0;
  let lineStart = start + headerEnd + 1;
  for (let i = 0; i < lines.length && p < value.length; i++) {
    const line = lines[i];
    if (i > 0 && (value[p] === '\n' || value[p] === ' ')) {
      offsets.push(lineStart - 1);
      p++;
    }
    for (let k = Math.min(indent, line.length); k < line.length && p < value.length; k++) {
      if (value[p] !== line[k]) return undefined;
      offsets.push(lineStart + k);
      p++;
    }
    lineStart += line.length + 1;
  }
  if (value.slice(p).trim() !== '') return undefined;
  while (offsets.length < value.length) offsets.push(start + raw.length);
  offsets.push(Math.min((offsets[offsets.length - 1] ?? start) + 1, start + raw.length));
  return { value, offsets };
}

/** The value index at a document offset (the first index whose offset is at or after it). */
export function indexAtOffset(content: StringContent, offset: number): number {
  const { offsets } = content;
  let lo = 0;
  let hi = offsets.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (offsets[mid] < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
