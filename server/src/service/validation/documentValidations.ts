/**
 * The service's memory for incremental validation: which document (uri, version) each parsed model came
 * from, and per document the last validation's memo, so the next, newer version re-runs only the rules
 * of states whose text changed. A version that is not newer is validated in full (a reopened document).
 * Depends on: asl/, service/types, ./validateStateMachine, ./validationMemo only.
 */
import type { StateMachineModel } from '../../asl';
import type { AslServiceSettings, Diagnostic } from '../types';
import { validateStateMachine, validateStateMachineIncrementally } from './validateStateMachine';
import type { ValidationMemo } from './validationMemo';

export interface DocumentValidations {
  /** Records that `model` is version `version` of the document `uri`. */
  noteParsed(model: StateMachineModel, uri: string, version: number): void;
  /** Every diagnostic of `model`, reusing the last validation of an older version of its document. */
  validate(model: StateMachineModel, settings: AslServiceSettings): Diagnostic[];
  /** Forgets a document (closed): its next version is validated in full. */
  forget(uri: string): void;
  clear(): void;
}

/** Documents remembered at most (least recently validated dropped first). */
const MAX_DOCUMENTS = 20;

export function createDocumentValidations(): DocumentValidations {
  const parsedAs = new WeakMap<StateMachineModel, { uri: string; version: number }>();
  const memos = new Map<string, { version: number; memo: ValidationMemo }>();
  return {
    noteParsed(model, uri, version) {
      parsedAs.set(model, { uri, version });
    },
    validate(model, settings) {
      const source = parsedAs.get(model);
      const entry = source ? memos.get(source.uri) : undefined;
      if (!source || (entry && source.version <= entry.version)) return validateStateMachine(model, settings);
      const { diagnostics, memo } = validateStateMachineIncrementally(model, settings, entry?.memo);
      memos.delete(source.uri);
      memos.set(source.uri, { version: source.version, memo });
      while (memos.size > MAX_DOCUMENTS) {
        const oldest = memos.keys().next().value;
        if (oldest === undefined) break;
        memos.delete(oldest);
      }
      return diagnostics;
    },
    forget(uri) {
      memos.delete(uri);
    },
    clear() {
      memos.clear();
    },
  };
}
