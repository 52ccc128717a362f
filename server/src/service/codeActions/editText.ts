/**
 * Format-aware text edits for quick fixes: insert, replace, delete properties and reorder array elements so
 * that the result stays valid and laid out like its neighbours, in JSON and in YAML (block and flow style).
 * Depends on: asl/ (syntax tree, model) and service/types only; no transport.
 */
import type { StateMachineModel, SyntaxNode } from '../../asl';
import type { TextEdit } from '../types';

/** A value to write: a scalar, or an ordered list of [key, value] pairs for a nested object. */
export type NewValue = string | number | boolean | null | { entries: Array<[string, NewValue]> };

/** End offset of a node without the trailing whitespace YAML block nodes carry. */
export function trimmedEnd(model: StateMachineModel, node: SyntaxNode): number {
  let end = node.offset + node.length;
  while (end > node.offset && /\s/.test(model.text[end - 1])) end--;
  return end;
}

function edit(model: StateMachineModel, start: number, end: number, newText: string): TextEdit {
  return { range: { start: model.lines.positionAt(start), end: model.lines.positionAt(end) }, newText };
}

/** True when the object/array node is written inline (`{...}` / `[...]`), as all JSON is. */
function isFlow(model: StateMachineModel, node: SyntaxNode): boolean {
  return model.format === 'json' || model.text[node.offset] === '{' || model.text[node.offset] === '[';
}

/** The column (UTF-16 units from the line start) of an offset. */
function columnOf(model: StateMachineModel, offset: number): number {
  return model.lines.positionAt(offset).character;
}

/** The document's line ending (CRLF when its first line ends so). */
function eol(model: StateMachineModel): string {
  const first = model.text.indexOf('\n');
  return first > 0 && model.text[first - 1] === '\r' ? '\r\n' : '\n';
}

/** A key or string scalar as written in this format (YAML keeps it plain when that is safe). */
export function encodeString(model: StateMachineModel, value: string, forceQuotes = false): string {
  if (model.format === 'json' || forceQuotes) return JSON.stringify(value);
  const plainSafe =
    /^[A-Za-z_][A-Za-z0-9_ .()/-]*$/.test(value) &&
    !/\s$/.test(value) &&
    !/^(true|false|null|yes|no|on|off|y|n|~)$/i.test(value) &&
    !value.includes(': ') &&
    !value.includes(' #');
  return plainSafe ? value : JSON.stringify(value);
}

function scalarText(model: StateMachineModel, value: Exclude<NewValue, { entries: unknown }>): string {
  return typeof value === 'string' ? encodeString(model, value) : JSON.stringify(value);
}

/** The indentation step inside `property`'s object value: its children's key column minus the key column. */
function nestedUnit(model: StateMachineModel, property: SyntaxNode, column: number): number {
  const value = property.children?.[1];
  const first = value?.type === 'object' ? value.children?.[0] : undefined;
  if (!first) return 2;
  const step = columnOf(model, first.offset) - column;
  const sameLine = model.lines.positionAt(first.offset).line === model.lines.positionAt(property.offset).line;
  return step > 0 && !sameLine ? step : 2;
}

/**
 * The text of `key: value` for a property whose key starts at `column`. `multiLine` lays nested objects out
 * on their own lines (indented by `unit`); otherwise they stay inline.
 */
export function propertyText(
  model: StateMachineModel,
  key: string,
  value: NewValue,
  column: number,
  multiLine: boolean,
  unit = 2,
): string {
  const keyText = encodeString(model, key);
  const sep = model.format === 'json' ? ': ' : ': ';
  if (value === null || typeof value !== 'object') return `${keyText}${sep}${scalarText(model, value)}`;
  const inner = value.entries;
  if (!multiLine || inner.length === 0) {
    const parts = inner.map(([k, v]) => propertyText(model, k, v, 0, false));
    return `${keyText}${sep}{${parts.join(', ')}}`;
  }
  const pad = ' '.repeat(column + unit);
  const nl = eol(model);
  const parts = inner.map(([k, v]) => pad + propertyText(model, k, v, column + unit, true, unit));
  if (model.format === 'json') {
    return `${keyText}: {${nl}${parts.join(`,${nl}`)}${nl}${' '.repeat(column)}}`;
  }
  return `${keyText}:${nl}${parts.join(nl)}`;
}

/**
 * Inserts `key: value` into an object after `after` (a property node of it) or after its last property,
 * laid out like the existing properties.
 */
