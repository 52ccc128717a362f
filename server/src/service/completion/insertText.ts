/**
 * Builds completion items whose insert text fits the cursor: JSON keys with quotes, colon and a value
 * placeholder (plus a comma when a property follows), JSON values quoted, YAML without quotes or braces
 * and with absolute indentation (insertTextMode asIs). Depends on: ./cursorContext, service/types.
 */
import {
  CompletionItemKind,
  InsertTextFormat,
  MarkupKind,
  type CompletionItem,
  type Range,
  type StateMachineModel,
} from './completionTypes';
import type { DocEntry } from './completionDocs';
import type { CursorContext } from './cursorContext';

export type ValueShape = 'string' | 'object' | 'array' | 'boolean' | 'number' | 'any';

/** Escapes `$`, `}` and `\` for snippet text. */
export function snippetEscape(text: string): string {
  return text.replace(/[$}\\]/g, (c) => `\\${c}`);
}

const ranges = new WeakMap<CursorContext, Range>();

/** The replaced range, converted once per request (every item of a list shares it). */
function rangeOf(model: StateMachineModel, ctx: CursorContext): Range {
  let range = ranges.get(ctx);
  if (!range) {
    range = { start: model.lines.positionAt(ctx.replaceStart), end: model.lines.positionAt(ctx.replaceEnd) };
    ranges.set(ctx, range);
  }
  return { start: { ...range.start }, end: { ...range.end } };
}

/** Markdown documentation, and the one-line summary as the detail when the doc is a catalog entry. */
function docs(value: string | DocEntry): Pick<CompletionItem, 'documentation' | 'detail'> {
  if (typeof value === 'string') return { documentation: { kind: MarkupKind.Markdown, value } };
  return { documentation: { kind: MarkupKind.Markdown, value: value.markdown }, detail: value.summary };
}

function valueTemplate(shape: ValueShape, ctx: CursorContext): string {
  if (ctx.format === 'yaml') {
    const pad = ' '.repeat(ctx.indent + 2);
    if (shape === 'object') return `\n${pad}$1`;
    if (shape === 'array') return `\n${pad}- $1`;
    if (shape === 'boolean') return '${1:true}';
    if (shape === 'number') return '${1:0}';
    return '$1';
  }
  switch (shape) {
    case 'string':
      return '"$1"';
    case 'object':
      return '{$1}';
    case 'array':
      return '[$1]';
    case 'boolean':
      return '${1:true}';
    case 'number':
      return '${1:0}';
    default:
      return '$1';
  }
}

/** A property key item (`"Key": <value>` / `Key: <value>`). */
export function keyItem(
  model: StateMachineModel,
  ctx: CursorContext,
  key: string,
  shape: ValueShape,
  documentation: string | DocEntry,
  sortText: string,
  kind: CompletionItemKind = CompletionItemKind.Property,
): CompletionItem {
  const quotedKey = ctx.format === 'json' ? JSON.stringify(key) : yamlScalar(key);
  let text: string;
  if (ctx.hasValue) text = snippetEscape(quotedKey);
  else {
    const value = valueTemplate(shape, ctx);
    text = `${snippetEscape(quotedKey)}:${value.startsWith('\n') ? '' : ' '}${value}`;
    if (ctx.format === 'json' && ctx.needsComma) text += ',';
  }
  if (ctx.leadingComma) text = `, ${text}`;
  return {
    label: key,
    kind,
    ...docs(documentation),
    sortText,
    filterText: ctx.format === 'json' && ctx.node ? JSON.stringify(key) : key,
    insertTextFormat: InsertTextFormat.Snippet,
    insertTextMode: 1,
    textEdit: { range: rangeOf(model, ctx), newText: text },
  };
}

