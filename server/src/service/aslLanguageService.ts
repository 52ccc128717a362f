/**
 * The language service facade (json-languageservice style): one factory, one interface. Each feature
 * lives in its own module; this file only wires them. Transport-free: no vscode, no LSP connection.
 * Depends on: asl/, service/* only.
 */
import { formatForFileName, parseStateMachine, type StateMachineModel } from '../asl';
import { getCodeActions } from './codeActions/getCodeActions';
import { doComplete, resolveCompletionItem } from './completion/doComplete';
import { getSignatureHelp } from './completion/signatureHelp';
import { findDefinition, findReferences, prepareRename, renameState } from './navigation/stateReferences';
import { doHover } from './hover/doHover';
import { findDocumentSymbols } from './symbols/documentSymbols';
import { findFoldingRanges, findSelectionRanges } from './symbols/foldingAndSelection';
import {
  type AslServiceSettings,
  type Diagnostic,
  type CodeAction,
  type CompletionItem,
  type CompletionList,
  type SignatureHelp,
  type Hover,
  type DocumentSymbol,
  type FoldingRange,
  type SelectionRange,
  type Location,
  type Position,
  type Range,
  type WorkspaceEdit,
  defaultServiceSettings,
  type TextDocument,
} from './types';
import { createDocumentValidations } from './validation/documentValidations';

export interface AslLanguageService {
  /** Parses a document into the one ASL model (callers cache it per uri + version). */
  parse(document: TextDocument): StateMachineModel;
  /**
   * Every problem in the document, all at once. For a model from `parse`, a newer version of a document
   * validated before re-runs only the rules of the states whose text changed (same diagnostics).
   */
  doValidation(model: StateMachineModel): Diagnostic[];
  /** Forgets what incremental validation keeps for a document (call when it closes). */
  releaseDocument(uri: string): void;
  configure(settings: Partial<AslServiceSettings>): void;
  /** The nested outline: states, with Parallel branches and Map processors nested under their owner. */
  findDocumentSymbols(model: StateMachineModel): DocumentSymbol[];
  /**
   * Quick fixes for the given diagnostics: change/create a transition target, move States.ALL last, add
   * End/Next, rename an unknown field, convert JSONPath fields of a JSONata state (where exact).
   */
  getCodeActions(model: StateMachineModel, uri: string, diagnostics: Diagnostic[]): CodeAction[];
  /** Folding ranges for multi-line objects and arrays. */
  getFoldingRanges(model: StateMachineModel): FoldingRange[];
  /** Selection ranges: the enclosing syntax nodes at each position, innermost first. */
  getSelectionRanges(model: StateMachineModel, positions: Position[]): SelectionRange[];
  /** The state a transition value (StartAt/Next/Default/Choices/Catch) or state key names. */
  findDefinition(model: StateMachineModel, uri: string, position: Position): Location | undefined;
  /** The state key and every transition naming it, in its scope. */
  findReferences(
    model: StateMachineModel,
    uri: string,
    position: Position,
    includeDeclaration: boolean,
  ): Location[];
  /** The range of the state name under the cursor, or undefined when nothing renameable is there. */
  prepareRename(model: StateMachineModel, position: Position): Range | undefined;
  /** Renames a state in its scope; throws an Error with a clear message when the name is taken. */
  doRename(
    model: StateMachineModel,
    uri: string,
    position: Position,
    newName: string,
  ): WorkspaceEdit | undefined;
  /** Completion at a position: keys, values, snippets, and paths/functions/variables inside strings. */
  doComplete(model: StateMachineModel, position: Position): CompletionList;
  /** completionItem/resolve: the item with its detail and documentation (long lists leave them out). */
  doResolve(item: CompletionItem): CompletionItem;
  /** Signature help for the intrinsic or JSONata function call open at a position. */
  getSignatureHelp(model: StateMachineModel, position: Position): SignatureHelp | undefined;
  /** Markdown documentation of what is under a position (field, state, target, error, expression), with its range. */
  doHover(model: StateMachineModel, position: Position): Hover | undefined;
}

export interface AslLanguageServiceOptions {
  settings?: Partial<AslServiceSettings>;
}

export function createAslLanguageService(options: AslLanguageServiceOptions = {}): AslLanguageService {
  const settings: AslServiceSettings = { ...defaultServiceSettings, ...options.settings };
  const validations = createDocumentValidations();
  return {
    parse(document) {
      const model = parseStateMachine(document.getText(), {
        format: document.languageId === 'asl-yaml' ? 'yaml' : formatForFileName(document.uri),
        allowComments: settings.allowComments,
        allowTrailingCommas: settings.allowTrailingCommas,
      });
      validations.noteParsed(model, document.uri, document.version);
      return model;
    },
    doValidation(model) {
      return validations.validate(model, settings);
    },
    releaseDocument(uri) {
      validations.forget(uri);
    },
    configure(next) {
      Object.assign(settings, next);
      validations.clear();
    },
    findDocumentSymbols(model) {
      return findDocumentSymbols(model);
    },
    getCodeActions(model, uri, diagnostics) {
      return getCodeActions(model, uri, diagnostics);
    },
    getFoldingRanges(model) {
      return findFoldingRanges(model);
    },
    getSelectionRanges(model, positions) {
      return findSelectionRanges(model, positions);
    },
    findDefinition(model, uri, position) {
      return findDefinition(model, uri, model.lines.offsetAt(position));
    },
    findReferences(model, uri, position, includeDeclaration) {
      return findReferences(model, uri, model.lines.offsetAt(position), includeDeclaration);
    },
    prepareRename(model, position) {
      return prepareRename(model, model.lines.offsetAt(position));
    },
    doRename(model, uri, position, newName) {
      return renameState(model, uri, model.lines.offsetAt(position), newName);
    },
    doComplete(model, position) {
      return doComplete(model, model.lines.offsetAt(position));
    },
    doResolve(item) {
      return resolveCompletionItem(item);
    },
    getSignatureHelp(model, position) {
      return getSignatureHelp(model, model.lines.offsetAt(position));
    },
    doHover(model, position) {
      const hover = doHover(model, model.lines.offsetAt(position));
      if (!hover) return undefined;
      return {
        contents: { kind: 'markdown', value: hover.markdown },
        range: { start: model.lines.positionAt(hover.start), end: model.lines.positionAt(hover.end) },
      };
    },
  };
}
