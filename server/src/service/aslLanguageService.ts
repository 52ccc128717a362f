/**
 * The language service facade (json-languageservice style): one factory, one interface. Each feature
 * lives in its own module; this file only wires them. Transport-free: no vscode, no LSP connection.
 * Depends on: asl/, service/* only.
 */
import { formatForFileName, parseStateMachine, type StateMachineModel } from '../asl';
import { findDocumentSymbols } from './symbols/documentSymbols';
import {
  type AslServiceSettings,
  type Diagnostic,
  type DocumentSymbol,
  defaultServiceSettings,
  type TextDocument,
} from './types';
import { validateStateMachine } from './validation/validateStateMachine';

export interface AslLanguageService {
  /** Parses a document into the one ASL model (callers cache it per uri + version). */
  parse(document: TextDocument): StateMachineModel;
  /** Every problem in the document, all at once. */
  doValidation(model: StateMachineModel): Diagnostic[];
  configure(settings: Partial<AslServiceSettings>): void;
  /** The nested outline: states, with Parallel branches and Map processors nested under their owner. */
  findDocumentSymbols(model: StateMachineModel): DocumentSymbol[];
}

export interface AslLanguageServiceOptions {
  settings?: Partial<AslServiceSettings>;
}

export function createAslLanguageService(options: AslLanguageServiceOptions = {}): AslLanguageService {
  const settings: AslServiceSettings = { ...defaultServiceSettings, ...options.settings };
  return {
    parse(document) {
      return parseStateMachine(document.getText(), {
        format: document.languageId === 'asl-yaml' ? 'yaml' : formatForFileName(document.uri),
        allowComments: settings.allowComments,
        allowTrailingCommas: settings.allowTrailingCommas,
      });
    },
    doValidation(model) {
      return validateStateMachine(model, settings);
    },
    configure(next) {
      Object.assign(settings, next);
    },
    findDocumentSymbols(model) {
      return findDocumentSymbols(model);
    },
  };
}
