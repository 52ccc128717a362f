/**
 * Where workflow variables are assigned: every `Assign` entry of states, Choice Rules and Catchers, and
 * which of them are visible from a state (its own scope and the enclosing ones). Used by hover on `$name`.
 * Depends on asl/ only; pure.
 */
import {
  propertiesOf,
  valueNodeOf,
  type ScopeModel,
  type StateMachineModel,
  type StateModel,
  type SyntaxNode,
} from '../../asl';

export interface VariableAssignment {
  name: string;
  state: StateModel;
  /** `Assign`, `Choices[1].Assign` or `Catch[0].Assign`. */
  where: string;
  keyNode: SyntaxNode;
  valueNode: SyntaxNode | undefined;
}

const cache = new WeakMap<StateMachineModel, Map<string, VariableAssignment[]>>();

function collect(model: StateMachineModel): Map<string, VariableAssignment[]> {
  const byName = new Map<string, VariableAssignment[]>();
  const add = (state: StateModel, where: string, assign: SyntaxNode | undefined) => {
    for (const [key, keyNode, valueNode] of propertiesOf(assign)) {
      const name = key.endsWith('.$') ? key.slice(0, -2) : key;
      const list = byName.get(name) ?? [];
      list.push({ name, state, where, keyNode, valueNode });
      byName.set(name, list);
    }
  };
  for (const state of model.states) {
    add(state, 'Assign', valueNodeOf(state.node, 'Assign'));
    for (const field of ['Choices', 'Catch']) {
      const list = valueNodeOf(state.node, field);
      if (list?.type !== 'array') continue;
      (list.children ?? []).forEach((entry, i) =>
        add(state, `${field}[${i}].Assign`, valueNodeOf(entry, 'Assign')),
      );
    }
  }
  return byName;
}

/** Every assignment of `name` in the document, in document order. */
export function assignmentsOf(model: StateMachineModel, name: string): VariableAssignment[] {
  let byName = cache.get(model);
  if (!byName) {
    byName = collect(model);
    cache.set(model, byName);
  }
  return byName.get(name) ?? [];
}

/** True when variables assigned in `scope` can be read from `from` (same scope or an enclosing one). */
export function isVisibleFrom(scope: ScopeModel, from: ScopeModel | undefined): boolean {
  for (let s: ScopeModel | undefined = from; s; s = s.owner?.scope) if (s === scope) return true;
  return from === undefined && scope.owner === undefined;
}
