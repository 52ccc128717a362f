/**
 * Retry/Catch rules: "States.ALL" alone in its ErrorEquals and only in the last Retrier/Catcher, and
 * names starting with "States." must be predefined error names (ranges, types and literal-only values of
 * Retrier fields are the schema's job). Depends on: asl/, ./validationContext, ./closestName only.
 */
import { valueNodeOf, type StateModel } from '../../asl';
import { closestName } from './closestName';
import type { ValidationContext } from './validationContext';

/** The predefined error names (asl-facts section 2). */
export const PREDEFINED_ERRORS: readonly string[] = [
  'States.ALL',
  'States.DataLimitExceeded',
  'States.ExceedToleratedFailureThreshold',
  'States.HeartbeatTimeout',
  'States.Http.Socket',
  'States.IntrinsicFailure',
  'States.ItemReaderFailed',
  'States.NoChoiceMatched',
  'States.ParameterPathFailure',
  'States.Permissions',
  'States.QueryEvaluationError',
  'States.ResultPathMatchFailure',
  'States.ResultWriterFailed',
  'States.Runtime',
  'States.TaskFailed',
  'States.Timeout',
  'States.BranchFailed',
];
const KNOWN = new Set(PREDEFINED_ERRORS);

export function checkRetryCatch(context: ValidationContext, state: StateModel): void {
  for (const field of ['Retry', 'Catch'] as const) {
    const list = valueNodeOf(state.node, field);
    if (list?.type !== 'array') continue;
    const entries = list.children ?? [];
    entries.forEach((entry, index) => {
      const errorEquals = valueNodeOf(entry, 'ErrorEquals');
      if (errorEquals?.type !== 'array') return;
      const names = errorEquals.children ?? [];
      for (const nameNode of names) {
        const name = nameNode.value;
        if (typeof name !== 'string' || !name.startsWith('States.')) continue;
        if (name === 'States.ALL') {
          if (names.length > 1) context.report('states-all-not-alone', nameNode);
          if (index !== entries.length - 1) {
            context.report(
              'states-all-not-last',
              nameNode,
              { kind: field === 'Retry' ? 'Retrier' : 'Catcher' },
              { data: { field, index } },
            );
          }
        } else if (!KNOWN.has(name) && !/^States\.Http\.StatusCode\.\d{3}$/.test(name)) {
          context.report('unknown-states-error', nameNode, {
            name,
            suggestion: closestName(name, PREDEFINED_ERRORS),
          });
        }
      }
    });
  }
}
