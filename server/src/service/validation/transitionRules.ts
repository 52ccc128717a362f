/**
 * Transition rules over the scoped model: StartAt/Next/Default/Choices[].Next/Catch[].Next name a state
 * of the same States block (saying so when the target lives in another block), every block has a
 * terminal state, every state is reachable from StartAt (graph search, so unreachable cycles are found),
 * Next vs End, unique state names across the machine and the 80-character limit.
 * Depends on: asl/, ./validationContext, ./closestName only.
 */
import {
  keyNodeOf,
  valueNodeOf,
  type ScopeModel,
  type StateModel,
  type StateMachineModel,
  type SyntaxNode,
  type Transition,
} from '../../asl';
import { closestName } from './closestName';
import type { ValidationContext } from './validationContext';

const MAX_NAME_LENGTH = 80;
const NEEDS_TRANSITION = new Set(['Task', 'Pass', 'Wait', 'Parallel', 'Map']);

/** Human name of a States block: "state machine", "branch 2 of Parallel "P"", ... */
export function describeScope(scope: ScopeModel): string {
  if (!scope.owner) return 'state machine';
  if (scope.kind === 'branch') {
    return `branch ${(scope.branchIndex ?? 0) + 1} of Parallel ${JSON.stringify(scope.owner.name)}`;
  }
  return `item processor of Map ${JSON.stringify(scope.owner.name)}`;
}

function fieldOf(transition: Transition): string {
  switch (transition.kind) {
    case 'ChoiceNext':
      return `Choices[${transition.index ?? 0}].Next`;
    case 'CatchNext':
      return `Catch[${transition.index ?? 0}].Next`;
    default:
      return transition.kind;
  }
}

/** Scopes with more states than this put no `candidates` in the diagnostic's data. */
const MAX_CANDIDATES_IN_DATA = 200;
/**
 * "Did you mean" suggestions stop once one validation has compared this many names (a machine with
 * thousands of broken targets in a scope of thousands of states would otherwise take seconds).
 */
const MAX_NAME_COMPARISONS = 2_000_000;
const comparisons = new WeakMap<ValidationContext, number>();

function checkTarget(
  context: ValidationContext,
  scope: ScopeModel,
  target: string,
  node: SyntaxNode,
  field: string,
): void {
  if (scope.byName.has(target)) return;
  const elsewhere = context.model.statesByName.get(target)?.[0];
  const spent = comparisons.get(context) ?? 0;
  const suggestion =
    elsewhere || spent >= MAX_NAME_COMPARISONS ? undefined : closestName(target, scope.byName.keys());
  if (!elsewhere) comparisons.set(context, spent + scope.byName.size);
  // Large scopes carry no candidate list: thousands of bad targets times thousands of names would
  // flood the diagnostics' data; the quick fix reads the scope's names from the model instead.
  const candidates = scope.byName.size <= MAX_CANDIDATES_IN_DATA ? [...scope.byName.keys()] : undefined;
  context.report(
    'invalid-transition-target',
    node,
    {
      field,
      target,
      scope: describeScope(scope),
      otherScope: elsewhere ? `the ${describeScope(elsewhere.scope)}` : undefined,
      suggestion,
    },
    { data: { target, candidates } },
  );
}

function isTerminal(state: StateModel): boolean {
  if (state.type === 'Succeed' || state.type === 'Fail') return true;
  return valueNodeOf(state.node, 'End')?.value === true;
}

/** Scope-level rules: StartAt target, a terminal state, reachability. */
export function checkScope(context: ValidationContext, scope: ScopeModel): void {
  if (scope.startAtNode?.type === 'string' && scope.startAt !== undefined) {
    checkTarget(context, scope, scope.startAt, scope.startAtNode, 'StartAt');
  }
  if (scope.states.length === 0) return;
  if (!scope.states.some(isTerminal)) {
    const anchor = keyNodeOf(scope.node, 'States') ?? keyNodeOf(scope.node, 'StartAt') ?? scope.statesNode;
    if (anchor) context.report('missing-terminal-state', anchor, { scope: describeScope(scope) });
  }
  const start = scope.startAt !== undefined ? scope.byName.get(scope.startAt) : undefined;
  if (!start) {
    // Without a valid StartAt, report only the states nothing else transitions to.
    const targeted = new Set(
      scope.states.flatMap((s) => s.transitions.filter((t) => t.target !== s.name).map((t) => t.target)),
    );
    for (const state of scope.states) {
      if (!targeted.has(state.name)) {
        context.report('unreachable-state', state.keyNode, { state: state.name, startAt: scope.startAt });
      }
    }
    return;
  }
  const reached = new Set<StateModel>([start]);
  const queue = [start];
  while (queue.length > 0) {
    const state = queue.pop()!;
    for (const transition of state.transitions) {
      const next = scope.byName.get(transition.target);
      if (next && !reached.has(next)) {
        reached.add(next);
        queue.push(next);
      }
    }
  }
  for (const state of scope.states) {
    // Only the first state of a duplicated name counts (the others are reported as duplicates).
    if (!reached.has(state) && scope.byName.get(state.name) === state) {
      context.report('unreachable-state', state.keyNode, { state: state.name, startAt: scope.startAt });
    }
  }
}

/** State-level rules: transition targets, Next vs End, the name's length. */
export function checkStateTransitions(context: ValidationContext, state: StateModel): void {
  for (const transition of state.transitions) {
    checkTarget(context, state.scope, transition.target, transition.node, fieldOf(transition));
  }
  // Code points, not UTF-16 units (a name can only be too long if it has more units than the limit).
  if (state.name.length > MAX_NAME_LENGTH && [...state.name].length > MAX_NAME_LENGTH) {
    context.report('state-name-too-long', state.keyNode, { length: [...state.name].length });
  }
  if (!state.type || !NEEDS_TRANSITION.has(state.type) || state.node?.type !== 'object') return;
  const next = valueNodeOf(state.node, 'Next');
  const end = valueNodeOf(state.node, 'End');
  if (next && end?.value === true) {
    context.report('next-and-end', keyNodeOf(state.node, 'End') ?? end);
  } else if (!next && end?.value !== true) {
    context.report(
      'missing-next-or-end',
      state.keyNode,
      { stateName: state.name },
      { data: { stateName: state.name } },
    );
  }
}

/** Machine-level rule: state names are unique across the whole machine. */
export function checkDuplicateNames(context: ValidationContext, model: StateMachineModel): void {
  for (const [name, states] of model.statesByName) {
    if (states.length < 2) continue;
    for (const state of states) {
      context.report('duplicate-state-name', state.keyNode, { state: name, count: states.length });
    }
  }
}
