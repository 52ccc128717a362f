/**
 * Folding ranges (every multi-line object/array and property) and selection ranges (the chain of
 * enclosing syntax nodes) from the syntax tree, the same for JSON and YAML.
 * Depends on: asl/ and service/types only; no transport.
 */
import { nodeAtOffset, type StateMachineModel, type SyntaxNode } from '../../asl';
import type { FoldingRange, Position, SelectionRange } from '../types';

/** Folding ranges for multi-line objects and arrays, at most `limit` of them (outermost first). */
export function findFoldingRanges(model: StateMachineModel, limit = 5000): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  const seen = new Set<number>();
  const stack: SyntaxNode[] = model.root ? [model.root] : [];
  for (let i = 0; i < stack.length && ranges.length < limit; i++) {
    const node = stack[i];
    if (node.type === 'object' || node.type === 'array') {
      const start = model.lines.positionAt(node.offset).line;
      let endOffset = node.offset + node.length;
      // YAML block nodes end after their last line break.
      while (endOffset > node.offset && /[\r\n]/.test(model.text[endOffset - 1])) endOffset--;
      let end = model.lines.positionAt(endOffset).line;
      // JSON: keep the closing bracket visible.
      if (model.format === 'json') end--;
      const startLine =
        node.parent?.type === 'property' ? model.lines.positionAt(node.parent.offset).line : start;
      if (end > startLine && !seen.has(startLine)) {
        seen.add(startLine);
        ranges.push({ startLine, endLine: end });
      }
    }
    if (node.children) stack.push(...node.children);
  }
  return ranges.sort((a, b) => a.startLine - b.startLine);
}

/** Selection ranges: for each position, the node there and each enclosing node outwards. */
export function findSelectionRanges(model: StateMachineModel, positions: Position[]): SelectionRange[] {
  return positions.map((position) => {
    const offset = model.lines.offsetAt(position);
    let node = nodeAtOffset(model.root, offset);
    const chain: SyntaxNode[] = [];
    while (node) {
      const last = chain[chain.length - 1];
      if (!last || last.offset !== node.offset || last.length !== node.length) chain.push(node);
      node = node.parent;
    }
    let result: SelectionRange | undefined;
    for (let i = chain.length - 1; i >= 0; i--) {
      const n = chain[i];
      result = {
        range: { start: model.lines.positionAt(n.offset), end: model.lines.positionAt(n.offset + n.length) },
        parent: result,
      };
    }
    return result ?? { range: { start: position, end: position } };
  });
}
