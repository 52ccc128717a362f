/**
 * Where a completion cursor is, syntactically: completing a key of some object or a value at some JSON
 * path, the range the item replaces, and the string content before the cursor. Works on half-typed JSON
 * (jsonc-parser is tolerant) and on YAML by line shape and indentation when the tree stops short.
 * Depends on: asl/ (syntax tree, model) only; knows nothing of ASL semantics.
 */
import { nodeAtOffset, pathOf, type StateMachineModel, type SyntaxNode } from '../../asl';

export type JsonPathSegments = (string | number)[];

export interface CursorContext {
  kind: 'key' | 'value';
  /** key: path of the object whose keys are completed; value: path of the value (ends in its key or index). */
  path: JsonPathSegments;
  /** key: the object node when it exists (absent for a YAML block not parsed yet). */
  objectNode: SyntaxNode | undefined;
  /** The existing node being replaced (key string or value), if any. */
  node: SyntaxNode | undefined;
  replaceStart: number;
  replaceEnd: number;
  /** The cursor is inside a string value (completing its content: paths, expressions, names). */
  inString: boolean;
  /** Offset where the string content starts (after the opening quote) when inString. */
  contentStart: number;
  /** The string content from contentStart up to the cursor. */
  prefix: string;
  /** key: the property already has a colon and value, so only the key is replaced. */
  hasValue: boolean;
  /** JSON: the next token needs a separating comma after the inserted text. */
  needsComma: boolean;
  /** JSON: a property ends right before the cursor without a comma, so the inserted key needs one first. */
  leadingComma: boolean;
  /** The string being replaced was quoted (JSON always; YAML when written with quotes). */
  quoted: boolean;
  format: 'json' | 'yaml';
  /** YAML: the column keys of the completed object start at (for multi-line inserts). */
  indent: number;
}

const WORD = /[A-Za-z0-9_.$-]/;

function isClosedString(text: string, node: SyntaxNode): boolean {
  const end = node.offset + node.length;
  const open = text[node.offset];
  if (open !== '"' && open !== "'") return true; // YAML plain scalar
  if (node.length < 2 || text[end - 1] !== open) return false;
  let backslashes = 0;
  for (let i = end - 2; i > node.offset && text[i] === '\\'; i--) backslashes++;
  return backslashes % 2 === 0;
}

function wordEnd(text: string, offset: number): number {
  let end = offset;
  while (end < text.length && WORD.test(text[end])) end++;
  return end;
}

function wordStart(text: string, offset: number): number {
  let start = offset;
  while (start > 0 && WORD.test(text[start - 1])) start--;
  return start;
}

/** JSON: does the text after `end` start with something that needs a comma before it? */
function commaNeeded(text: string, end: number): boolean {
  let i = end;
  while (i < text.length && /\s/.test(text[i])) i++;
  const c = text[i];
  return c === '"' || c === '{' || c === '[' || (c !== undefined && /[0-9tfn-]/.test(c));
}

/** Start of the line holding `offset` (scans back over that line only). */
function lineStartOf(text: string, offset: number): number {
  let start = Math.min(offset, text.length);
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  return start;
}

function base(model: StateMachineModel, offset: number): Omit<CursorContext, 'kind' | 'path' | 'objectNode'> {
  return {
    node: undefined,
    replaceStart: offset,
    replaceEnd: offset,
    inString: false,
    contentStart: offset,
    prefix: '',
    hasValue: false,
    needsComma: false,
    leadingComma: false,
    quoted: model.format === 'json',
    format: model.format,
    indent: 0,
  };
}

/** Before the opening or after the closing bracket of an object/array node. */
function outside(text: string, node: SyntaxNode, offset: number): boolean {
  const end = node.offset + node.length;
  return offset <= node.offset || (offset >= end && /[}\]]/.test(text[end - 1] ?? ''));
}

