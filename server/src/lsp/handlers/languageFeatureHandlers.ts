/**
 * Editor features over LSP (completion, hover, definition, references, rename, symbols, folding,
 * selection ranges, code actions): each handler asks the cache for the model and calls the service
 * through runSafe. Owned by the editor-features work; startServer calls this once and merges
 * `languageFeatureCapabilities` into the initialize result. Translation only: no ASL semantics here.
 */
import {
  type CancellationToken,
  type CodeAction,
  CodeActionKind,
  type CompletionItem,
  type CompletionList,
  type SignatureHelp,
  type Hover,
  type Connection,
  type DocumentSymbol,
  type FoldingRange,
  type SelectionRange,
  ErrorCodes,
  type Location,
  type Range,
  ResponseError,
  type ServerCapabilities,
  type TextDocuments,
} from 'vscode-languageserver';
import type { StateMachineModel } from '../../asl';
import type { AslLanguageService } from '../../service/aslLanguageService';
import type { TextDocument } from '../../service/types';
import type { DocumentModelCache } from '../documentModelCache';
import { runSafe } from '../runSafe';

/** Capabilities of the features registered below (merged into the server's initialize result). */
export const languageFeatureCapabilities: ServerCapabilities = {
  documentSymbolProvider: true,
  codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
  foldingRangeProvider: true,
  selectionRangeProvider: true,
  definitionProvider: true,
  referencesProvider: true,
  renameProvider: { prepareProvider: true },
  completionProvider: { triggerCharacters: ['"', '.', '$', '(', ',', ' '], resolveProvider: true },
  signatureHelpProvider: { triggerCharacters: ['(', ','] },
  hoverProvider: true,
};

export function registerLanguageFeatures(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  service: AslLanguageService,
  cache: DocumentModelCache,
): void {
  /**
   * Runs `request` on the model of an open document through runSafe; a closed document, no answer or a
   * failure (logged as "<what> failed") gives `fallback`.
   */
  function onModel<T>(
    uri: string,
    token: CancellationToken,
    fallback: T,
    what: string,
    request: (model: StateMachineModel) => T | undefined,
  ): Promise<T | ResponseError<void>> {
    return runSafe(
      connection.console,
      () => {
        const document = documents.get(uri);
        return (document && request(cache.get(document))) ?? fallback;
      },
      fallback,
      `${what} failed`,
      token,
    ) as Promise<T | ResponseError<void>>;
  }

  connection.onDocumentSymbol(({ textDocument: { uri } }, token) =>
    onModel<DocumentSymbol[]>(uri, token, [], `Document symbols for ${uri}`, (model) =>
      service.findDocumentSymbols(model),
    ),
  );
  connection.onDefinition(({ textDocument: { uri }, position }, token) =>
    onModel<Location | null>(uri, token, null, `Definition in ${uri}`, (model) =>
      service.findDefinition(model, uri, position),
    ),
  );
  connection.onReferences(({ textDocument: { uri }, position, context }, token) =>
    onModel<Location[]>(uri, token, [], `References in ${uri}`, (model) =>
      service.findReferences(model, uri, position, context.includeDeclaration),
    ),
  );
  connection.onPrepareRename(({ textDocument: { uri }, position }, token) =>
    onModel<Range | null>(uri, token, null, `Prepare rename in ${uri}`, (model) =>
      service.prepareRename(model, position),
    ),
  );
  connection.onRenameRequest((params) => {
    // Not through runSafe: a refused name must reach the user as an error response with its message.
    const document = documents.get(params.textDocument.uri);
    if (!document) return null;
    try {
      return (
        service.doRename(cache.get(document), params.textDocument.uri, params.position, params.newName) ??
        null
      );
    } catch (error) {
      return new ResponseError<void>(ErrorCodes.InvalidParams, (error as Error).message);
    }
  });
  connection.onCompletion(({ textDocument: { uri }, position }, token) =>
    onModel<CompletionList>(uri, token, { isIncomplete: false, items: [] }, `Completion in ${uri}`, (model) =>
      service.doComplete(model, position),
    ),
  );
  connection.onCompletionResolve(
    (item, token) =>
      runSafe(
        connection.console,
        () => service.doResolve(item),
        item,
        `Completion resolve of ${JSON.stringify(item.label)} failed`,
        token,
      ) as Promise<CompletionItem | ResponseError<void>>,
  );
  connection.onSignatureHelp(({ textDocument: { uri }, position }, token) =>
    onModel<SignatureHelp | null>(uri, token, null, `Signature help in ${uri}`, (model) =>
      service.getSignatureHelp(model, position),
    ),
  );
  connection.onHover(({ textDocument: { uri }, position }, token) =>
    onModel<Hover | null>(uri, token, null, `Hover in ${uri}`, (model) => service.doHover(model, position)),
  );
  connection.onFoldingRanges(({ textDocument: { uri } }, token) =>
    onModel<FoldingRange[]>(uri, token, [], `Folding ranges for ${uri}`, (model) =>
      service.getFoldingRanges(model),
    ),
  );
  connection.onSelectionRanges(({ textDocument: { uri }, positions }, token) =>
    onModel<SelectionRange[]>(uri, token, [], `Selection ranges for ${uri}`, (model) =>
      service.getSelectionRanges(model, positions),
    ),
  );
  connection.onCodeAction(({ textDocument: { uri }, context }, token) =>
    onModel<CodeAction[]>(uri, token, [], `Code actions for ${uri}`, (model) =>
      service.getCodeActions(model, uri, context.diagnostics),
    ),
  );
}
