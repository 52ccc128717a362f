/**
 * Validation entry point: the model in, every problem out (syntax first, then the schema and the
 * semantic rule families), each with a range, source "asl", a stable code and a message saying what is
 * wrong and how to fix it. Depends on: asl/, schema/, service/types and the rule modules beside it.
 */
import type { StateMachineModel } from '../../asl';
import { type AslServiceSettings, type Diagnostic, DiagnosticSeverity, type Range } from '../types';
import { validateSchema } from './schemaValidation';
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
  return context.diagnostics;
}
