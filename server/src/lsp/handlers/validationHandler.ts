/**
 * Debounced, versioned validation: a document just opened is validated on the next turn, an edited one
 * once edits settle; each run parses through the cache and publishes the facade's diagnostics tagged with
 * the document version. A newer edit cancels the pending run, a closed document gets its diagnostics cleared. Translation only: what is a problem is the service's business.
 */
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { AslLanguageService } from '../../service/aslLanguageService';
import { type Diagnostic, DiagnosticSeverity, type TextDocument } from '../../service/types';
import type { DocumentModelCache } from '../documentModelCache';
import { formatError } from '../runSafe';
import type { CancelableTimer, ServerHost } from '../serverHost';

export const DEFAULT_VALIDATION_DELAY_MS = 300;

export interface ValidationScheduler {
  /** Validates the document after `delay` ms (default: the configured debounce delay). */
  schedule(document: TextDocument, delay?: number): void;
  /** Re-validates every open document at once (settings changed). */
  revalidateAll(): void;
  /** Cancels pending runs (shutdown). */
  dispose(): void;
}

/** Shown when validation itself failed, so the user sees why there are no diagnostics. */
export function internalErrorDiagnostic(error: unknown): Diagnostic {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Error,
    source: 'asl',
    code: 'internal-error',
    message: `The ASL language server could not validate this document: ${reason}`,
  };
}

/** At most this many diagnostics are published per document (the CLI still reports them all). */
export const MAX_PUBLISHED_DIAGNOSTICS = 1000;

/**
 * Keeps the first MAX_PUBLISHED_DIAGNOSTICS diagnostics, errors before the rest, and says in one more
 * how many were left out: 200,000 duplicate keys would otherwise publish tens of megabytes per edit.
 */
export function limitDiagnostics(diagnostics: Diagnostic[], max = MAX_PUBLISHED_DIAGNOSTICS): Diagnostic[] {
  if (diagnostics.length <= max) return diagnostics;
  const isError = (d: Diagnostic) => d.severity === DiagnosticSeverity.Error;
  const ordered = [...diagnostics.filter(isError), ...diagnostics.filter((d) => !isError(d))];
  const kept = ordered.slice(0, max);
  const left = ordered.length - max;
  kept.push({
    range: ordered[max]!.range,
    severity: DiagnosticSeverity.Information,
    source: 'asl',
    code: 'too-many-problems',
    message: `${left.toLocaleString('en-US')} more problems are not shown; fix the ones above first (\`asl validate\` lists them all).`,
  });
  return kept;
}

export function registerValidation(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  service: AslLanguageService,
  cache: DocumentModelCache,
  host: ServerHost,
  delayMs: number = DEFAULT_VALIDATION_DELAY_MS,
): ValidationScheduler {
  const pending = new Map<string, CancelableTimer>();

  function cancel(uri: string): void {
    const timer = pending.get(uri);
    if (timer) {
      timer.dispose();
      pending.delete(uri);
    }
  }

  function computeDiagnostics(document: TextDocument): Diagnostic[] {
    try {
      return limitDiagnostics(service.doValidation(cache.get(document)));
    } catch (error) {
      connection.console.error(formatError(`Validating ${document.uri} failed`, error));
      return [internalErrorDiagnostic(error)];
    }
  }

  function validateNow(uri: string, version: number): void {
    const document = documents.get(uri);
    // Closed or edited again since this run was scheduled: a newer run (or the close) takes over.
    if (!document || document.version !== version) return;
    const diagnostics = computeDiagnostics(document);
    connection.sendDiagnostics({ uri, version, diagnostics }).catch((error: unknown) => {
      connection.console.error(formatError(`Publishing diagnostics for ${uri} failed`, error));
    });
  }

  function schedule(document: TextDocument, delay = delayMs): void {
    cancel(document.uri);
    const { uri, version } = document;
    pending.set(
      uri,
      host.timer.setTimeout(() => {
        pending.delete(uri);
        validateNow(uri, version);
      }, delay),
    );
  }

  // TextDocuments fires onDidOpen, then onDidChangeContent, for every didOpen.
  const opening = new Set<string>();
  documents.onDidOpen((event) => opening.add(event.document.uri));
  documents.onDidChangeContent((event) => {
    const uri = event.document.uri;
    schedule(event.document, opening.delete(uri) ? 0 : delayMs);
  });
  documents.onDidClose((event) => {
    const { uri } = event.document;
    cancel(uri);
    cache.onDocumentRemoved(uri);
    connection.sendDiagnostics({ uri, diagnostics: [] }).catch((error: unknown) => {
      connection.console.error(formatError(`Clearing diagnostics for ${uri} failed`, error));
    });
  });

  return {
    schedule,
    revalidateAll() {
      for (const document of documents.all()) {
        cancel(document.uri);
        validateNow(document.uri, document.version);
      }
    },
    dispose() {
      for (const uri of [...pending.keys()]) cancel(uri);
    },
  };
}
