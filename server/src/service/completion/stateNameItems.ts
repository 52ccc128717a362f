/**
 * Transition-target completion (StartAt, Next, Default): the state names of one scope as cheap items. The
 * per-name text is prepared once per model version, scope and insert shape (the model is immutable per
 * version); documentation is left to completionItem/resolve. Depends on: asl/ types, ./ modules only.
 */
import type { ScopeModel, StateMachineModel } from '../../asl';
import { stateTypeDocumentation } from './completionDocs';
import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem } from './completionTypes';
import type { CursorContext } from './cursorContext';
import { snippetEscape, spanRange, yamlScalar } from './insertText';

/** The `data` of a state-name item: enough for resolve to write its docs without the model. */
export interface StateNameItemData {
  aslItem: 'stateName';
  /** The target state's type, when it has a known one. */
  type?: string;
}

interface PreparedName {
  name: string;
  type: string | undefined;
  newText: string;
  filterText: string;
  data: StateNameItemData;
}

/** model -> scope -> insert shape -> the scope's distinct names (first occurrence order) with their text. */
const prepared = new WeakMap<StateMachineModel, Map<ScopeModel, Map<string, PreparedName[]>>>();

/** What the inserted text depends on besides the name (JSON comma; YAML quoting). */
function shapeKey(model: StateMachineModel, ctx: CursorContext): string {
  if (ctx.format === 'json') return ctx.needsComma ? 'j,' : 'j';
  if (!ctx.quoted) return 'y';
  return model.text[ctx.replaceStart] === "'" ? "y'" : 'y"';
}

function insertText(shape: string, name: string): string {
  if (shape === "y'") return `'${snippetEscape(name).replace(/'/g, "''")}'`;
  if (shape === 'y') return snippetEscape(yamlScalar(name));
  return snippetEscape(JSON.stringify(name)) + (shape === 'j,' ? ',' : '');
}

function prepare(model: StateMachineModel, scope: ScopeModel, shape: string): PreparedName[] {
  let byScope = prepared.get(model);
  if (!byScope) prepared.set(model, (byScope = new Map()));
  let byShape = byScope.get(scope);
  if (!byShape) byScope.set(scope, (byShape = new Map()));
  let names = byShape.get(shape);
  if (names) return names;
  const quoted = shape !== 'y';
  const seen = new Set<string>();
  names = [];
  for (const s of scope.states) {
    if (seen.has(s.name)) continue;
    seen.add(s.name);
    const data: StateNameItemData = s.type
      ? { aslItem: 'stateName', type: s.type }
      : { aslItem: 'stateName' };
    names.push({
      name: s.name,
      type: s.type,
      newText: insertText(shape, s.name),
      filterText: quoted ? `"${s.name}"` : s.name,
      data,
    });
  }
  byShape.set(shape, names);
  return names;
}

/**
 * The names of the states of `scope` except `self`, replacing the cursor's range. Items carry label, kind,
 * filter text and edit only (one range object shared by the list); `resolveStateNameItem` adds the docs.
 */
export function stateNameItems(
  model: StateMachineModel,
  ctx: CursorContext,
  scope: ScopeModel | undefined,
  self: string | undefined,
): CompletionItem[] {
  if (!scope) return [];
  const range = spanRange(model, ctx.replaceStart, ctx.replaceEnd);
  const items: CompletionItem[] = [];
  const kind = CompletionItemKind.Reference;
  const insertTextFormat = InsertTextFormat.Snippet;
  for (const p of prepare(model, scope, shapeKey(model, ctx))) {
    if (p.name === self) continue;
    items.push({
      label: p.name,
      kind,
      filterText: p.filterText,
      insertTextFormat,
      textEdit: { range, newText: p.newText },
      data: p.data,
    });
  }
  return items;
}

function isStateNameData(data: unknown): data is StateNameItemData {
  return typeof data === 'object' && data !== null && (data as StateNameItemData).aslItem === 'stateName';
}

/** The item with its detail and markdown documentation when it is a state-name item, else undefined. */
export function resolveStateNameItem(item: CompletionItem): CompletionItem | undefined {
  if (!isStateNameData(item.data)) return undefined;
  const type = typeof item.data.type === 'string' ? item.data.type : undefined;
  const summary = `${type ?? 'A'} state \`${item.label}\` in this scope.`;
  const value = type ? `${summary}\n\n${stateTypeDocumentation(type).summary}` : summary;
  return { ...item, detail: summary, documentation: { kind: MarkupKind.Markdown, value } };
}
