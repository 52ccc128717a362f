/**
 * Addressing nested states: StatePath <-> strings, and the human-readable trail of a state
 * ("P › branch 1 › B", "Process items › item processor › Work").
 * Depends on: ./stateMachine only.
 */
import type { StateMachineModel, StateModel, StatePath } from './stateMachine';

/** A stable string key for maps and wire formats: the JSON pointer of the state object. */
export function statePathKey(path: StatePath): string {
  return '/' + path.map((seg) => String(seg).replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
}

/** Parses a key made by statePathKey (numbers come back as numbers where they index Branches). */
export function parseStatePathKey(key: string): StatePath {
  if (key === '' || key === '/') return [];
  const parts = key
    .replace(/^\//, '')
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  return parts.map((part, i) =>
    i > 0 && parts[i - 1] === 'Branches' && /^\d+$/.test(part) ? Number(part) : part,
  );
}

/** The chain of enclosing states, outermost first, ending with the state itself. */
export function enclosingStates(state: StateModel): StateModel[] {
  const chain: StateModel[] = [];
  let current: StateModel | undefined = state;
  while (current) {
    chain.unshift(current);
    current = current.scope.owner;
  }
  return chain;
}

/** "Parallel › branch 2 › Inner" style description (branch numbers are 1-based for people). */
export function describeStatePath(state: StateModel): string {
  const parts: string[] = [];
  for (const s of enclosingStates(state)) {
    if (s.scope.owner) {
      parts.push(s.scope.kind === 'branch' ? `branch ${(s.scope.branchIndex ?? 0) + 1}` : 'item processor');
    }
    parts.push(s.name);
  }
  return parts.join(' › ');
}

/** Finds a state by its key. */
export function stateByKey(model: StateMachineModel, key: string): StateModel | undefined {
  return model.states.find((s) => statePathKey(s.path) === key);
}
