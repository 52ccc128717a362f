/**
 * Validation entry point: the model in, every problem out (syntax first, then the schema and the
 * semantic rule families), each with a range, source "asl", a stable code and a message saying what is
 * wrong and how to fix it. Depends on: asl/, schema/, service/types and the rule modules beside it.
 */
import type { StateMachineModel } from '../../asl';
import { type AslServiceSettings, type Diagnostic, DiagnosticSeverity, type Range } from '../types';
import { checkDuplicateKeys } from './duplicateKeyRule';
import { checkStateFields } from './fieldRules';
import { checkJsonataState } from './jsonataRules';
import { checkJsonPathState, type VariableRead } from './pathRules';
import { checkResource } from './resourceRules';
import { checkRetryCatch } from './retryCatchRules';
import { validateSchema } from './schemaValidation';
import { checkDuplicateNames, checkScope, checkStateTransitions } from './transitionRules';
import { checkVariables } from './variableRules';
import { DIAGNOSTIC_SOURCE, ValidationContext } from './validationContext';

export { DIAGNOSTIC_SOURCE };

export function rangeOf(model: StateMachineModel, offset: number, length: number): Range {
  return new ValidationContext(model, { allowComments: true, allowTrailingCommas: true }).rangeOf(
    offset,
    length,
  );
}

/** Every problem of the document at once: syntax, schema, transitions, fields, paths, JSONata. */
export function validateStateMachine(model: StateMachineModel, settings: AslServiceSettings): Diagnostic[] {
  const context = new ValidationContext(model, settings);
  for (const problem of model.tree.problems) {
    context.diagnostics.push({
      range: context.rangeOf(problem.offset, problem.length),
      severity: problem.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
      source: DIAGNOSTIC_SOURCE,
      code: problem.code,
      message: problem.message,
    });
  }
  validateSchema(context);
  checkDuplicateKeys(context, model.root);
  for (const scope of model.scopes) checkScope(context, scope);
  const reads: VariableRead[] = [];
  for (const state of model.states) {
    checkStateTransitions(context, state);
    checkJsonPathState(context, state, reads);
    checkJsonataState(context, state, reads);
    checkStateFields(context, state);
    checkRetryCatch(context, state);
    checkResource(context, state);
  }
  checkDuplicateNames(context, model);
  checkVariables(context, reads);
  return context.diagnostics;
}
