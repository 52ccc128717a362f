/**
 * Validation entry point: the model in, every problem out (syntax first, then ASL rules), each with a
 * range, source "asl", a stable code and a message saying what is wrong and how to fix it.
 * Depends on: asl/, service/types only.
 */
import type { StateMachineModel } from '../../asl';
import { type Diagnostic, DiagnosticSeverity, Range, type AslServiceSettings } from '../types';

export const DIAGNOSTIC_SOURCE = 'asl';

export function rangeOf(model: StateMachineModel, offset: number, length: number): Range {
  const start = model.lines.positionAt(offset);
  const end = model.lines.positionAt(offset + length);
  return Range.create(start.line, start.character, end.line, end.character);
}

export function validateStateMachine(model: StateMachineModel, _settings: AslServiceSettings): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const problem of model.tree.problems) {
    diagnostics.push({
      range: rangeOf(model, problem.offset, problem.length),
      severity: problem.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
      source: DIAGNOSTIC_SOURCE,
      code: problem.code,
      message: problem.message,
    });
  }
  return diagnostics;
}
