/**
 * Test helper for hover: a document with a `|` cursor marker, the hover there through the service
 * facade, and the document text its range covers.
 */
import * as assert from 'node:assert/strict';
import '../../../../server/src/asl/parseYaml';
import { createAslLanguageService } from '../../../../server/src/service/aslLanguageService';
import { TextDocument } from '../../../../server/src/service/types';

const service = createAslLanguageService();

export interface HoverSeen {
  markdown: string;
  /** The document text under the hover's range. */
  rangeText: string;
}

export function hoverAt(
  marked: string,
  format: 'json' | 'yaml' = 'json',
  marker = '|',
): HoverSeen | undefined {
  const offset = marked.indexOf(marker);
  assert.ok(offset >= 0, `the document has a ${marker} cursor marker`);
  const text = marked.slice(0, offset) + marked.slice(offset + marker.length);
  const doc = TextDocument.create(
    format === 'yaml' ? 'file:///t.asl.yaml' : 'file:///t.asl.json',
    format === 'yaml' ? 'asl-yaml' : 'asl',
    1,
    text,
  );
  const model = service.parse(doc);
  const hover = service.doHover(model, doc.positionAt(offset));
  if (!hover) return undefined;
  assert.ok(hover.range, 'hovers carry a range');
  const contents = hover.contents as { kind: string; value: string };
  assert.equal(contents.kind, 'markdown');
  const start = doc.offsetAt(hover.range.start);
  const end = doc.offsetAt(hover.range.end);
  assert.ok(start <= offset && offset <= end, `the range ${start}-${end} contains the cursor ${offset}`);
  return { markdown: contents.value, rangeText: text.slice(start, end) };
}

/** The hover at the cursor, which must exist. */
export function mustHover(marked: string, format: 'json' | 'yaml' = 'json', marker = '|'): HoverSeen {
  const seen = hoverAt(marked, format, marker);
  assert.ok(seen, `a hover at the cursor of:\n${marked}`);
  return seen;
}
