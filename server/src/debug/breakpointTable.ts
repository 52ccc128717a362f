/**
 * Source breakpoints of the `asl` debugger: DAP line breakpoints mapped to states (a line anywhere inside a
 * state's object binds to that state and is shown on its name line), with conditions, hit counts and
 * logpoints. Pure bookkeeping over the ASL model; no DAP transport, no runtime, no I/O.
 */
import { type StateMachineModel, stateAtLine, stateNameLine, statePathKey, type StatePath } from '../asl';

/** One requested source breakpoint (0-based line), as DAP sends it. */
export interface BreakpointRequest {
  line: number;
  condition?: string;
  hitCondition?: string;
  logMessage?: string;
}

/** A breakpoint bound to a state. */
export interface StateBreakpoint {
  id: number;
  verified: boolean;
  /** 0-based line shown in the editor: the state's name line (or the requested line when unverified). */
  line: number;
  message?: string;
  stateKey?: string;
  stateName?: string;
  condition?: string;
  hitCondition?: string;
  logMessage?: string;
  hits: number;
}

type HitTest = (hits: number) => boolean;

/** Parses a VS Code hit condition: `5`, `==5`, `>5`, `>=5`, `<5`, `<=5`, `%5`. */
export function parseHitCondition(text: string): HitTest | { error: string } {
  const match = /^\s*(==|=|>=|<=|>|<|%)?\s*(\d+)\s*$/.exec(text);
  if (!match) return { error: `Hit count '${text}' is not understood: use N, ==N, >N, >=N, <N, <=N or %N.` };
  const n = Number(match[2]);
  switch (match[1]) {
    case '>':
      return (h) => h > n;
    case '>=':
      return (h) => h >= n;
    case '<':
      return (h) => h < n;
    case '<=':
      return (h) => h <= n;
    case '%':
      return (h) => n > 0 && h % n === 0;
    default:
      return (h) => h === n;
  }
}

/** Breakpoints per source file; a hit is looked up by the entered state's path. */
export class BreakpointTable {
  private nextId = 1;
  private readonly bySource = new Map<string, StateBreakpoint[]>();

  /** Replaces the breakpoints of one source (the program) and returns them in request order. */
  set(
    source: string,
    model: StateMachineModel | undefined,
    requests: BreakpointRequest[],
  ): StateBreakpoint[] {
    const result: StateBreakpoint[] = [];
    for (const request of requests) {
      const breakpoint: StateBreakpoint = { id: this.nextId++, verified: false, line: request.line, hits: 0 };
      const state = model ? stateAtLine(model, request.line) : undefined;
      if (!model) {
        breakpoint.message = 'The file could not be read as a state machine.';
      } else if (!state) {
        breakpoint.message = 'No state on this line: put breakpoints inside a state.';
      } else {
        const hit = request.hitCondition ? parseHitCondition(request.hitCondition) : undefined;
        if (hit && 'error' in hit) {
          breakpoint.message = hit.error;
        } else {
          breakpoint.verified = true;
          breakpoint.line = stateNameLine(model, state);
          breakpoint.stateKey = statePathKey(state.path);
          breakpoint.stateName = state.name;
        }
      }
      breakpoint.condition = nonEmpty(request.condition);
      breakpoint.hitCondition = nonEmpty(request.hitCondition);
      breakpoint.logMessage = nonEmpty(request.logMessage);
      result.push(breakpoint);
    }
    this.bySource.set(source, result);
    return result;
  }

  /** The verified breakpoints bound to the state at `path` (all sources). */
  at(path: StatePath): StateBreakpoint[] {
    const key = statePathKey(path);
    const found: StateBreakpoint[] = [];
    for (const list of this.bySource.values()) {
      for (const bp of list) if (bp.verified && bp.stateKey === key) found.push(bp);
    }
    return found;
  }

  /** Counts a hit and says whether the hit condition (if any) is met. */
  countHit(breakpoint: StateBreakpoint): boolean {
    breakpoint.hits++;
    if (!breakpoint.hitCondition) return true;
    const test = parseHitCondition(breakpoint.hitCondition);
    return typeof test === 'function' && test(breakpoint.hits);
  }

  /** Forgets hit counts (a restarted execution counts from zero). */
  resetHits(): void {
    for (const list of this.bySource.values()) for (const bp of list) bp.hits = 0;
  }
}

/**
 * 0-based lines in [startLine, endLine] where a breakpoint lands: the name lines of states in that range,
 * or, when the range lies inside one state without its name line, the first line of the range.
 */
export function breakpointLines(model: StateMachineModel, startLine: number, endLine: number): number[] {
  const lines = new Set<number>();
  let inside: number | undefined;
  for (let line = startLine; line <= endLine; line++) {
    const state = stateAtLine(model, line);
    if (!state) continue;
    inside ??= line;
    const nameLine = stateNameLine(model, state);
    if (nameLine >= startLine && nameLine <= endLine) lines.add(nameLine);
  }
  if (lines.size === 0 && inside !== undefined) lines.add(inside);
  return [...lines].sort((a, b) => a - b);
}

function nonEmpty(text: string | undefined): string | undefined {
  return text !== undefined && text.trim() !== '' ? text : undefined;
}
