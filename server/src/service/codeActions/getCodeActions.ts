/**
 * Every quick fix for a set of validator diagnostics, dispatched by diagnostic code. Each fix module decides
 * whether its fix applies exactly; none throws on odd input (a failing fix is skipped, the others still come).
 * Depends on: asl/, service/codeActions/* and service/types; no transport.
 */
import type { StateMachineModel } from '../../asl';
import type { CodeAction, Diagnostic } from '../types';
import { jsonataConversionFix } from './jsonataConversion';
import { createStateFix, moveAllLastFix, nextOrEndFixes, renameFieldFix } from './structureFixes';
import { getTransitionFixes } from './transitionFixes';

type Fix = (model: StateMachineModel, uri: string, diagnostic: Diagnostic) => CodeAction[];

const FIXES: Record<string, Fix[]> = {
  'invalid-transition-target': [(m, u, d) => getTransitionFixes(m, u, [d]), createStateFix],
  'states-all-not-last': [moveAllLastFix],
  'missing-next-or-end': [nextOrEndFixes],
  'unknown-field': [renameFieldFix],
  'field-not-in-query-language': [jsonataConversionFix],
};

/** Quick fixes (kind quickfix, `diagnostics` set) for the given diagnostics; other codes are ignored. */
export function getCodeActions(
  model: StateMachineModel,
  uri: string,
  diagnostics: Diagnostic[],
): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== undefined && diagnostic.source !== 'asl') continue;
    for (const fix of FIXES[String(diagnostic.code)] ?? []) {
      try {
        actions.push(...fix(model, uri, diagnostic));
      } catch {
        // A diagnostic from an older version of the document can point anywhere: offer nothing for it.
      }
    }
  }
  return actions;
}
