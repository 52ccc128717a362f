/**
 * Incremental validation: what one validation of a document remembers per state (the diagnostics of the
 * state's own rules, as offsets, and the variables it reads), and how the next version of the same document
 * finds the states whose text did not change so their results are replayed instead of recomputed.
 * Depends on: asl/, service/types, ./validationContext, ./pathRules (types) only.
 */
import type { StateMachineModel, StateModel, SyntaxNode } from '../../asl';
import type { AslServiceSettings, Diagnostic } from '../types';
import type { VariableRead } from './pathRules';
import type { ValidationContext } from './validationContext';

/** A diagnostic with the text span it was reported on (the range is recomputed when replayed). */
interface SpannedDiagnostic {
  diagnostic: Diagnostic;
  offset: number;
  length: number;
}

/** A variable read with its span. */
interface SpannedRead {
  name: string;
  offset: number;
  length: number;
}

/** The results of the rules that look at one state only (its text, name, type and query language). */
export interface StateResult {
  /** The state's schema diagnostics. */
  schema: SpannedDiagnostic[];
  /** Its path, JSONata, field, Retry/Catch and Resource diagnostics. */
  rules: SpannedDiagnostic[];
  /** Duplicate keys anywhere in its text (nested states included). */
  keys: SpannedDiagnostic[];
  reads: SpannedRead[];
}

/** What a validation leaves for the next version of the same document. */
export interface ValidationMemo {
  readonly model: StateMachineModel;
  readonly settingsKey: string;
  readonly results: Map<StateModel, StateResult>;
}

export function settingsKeyOf(settings: AslServiceSettings): string {
  return JSON.stringify(settings);
}

/** The diagnostics (and their spans) reported since `start`. */
export function captureSince(context: ValidationContext, start: number): SpannedDiagnostic[] {
  const out: SpannedDiagnostic[] = [];
  for (let i = start; i < context.diagnostics.length; i++) {
    const span = context.spans[i];
    out.push({ diagnostic: context.diagnostics[i], offset: span.offset, length: span.length });
  }
  return out;
}

export function captureReads(reads: VariableRead[], start: number): SpannedRead[] {
  const out: SpannedRead[] = [];
  for (let i = start; i < reads.length; i++) {
    out.push({ name: reads[i].name, offset: reads[i].node.offset, length: reads[i].node.length });
  }
  return out;
}

/** Re-reports remembered diagnostics `shift` characters further on, with ranges in the new text. */
export function replayDiagnostics(
  context: ValidationContext,
  items: SpannedDiagnostic[],
  shift: number,
): void {
  for (const item of items) {
    const offset = item.offset + shift;
    context.push({ ...item.diagnostic, range: context.rangeOf(offset, item.length) }, offset, item.length);
  }
}

export function replayReads(
  reads: VariableRead[],
  items: SpannedRead[],
  state: StateModel,
  shift: number,
): void {
  for (const item of items) {
    const node: SyntaxNode = {
      type: 'string',
      offset: item.offset + shift,
      length: item.length,
      value: item.name,
    };
    reads.push({ name: item.name, state, node });
  }
}

export function shiftResult(result: StateResult, shift: number): StateResult {
  const empty = result.schema.length + result.rules.length + result.keys.length + result.reads.length === 0;
  if (shift === 0 || empty) return result; // most states: nothing to move
  const move = (items: SpannedDiagnostic[]) => items.map((i) => ({ ...i, offset: i.offset + shift }));
  return {
    schema: move(result.schema),
    rules: move(result.rules),
    keys: move(result.keys),
    reads: result.reads.map((r) => ({ ...r, offset: r.offset + shift })),
  };
}

/** A previous state whose results hold for a state of the new model, and how far its text moved. */
export interface Reuse {
  result: StateResult;
  shift: number;
}

/**
 * For each state of `model` whose whole text (key through value) lies outside the edited region and whose
 * counterpart in the previous model has the same name, type, query language and length: its old results.
 * Nothing is reused across syntax errors, a different top-level query language or other settings.
 */
export function findReusable(
  model: StateMachineModel,
  settingsKey: string,
  previous: ValidationMemo | undefined,
): Map<StateModel, Reuse> {
  const reusable = new Map<StateModel, Reuse>();
  if (!previous || previous.settingsKey !== settingsKey) return reusable;
  const old = previous.model;
  if (old.format !== model.format || old.queryLanguage !== model.queryLanguage) return reusable;
  if (hasSyntaxErrors(old) || hasSyntaxErrors(model)) return reusable;
  const oldText = old.text;
  const newText = model.text;
  const { prefix, suffix } = commonEnds(oldText, newText);
  const delta = newText.length - oldText.length;
  const changedEnd = newText.length - suffix; // the new text differs only inside [prefix, changedEnd)
  const oldByStart = new Map<number, StateModel>();
  for (const state of old.states) oldByStart.set(state.keyNode.offset, state);
  for (const state of model.states) {
    const start = state.keyNode.offset;
    const end = spanEnd(state);
    let oldStart: number;
    if (end <= prefix) oldStart = start;
    else if (start >= changedEnd) oldStart = start - delta;
    else continue;
    const candidate = oldByStart.get(oldStart);
    if (
      !candidate ||
      candidate.name !== state.name ||
      candidate.type !== state.type ||
      candidate.queryLanguage !== state.queryLanguage ||
      spanEnd(candidate) - oldStart !== end - start
    ) {
      continue;
    }
    const result = previous.results.get(candidate);
    if (result) reusable.set(state, { result, shift: start - oldStart });
  }
  return reusable;
}

function spanEnd(state: StateModel): number {
  const node = state.node ?? state.keyNode;
  return node.offset + node.length;
}

function hasSyntaxErrors(model: StateMachineModel): boolean {
  return model.tree.problems.some((p) => p.severity === 'error');
}

/** Lengths of the common prefix and suffix of two texts (not overlapping), compared a block at a time. */
export function commonEnds(a: string, b: string): { prefix: number; suffix: number } {
  const limit = Math.min(a.length, b.length);
  const BLOCK = 1024;
  let prefix = 0;
  while (prefix + BLOCK <= limit && a.slice(prefix, prefix + BLOCK) === b.slice(prefix, prefix + BLOCK)) {
    prefix += BLOCK;
  }
  while (prefix < limit && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  const room = limit - prefix;
  let suffix = 0;
  while (
    suffix + BLOCK <= room &&
    a.slice(a.length - suffix - BLOCK, a.length - suffix) ===
      b.slice(b.length - suffix - BLOCK, b.length - suffix)
  ) {
    suffix += BLOCK;
  }
  while (suffix < room && a.charCodeAt(a.length - 1 - suffix) === b.charCodeAt(b.length - 1 - suffix)) {
    suffix++;
  }
  return { prefix, suffix };
}
