/**
 * In-memory LSP harness: the real startServer on one end of two PassThrough streams, a JSON-RPC client
 * connection on the other. Helpers initialize, open/change/close documents and await publishDiagnostics
 * through promises (never sleeps). Test support only: not a *.test.ts file.
 */
import { PassThrough } from 'node:stream';
import {
  createConnection,
  createProtocolConnection,
  type ClientCapabilities,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  type InitializeResult,
  LogMessageNotification,
  type LogMessageParams,
  type MessageReader,
  type MessageWriter,
  type ProtocolConnection,
  ProposedFeatures,
  PublishDiagnosticsNotification,
  type PublishDiagnosticsParams,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type TextDocumentContentChangeEvent,
  ConfigurationRequest,
} from 'vscode-languageserver/node';
import { startServer, type AslServer } from '../../server/src/lsp/startServer';
import { nodeServerHost } from '../../server/src/lsp/serverHost';

export interface LspTestClientOptions {
  /** Debounce delay passed to startServer (default 10 ms so tests run quickly; the wait is a promise). */
  validationDelayMs?: number;
  /** Client capabilities sent in initialize (default: pull configuration + dynamic registration). */
  capabilities?: ClientCapabilities;
  /** What the client answers to workspace/configuration for the `asl` section. */
  settings?: unknown;
}

type DiagnosticsPredicate = (params: PublishDiagnosticsParams) => boolean;

interface Waiter {
  uri: string;
  predicate: DiagnosticsPredicate;
  resolve: (params: PublishDiagnosticsParams) => void;
}

export const defaultClientCapabilities: ClientCapabilities = {
  workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
  textDocument: { publishDiagnostics: { versionSupport: true } },
};

export class LspTestClient {
  /** Every publishDiagnostics received, in order. */
  readonly published: PublishDiagnosticsParams[] = [];
  /** Every window/logMessage received (server errors land here). */
  readonly logs: LogMessageParams[] = [];
  /** Registrations the server asked for (client/registerCapability). */
  readonly registrations: string[] = [];
  /** The `asl` section returned to workspace/configuration; change it, then call notifySettingsChanged. */
  settings: unknown;
  initializeResult: InitializeResult | undefined;

  private readonly consumed = new Map<string, number>();
  private readonly waiters: Waiter[] = [];
  private readonly registrationWaiters: { method: string; resolve: () => void }[] = [];

