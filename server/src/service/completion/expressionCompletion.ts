/**
 * Completion inside string values: JSONPath `$$.` context paths, intrinsic functions and `$variables` in
 * path fields and `.$` values; inside `{% %}` (JSONata states) the JSONata functions (AWS additions
 * included), `$states.*` and variables. Depends on: asl/ (catalogues), ./ modules.
 */
import { INTRINSIC_FUNCTIONS, JSONATA_FUNCTIONS, type StateMachineModel } from '../../asl';
import { CONTEXT_PATHS } from '../docs';
import { EXTRA_CONTEXT_PATHS, STATES_FIELD_NAMES } from './completionCatalog';
import {
  contextDocumentation,
  intrinsicDocumentation,
  jsonataDocumentation,
  statesFieldDocumentation,
} from './completionDocs';
import { CompletionItemKind, type CompletionItem, type Range } from './completionTypes';
import type { CursorContext } from './cursorContext';
import { variablesVisibleFrom } from './documentFacts';
import { rangeItem, snippetEscape, spanRange } from './insertText';
import { classifyPath, languageAt, stateAt } from './pathContext';

/** Context object paths (without prefix) with a fallback doc: the catalog's list plus Distributed Map items. */
const CONTEXT_PATH_LIST: ReadonlyArray<{ name: string; doc: string }> = [
  ...CONTEXT_PATHS.map((c) => ({ name: c.path, doc: c.doc })),
  ...EXTRA_CONTEXT_PATHS,
];

/** What kind of expression a string at a value path holds. */
export type StringRole = 'jsonata' | 'path' | 'pathOrIntrinsic' | 'none';

const TOKEN = /[$A-Za-z0-9_.]*$/;