export function insertProperty(
  model: StateMachineModel,
  objectNode: SyntaxNode,
  key: string,
  value: NewValue,
  after?: SyntaxNode,
): TextEdit {
  const props = objectNode.children ?? [];
  const anchor = after ?? props[props.length - 1];
  if (!anchor) {
    // An empty object: `{}` (JSON / YAML flow) becomes `{key: value}`.
    const open = objectNode.offset;
    const inside =
      model.format === 'json'
        ? propertyText(model, key, value, 0, false)
        : propertyText(model, key, value, 0, false);
    return edit(model, open + 1, open + 1, inside);
  }
  const anchorEnd = trimmedEnd(model, anchor);
  const column = columnOf(model, anchor.offset);
  const unit = nestedUnit(model, anchor, column);
  if (isFlow(model, objectNode)) {
    // The separator before the anchor (whitespace after the previous comma or after `{`) repeats after it.
    const index = props.indexOf(anchor);
    const before = index > 0 ? trimmedEnd(model, props[index - 1]) + 1 : objectNode.offset + 1;
    const gap = model.text.slice(before, anchor.offset);
    const whitespace = /^\s*$/.test(gap) ? gap : ' ';
    const multiLine = whitespace.includes('\n');
    return edit(
      model,
      anchorEnd,
      anchorEnd,
      `,${whitespace || ' '}${propertyText(model, key, value, column, multiLine, unit)}`,
    );
  }
  return edit(
    model,
    anchorEnd,
    anchorEnd,
    `${eol(model)}${' '.repeat(column)}${propertyText(model, key, value, column, true, unit)}`,
  );
}

/** Replaces a whole property (`key: value`) with another one, in place. */
export function replaceProperty(
  model: StateMachineModel,
  property: SyntaxNode,
  key: string,
  value: NewValue,
): TextEdit {
  const column = columnOf(model, property.offset);
  const text = propertyText(model, key, value, column, false);
  return edit(model, property.offset, trimmedEnd(model, property), text);
}

/** Deletes a property with its separator (comma in JSON/flow style, its lines in YAML block style). */
export function deleteProperty(
  model: StateMachineModel,
  objectNode: SyntaxNode,
  property: SyntaxNode,
): TextEdit {
  const props = objectNode.children ?? [];
  const index = props.indexOf(property);
  const end = trimmedEnd(model, property);
  if (isFlow(model, objectNode)) {
    if (index < props.length - 1) return edit(model, property.offset, props[index + 1].offset, '');
    if (index > 0) return edit(model, trimmedEnd(model, props[index - 1]), end, '');
    return edit(model, property.offset, end, '');
  }
  const lineStart = model.lines.offsetAt({
    line: model.lines.positionAt(property.offset).line,
    character: 0,
  });
  let lineEnd = end;
  while (lineEnd < model.text.length && model.text[lineEnd] !== '\n') lineEnd++;
  if (lineEnd < model.text.length) lineEnd++;
  if (props.length === 1) return edit(model, property.offset, end, '{}');
  return edit(model, lineStart, lineEnd, '');
}

/** Replaces a key with another name (quoting as the format needs). */
export function renameKey(model: StateMachineModel, keyNode: SyntaxNode, newKey: string): TextEdit {
  const quote = model.text[keyNode.offset];
  const text =
    model.format === 'json' || quote === '"'
      ? JSON.stringify(newKey)
      : quote === "'"
        ? `'${newKey.replace(/'/g, "''")}'`
        : encodeString(model, newKey);
  return edit(model, keyNode.offset, trimmedEnd(model, keyNode), text);
}

/** Replaces a scalar value node with a new string (quoted as the format needs; YAML quotes `{% %}`). */
export function replaceWithString(model: StateMachineModel, node: SyntaxNode, value: string): TextEdit {
  const forceQuotes = value.startsWith('{') || value.startsWith('$');
  return edit(model, node.offset, trimmedEnd(model, node), encodeString(model, value, forceQuotes));
}

/**
 * Moves element `index` of an array to the end. The element texts swap places while every separator stays
 * where it was, so the layout (commas, `- ` markers, indentation) is kept.
 */
export function moveElementLast(
  model: StateMachineModel,
  arrayNode: SyntaxNode,
  index: number,
): TextEdit | undefined {
  const items = arrayNode.children ?? [];
  if (index < 0 || index >= items.length - 1) return undefined;
  const spans = items.map((item) => ({ start: item.offset, end: trimmedEnd(model, item) }));
  const texts = spans.map((s) => model.text.slice(s.start, s.end));
  const order = [...texts.slice(0, index), ...texts.slice(index + 1), texts[index]];
  let out = '';
  for (let i = index; i < items.length; i++) {
    out += order[i];
    if (i < items.length - 1) out += model.text.slice(spans[i].end, spans[i + 1].start);
  }
  return edit(model, spans[index].start, spans[items.length - 1].end, out);
}
