/**
 * Editor rows of `npm run bench` (issue 7, workload 2): completion and hover at 100 positions in the
 * generated 1 MB document, per-call p95, ours against amazon-states-language-service's doComplete/doHover.
 * Both sides answer from a document parsed once (as a language server does per version). Bench-only: the
 * anchor is imported here, never in shipped code.
 */
import { getLanguageService } from 'amazon-states-language-service';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createAslLanguageService } from '../../server/src/service/aslLanguageService';
import { consume, summarize } from './benchHarness';
import { type BenchRow, round } from './benchTypes';

/** The target from issue 7 for completion and hover on the 1 MB document. */
const TARGET_P95_MS = 5;

/**
 * `count` cursor positions spread evenly over the text, each moved just inside the next string (a key or a
 * value: state names, field names, Resource ARNs, paths, JSONata), where an editor request is realistic.
 */
export function editorPositions(text: string, count: number): number[] {
  const offsets: number[] = [];
  for (let i = 0; i < count; i++) {
    const from = Math.floor(((i + 0.5) * text.length) / count);
    const quote = text.indexOf('"', from);
    offsets.push(quote < 0 ? from : quote + 1);
  }
  return offsets;
}

function elapsedMs(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

interface SideSamples {
  ours: number[];
  anchor: number[];
}

/** Per-call samples over `rounds` passes of all positions, ours and the anchor alternating per position. */
async function sample(
  offsets: number[],
  rounds: number,
  ours: (offset: number) => unknown,
  anchor: (offset: number) => Promise<unknown>,
): Promise<SideSamples> {
  const samples: SideSamples = { ours: [], anchor: [] };
  for (let round = -1; round < rounds; round++) {
    for (const offset of offsets) {
      let start = process.hrtime.bigint();
      consume(ours(offset));
      const o = elapsedMs(start);
      start = process.hrtime.bigint();
      consume(await anchor(offset));
      const a = elapsedMs(start);
      if (round >= 0) {
        // round -1 is the warm-up pass
        samples.ours.push(o);
        samples.anchor.push(a);
      }
    }
  }
  return samples;
}

function row(feature: string, label: string, samples: SideSamples, notes: string): BenchRow {
  const o = summarize(samples.ours);
  const a = summarize(samples.anchor);
  return {
    workload: `${feature} at 100 positions, ${label} (per call)`,
    ours: { median: round(o.median), p95: round(o.p95) },
    anchor: { name: 'amazon-states-language-service', median: round(a.median) },
    ratio: round(a.median / o.median, 2),
    target: `p95 <= ${TARGET_P95_MS} ms`,
    met: o.p95 <= TARGET_P95_MS,
    notes: `${notes}; anchor p95 ${round(a.p95)} ms`,
  };
}

/** Completion and hover rows for one document (the generated 1 MB / 2,000-state one). */
export async function benchEditorFeatures(text: string, label: string, rounds: number): Promise<BenchRow[]> {
  const uri = 'file:///bench/editor.asl.json';
  const service = createAslLanguageService();
  const model = service.parse(TextDocument.create(uri, 'asl', 1, text));
  const anchorService = getLanguageService({});
  const anchorDoc = TextDocument.create(uri, 'json', 1, text);
  const anchorJson = anchorService.parseJSONDocument(anchorDoc);
  const offsets = editorPositions(text, 100);
  const at = (offset: number) => model.lines.positionAt(offset);
  const completion = await sample(
    offsets,
    rounds,
    (offset) => service.doComplete(model, at(offset)).items.length,
    async (offset) => (await anchorService.doComplete(anchorDoc, at(offset), anchorJson))?.items.length,
  );
  const hover = await sample(
    offsets,
    rounds,
    (offset) => service.doHover(model, at(offset)),
    async (offset) => anchorService.doHover(anchorDoc, at(offset), anchorJson),
  );
  const notes = 'document parsed once beforehand on both sides, as a server caches it per version';
  return [row('completion', label, completion, notes), row('hover', label, hover, notes)];
}
