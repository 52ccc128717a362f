/**
 * runSafe: every request handler goes through here. It yields once so a cancellation can arrive, honours
 * the cancellation token, and turns an exception into a logged message plus a fallback result, so a bad
 * document or a bug in one feature never takes the server down. Usage in a handler:
 * `connection.onHover((params, token) => runSafe(connection.console, () => ..., null, 'Hover failed', token))`.
 * Depends on vscode-languageserver only.
 */
import { type CancellationToken, LSPErrorCodes, ResponseError } from 'vscode-languageserver';

/** Where runSafe reports failures: pass `connection.console`. */
export interface ServerLogger {
  error(message: string): void;
}

export function formatError(message: string, error: unknown): string {
  if (error instanceof Error) {
    return `${message}: ${error.message}${error.stack ? `\n${error.stack}` : ''}`;
  }
  return `${message}: ${String(error)}`;
}

function cancelled<T>(): ResponseError<T> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled');
}

/**
 * Runs `func` on the next turn unless the request was cancelled meanwhile; on an exception logs
 * `errorMessage` with the error and resolves to `fallback`.
 */
export function runSafe<T>(
  logger: ServerLogger,
  func: () => T,
  fallback: T,
  errorMessage: string,
  token: CancellationToken,
): Promise<T | ResponseError<unknown>> {
  return runSafeAsync(logger, async () => func(), fallback, errorMessage, token);
}

/** runSafe for handlers that are themselves asynchronous. */
export function runSafeAsync<T>(
  logger: ServerLogger,
  func: () => Promise<T>,
  fallback: T,
  errorMessage: string,
  token: CancellationToken,
): Promise<T | ResponseError<unknown>> {
  return new Promise((resolve) => {
    setImmediate(() => {
      if (token.isCancellationRequested) {
        resolve(cancelled());
        return;
      }
      func().then(
        (result) => resolve(token.isCancellationRequested ? cancelled() : result),
        (error: unknown) => {
          logger.error(formatError(errorMessage, error));
          resolve(fallback);
        },
      );
    });
  });
}
