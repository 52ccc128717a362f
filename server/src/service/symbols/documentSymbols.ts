/**
 * Document symbols: the state machine as a nested outline (states, with Parallel branches and Map
 * processors nested under their owner state). Works on half-parsed documents (uses what the model has).
 * Depends on: asl/ and service/types only; no transport.
 */
import type { ScopeModel, StateMachineModel, StateModel } from '../../asl';
import { type DocumentSymbol, type Range, SymbolKind } from '../types';

function rangeOf(model: StateMachineModel, offset: number, length: number): Range {
  return { start: model.lines.positionAt(offset), end: model.lines.positionAt(offset + length) };
}

function scopeSymbols(model: StateMachineModel, scope: ScopeModel): DocumentSymbol[] {
  return scope.states.map((state) => stateSymbol(model, state));
}

function stateSymbol(model: StateMachineModel, state: StateModel): DocumentSymbol {
  const prop = state.keyNode.parent ?? state.keyNode;
  const children: DocumentSymbol[] = state.children.map((child, index) => {
    const node = child.node ?? prop;
    const name = child.kind === 'branch' ? `Branch ${child.branchIndex ?? index}` : 'ItemProcessor';
    return {
      name,
      kind: SymbolKind.Namespace,
      range: rangeOf(model, node.offset, node.length),
      selectionRange: rangeOf(model, node.offset, Math.min(node.length, 1)),
      children: scopeSymbols(model, child),
    };
  });
  return {
    name: state.name || '(empty name)',
    detail: state.type ?? 'unknown type',
    kind: state.type === 'Parallel' || state.type === 'Map' ? SymbolKind.Module : SymbolKind.Object,
    range: rangeOf(model, prop.offset, prop.length),
    selectionRange: rangeOf(model, state.keyNode.offset, state.keyNode.length),
    children,
  };
}

/** The nested outline of a state machine: top-level states, each with its branches/processor nested. */
export function findDocumentSymbols(model: StateMachineModel): DocumentSymbol[] {
  return model.rootScope ? scopeSymbols(model, model.rootScope) : [];
}
