/**
 * Editor features over LSP (completion, hover, definition, references, rename, symbols, folding,
 * selection ranges, code actions): each handler asks the cache for the model and calls the service
 * through runSafe. Owned by the editor-features work; startServer calls this once and merges
 * `languageFeatureCapabilities` into the initialize result. Translation only: no ASL semantics here.
 */
import type { Connection, ServerCapabilities, TextDocuments } from 'vscode-languageserver';
import type { AslLanguageService } from '../../service/aslLanguageService';
import type { TextDocument } from '../../service/types';
import type { DocumentModelCache } from '../documentModelCache';

/** Capabilities of the features registered below (merged into the server's initialize result). */
export const languageFeatureCapabilities: ServerCapabilities = {};

export function registerLanguageFeatures(
  _connection: Connection,
  _documents: TextDocuments<TextDocument>,
  _service: AslLanguageService,
  _cache: DocumentModelCache,
): void {
  // No feature is registered yet: each one is added here together with its capability above.
}
