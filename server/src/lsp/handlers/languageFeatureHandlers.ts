/**
 * Editor features over LSP (completion, hover, definition, references, rename, symbols, folding,
 * selection ranges, code actions): each handler asks the cache for the model and calls the service
 * through runSafe. Owned by the editor-features work; startServer calls this once and merges
 * `languageFeatureCapabilities` into the initialize result. Translation only: no ASL semantics here.
 */
import type {
  Connection,
  DocumentSymbol,
  ResponseError,
  ServerCapabilities,
  TextDocuments,
} from 'vscode-languageserver';
import type { AslLanguageService } from '../../service/aslLanguageService';
import type { TextDocument } from '../../service/types';
import type { DocumentModelCache } from '../documentModelCache';
import { runSafe } from '../runSafe';

/** Capabilities of the features registered below (merged into the server's initialize result). */
export const languageFeatureCapabilities: ServerCapabilities = {
  documentSymbolProvider: true,
};

export function registerLanguageFeatures(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  service: AslLanguageService,
  cache: DocumentModelCache,
): void {
  // Only document symbols so far; completion, hover, navigation and code actions are not registered yet.
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
}
