/**
 * Structural quick fixes: "Create state" for a transition to a missing state, "Move the States.ALL
 * retrier/catcher last", "Add End: true" / "Add Next", and "Rename to '<suggestion>'" for unknown fields.
 * Depends on: asl/, codeActions/editText and service/types; no transport.
 */
import {
  nodeAtOffset,
  propertyOf,
  stateAtOffset,
  valueNodeOf,
  type StateMachineModel,
  type StateModel,
} from '../../asl';
import { type CodeAction, CodeActionKind, type Diagnostic, type TextEdit } from '../types';
import { insertProperty, moveElementLast, renameKey, replaceProperty } from './editText';

/** AWS's limit on state name length. */
const MAX_NAME_LENGTH = 80;

/** How many "Add Next" candidates a missing-next-or-end diagnostic offers. */
const MAX_NEXT_CANDIDATES = 3;

function action(
  title: string,
  uri: string,
  diagnostic: Diagnostic,
  edits: TextEdit[],
  preferred = false,
): CodeAction {
  return {
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    ...(preferred ? { isPreferred: true } : {}),
    edit: { changes: { [uri]: edits } },
  };
}

function record(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
}

/**
 * "Create state '<target>'": a Pass state with End: true after the referring state, in its scope. Not offered
 * for StartAt, for names used in another scope, or for names longer than AWS allows.
 */
export function createStateFix(model: StateMachineModel, uri: string, diagnostic: Diagnostic): CodeAction[] {
  const node = nodeAtOffset(model.root, model.lines.offsetAt(diagnostic.range.start) + 1);
  if (node?.type !== 'string' || typeof node.value !== 'string') return [];
  const target = node.value;
  // A name used anywhere else would become a duplicate state name: only Change to applies then.
  if (target.trim() === '' || [...target].length > MAX_NAME_LENGTH || model.statesByName.has(target)) {
    return [];
  }
  // A new StartAt state that ends at once would leave every other state unreachable: Change to fits there.
  const referrer = model.states.find((s) => s.transitions.some((t) => t.node === node));
  const scope = referrer?.scope;
  const statesNode = scope?.statesNode;
  if (!scope || statesNode?.type !== 'object') return [];
  const after = referrer?.keyNode.parent;
  const edit = insertProperty(
    model,
    statesNode,
    target,
    {
      entries: [
        ['Type', 'Pass'],
        ['End', true],
      ],
    },
    after,
  );
  return [action(`Create state '${target}'`, uri, diagnostic, [edit])];
}

/** "Move the States.ALL retrier/catcher last" for states-all-not-last (data {field, index}). */
export function moveAllLastFix(model: StateMachineModel, uri: string, diagnostic: Diagnostic): CodeAction[] {
  const data = record(diagnostic.data);
  const field = data.field === 'Retry' || data.field === 'Catch' ? data.field : undefined;
  const index = typeof data.index === 'number' ? data.index : undefined;
  const state = stateAtOffset(model, model.lines.offsetAt(diagnostic.range.start));
  if (!field || index === undefined || !state) return [];
  const list = valueNodeOf(state.node, field);
  if (list?.type !== 'array') return [];
  const edit = moveElementLast(model, list, index);
  if (!edit) return [];
  const what = field === 'Retry' ? 'retrier' : 'catcher';
  return [action(`Move the States.ALL ${what} last`, uri, diagnostic, [edit], true)];
}

function stateOfKey(model: StateMachineModel, diagnostic: Diagnostic): StateModel | undefined {
  const offset = model.lines.offsetAt(diagnostic.range.start);
  return model.states.find((s) => s.keyNode.offset === offset);
}

/** "Add End: true" and "Add Next: '<state>'" for missing-next-or-end (data {stateName}). */
export function nextOrEndFixes(model: StateMachineModel, uri: string, diagnostic: Diagnostic): CodeAction[] {
  const state = stateOfKey(model, diagnostic);
  if (!state || state.node?.type !== 'object') return [];
  const endProperty = propertyOf(state.node, 'End');
  const set = (key: string, value: string | boolean): TextEdit =>
    endProperty
      ? replaceProperty(model, endProperty, key, value)
      : insertProperty(model, state.node!, key, value);
  const actions = [action('Add End: true', uri, diagnostic, [set('End', true)], true)];
  // The next sibling in document order first, then the others in order, a few at most.
  const siblings = state.scope.states.filter((s) => s !== state && s.scope.byName.get(s.name) === s);
  const position = state.scope.states.indexOf(state);
  const after = siblings.filter((s) => state.scope.states.indexOf(s) > position);
  const before = siblings.filter((s) => state.scope.states.indexOf(s) < position);
  for (const candidate of [...after, ...before].slice(0, MAX_NEXT_CANDIDATES)) {
    actions.push(action(`Add Next: '${candidate.name}'`, uri, diagnostic, [set('Next', candidate.name)]));
  }
  return actions;
}

/** "Rename to '<suggestion>'" for unknown-field (data {field, suggestion}). */
export function renameFieldFix(model: StateMachineModel, uri: string, diagnostic: Diagnostic): CodeAction[] {
  const data = record(diagnostic.data);
  if (typeof data.suggestion !== 'string' || typeof data.field !== 'string') return [];
  const keyNode = nodeAtOffset(model.root, model.lines.offsetAt(diagnostic.range.start) + 1);
  const property = keyNode?.parent;
  if (keyNode?.type !== 'string' || keyNode.value !== data.field || property?.type !== 'property') return [];
  // Renaming onto a key the object already has would only trade this problem for a duplicate key.
  if (propertyOf(property.parent, data.suggestion)) return [];
  return [
    action(
      `Rename to '${data.suggestion}'`,
      uri,
      diagnostic,
      [renameKey(model, keyNode, data.suggestion)],
      true,
    ),
  ];
}
