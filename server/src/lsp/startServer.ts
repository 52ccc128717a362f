/**
 * The ASL language server over any connection (node IPC/stdio in serverMain, in-memory streams in tests):
 * capabilities, the open-document manager, the parse cache, debounced validation, settings and the
 * editor features. Translates LSP <-> the language service; must not import vscode, runtime/ or debug/.
 */
import {
  type ClientCapabilities,
  type Connection,
  type InitializeResult,
  type ServerCapabilities,
  TextDocumentSyncKind,
  TextDocuments,
} from 'vscode-languageserver';
import { createAslLanguageService, type AslLanguageService } from '../service/aslLanguageService';
import { TextDocument } from '../service/types';
import { createDocumentModelCache, type DocumentModelCache } from './documentModelCache';
import { registerConfiguration } from './handlers/configurationHandler';
import { languageFeatureCapabilities, registerLanguageFeatures } from './handlers/languageFeatureHandlers';
import { registerValidation, DEFAULT_VALIDATION_DELAY_MS } from './handlers/validationHandler';
import { formatError } from './runSafe';
import type { ServerHost, StartServerOptions } from './serverHost';
import { loadYamlFrontEnd } from './yamlFrontEnd';

export const SERVER_NAME = 'asl-language-server';

/** What startServer built, for the entry point and tests (nothing here is needed to run the server). */
export interface AslServer {
  service: AslLanguageService;
  documents: TextDocuments<TextDocument>;
  cache: DocumentModelCache;
}

/** The capabilities the server announces: incremental sync plus whatever the feature handlers add. */
export function serverCapabilities(): ServerCapabilities {
  return {
    ...languageFeatureCapabilities,
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
  };
}

/** Wires everything onto `connection` and starts listening. */
export function startServer(
  connection: Connection,
  host: ServerHost,
  options: StartServerOptions = {},
): AslServer {
  loadYamlFrontEnd();
  const service = createAslLanguageService();
  const documents = new TextDocuments(TextDocument);
  const cache = createDocumentModelCache(service);
  let clientCapabilities: ClientCapabilities = {};

  const validation = registerValidation(
    connection,
    documents,
    service,
    cache,
    host,
    options.validationDelayMs ?? DEFAULT_VALIDATION_DELAY_MS,
  );
  const configuration = registerConfiguration(
    connection,
    service,
    () => ({
      pull: clientCapabilities.workspace?.configuration === true,
      dynamicRegistration: clientCapabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true,
    }),
    () => {
      // Comments and trailing commas change how documents parse: drop every cached model.
      cache.clear();
      validation.revalidateAll();
    },
  );

  connection.onInitialize((params): InitializeResult => {
    clientCapabilities = params.capabilities;
    return {
      capabilities: serverCapabilities(),
      serverInfo: { name: SERVER_NAME },
    };
  });
  connection.onInitialized(() => {
    configuration.initialized().catch((error: unknown) => {
      connection.console.error(formatError('Initialising settings failed', error));
    });
  });
  connection.onShutdown(() => {
    validation.dispose();
    cache.clear();
  });

  registerLanguageFeatures(connection, documents, service, cache);
  documents.listen(connection);
  connection.listen();
  return { service, documents, cache };
}
