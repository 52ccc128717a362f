/**
 * Facts completion needs from the whole document, gathered in one pass over the states and cached per
 * model (a WeakMap, so a new document version starts fresh): custom error names and assigned variables.
 * Depends on: asl/ (model, syntax tree) only.
 */
import {
  propertiesOf,
  valueNodeOf,
  type StateMachineModel,
  type StateModel,
  type SyntaxNode,
} from '../../asl';

export interface AssignedVariable {
  name: string;
  /** The state assigning it first. */
  state: StateModel;
}

export interface DocumentFacts {
  /** Error names that are not `States.*`: Fail.Error values and ErrorEquals entries. */
  customErrors: Map<string, string>;
  /** Variables each state assigns (its Assign, its Choice rules' and Catchers' Assign). */
  variablesByState: Map<StateModel, Map<string, AssignedVariable>>;
  /** The states with a transition to each state (same scope). */
  predecessors: Map<StateModel, StateModel[]>;
}

const cache = new WeakMap<StateMachineModel, DocumentFacts>();

function assignKeys(
  node: SyntaxNode | undefined,
  into: Map<string, AssignedVariable>,
  state: StateModel,
): void {
  for (const [key] of propertiesOf(node)) {
    const name = key.endsWith('.$') ? key.slice(0, -2) : key;
    if (name && !into.has(name)) into.set(name, { name, state });
  }
}

function gather(model: StateMachineModel): DocumentFacts {
  const customErrors = new Map<string, string>();
  const variablesByState = new Map<StateModel, Map<string, AssignedVariable>>();
  const predecessors = new Map<StateModel, StateModel[]>();
  const addError = (name: unknown, where: string) => {
    if (typeof name === 'string' && name !== '' && !name.startsWith('States.') && !name.startsWith('{%')) {
      if (!customErrors.has(name)) customErrors.set(name, where);
    }
  };
  for (const state of model.states) {
    for (const t of state.transitions) {
      const target = state.scope.byName.get(t.target);
      if (!target) continue;
      const list = predecessors.get(target);
      if (list) list.push(state);
      else predecessors.set(target, [state]);
    }
    const node = state.node;
    if (!node || node.type !== 'object') continue;
    const vars = new Map<string, AssignedVariable>();
    variablesByState.set(state, vars);
    assignKeys(valueNodeOf(node, 'Assign'), vars, state);
    if (state.type === 'Fail') {
      addError(valueNodeOf(node, 'Error')?.value, `raised by the Fail state \`${state.name}\``);
    }
    for (const field of ['Retry', 'Catch', 'Choices']) {
      for (const entry of valueNodeOf(node, field)?.children ?? []) {
        if (field !== 'Retry') assignKeys(valueNodeOf(entry, 'Assign'), vars, state);
        if (field === 'Choices') continue;
        for (const item of valueNodeOf(entry, 'ErrorEquals')?.children ?? []) {
          addError(item.value, `handled in ${field} of \`${state.name}\``);
        }
      }
    }
  }
  return { customErrors, variablesByState, predecessors };
}

/** The facts of a model, computed on first use and cached with it. */
export function documentFacts(model: StateMachineModel): DocumentFacts {
  let facts = cache.get(model);
  if (!facts) cache.set(model, (facts = gather(model)));
  return facts;
}

/**
 * The states that can run before `state` in its scope (reverse reachability over transitions; the state
 * itself only when it is in a loop). A state nothing leads to yet (being written) gets every other state
 * of its scope, so completion still helps while the document is incomplete.
 */
function precedingStates(facts: DocumentFacts, state: StateModel): StateModel[] {
  const seen = new Set<StateModel>();
  const queue = [...(facts.predecessors.get(state) ?? [])];
  while (queue.length > 0) {
    const p = queue.pop() as StateModel;
    if (seen.has(p)) continue;
    seen.add(p);
    queue.push(...(facts.predecessors.get(p) ?? []));
  }
  if (seen.size === 0 && state.scope.startAt !== state.name) {
    return state.scope.states.filter((s) => s !== state);
  }
  return [...seen];
}

/**
 * Variables visible in `state`: assigned by a state that can precede it in its scope, or that can precede
 * the Parallel/Map owning an enclosing scope (values are as of state entry, so the state's own Assign counts
 * only in a loop). Inner assignments shadow outer ones in the result.
 */
export function variablesVisibleFrom(
  model: StateMachineModel,
  state: StateModel | undefined,
): AssignedVariable[] {
  const facts = documentFacts(model);
  const out = new Map<string, AssignedVariable>();
  for (let s = state; s; s = s.scope.owner) {
    for (const p of precedingStates(facts, s)) {
      for (const [name, v] of facts.variablesByState.get(p) ?? []) if (!out.has(name)) out.set(name, v);
    }
  }
  return [...out.values()];
}
