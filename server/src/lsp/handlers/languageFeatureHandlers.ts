/**
 * Editor features over LSP (completion, hover, definition, references, rename, symbols, folding,
 * selection ranges, code actions): each handler asks the cache for the model and calls the service
 * through runSafe. Owned by the editor-features work; startServer calls this once and merges
 * `languageFeatureCapabilities` into the initialize result. Translation only: no ASL semantics here.
 */
import {
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
  // Symbols, folding, selection, definition, references, rename, quick fixes, completion and signature help.
  connection.onDocumentSymbol(
    (params, token) =>
      runSafe(
        connection.console,
        () => {
          const document = documents.get(params.textDocument.uri);
          return document ? service.findDocumentSymbols(cache.get(document)) : [];
        },
        [],
        `Document symbols for ${params.textDocument.uri} failed`,
        token,
      ) as Promise<DocumentSymbol[] | ResponseError<void>>,
  );
  const modelOf = (uri: string) => {
    const document = documents.get(uri);
    return document ? cache.get(document) : undefined;
  };
  connection.onDefinition(
    (params, token) =>
      runSafe(
        connection.console,
        () => {
          const model = modelOf(params.textDocument.uri);
          return (model && service.findDefinition(model, params.textDocument.uri, params.position)) ?? null;
        },
        null,
        `Definition in ${params.textDocument.uri} failed`,
        token,
      ) as Promise<Location | null | ResponseError<void>>,
  );
  connection.onReferences(
    (params, token) =>
      runSafe(
        connection.console,
        () => {
          const model = modelOf(params.textDocument.uri);
          return model
            ? service.findReferences(
                model,
                params.textDocument.uri,
                params.position,
                params.context.includeDeclaration,
              )
            : [];
        },
        [],
        `References in ${params.textDocument.uri} failed`,
        token,
      ) as Promise<Location[] | ResponseError<void>>,
  );
  connection.onPrepareRename(
    (params, token) =>
      runSafe(
        connection.console,
        () => {
          const model = modelOf(params.textDocument.uri);
          return (model && service.prepareRename(model, params.position)) ?? null;
        },
        null,
        `Prepare rename in ${params.textDocument.uri} failed`,
        token,
      ) as Promise<Range | null | ResponseError<void>>,
  );
  connection.onRenameRequest((params) => {
    // Not through runSafe: a refused name must reach the user as an error response with its message.
    const model = modelOf(params.textDocument.uri);
    if (!model) return null;
    try {
      return service.doRename(model, params.textDocument.uri, params.position, params.newName) ?? null;
    } catch (error) {
      return new ResponseError<void>(ErrorCodes.InvalidParams, (error as Error).message);
    }
  });
  connection.onCompletion(
    (params, token) =>
      runSafe(
        connection.console,
        () => {
          const model = modelOf(params.textDocument.uri);
          return model ? service.doComplete(model, params.position) : { isIncomplete: false, items: [] };
        },
        { isIncomplete: false, items: [] },
        `Completion in ${params.textDocument.uri} failed`,
        token,
      ) as Promise<CompletionList | ResponseError<void>>,
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
  connection.onSignatureHelp(
    (params, token) =>
      runSafe(
        connection.console,
        () => {
          const model = modelOf(params.textDocument.uri);
          return (model && service.getSignatureHelp(model, params.position)) ?? null;
        },
        null,
        `Signature help in ${params.textDocument.uri} failed`,
        token,
      ) as Promise<SignatureHelp | null | ResponseError<void>>,
  );
  connection.onHover(
    (params, token) =>
      runSafe(
        connection.console,
        () => {
          const model = modelOf(params.textDocument.uri);
          return (model && service.doHover(model, params.position)) ?? null;
        },
        null,
        `Hover in ${params.textDocument.uri} failed`,
        token,
      ) as Promise<Hover | null | ResponseError<void>>,
  );
  connection.onFoldingRanges(
    (params, token) =>
      runSafe(
        connection.console,
        () => {
          const model = modelOf(params.textDocument.uri);
          return model ? service.getFoldingRanges(model) : [];
        },
        [],
        `Folding ranges for ${params.textDocument.uri} failed`,
        token,
      ) as Promise<FoldingRange[] | ResponseError<void>>,
  );
  connection.onSelectionRanges(
    (params, token) =>
      runSafe(
        connection.console,
        () => {
          const model = modelOf(params.textDocument.uri);
          return model ? service.getSelectionRanges(model, params.positions) : [];
        },
        [],
        `Selection ranges for ${params.textDocument.uri} failed`,
        token,
      ) as Promise<SelectionRange[] | ResponseError<void>>,
  );
  connection.onCodeAction(
    (params, token) =>
      runSafe(
        connection.console,
        () => {
          const model = modelOf(params.textDocument.uri);
          return model
            ? service.getCodeActions(model, params.textDocument.uri, params.context.diagnostics)
            : [];
        },
        [],
        `Code actions for ${params.textDocument.uri} failed`,
        token,
      ) as Promise<CodeAction[] | ResponseError<void>>,
  );
}
