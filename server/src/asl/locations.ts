/**
 * Source locations of the model: which state encloses an offset or a line (breakpoints, hover,
 * "where am I"), and the line a state is shown on (its name).
 * Depends on: ./stateMachine, ./syntaxTree only.
 */
import type { StateMachineModel, StateModel } from './stateMachine';

/** Range of a state from its name key to the end of its value. */
export function stateSpan(state: StateModel): { start: number; end: number } {
  const start = state.keyNode.offset;
  const end = state.node
    ? state.node.offset + state.node.length
    : state.keyNode.offset + state.keyNode.length;
  return { start, end };
}

/** The innermost state whose span contains `offset`. */
export function stateAtOffset(model: StateMachineModel, offset: number): StateModel | undefined {
  let best: StateModel | undefined;
  for (const state of model.states) {
    const { start, end } = stateSpan(state);
    if (offset >= start && offset <= end) {
      if (!best || state.scope.depth >= best.scope.depth) best = state;
    }
  }
  return best;
}

/** The innermost state any part of whose span lies on `line` (0-based); breakpoints use this. */
export function stateAtLine(model: StateMachineModel, line: number): StateModel | undefined {
  let best: StateModel | undefined;
  let bestSize = Infinity;
  for (const state of model.states) {
    const { start, end } = stateSpan(state);
    const first = model.lines.positionAt(start).line;
    const last = model.lines.positionAt(end).line;
    if (line >= first && line <= last) {
      const size = end - start;
      if (size <= bestSize) {
        best = state;
        bestSize = size;
      }
    }
  }
  return best;
}

/** 0-based line of the state's name. */
export function stateNameLine(model: StateMachineModel, state: StateModel): number {
  return model.lines.positionAt(state.keyNode.offset).line;
}
