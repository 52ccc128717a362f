/**
 * The thread/frame model of the `asl` debugger. One DAP thread per activity (the execution, each Parallel
 * branch, each Map iteration); a thread's call stack is its location chain, innermost first:
 * state "Y" <- Map "X" iteration 3 <- Parallel "P" branch 2 <- Execution "name". Frame k > 0 shows the
 * enclosing Parallel/Map state run by the k-th ancestor activity. Pure mapping; no DAP transport.
 */
import { stateAtPath, stateNameLine, type StateMachineModel, type StatePath } from '../asl';
import type { LocationFrame } from '../runtime/executionApi';
import type { ActivityView } from './executionDriver';

export interface FrameInfo {
  id: number;
  name: string;
  /** 0-based line in the program. */
  line: number;
  /** How many activities up the chain this frame's state runs (0 = the thread's own activity). */
  depth: number;
  statePath?: StatePath;
}

const FRAMES_PER_THREAD = 1000;

export function frameId(threadId: number, depth: number): number {
  return threadId * FRAMES_PER_THREAD + depth;
}

export function decodeFrameId(id: number): { threadId: number; depth: number } {
  return { threadId: Math.floor(id / FRAMES_PER_THREAD), depth: id % FRAMES_PER_THREAD };
}

/** Thread name from the activity's location: `Execution "x"`, `Parallel "P" branch 2`, `Map "X" iteration 3`. */
export function threadName(view: ActivityView): string {
  for (let i = view.location.length - 1; i >= 0; i--) {
    const frame = view.location[i];
    if (frame.kind !== 'state') return describeFrame(frame);
  }
  return `Activity ${view.activityId}`;
}

export function describeFrame(frame: LocationFrame): string {
  switch (frame.kind) {
    case 'execution':
      return `Execution "${frame.name}"`;
    case 'branch':
      return `Parallel "${frame.stateName}" branch ${frame.branchIndex + 1}`;
    case 'iteration':
      return `Map "${frame.stateName}" iteration ${frame.index}`;
    case 'state':
      return frame.stateName;
  }
}

/** The call stack of a thread, innermost first. */
export function stackFrames(model: StateMachineModel, view: ActivityView): FrameInfo[] {
  const chain: LocationFrame[] = [...view.location];
  // The state the thread is at: paused before it (held) or running it (the runtime's latest inspection).
  const at = view.held ?? view.attempt ?? view.raising ?? view.current;
  const last = chain[chain.length - 1];
  if (at && (!last || last.kind !== 'state' || last.stateName !== at.stateName)) {
    if (last?.kind === 'state') chain.pop();
    chain.push({ kind: 'state', stateName: at.stateName, statePath: at.statePath });
  }
  const frames: FrameInfo[] = [];
  let depth = 0;
  for (let i = chain.length - 1; i >= 0; i--) {
    const frame = chain[i];
    const path = frame.kind === 'execution' ? undefined : frame.statePath;
    const state = path ? stateAtPath(model, path) : undefined;
    const line = state
      ? stateNameLine(model, state)
      : model.rootScope?.startAtNode
        ? model.lines.positionAt(model.rootScope.startAtNode.offset).line
        : 0;
    // A branch/iteration frame stands for the Parallel/Map state of the parent activity.
    if (frame.kind !== 'state' && i < chain.length - 1) depth++;
    const attempt = frames.length === 0 && view.attempt ? ` (retry ${view.attempt.attempt})` : '';
    frames.push({
      id: frameId(view.threadId, frames.length),
      name: describeFrame(frame) + attempt,
      line,
      depth,
      statePath: path,
    });
  }
  return frames;
}
