/**
 * What a stack frame of a paused execution shows: which activity's state a frame stands for, the
 * expression scope there (input, context, variables, query language) and its DAP scopes, with edits of a
 * held state's input (setVariable) passed on to the runtime. No DAP transport; reads the ExecutionDriver.
 */
import { stateAtPath, type StateMachineModel } from '../asl';
import type { EvaluationScope } from './debugEvaluator';
import { decodeFrameId, stackFrames } from './debugFrames';
import type { ActivityView, ExecutionDriver } from './executionDriver';
import { scopeSpecs } from './sessionViews';
import { replaceAt, type ScopeSpec } from './variables';

export class FrameInspector {
  /** Input edits of held states, per thread (cleared on resume). */
  private readonly editedInputs = new Map<number, unknown>();

  constructor(
    private readonly driver: ExecutionDriver,
    private readonly model: StateMachineModel,
  ) {}

  clearEdits(): void {
    this.editedInputs.clear();
  }

  /** The activity whose state frame `frameId` shows, and how far up the thread's chain it is. */
  target(frameId: number | undefined): { view: ActivityView; depth: number } | undefined {
    if (frameId === undefined) return undefined;
    const { threadId, depth: index } = decodeFrameId(frameId);
    const view = this.driver.view(threadId);
    if (!view) return undefined;
    const frame = stackFrames(this.model, view)[index];
    if (!frame) return undefined;
    let target: ActivityView | undefined = view;
    for (let i = 0; i < frame.depth && target; i++) {
      target = target.parentId !== undefined ? this.driver.viewOfActivity(target.parentId) : undefined;
    }
    return target ? { view: target, depth: frame.depth } : undefined;
  }

  scopes(frameId: number): ScopeSpec[] {
    const target = this.target(frameId);
    if (!target) return [];
    const { view, depth } = target;
    return scopeSpecs(view, depth === 0 ? this.editedInputs.get(view.threadId) : undefined, {
      snapshot: (id) => this.driver.snapshot(id),
      edit: depth === 0 && view.held ? (p, v) => this.editInput(view, p, v) : undefined,
    });
  }

  /** Expression scope of a frame (or, without one, of the first held thread). */
  evaluationScope(frameId: number | undefined): EvaluationScope | undefined {
    let view = this.target(frameId)?.view;
    if (!view && frameId === undefined) {
      view = this.driver.threads().find((v) => v.held ?? v.attempt ?? v.raising);
    }
    if (!view) return undefined;
    // Paused before a state, before a retry attempt, or where the state raised an error.
    const held = view.held ?? view.attempt ?? view.raising;
    const current = held ? undefined : (this.driver.snapshot(view.activityId)?.current ?? view.current);
    const statePath = held?.statePath ?? current?.statePath;
    const state = statePath ? stateAtPath(this.model, statePath) : undefined;
    return {
      input: this.editedInputs.has(view.threadId)
        ? this.editedInputs.get(view.threadId)
        : (held?.input ?? current?.input),
      context: held?.context ?? current?.context,
      variables: held?.variables ?? current?.variables ?? {},
      queryLanguage: state?.queryLanguage,
    };
  }

  private editInput(view: ActivityView, pathInInput: (string | number)[], value: unknown): void {
    const held = view.held;
    if (!held) return;
    const base = this.editedInputs.has(view.threadId) ? this.editedInputs.get(view.threadId) : held.input;
    const next = replaceAt(base, pathInInput, value);
    this.editedInputs.set(view.threadId, next);
    held.replaceInput(next);
  }
}
