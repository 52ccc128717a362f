/**
 * Validation entry point: the model in, every problem out (syntax first, then the schema and the
 * semantic rule families), each with a range, source "asl", a stable code and a message saying what is
 * wrong and how to fix it. The incremental form reuses per-state results of an earlier version. Depends on: asl/, schema/, service/types and the rule modules beside it.
 */
import type { StateMachineModel, StateModel, SyntaxNode } from '../../asl';
import { type AslServiceSettings, type Diagnostic, DiagnosticSeverity, type Range } from '../types';
import { checkDuplicateKeys } from './duplicateKeyRule';
import { checkStateFields } from './fieldRules';
import { checkJsonataState } from './jsonataRules';
import { checkJsonPathState, type VariableRead } from './pathRules';
import { checkResource } from './resourceRules';
import { checkRetryCatch } from './retryCatchRules';
import {
  nodeAtPath,
  plainDefinition,
  plainWithoutNestedStates,
  validateRootSchema,
  validateSchema,
  validateStateSchema,
  valueAtPath,
} from './schemaValidation';
import { checkDuplicateNames, checkScope, checkStateTransitions } from './transitionRules';
import { checkVariables } from './variableRules';
import { DIAGNOSTIC_SOURCE, ValidationContext } from './validationContext';
import {
  captureReads,
  captureSince,
  findReusable,
  replayDiagnostics,
  replayReads,
  settingsKeyOf,
  shiftResult,
  type StateResult,
  type ValidationMemo,
} from './validationMemo';

export { DIAGNOSTIC_SOURCE };

export function rangeOf(model: StateMachineModel, offset: number, length: number): Range {
  return new ValidationContext(model, { allowComments: true, allowTrailingCommas: true }).rangeOf(
    offset,
    length,
  );
}

/** Every problem of the document at once: syntax, schema, transitions, fields, paths, JSONata. */
export function validateStateMachine(model: StateMachineModel, settings: AslServiceSettings): Diagnostic[] {
  return runValidation(model, settings, undefined, false).diagnostics;
}

/** The diagnostics of a validation and what the next validation of the same document can reuse. */
export interface IncrementalValidation {
  diagnostics: Diagnostic[];
  memo: ValidationMemo;
}

/**
 * The same diagnostics as validateStateMachine, reusing from `previous` (an earlier version of the same
 * document) the results of every state whose text did not change: their own rules are not run again, their
 * diagnostics move with the text. Rules across states (transitions, reachability, names, variables,
 * duplicate keys) always run.
 */
export function validateStateMachineIncrementally(
  model: StateMachineModel,
  settings: AslServiceSettings,
  previous: ValidationMemo | undefined,
): IncrementalValidation {
  const { diagnostics, memo } = runValidation(model, settings, previous, true);
  return { diagnostics, memo: memo! };
}

function runValidation(
  model: StateMachineModel,
  settings: AslServiceSettings,
  previous: ValidationMemo | undefined,
  remember: boolean,
): { diagnostics: Diagnostic[]; memo?: ValidationMemo } {
  const context = new ValidationContext(model, settings);
  for (const problem of model.tree.problems) {
    context.push(
      {
        range: context.rangeOf(problem.offset, problem.length),
        severity: problem.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
        source: DIAGNOSTIC_SOURCE,
        code: problem.code,
        message: problem.message,
      },
      problem.offset,
      problem.length,
    );
  }
  const settingsKey = remember ? settingsKeyOf(settings) : '';
  const reusable = findReusable(model, settingsKey, previous);
  const results = new Map<StateModel, StateResult>();
  for (const [state, reuse] of reusable) results.set(state, shiftResult(reuse.result, reuse.shift));
  const resultOf = (state: StateModel): StateResult => {
    let result = results.get(state);
    if (!result) results.set(state, (result = { schema: [], rules: [], keys: [], reads: [] }));
    return result;
  };

  if (!remember) {
    validateSchema(context);
  } else {
    // Only changed states need their plain values: no whole-document conversion when few states changed.
    const incremental = reusable.size > 0;
    const definition = validateRootSchema(context, (m) =>
      incremental ? plainWithoutNestedStates(m, m.root) : plainDefinition(m),
    );
    if (definition !== undefined) {
      for (const state of model.states) {
        const reuse = reusable.get(state);
        if (reuse) {
          replayDiagnostics(context, reuse.result.schema, reuse.shift);
          continue;
        }
        const start = context.diagnostics.length;
        validateStateSchema(context, state, () =>
          incremental
            ? plainWithoutNestedStates(model, nodeAtPath(model.root, state.path))
            : valueAtPath(definition, state.path),
        );
        resultOf(state).schema = captureSince(context, start);
      }
    }
  }
  if (!remember) {
    checkDuplicateKeys(context, model.root);
  } else {
    const stateOf = new Map<SyntaxNode, StateModel>();
    for (const state of model.states) if (state.node) stateOf.set(state.node, state);
    checkDuplicateKeys(context, model.root, {
      stateOf,
      replay(state) {
        const reuse = reusable.get(state);
        if (reuse) replayDiagnostics(context, reuse.result.keys, reuse.shift);
        return reuse !== undefined;
      },
      record(state, start) {
        resultOf(state).keys = captureSince(context, start);
      },
    });
  }
  for (const scope of model.scopes) checkScope(context, scope);
  const reads: VariableRead[] = [];
  for (const state of model.states) {
    checkStateTransitions(context, state);
    const reuse = reusable.get(state);
    if (reuse) {
      replayReads(reads, reuse.result.reads, state, reuse.shift);
      replayDiagnostics(context, reuse.result.rules, reuse.shift);
      continue;
    }
    const start = context.diagnostics.length;
    const readsStart = reads.length;
    checkJsonPathState(context, state, reads);
    checkJsonataState(context, state, reads);
    checkStateFields(context, state);
    checkRetryCatch(context, state);
    checkResource(context, state);
    if (remember) {
      const result = resultOf(state);
      result.rules = captureSince(context, start);
      result.reads = captureReads(reads, readsStart);
    }
  }
  checkDuplicateNames(context, model);
  checkVariables(context, reads);
  return {
    diagnostics: context.diagnostics,
    memo: remember ? { model, settingsKey, results } : undefined,
  };
}
