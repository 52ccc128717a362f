/**
 * Quick fixes for the validator's diagnostics. So far: `invalid-transition-target` -> "Change to
 * '<closest name>'" (the closest state name of the scope, JSON escaping / YAML quoting respected).
 * Depends on: asl/, service/navigation, service/validation/closestName and service/types; no transport.
 */
import { nodeAtOffset, type StateMachineModel, type SyntaxNode } from '../../asl';
import { encodeName, nameRange } from '../navigation/stateReferences';
import { closestName } from '../validation/closestName';
import { type CodeAction, CodeActionKind, type Diagnostic } from '../types';

interface TransitionData {
  target?: unknown;
  candidates?: unknown;
}

/** Code actions for the given diagnostics (those of other codes are ignored). */
export function getTransitionFixes(
  model: StateMachineModel,
  uri: string,
  diagnostics: Diagnostic[],
): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    if (diagnostic.code !== 'invalid-transition-target') continue;
    const data = (diagnostic.data ?? {}) as TransitionData;
    const node = nodeAtOffset(model.root, model.lines.offsetAt(diagnostic.range.start) + 1);
    if (!node || node.type !== 'string' || typeof node.value !== 'string') continue;
    const candidates = Array.isArray(data.candidates)
      ? data.candidates.filter((c): c is string => typeof c === 'string')
      : scopeNamesOf(model, node);
    const closest = closestName(node.value, candidates);
    if (!closest) continue;
    actions.push({
      title: `Change to '${closest}'`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      isPreferred: true,
      edit: {
        changes: { [uri]: [{ range: nameRange(model, node), newText: encodeName(model, node, closest) }] },
      },
    });
  }
  return actions;
}

/** The state names of the scope a transition value belongs to (for diagnostics without candidates). */
function scopeNamesOf(model: StateMachineModel, node: SyntaxNode): Iterable<string> {
  for (const scope of model.scopes) {
    if (scope.startAtNode === node) return scope.byName.keys();
  }
  for (const state of model.states) {
    if (state.transitions.some((transition) => transition.node === node)) return state.scope.byName.keys();
  }
  return [];
}