/** Whether the string at `ctx` is a JSONPath / intrinsic / JSONata place. */
export function stringRole(model: StateMachineModel, ctx: CursorContext): StringRole {
  const owner = classifyPath(ctx.path.slice(0, -1));
  const state = stateAt(model, owner.statePath);
  if (/^\s*\{%/.test(ctx.prefix)) return languageAt(model, state) === 'JSONata' ? 'jsonata' : 'none';
  if (languageAt(model, state) === 'JSONata' || owner.kind === 'other') return 'none';
  const key = ctx.path[ctx.path.length - 1];
  if (typeof key !== 'string') return 'none';
  if (key.endsWith('.$') && (owner.kind === 'payload' || owner.kind === 'credentials')) {
    return 'pathOrIntrinsic';
  }
  if (key === 'ErrorPath' || key === 'CausePath') return 'pathOrIntrinsic';
  if (owner.kind === 'payload') return 'none';
  if (key.endsWith('Path') || key === 'Variable') return 'path';
  return 'none';
}

function variableItems(model: StateMachineModel, ctx: CursorContext, range: Range): CompletionItem[] {
  const state = stateAt(model, classifyPath(ctx.path.slice(0, -1)).statePath);
  return variablesVisibleFrom(model, state).map((v) =>
    rangeItem(
      range,
      `$${v.name}`,
      `$${v.name}`,
      `Variable \`$${v.name}\`, assigned in \`${v.state.name}\`.`,
      CompletionItemKind.Variable,
    ),
  );
}

function tokenRange(
  ctx: CursorContext,
  text: string,
  cursor: number,
): { start: number; end: number; token: string } {
  const token = TOKEN.exec(ctx.prefix)?.[0] ?? '';
  let end = cursor;
  while (end < text.length && /[A-Za-z0-9_.]/.test(text[end])) end++;
  return { start: cursor - token.length, end, token };
}

/** JSONPath strings: `$`, `$$.` context paths, variables and (in `.$` values) intrinsic functions. */
function completeJsonPath(
  model: StateMachineModel,
  ctx: CursorContext,
  cursor: number,
  intrinsics: boolean,
): CompletionItem[] {
  const { start, end, token } = tokenRange(ctx, model.text, cursor);
  const range = spanRange(model, start, end);
  const items: CompletionItem[] = [];
  const before = ctx.prefix.slice(0, ctx.prefix.length - token.length);
  const argumentPosition = /^\s*$|[(,]\s*$/.test(before);
  if (token.startsWith('$') || token === '') {
    if (token === '' || token === '$') {
      items.push(
        rangeItem(range, '$', '$', 'The state input (effective input).', CompletionItemKind.Keyword),
      );
    }
    // ResultPath writes into the input: no context object, no variables there.
    const resultPath = ctx.path[ctx.path.length - 1] === 'ResultPath';
    for (const c of resultPath ? [] : CONTEXT_PATH_LIST) {
      items.push(
        rangeItem(
          range,
          `$$.${c.name}`,
          `$$.${c.name}`,
          contextDocumentation(`$$.${c.name}`, c.doc),
          CompletionItemKind.Field,
        ),
      );
    }
    if (!token.startsWith('$$') && !resultPath) items.push(...variableItems(model, ctx, range));
  }
  if (intrinsics && argumentPosition && !token.startsWith('$')) {
    for (const f of INTRINSIC_FUNCTIONS.values()) {
      const snippet = `${f.name}(${f.minArgs > 0 ? '$1' : ''})$0`;
      items.push(
        rangeItem(range, f.name, snippet, intrinsicDocumentation(f.name), CompletionItemKind.Function, true),
      );
    }
  }
  return items;
}

/** JSONata inside `{% %}`: functions, `$states.*`, context paths and variables. */
function completeJsonata(model: StateMachineModel, ctx: CursorContext, cursor: number): CompletionItem[] {
  const { start, end, token } = tokenRange(ctx, model.text, cursor);
  const range = spanRange(model, start, end);
  if (token !== '' && !token.startsWith('$')) return [];
  const items: CompletionItem[] = [];
  if (
    token.startsWith('$states.context') ||
    token === '' ||
    token.startsWith('$states.') ||
    token === '$' ||
    token.startsWith('$s')
  ) {
    for (const c of CONTEXT_PATH_LIST) {
      items.push(
        rangeItem(
          range,
          `$states.context.${c.name}`,
          `$states.context.${c.name}`,
          contextDocumentation(`$states.context.${c.name}`, c.doc),
          CompletionItemKind.Field,
        ),
      );
    }
  }
  if (token.startsWith('$states.context')) return items;
  for (const f of STATES_FIELD_NAMES) {
    const written = `$states.${f}`;
    items.push(
      rangeItem(range, written, written, statesFieldDocumentation(written), CompletionItemKind.Field),
    );
  }
  if (token.startsWith('$states.')) return items;
  items.push(
    rangeItem(range, '$states', '$states', statesFieldDocumentation('$states'), CompletionItemKind.Variable),
  );
  for (const f of JSONATA_FUNCTIONS.values()) {
    items.push(
      rangeItem(
        range,
        f.name,
        `${snippetEscape(f.name)}(${/\(\)/.test(f.signature) ? '' : '$1'})$0`,
        jsonataDocumentation(f.name),
        CompletionItemKind.Function,
        true,
      ),
    );
  }
  items.push(...variableItems(model, ctx, range));
  return items;
}

/** Completion inside a string value, by the string's role. */
export function completeInString(
  model: StateMachineModel,
  ctx: CursorContext,
  cursor: number,
): CompletionItem[] {
  switch (stringRole(model, ctx)) {
    case 'jsonata': {
      const open = ctx.prefix.indexOf('{%');
      if (ctx.prefix.indexOf('%}', open + 2) >= 0) return [];
      return completeJsonata(model, ctx, cursor);
    }
    case 'path':
      return completeJsonPath(model, ctx, cursor, false);
    case 'pathOrIntrinsic':
      return completeJsonPath(model, ctx, cursor, true);
    default:
      return [];
  }
}
