/**
 * Workflow-variable rules across scopes: a variable read but never assigned in its scope or an enclosing
 * one (warning), assigned but never read (hint), an inner Parallel branch / Map processor assigning a
 * name its enclosing scope assigns (error), and reserved or malformed names.
 * Depends on: asl/, ./pathRules (VariableRead), ./validationContext only.
 */
import {
  valueNodeOf,
  type ScopeModel,
  type StateMachineModel,
  type StateModel,
  type SyntaxNode,
} from '../../asl';
import type { VariableRead } from './pathRules';
import type { ValidationContext } from './validationContext';

interface Assignment {
  name: string;
  key: SyntaxNode;
  state: StateModel;
}

function ancestors(scope: ScopeModel): ScopeModel[] {
  const out: ScopeModel[] = [];
  for (let s = scope.owner?.scope; s; s = s.owner?.scope) out.push(s);
  return out;
}

function collectAssignments(model: StateMachineModel): Assignment[] {
  const out: Assignment[] = [];
  const addFrom = (assign: SyntaxNode | undefined, state: StateModel) => {
    if (assign?.type !== 'object') return;
    for (const prop of assign.children ?? []) {
      const key = prop.children?.[0];
      if (typeof key?.value !== 'string') continue;
      const name = key.value.endsWith('.$') ? key.value.slice(0, -2) : key.value;
      out.push({ name, key, state });
    }
  };
  for (const state of model.states) {
    addFrom(valueNodeOf(state.node, 'Assign'), state);
    for (const field of ['Catch', 'Choices']) {
      for (const entry of valueNodeOf(state.node, field)?.children ?? []) {
        addFrom(valueNodeOf(entry, 'Assign'), state);
      }
    }
  }
  return out;
}

export function checkVariables(context: ValidationContext, reads: VariableRead[]): void {
  const assignments = collectAssignments(context.model);
  const assignedIn = new Map<ScopeModel, Set<string>>();
  for (const a of assignments) {
    let names = assignedIn.get(a.state.scope);
    if (!names) assignedIn.set(a.state.scope, (names = new Set()));
    names.add(a.name);
  }
  // An inner block must not assign a name an outer state assigns. The Parallel/Map state owning the
  // block is exempt: its own Assign (and its Catchers') run after the block ends (AWS accepts this).
  const outerClash = (a: Assignment) => {
    const owners = new Set<StateModel>();
    for (let s: ScopeModel | undefined = a.state.scope; s?.owner; s = s.owner.scope) owners.add(s.owner);
    return assignments.some(
      (b) =>
        b.name === a.name &&
        owners.size > 0 &&
        ancestors(a.state.scope).includes(b.state.scope) &&
        !owners.has(b.state),
    );
  };
  const visible = (name: string, scope: ScopeModel) =>
    [scope, ...ancestors(scope)].some((s) => assignedIn.get(s)?.has(name));

  const reported = new Set<string>();
  for (const a of assignments) {
    if (a.name === 'states') {
      context.report('reserved-variable-name', a.key, {
        name: a.name,
        detail: '"states" is reserved for $states',
      });
    } else if (!/^[\p{ID_Start}_][\p{ID_Continue}]*$/u.test(a.name) || [...a.name].length > 80) {
      // A warning: AWS has been seen to accept such names, but JSONata cannot read them ($top-level is a subtraction).
      context.report(
        'reserved-variable-name',
        a.key,
        {
          name: a.name,
          detail:
            'a variable name is an identifier (a letter or _ then letters, digits or _) of at most 80 characters',
        },
        { severity: 'warning' },
      );
    } else if (outerClash(a) && !reported.has(`${a.key.offset}`)) {
      reported.add(`${a.key.offset}`);
      context.report('assign-outer-variable', a.key, { name: a.name });
    }
  }

  const readIn = new Map<ScopeModel, Set<string>>();
  for (const read of reads) {
    let names = readIn.get(read.state.scope);
    if (!names) readIn.set(read.state.scope, (names = new Set()));
    names.add(read.name);
    if (!visible(read.name, read.state.scope)) {
      context.report('undefined-variable', read.node, { name: read.name });
    }
  }
  for (const a of assignments) {
    const used = [...readIn].some(
      ([scope, names]) =>
        names.has(a.name) && (scope === a.state.scope || ancestors(scope).includes(a.state.scope)),
    );
    if (!used) context.report('unused-variable', a.key, { name: a.name });
  }
}
