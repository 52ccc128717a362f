/**
 * Facts completion needs from the whole document, gathered in one pass over the states and cached per
 * model (a WeakMap, so a new document version starts fresh): custom error names and assigned variables.
 * Depends on: asl/ (model, syntax tree) only.
 */
import {
  propertiesOf,
  valueNodeOf,
  type ScopeModel,
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
  /** Variables assigned in each scope (state Assign, Choice rule Assign, Catcher Assign). */
  variablesByScope: Map<ScopeModel, Map<string, AssignedVariable>>;
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
  const variablesByScope = new Map<ScopeModel, Map<string, AssignedVariable>>();
  const addError = (name: unknown, where: string) => {
    if (typeof name === 'string' && name !== '' && !name.startsWith('States.') && !name.startsWith('{%')) {
      if (!customErrors.has(name)) customErrors.set(name, where);
    }
  };
  for (const state of model.states) {
    const node = state.node;
    if (!node || node.type !== 'object') continue;
    let vars = variablesByScope.get(state.scope);
    if (!vars) variablesByScope.set(state.scope, (vars = new Map()));
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
  return { customErrors, variablesByScope };
}

/** The facts of a model, computed on first use and cached with it. */
export function documentFacts(model: StateMachineModel): DocumentFacts {
  let facts = cache.get(model);
  if (!facts) cache.set(model, (facts = gather(model)));
  return facts;
}

/**
 * Variables visible from `scope`: assigned anywhere in that scope or an enclosing one (the simple rule,
 * not flow-sensitive). Inner definitions shadow outer ones in the result.
 */
export function variablesInScope(
  model: StateMachineModel,
  scope: ScopeModel | undefined,
): AssignedVariable[] {
  const facts = documentFacts(model);
  const out = new Map<string, AssignedVariable>();
  for (let s = scope; s; s = s.owner?.scope) {
    for (const [name, v] of facts.variablesByScope.get(s) ?? []) if (!out.has(name)) out.set(name, v);
  }
  return [...out.values()];
}
