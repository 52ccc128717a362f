/**
 * Sweep: on every corpus file (real-world, invalid, unparseable; JSON and YAML) at a stride of positions,
 * the editor features that exist (symbols, folding, selection, code actions, definition, references, prepareRename,
 * completion, signature help, hover) never throw, and every
 * location they return lies inside the document.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createAslLanguageService } from '../../../../server/src/service/aslLanguageService';
import '../../../../server/src/asl/parseYaml';
import { TextDocument, type Range } from '../../../../server/src/service/types';
import { corpusDir } from '../../../support/paths';

function files(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return files(full);
    return /\.(json|ya?ml)$/i.test(e.name) ? [full] : [];
  });
}

test('features never throw on the corpus', { timeout: 120_000 }, () => {
  const all = ['real-world', 'invalid', 'unparseable'].flatMap((d) => files(path.join(corpusDir, d)));
  assert.ok(all.length > 900, `corpus found at ${corpusDir} (${all.length} files)`);
  const service = createAslLanguageService();
  let positions = 0;
  for (const file of all) {
    const text = fs.readFileSync(file, 'utf8');
    const yaml = /\.ya?ml$/i.test(file);
    const uri = `file://${file}`;
    const doc = TextDocument.create(uri, yaml ? 'asl-yaml' : 'asl', 1, text);
    const model = service.parse(doc);
    const end = doc.positionAt(text.length);
    const inside = (r: Range) =>
      assert.ok(doc.offsetAt(r.start) <= doc.offsetAt(r.end) && doc.offsetAt(r.end) <= text.length, file);
    service.findDocumentSymbols(model).forEach((s) => inside(s.range));
    service.getCodeActions(model, uri, service.doValidation(model));
    for (const f of service.getFoldingRanges(model)) assert.ok(f.startLine < f.endLine, file);
    const stride = Math.max(1, Math.floor(text.length / 60));
    for (let offset = 0; offset <= text.length; offset += stride) {
      const position = doc.positionAt(offset);
      positions++;
      const def = service.findDefinition(model, uri, position);
      if (def) inside(def.range);
      service.findReferences(model, uri, position, true).forEach((l) => inside(l.range));
      const r = service.prepareRename(model, position);
      if (r) inside(r);
      for (const item of service.doComplete(model, position).items) {
        if (item.textEdit && 'range' in item.textEdit) inside(item.textEdit.range);
        const resolved = service.doResolve(item);
        assert.ok(resolved.documentation, `${file}: completion item ${item.label} has documentation`);
      }
      const hover = service.doHover(model, position);
      if (hover?.range) inside(hover.range);
      const help = service.getSignatureHelp(model, position);
      if (help) assert.ok(help.signatures.length > 0, file);
    }
    const sample = [0, Math.floor(text.length / 2), text.length].map((o) => doc.positionAt(o));
    service.getSelectionRanges(model, sample).forEach((s) => inside(s.range));
    assert.ok(doc.offsetAt(end) === text.length);
  }
  assert.ok(positions > all.length * 10);
});
