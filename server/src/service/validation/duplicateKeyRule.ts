/**
 * Duplicate keys in any JSON object of the document: JSON parsers keep only the last one, so the
 * earlier ones are silently ignored. Reported as a warning on each earlier key (one pass over the tree).
 * Depends on: asl/ (syntax nodes), ./validationContext only.
 */
import type { StateModel, SyntaxNode } from '../../asl';
import type { ValidationContext } from './validationContext';

/**
 * Incremental validation's view of the walk: the state owning an object node, replaying a state whose
 * text did not change (its whole subtree skipped), and recording what a state's subtree reported.
 */
export interface DuplicateKeyMemo {
  stateOf: Map<SyntaxNode, StateModel>;
  /** Re-reports the remembered diagnostics of an unchanged state; false when it changed. */
  replay(state: StateModel): boolean;
  /** The diagnostics reported since `start` belong to the subtree of `state`. */
  record(state: StateModel, start: number): void;
}

type WalkEntry = SyntaxNode | { end: StateModel; start: number };

export function checkDuplicateKeys(
  context: ValidationContext,
  root: SyntaxNode | undefined,
  memo?: DuplicateKeyMemo,
): void {
  const stack: WalkEntry[] = root ? [root] : [];
  while (stack.length > 0) {
    const entry = stack.pop()!;
    if (!('type' in entry)) {
      memo?.record(entry.end, entry.start); // the state's subtree is done (depth first, one at a time)
      continue;
    }
    const node = entry;
    const state = memo?.stateOf.get(node);
    if (state) {
      if (memo!.replay(state)) continue;
      stack.push({ end: state, start: context.diagnostics.length });
    }
    if (node.type === 'object') {
      if (hasDuplicateKey(node.children ?? [])) reportDuplicates(context, node.children ?? []);
      for (const prop of node.children ?? []) {
        const value = prop.children?.[1];
        if (value?.children) stack.push(value); // only objects and arrays hold keys
      }
    } else if (node.type === 'array') {
      for (const child of node.children ?? []) if (child.children) stack.push(child);
    }
  }
}

/** Whether any two properties share a key (pairwise for small objects: no allocation on the common path). */
function hasDuplicateKey(props: SyntaxNode[]): boolean {
  if (props.length > 16) {
    const seen = new Set<unknown>();
    for (const prop of props) {
      const key = prop.children?.[0]?.value;
      if (typeof key !== 'string') continue;
      if (seen.has(key)) return true;
      seen.add(key);
    }
    return false;
  }
  for (let i = 1; i < props.length; i++) {
    const key = props[i].children?.[0]?.value;
    if (typeof key !== 'string') continue;
    for (let j = 0; j < i; j++) if (props[j].children?.[0]?.value === key) return true;
  }
  return false;
}

/** Reports every key that a later key of the same name overrides. */
function reportDuplicates(context: ValidationContext, props: SyntaxNode[]): void {
  const last = new Map<string, SyntaxNode>();
  for (const prop of props) {
    const key = prop.children?.[0];
    if (typeof key?.value === 'string') last.set(key.value, key);
  }
  for (const prop of props) {
    const key = prop.children?.[0];
    if (typeof key?.value === 'string' && last.get(key.value) !== key) {
      context.report('duplicate-key', key, { key: key.value });
    }
  }
}
