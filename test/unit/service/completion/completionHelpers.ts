/**
 * Test helpers for completion: a document with a `|` cursor marker, the items at the cursor, and the
 * text after applying one item's edit (snippet syntax stripped to the placeholder defaults).
 */
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseStateMachine, type DocumentFormat } from '../../../../server/src/asl';
import '../../../../server/src/asl/parseYaml';
import { doComplete, resolveCompletionItem } from '../../../../server/src/service/completion/doComplete';
import { getSignatureHelp } from '../../../../server/src/service/completion/signatureHelp';
import type { CompletionItem } from '../../../../server/src/service/types';

export function setup(marked: string, format: DocumentFormat = 'json') {
  const offset = marked.indexOf('|');
  assert.ok(offset >= 0, 'the document has a | cursor marker');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  return { text, offset, model: parseStateMachine(text, { format }) };
}

/** Expands snippet syntax to plain text: `${1:x}` -> x, `$1` -> '', `\$` -> $. */
export function expandSnippet(snippet: string): string {
  let out = snippet;
  for (let i = 0; i < 5; i++) out = out.replace(/\$\{\d+:([^{}]*)\}/g, '$1');
  return out.replace(/\$\d+/g, '').replace(/\\([$}\\])/g, '$1');
}

export interface Completion {
  text: string;
  items: CompletionItem[];
  labels: string[];
  item(label: string): CompletionItem;
  /** The document after applying the item's text edit (snippets expanded). */
  apply(label: string): string;
}

export function complete(marked: string, format: DocumentFormat = 'json'): Completion {
  const { text, offset, model } = setup(marked, format);
  const items = doComplete(model, offset).items;
  const doc = TextDocument.create('file:///t', 'asl', 1, text);
  const item = (label: string) => {
    const found = items.find((i) => i.label === label);
    assert.ok(found, `expected "${label}" among ${JSON.stringify(items.map((i) => i.label))}`);
    return found;
  };
  return {
    text,
    items,
    labels: items.map((i) => String(i.label)),
    item,
    apply(label) {
      const it = item(label);
      assert.ok(it.textEdit && 'range' in it.textEdit, 'items carry a text edit');
      const newText = it.insertTextFormat === 2 ? expandSnippet(it.textEdit.newText) : it.textEdit.newText;
      return TextDocument.applyEdits(doc, [{ range: it.textEdit.range, newText }]);
    },
  };
}

export function signature(marked: string, format: DocumentFormat = 'json') {
  const { offset, model } = setup(marked, format);
  return getSignatureHelp(model, offset);
}

/** Every item has markdown documentation once resolved (long lists leave it to completionItem/resolve). */
export function assertDocumented(items: CompletionItem[]): void {
  for (const item of items) {
    const i = resolveCompletionItem(item);
    const doc = i.documentation;
    assert.ok(
      doc && typeof doc === 'object' && doc.kind === 'markdown' && doc.value.length > 0,
      `${i.label} has docs`,
    );
  }
}
