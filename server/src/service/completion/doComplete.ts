/**
 * Completion entry point: finds the cursor context (key, value or string content) and asks the
 * structure or expression completers; resolves an item's documentation where the list left it out.
 * Never throws on a broken document: no context, no items.
 * Depends on: asl/ (model), ./ modules only.
 */
import type { StateMachineModel } from '../../asl';
import type { CompletionItem, CompletionList } from './completionTypes';
import { cursorContext } from './cursorContext';
import { completeInString } from './expressionCompletion';
import { resolveStateNameItem } from './stateNameItems';
import { completeKeys, completeValues } from './structureCompletion';

/** The completion items at `offset` of the model's text. */
export function doComplete(model: StateMachineModel, offset: number): CompletionList {
  const ctx = cursorContext(model, offset);
  if (!ctx) return { isIncomplete: false, items: [] };
  if (ctx.kind === 'key') return { isIncomplete: false, items: completeKeys(model, ctx) };
  const expression = ctx.inString ? completeInString(model, ctx, offset) : [];
  if (expression.length > 0) return { isIncomplete: false, items: expression };
  return { isIncomplete: false, items: completeValues(model, ctx) };
}

/**
 * completionItem/resolve: the item with its documentation filled in. Long lists (state names) leave docs to
 * this step; every other item already carries them and comes back unchanged. Needs no model.
 */
export function resolveCompletionItem(item: CompletionItem): CompletionItem {
  return resolveStateNameItem(item) ?? item;
}