/** A YAML scalar for `value`: plain when safe, double-quoted (JSON syntax) otherwise. */
export function yamlScalar(value: string): string {
  const plain =
    /^[A-Za-z_$][^:#{}[\],&*!|>'"%@`]*$/.test(value) &&
    !/\s$/.test(value) &&
    !/^(true|false|null|yes|no|on|off|~)$/i.test(value);
  return plain ? value : JSON.stringify(value);
}

/** A whole string value item (a state name, an enum value, an error name, an ARN). */
export function stringValueItem(
  model: StateMachineModel,
  ctx: CursorContext,
  value: string,
  documentation: string | DocEntry,
  kind: CompletionItemKind,
  options: { sortText?: string; snippet?: boolean; label?: string } = {},
): CompletionItem {
  const body = options.snippet ? value : snippetEscape(value);
  const label = options.label ?? value.replace(/\$\{\d+:([^}]*)\}/g, '<$1>');
  let text: string;
  if (ctx.format === 'json' || ctx.quoted) {
    const quoted = options.snippet ? `"${body}"` : snippetEscape(JSON.stringify(value));
    text =
      ctx.quoted && ctx.format === 'yaml' && model.text[ctx.replaceStart] === "'"
        ? `'${body.replace(/'/g, "''")}'`
        : quoted;
  } else {
    const needsQuotes = /^[{[*&!|>'"%@`]/.test(value);
    text = options.snippet ? (needsQuotes ? `'${body}'` : body) : snippetEscape(yamlScalar(value));
  }
  if (ctx.format === 'json' && ctx.needsComma) text += ',';
  return {
    label,
    kind,
    ...docs(documentation),
    sortText: options.sortText,
    filterText: ctx.format === 'json' || ctx.quoted ? `"${label}"` : label,
    insertTextFormat: InsertTextFormat.Snippet,
    textEdit: { range: rangeOf(model, ctx), newText: text },
  };
}

/** A literal (non-string) value item: `true`, `0`, `[...]`. */
export function literalValueItem(
  model: StateMachineModel,
  ctx: CursorContext,
  label: string,
  snippet: string,
  documentation: string | DocEntry,
): CompletionItem {
  let text = snippet;
  if (ctx.format === 'json' && ctx.needsComma) text += ',';
  return {
    label,
    kind: CompletionItemKind.Value,
    ...docs(documentation),
    insertTextFormat: InsertTextFormat.Snippet,
    textEdit: { range: rangeOf(model, ctx), newText: text },
  };
}

/** A snippet item replacing the cursor range with `text` (already shaped for the format). */
export function snippetItem(
  model: StateMachineModel,
  ctx: CursorContext,
  label: string,
  text: string,
  documentation: string | DocEntry,
  sortText: string,
): CompletionItem {
  return {
    label,
    kind: CompletionItemKind.Snippet,
    ...docs(documentation),
    sortText,
    filterText: ctx.format === 'json' && ctx.node ? `"${label}"` : label,
    insertTextFormat: InsertTextFormat.Snippet,
    insertTextMode: 1,
    textEdit: {
      range: rangeOf(model, ctx),
      newText: (ctx.leadingComma ? ', ' : '') + text + (ctx.format === 'json' && ctx.needsComma ? ',' : ''),
    },
  };
}

/** The LSP range of `[start, end)`. */
export function spanRange(model: StateMachineModel, start: number, end: number): Range {
  return { start: model.lines.positionAt(start), end: model.lines.positionAt(end) };
}

/** An item replacing `[start, end)` inside a string with `text` (expression completion). */
export function rangeItem(
  range: Range,
  label: string,
  text: string,
  documentation: string | DocEntry,
  kind: CompletionItemKind,
  snippet = false,
): CompletionItem {
  // Input and $states fields first, then variables, functions, and context object paths last.
  const rank =
    kind === CompletionItemKind.Variable
      ? 1
      : kind === CompletionItemKind.Function
        ? 2
        : /^\$\$|^\$states\.context\./.test(label)
          ? 3
          : 0;
  return {
    label,
    kind,
    ...docs(documentation),
    sortText: `${rank}${label}`,
    filterText: label,
    insertTextFormat: snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    textEdit: { range: { start: { ...range.start }, end: { ...range.end } }, newText: text },
  };
}
