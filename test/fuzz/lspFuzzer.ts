/**
 * Seeded language-server fuzzer: random edit sequences over corpus documents sent to the real server over
 * in-memory LSP streams, each edit followed by diagnostics and editor requests at random positions. Returns
 * a report (crashes, latencies, slowest request) instead of asserting, so the short test and the long run
 * share it. Test support only: depends on the LSP test client, ./prng and ./editGenerator.
 */
import { performance } from 'node:perf_hooks';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  type Diagnostic,
  ErrorCodes,
  MessageType,
  type Position,
  ResponseError,
} from 'vscode-languageserver/node';
import { LspTestClient } from '../lsp/lspTestClient';
import { applyEdit, type CorpusDocument, generateEdit, type GeneratedEdit } from './editGenerator';
import { createRng } from './prng';

export interface LspFuzzOptions {
  seed: number;
  edits: number;
  corpus: readonly CorpusDocument[];
  /** Called after every edit (progress output of the long run). */
  onProgress?: (done: number, report: LspFuzzReport) => void;
}

export interface LspFuzzFailure {
  seed: number;
  editIndex: number;
  file: string;
  kind: 'internal-error' | 'error-log' | 'request-error' | 'bad-range' | 'unhandled-rejection';
  detail: string;
  /** The document text before the failing edit and the edit itself: enough to replay it. */
  textBefore: string;
  edit: GeneratedEdit | undefined;
}

export interface LspFuzzReport {
  seed: number;
  edits: number;
  requests: number;
  /** Requests per method that the server answered with a result. */
  answered: Record<string, number>;
  /** Methods the server does not implement (MethodNotFound): answered, but with no feature behind them. */
  unsupported: Record<string, number>;
  failures: LspFuzzFailure[];
  /** The slowest request (edit -> diagnostics publish counts as `diagnostics`), in ms, with where it happened. */
  slowest: { method: string; ms: number; editIndex: number; file: string; edit?: string };
  /** The slowest request of each method (diagnostics included), in ms. */
  slowestByMethod: Record<string, { ms: number; editIndex: number; file: string; edit?: string }>;
  /** Requests slower than 200 ms. */
  over200ms: number;
}

const REQUESTS = [
  'textDocument/completion',
  'textDocument/hover',
  'textDocument/definition',
  'textDocument/references',
  'textDocument/prepareRename',
  'textDocument/rename',
  'textDocument/documentSymbol',
  'textDocument/foldingRange',
  'textDocument/selectionRange',
  'textDocument/signatureHelp',
  'textDocument/codeAction',
] as const;

const RENAMES = ['Renamed', 'A B', '', 'x'.repeat(90), '__proto__'];

/** Parameters of each fuzzed request at a position (code actions get the last published diagnostics). */
function requestParams(
  method: (typeof REQUESTS)[number],
  textDocument: { uri: string },
  position: Position,
  newName: string,
  diagnostics: Diagnostic[],
): object {
  switch (method) {
    case 'textDocument/documentSymbol':
    case 'textDocument/foldingRange':
      return { textDocument };
    case 'textDocument/rename':
      return { textDocument, position, newName };
    case 'textDocument/references':
      return { textDocument, position, context: { includeDeclaration: true } };
    case 'textDocument/selectionRange':
      return { textDocument, positions: [position] };
    case 'textDocument/codeAction':
      return { textDocument, range: { start: position, end: position }, context: { diagnostics } };
    default:
      return { textDocument, position };
  }
}