  private constructor(
    readonly connection: ProtocolConnection,
    private readonly inProcessServer: AslServer | undefined,
    settings: unknown,
  ) {
    this.settings = settings;
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.published.push(params);
      this.flush();
    });
    connection.onNotification(LogMessageNotification.type, (params) => {
      this.logs.push(params);
    });
    connection.onRequest(ConfigurationRequest.type, (params) =>
      params.items.map((item) => (item.section === 'asl' ? this.settings : null)),
    );
    connection.onRequest(RegistrationRequest.type, (params) => {
      for (const r of params.registrations) this.registrations.push(r.method);
      for (const w of this.registrationWaiters.filter((x) => this.registrations.includes(x.method))) {
        w.resolve();
      }
    });
  }

  /** Starts a server in-process and a client connected to it (not yet initialized). */
  static create(options: LspTestClientOptions = {}): LspTestClient {
    const clientToServer = new PassThrough();
    const serverToClient = new PassThrough();
    const serverConnection = createConnection(
      ProposedFeatures.all,
      new StreamMessageReader(clientToServer),
      new StreamMessageWriter(serverToClient),
    );
    const server = startServer(serverConnection, nodeServerHost, {
      validationDelayMs: options.validationDelayMs ?? 10,
    });
    const connection = createProtocolConnection(
      new StreamMessageReader(serverToClient),
      new StreamMessageWriter(clientToServer),
    );
    const client = new LspTestClient(connection, server, options.settings ?? {});
    connection.listen();
    return client;
  }

  /**
   * A client for a server running elsewhere (a spawned process): `input` carries the server's output,
   * `output` its input (streams, or message reader/writer for IPC and sockets). No `server` on such a client.
   */
  static attach(
    input: NodeJS.ReadableStream,
    output: NodeJS.WritableStream,
    settings: unknown = {},
  ): LspTestClient {
    return LspTestClient.attachMessages(
      new StreamMessageReader(input),
      new StreamMessageWriter(output),
      settings,
    );
  }

  /** `attach` for message-level transports (node IPC, sockets). */
  static attachMessages(reader: MessageReader, writer: MessageWriter, settings: unknown = {}): LspTestClient {
    const connection = createProtocolConnection(reader, writer);
    const client = new LspTestClient(connection, undefined, settings);
    connection.listen();
    return client;
  }

  /** The in-process server's internals (documents, cache, service). */
  get server(): AslServer {
    if (!this.inProcessServer) throw new Error('This client is attached to a server in another process.');
    return this.inProcessServer;
  }

  /** create + initialize + initialized. */
  static async start(options: LspTestClientOptions = {}): Promise<LspTestClient> {
    const client = LspTestClient.create(options);
    await client.initialize(options.capabilities ?? defaultClientCapabilities);
    return client;
  }

  async initialize(
    capabilities: ClientCapabilities = defaultClientCapabilities,
    processId: number | null = null,
  ): Promise<InitializeResult> {
    this.initializeResult = await this.connection.sendRequest(InitializeRequest.type, {
      // In-process: null, or the server would watch this (test) process and exit it when it "dies".
      processId,
      rootUri: null,
      capabilities,
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
    return this.initializeResult;
  }

  async open(uri: string, text: string, languageId = 'asl', version = 1): Promise<void> {
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId, version, text },
    });
  }

  /** Replaces the whole text (or applies the given incremental changes) as `version`. */
  async change(
    uri: string,
    version: number,
    textOrChanges: string | TextDocumentContentChangeEvent[],
  ): Promise<void> {
    const contentChanges = typeof textOrChanges === 'string' ? [{ text: textOrChanges }] : textOrChanges;
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges,
    });
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** Tells the server the settings changed; `pushed` sends them in the notification (no pull needed). */
  async notifySettingsChanged(pushed?: unknown): Promise<void> {
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, {
      settings: pushed === undefined ? null : { asl: pushed },
    });
  }

  /**
   * Resolves with the next publishDiagnostics for `uri` (not returned by an earlier call) that satisfies
   * `predicate`; publishes skipped over are consumed.
   */
  diagnostics(uri: string, predicate: DiagnosticsPredicate = () => true): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve) => {
      this.waiters.push({ uri, predicate, resolve });
      this.flush();
    });
  }

  /** The next publish for `uri` carrying exactly this document version. */
  diagnosticsForVersion(uri: string, version: number): Promise<PublishDiagnosticsParams> {
    return this.diagnostics(uri, (p) => p.version === version);
  }

  /** Resolves once the server has registered `method` dynamically (client/registerCapability). */
  whenRegistered(method: string): Promise<void> {
    if (this.registrations.includes(method)) return Promise.resolve();
    return new Promise((resolve) => this.registrationWaiters.push({ method, resolve }));
  }

  async shutdown(): Promise<void> {
    await this.connection.sendRequest(ShutdownRequest.type);
  }

  /** Closes the client side. Never sends `exit` in-process (the node server would exit the test run). */
  dispose(): void {
    this.connection.dispose();
  }

  /** Sends `exit`: only for a server in another process (in-process, node's server would end the test run). */
  async sendExit(): Promise<void> {
    await this.connection.sendNotification(ExitNotification.type);
  }

  private flush(): void {
    for (let i = 0; i < this.waiters.length;) {
      const waiter = this.waiters[i];
      const found = this.take(waiter.uri, waiter.predicate);
      if (found) {
        this.waiters.splice(i, 1);
        waiter.resolve(found);
      } else {
        i++;
      }
    }
  }

  private take(uri: string, predicate: DiagnosticsPredicate): PublishDiagnosticsParams | undefined {
    let index = this.consumed.get(uri) ?? 0;
    let seen = 0;
    for (const params of this.published) {
      if (params.uri !== uri) continue;
      seen++;
      if (seen <= index) continue;
      index = seen;
      if (predicate(params)) {
        this.consumed.set(uri, index);
        return params;
      }
    }
    this.consumed.set(uri, index);
    return undefined;
  }
}
