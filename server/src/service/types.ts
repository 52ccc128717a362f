/**
 * The LSP value types the language service speaks (re-exported, json-languageservice style), so the
 * service never imports a transport. Depends on: vscode-languageserver-types / -textdocument.
 */
export {
  Diagnostic,
  DiagnosticSeverity,
  DiagnosticTag,
  Range,
  Position,
  Location,
  TextEdit,
  WorkspaceEdit,
  CompletionItem,
  CompletionItemKind,
  CompletionList,
  Hover,
  MarkupContent,
  MarkupKind,
  DocumentSymbol,
  SymbolKind,
  CodeAction,
  CodeActionKind,
  FoldingRange,
  SelectionRange,
  SignatureHelp,
  InsertTextFormat,
} from 'vscode-languageserver-types';
export { TextDocument } from 'vscode-languageserver-textdocument';

/** Settings that change what the service reports. */
export interface AslServiceSettings {
  /** Accept comments in JSON documents (AWS rejects them). Default true. */
  allowComments: boolean;
  /** Accept trailing commas in JSON documents (AWS rejects them). Default true. */
  allowTrailingCommas: boolean;
  /** The state machine type when known (EXPRESS forbids .sync, .waitForTaskToken and activities). */
  stateMachineType?: 'STANDARD' | 'EXPRESS';
}

export const defaultServiceSettings: AslServiceSettings = {
  allowComments: true,
  allowTrailingCommas: true,
};