/** Runs one seeded fuzz session against a fresh in-process server; never throws for server misbehaviour. */
export async function runLspFuzz(options: LspFuzzOptions): Promise<LspFuzzReport> {
  const { seed, corpus } = options;
  const rng = createRng(seed);
  const report: LspFuzzReport = {
    seed,
    edits: 0,
    requests: 0,
    answered: {},
    unsupported: {},
    failures: [],
    slowest: { method: '', ms: 0, editIndex: -1, file: '' },
    slowestByMethod: {},
    over200ms: 0,
  };
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown): void => {
    rejections.push(reason);
  };
  process.on('unhandledRejection', onRejection);
  const client = await LspTestClient.start({ validationDelayMs: 0 });
  let logsSeen = 0;
  let doc: TextDocument | undefined;
  let source: CorpusDocument = corpus[0];
  let docCount = 0;
  let lastDiagnostics: Diagnostic[];

  let editKind = '';
  const record = (method: string, ms: number, editIndex: number): void => {
    if (ms > report.slowest.ms) report.slowest = { method, ms, editIndex, file: source.file, edit: editKind };
    if (ms > (report.slowestByMethod[method]?.ms ?? -1)) {
      report.slowestByMethod[method] = { ms, editIndex, file: source.file, edit: editKind };
    }
    if (ms > 200) report.over200ms++;
  };

  const openNext = async (): Promise<TextDocument> => {
    if (doc) await client.close(doc.uri);
    source = rng.pick(corpus);
    const ext = source.languageId === 'asl-yaml' ? 'asl.yaml' : 'asl.json';
    const next = TextDocument.create(
      `file:///fuzz/${seed}/${docCount++}.${ext}`,
      source.languageId,
      1,
      source.text,
    );
    await client.open(next.uri, next.getText(), next.languageId, 1);
    await client.diagnosticsForVersion(next.uri, 1);
    return next;
  };

  try {
    doc = await openNext();
    for (let i = 0; i < options.edits; i++) {
      if (rng.chance(0.02)) doc = await openNext();
      const textBefore = doc.getText();
      const edit = generateEdit(rng, textBefore, doc.languageId, corpus);
      editKind = `${edit.kind} (${edit.insert.length} chars at ${edit.start})`;
      const range = { start: doc.positionAt(edit.start), end: doc.positionAt(edit.end) };
      const version = doc.version + 1;
      doc = TextDocument.update(doc, [{ range, text: edit.insert }], version);
      if (doc.getText() !== applyEdit(textBefore, edit)) {
        // A split surrogate pair or \r|\n boundary: the document model and the raw edit disagree. Resync.
        doc = TextDocument.create(doc.uri, doc.languageId, version, doc.getText());
      }
      const fail = (kind: LspFuzzFailure['kind'], detail: string): void => {
        report.failures.push({ seed, editIndex: i, file: source.file, kind, detail, textBefore, edit });
      };

      const t0 = performance.now();
      const published = client.diagnosticsForVersion(doc.uri, version);
      await client.change(doc.uri, version, [{ range, text: edit.insert }]);
      const params = await published;
      lastDiagnostics = params.diagnostics;
      record('diagnostics', performance.now() - t0, i);
      for (const d of params.diagnostics) {
        if (d.code === 'internal-error') {
          fail('internal-error', typeof d.message === 'string' ? d.message : d.message.value);
        } else if (
          d.range.start.line < 0 ||
          d.range.end.line > doc.lineCount ||
          d.range.start.character < 0
        ) {
          fail('bad-range', JSON.stringify(d));
        }
      }

      const requestCount = rng.int(1, 3);
      for (let r = 0; r < requestCount; r++) {
        const method = rng.pick(REQUESTS);
        const position = doc.positionAt(rng.int(0, doc.getText().length));
        const textDocument = { uri: doc.uri };
        const params = requestParams(method, textDocument, position, rng.pick(RENAMES), lastDiagnostics);
        const started = performance.now();
        report.requests++;
        try {
          await client.connection.sendRequest(method, params);
          report.answered[method] = (report.answered[method] ?? 0) + 1;
        } catch (error) {
          if (error instanceof ResponseError && error.code === ErrorCodes.MethodNotFound) {
            report.unsupported[method] = (report.unsupported[method] ?? 0) + 1;
          } else if (
            error instanceof ResponseError &&
            error.code === ErrorCodes.InvalidParams &&
            method.endsWith('rename')
          ) {
            // A rename refused with a message (bad new name, nothing to rename) is a proper answer.
            report.answered[method] = (report.answered[method] ?? 0) + 1;
          } else {
            fail('request-error', `${method} at ${JSON.stringify(position)}: ${String(error)}`);
          }
        }
        record(method, performance.now() - started, i);
      }

      for (; logsSeen < client.logs.length; logsSeen++) {
        const log = client.logs[logsSeen];
        if (log.type !== MessageType.Error) continue;
        fail('error-log', log.message);
      }
      while (rejections.length > 0) fail('unhandled-rejection', String(rejections.shift()));
      report.edits++;
      options.onProgress?.(i + 1, report);
    }
  } finally {
    process.off('unhandledRejection', onRejection);
    client.dispose();
  }
  return report;
}
