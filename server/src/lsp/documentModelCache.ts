/**
 * Parse once per (uri, version): every handler asks this cache for the document's StateMachineModel.
 * Parsing depends on the validation settings (comments, trailing commas), so a settings change clears it.
 * Depends on the service facade's `parse` (and `releaseDocument` on close) only; no transport.
 */
import type { StateMachineModel } from '../asl';
import type { AslLanguageService } from '../service/aslLanguageService';
import type { TextDocument } from '../service/types';

interface CacheEntry {
  version: number;
  languageId: string;
  model: StateMachineModel;
}

export interface DocumentModelCache {
  /** The model of this exact document version, parsed now if not cached. May throw if parsing throws. */
  get(document: TextDocument): StateMachineModel;
  /** Forget one document (closed). */
  onDocumentRemoved(uri: string): void;
  /** Forget everything (settings that change parsing were updated). */
  clear(): void;
  /** Number of cached documents (for tests and diagnostics). */
  readonly size: number;
}

/** Keeps at most `maxEntries` models, evicting the least recently used one. */
export function createDocumentModelCache(
  service: Pick<AslLanguageService, 'parse'> & Partial<Pick<AslLanguageService, 'releaseDocument'>>,
  maxEntries = 50,
): DocumentModelCache {
  const entries = new Map<string, CacheEntry>();
  return {
    get(document) {
      const entry = entries.get(document.uri);
      if (entry && entry.version === document.version && entry.languageId === document.languageId) {
        // Re-insert to mark it most recently used.
        entries.delete(document.uri);
        entries.set(document.uri, entry);
        return entry.model;
      }
      const model = service.parse(document);
      entries.delete(document.uri);
      entries.set(document.uri, { version: document.version, languageId: document.languageId, model });
      while (entries.size > maxEntries) {
        const oldest = entries.keys().next().value;
        if (oldest === undefined) break;
        entries.delete(oldest);
      }
      return model;
    },
    onDocumentRemoved(uri) {
      entries.delete(uri);
      service.releaseDocument?.(uri); // a reopened document starts its incremental validation afresh
    },
    clear() {
      entries.clear();
    },
    get size() {
      return entries.size;
    },
  };
}
