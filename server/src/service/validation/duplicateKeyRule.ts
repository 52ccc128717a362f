/**
 * Duplicate keys in any JSON object of the document: JSON parsers keep only the last one, so the
 * earlier ones are silently ignored. Reported as a warning on each earlier key (one pass over the tree).
 * Depends on: asl/ (syntax nodes), ./validationContext only.
 */
import type { SyntaxNode } from '../../asl';
import type { ValidationContext } from './validationContext';

export function checkDuplicateKeys(context: ValidationContext, root: SyntaxNode | undefined): void {
  const stack: SyntaxNode[] = root ? [root] : [];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'object') {
      const last = new Map<string, SyntaxNode>();
      for (const prop of node.children ?? []) {
        const key = prop.children?.[0];
        if (typeof key?.value === 'string') last.set(key.value, key);
      }
      if (last.size !== (node.children?.length ?? 0)) {
        for (const prop of node.children ?? []) {
          const key = prop.children?.[0];
          if (typeof key?.value === 'string' && last.get(key.value) !== key) {
            context.report('duplicate-key', key, { key: key.value });
          }
        }
      }
      for (const prop of node.children ?? []) if (prop.children?.[1]) stack.push(prop.children[1]);
    } else if (node.type === 'array') {
      for (const child of node.children ?? []) stack.push(child);
    }
  }
}