/** JSON: a value (or key) ends right before `start` inside the object, so a new key needs a comma first. */
function valueEndsBefore(text: string, start: number, objectStart: number): boolean {
  let i = start - 1;
  while (i > objectStart && /\s/.test(text[i])) i--;
  return i > objectStart && /["}\]0-9a-z]/.test(text[i]);
}

/** JSON: the cursor follows a `//` on its line that is not inside a string. */
function inLineComment(model: StateMachineModel, offset: number): boolean {
  const lineStart = lineStartOf(model.text, offset);
  const inLine = model.text.slice(lineStart, offset).lastIndexOf('//');
  if (inLine < 0) return false;
  const slash = lineStart + inLine;
  return nodeAtOffset(model.root, slash)?.type !== 'string';
}

/** The completion context at `offset`, or undefined where nothing can be completed (e.g. after a closed value). */
export function cursorContext(model: StateMachineModel, offset: number): CursorContext | undefined {
  const text = model.text;
  let node = nodeAtOffset(model.root, offset);
  if (
    node &&
    (node.type === 'string' || node.type === 'number' || node.type === 'boolean' || node.type === 'null')
  ) {
    const located = fromScalar(model, node, offset);
    if (located !== 'fallthrough') return located;
    // Just before a key or value: complete in the enclosing object / property / array.
    const parent = node.parent;
    node = parent?.type === 'property' && parent.children?.[0] === node ? parent.parent : parent;
  }
  if (model.format === 'yaml') return fromYamlLine(model, offset);
  if (inLineComment(model, offset)) return undefined;
  if (!node) {
    return model.root || text.trim() !== ''
      ? undefined
      : { ...base(model, offset), kind: 'key', path: [], objectNode: undefined };
  }
  if (node.type === 'property') {
    const key = node.children?.[0];
    const colon = key ? text.indexOf(':', key.offset + key.length) : -1;
    if (key && typeof key.value === 'string' && colon >= 0 && colon < offset) {
      return {
        ...base(model, offset),
        kind: 'value',
        path: [...pathOf(key), key.value],
        objectNode: node.parent,
        needsComma: commaNeeded(text, offset),
      };
    }
    return undefined;
  }
  if ((node.type === 'object' || node.type === 'array') && outside(text, node, offset)) return undefined;
  if (node.type === 'object') {
    const start = wordStart(text, offset);
    const end = wordEnd(text, offset);
    return {
      ...base(model, offset),
      kind: 'key',
      path: pathOf(node),
      objectNode: node,
      replaceStart: start,
      replaceEnd: end,
      needsComma: commaNeeded(text, end),
      leadingComma: valueEndsBefore(text, start, node.offset),
      hasValue: /^\s*:/.test(text.slice(end, end + 20)),
    };
  }
  if (node.type === 'array') {
    const index = (node.children ?? []).filter((c) => c.offset + c.length <= offset).length;
    return {
      ...base(model, offset),
      kind: 'value',
      path: [...pathOf(node), index],
      objectNode: undefined,
      needsComma: commaNeeded(text, offset),
    };
  }
  return undefined;
}

function fromScalar(
  model: StateMachineModel,
  node: SyntaxNode,
  offset: number,
): CursorContext | undefined | 'fallthrough' {
  const text = model.text;
  const end = node.offset + node.length;
  const open = text[node.offset];
  const quoted = node.type === 'string' && (open === '"' || open === "'");
  const closed = node.type !== 'string' || isClosedString(text, node);
  const parent = node.parent;
  const isKey = parent?.type === 'property' && parent.children?.[0] === node;
  if (model.format === 'yaml' && node.type === 'null' && node.length === 0) return 'fallthrough';
  if (quoted && closed && offset === end) return isKey ? undefined : 'fallthrough';
  if (quoted && offset === node.offset) return 'fallthrough';
  const inside = quoted ? offset > node.offset : offset >= node.offset;
  if (!inside) return 'fallthrough';
  // A YAML block scalar (`|` / `>`): the content starts on the line after its header.
  const block = model.format === 'yaml' && (open === '|' || open === '>') && node.type === 'string';
  const headerEnd = block ? text.indexOf('\n', node.offset) : -1;
  if (block && (headerEnd < 0 || offset <= headerEnd)) return undefined;
  const contentStart = quoted ? node.offset + 1 : block ? headerEnd + 1 : node.offset;
  const replaceEnd = closed ? end : Math.max(offset, wordEnd(text, offset));
  const common = {
    ...base(model, offset),
    node,
    replaceStart: node.offset,
    replaceEnd,
    contentStart,
    prefix: text.slice(contentStart, offset),
    quoted,
  };
  if (isKey) {
    if (model.format === 'yaml' && !quoted) common.replaceEnd = end;
    return {
      ...common,
      kind: 'key',
      path: pathOf(node),
      objectNode: parent?.parent,
      // The key is followed by a colon: only the key is replaced, its value stays.
      hasValue: closed && /^[ \t]*:/.test(text.slice(end, end + 40)),
      needsComma: model.format === 'json' && commaNeeded(text, replaceEnd),
      leadingComma:
        model.format === 'json' &&
        !!parent?.parent &&
        valueEndsBefore(text, node.offset, parent.parent.offset),
      indent: node.offset - lineStartOf(text, node.offset),
    };
  }
  if (model.format === 'yaml' && !quoted && parent?.type === 'property') {
    // A plain YAML scalar: `Key: val|` — the tree knows the key, the rest of the line is the value.
    common.replaceEnd = end;
  }
  return {
    ...common,
    kind: 'value',
    path: pathOf(node),
    objectNode: parent?.type === 'property' ? parent.parent : undefined,
    inString: node.type === 'string',
    needsComma: model.format === 'json' && commaNeeded(text, replaceEnd),
  };
}

// ---------------------------------------------------------------------------------------------
// YAML by line shape: `  Ke|` (a key), `  - |` (a new item), `  Key: va|` (a value not in the tree yet).

interface YamlLine {
  start: number;
  indent: number;
  /** Column where the content starts (after `- ` for a sequence item). */
  contentColumn: number;
  dash: boolean;
}

function yamlLineAt(text: string, start: number): YamlLine {
  let i = start;
  while (text[i] === ' ') i++;
  const indent = i - start;
  let dash = false;
  if (text[i] === '-' && (text[i + 1] === ' ' || text[i + 1] === '\n' || text[i + 1] === undefined)) {
    dash = true;
    i++;
    while (text[i] === ' ') i++;
  }
  return { start, indent, contentColumn: i - start, dash };
}

function fromYamlLine(model: StateMachineModel, offset: number): CursorContext | undefined {
  const text = model.text;
  const lineStart = lineStartOf(text, offset);
  const before = text.slice(lineStart, offset);
  const keyValue =
    /^(\s*(?:-\s+)?)([^\s:#][^:#]*?):\s+(.*)$/.exec(before) ??
    /^(\s*(?:-\s+)?)([^\s:#][^:#]*?):()$/.exec(before);
  if (keyValue) {
    const keyOffset = lineStart + keyValue[1].length;
    const keyNode = nodeAtOffset(model.root, keyOffset);
    const rest = keyValue[3];
    if (/^[[{]/.test(rest)) return undefined; // a flow collection: the tree handles its insides
    const key = keyValue[2].trim().replace(/^["']|["']$/g, '');
    const path =
      keyNode && keyNode.parent?.type === 'property' && keyNode.parent.children?.[0] === keyNode
        ? [...pathOf(keyNode), key]
        : [...containerAt(model, lineStart, keyValue[1].length).path, key];
    const start = offset - rest.length;
    return {
      ...base(model, offset),
      kind: 'value',
      path,
      objectNode: undefined,
      replaceStart: start,
      replaceEnd: wordEnd(text, offset),
      inString: rest.length > 0,
      contentStart: start,
      prefix: rest,
      quoted: false,
    };
  }
  const keyish = /^(\s*)(-\s+)?([A-Za-z0-9_.$-]*)$/.exec(before);
  if (!keyish) return undefined;
  const column = keyish[1].length + (keyish[2]?.length ?? 0);
  const container = containerAt(model, lineStart, column, Boolean(keyish[2]));
  const start = offset - keyish[3].length;
  const end = wordEnd(text, offset);
  const after = text.slice(end, text.indexOf('\n', end) < 0 ? text.length : text.indexOf('\n', end));
  const last = container.path[container.path.length - 2];
  if (keyish[2] && last === 'ErrorEquals') {
    return {
      ...base(model, offset),
      kind: 'value',
      path: container.path,
      objectNode: undefined,
      replaceStart: start,
      replaceEnd: end,
      quoted: false,
    };
  }
  return {
    ...base(model, offset),
    kind: 'key',
    path: container.path,
    objectNode: container.node,
    replaceStart: start,
    replaceEnd: end,
    hasValue: /^\s*:/.test(after),
    quoted: false,
    indent: column,
  };
}

/**
 * The object a YAML key at `column` on the line starting at `lineStart` belongs to: the nearest line
 * above at the same column (its key's object), or the nearest less-indented `Key:` (its value).
 */
function containerAt(
  model: StateMachineModel,
  lineStart: number,
  column: number,
  newItem = false,
): { path: JsonPathSegments; node: SyntaxNode | undefined } {
  const text = model.text;
  let end = lineStart - 1;
  while (end > 0) {
    const start = lineStartOf(text, end);
    const line = yamlLineAt(text, start);
    const content = text.slice(start + line.contentColumn, end).trim();
    end = start - 1;
    if (content === '' || content.startsWith('#')) continue;
    const at = nodeAtOffset(model.root, start + line.contentColumn);
    const keyNode = at?.parent?.type === 'property' && at.parent.children?.[0] === at ? at : undefined;
    if (line.contentColumn === column || (newItem && line.indent + 2 === column && line.dash)) {
      if (newItem && line.dash && line.indent + 2 === column) {
        // A sibling item: the new item goes after it in the same sequence.
        const item = keyNode?.parent?.parent;
        const seq = item?.parent;
        if (seq?.type === 'array') {
          return { path: [...pathOf(seq), seq.children?.length ?? 0], node: undefined };
        }
      }
      if (keyNode?.parent?.parent) {
        return { path: pathOf(keyNode.parent.parent), node: keyNode.parent.parent };
      }
      continue;
    }
    if (line.contentColumn < column || (line.indent < column && !newItem)) {
      if (!keyNode || typeof keyNode.value !== 'string') return { path: [], node: model.root };
      const value = keyNode.parent?.children?.[1];
      const path = [...pathOf(keyNode), keyNode.value];
      if (value?.type === 'object') return { path, node: value };
      if (value?.type === 'array' || newItem) {
        return {
          path: [...path, value?.type === 'array' ? (value.children?.length ?? 0) : 0],
          node: undefined,
        };
      }
      return { path, node: undefined };
    }
  }
  return { path: [], node: model.root };
}
