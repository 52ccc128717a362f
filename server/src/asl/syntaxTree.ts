/**
 * The syntax tree shared by every ASL front end (JSON via jsonc-parser, YAML via the `yaml` package).
 * Both front ends produce jsonc-parser `Node` trees with offsets into the original text, so the model,
 * the validator and the editor features never care which format a document was written in.
 * Depends on: jsonc-parser only.
 */
import { getNodeValue, type Node } from 'jsonc-parser';

export type SyntaxNode = Node;
export type DocumentFormat = 'json' | 'yaml';

/** A problem found while reading the text itself (not ASL rules). Offsets are UTF-16 code units. */
export interface SyntaxProblem {
  code: string;
  message: string;
  offset: number;
  length: number;
  severity: 'error' | 'warning';
}

export interface SyntaxTree {
  format: DocumentFormat;
  root: SyntaxNode | undefined;
  problems: SyntaxProblem[];
}

/** The `property` node for `key` in an object node, or undefined. The last duplicate wins, as in JSON.parse. */
export function propertyOf(objectNode: SyntaxNode | undefined, key: string): SyntaxNode | undefined {
  if (!objectNode || objectNode.type !== 'object' || !objectNode.children) return undefined;
  let found: SyntaxNode | undefined;
  for (const prop of objectNode.children) {
    const keyNode = prop.children?.[0];
    if (keyNode && keyNode.value === key) found = prop;
  }
  return found;
}

/** The value node of `key` in an object node. */
export function valueNodeOf(objectNode: SyntaxNode | undefined, key: string): SyntaxNode | undefined {
  return propertyOf(objectNode, key)?.children?.[1];
}

/** The key node of `key` in an object node. */
export function keyNodeOf(objectNode: SyntaxNode | undefined, key: string): SyntaxNode | undefined {
  return propertyOf(objectNode, key)?.children?.[0];
}

/** Iterates the properties of an object node as [key, keyNode, valueNode | undefined]. */
export function* propertiesOf(
  objectNode: SyntaxNode | undefined,
): Generator<[string, SyntaxNode, SyntaxNode | undefined, SyntaxNode]> {
  if (!objectNode || objectNode.type !== 'object' || !objectNode.children) return;
  for (const prop of objectNode.children) {
    const keyNode = prop.children?.[0];
    if (!keyNode || typeof keyNode.value !== 'string') continue;
    yield [keyNode.value, keyNode, prop.children?.[1], prop];
  }
}

/** The plain JSON value of a node (objects built with null prototype safety: `__proto__` stays data). */
export function valueOf(node: SyntaxNode | undefined): unknown {
  if (!node) return undefined;
  return toPlain(node);
}

function toPlain(node: SyntaxNode): unknown {
  switch (node.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const prop of node.children ?? []) {
        const keyNode = prop.children?.[0];
        const valueNode = prop.children?.[1];
        if (!keyNode || typeof keyNode.value !== 'string') continue;
        const value = valueNode ? toPlain(valueNode) : undefined;
        if (keyNode.value === '__proto__') {
          Object.defineProperty(out, keyNode.value, {
            value,
            enumerable: true,
            writable: true,
            configurable: true,
          });
        } else {
          out[keyNode.value] = value; // plain assignment: several times faster than defineProperty
        }
      }
      return out;
    }
    case 'array':
      return (node.children ?? []).map(toPlain);
    default:
      return getNodeValue(node);
  }
}

/** The JSON path of a node from the root (keys and array indexes), like jsonc-parser's getNodePath. */
export function pathOf(node: SyntaxNode): (string | number)[] {
  const path: (string | number)[] = [];
  let current: SyntaxNode | undefined = node;
  while (current?.parent) {
    const parent: SyntaxNode = current.parent;
    if (parent.type === 'property') {
      const key = parent.children?.[0]?.value;
      if (current !== parent.children?.[0] && typeof key === 'string') path.unshift(key);
    } else if (parent.type === 'array') {
      path.unshift(parent.children?.indexOf(current) ?? 0);
    }
    current = parent;
  }
  return path;
}

/** The deepest node whose range contains `offset` (inclusive end, so a cursor after a token still finds it). */
export function nodeAtOffset(root: SyntaxNode | undefined, offset: number): SyntaxNode | undefined {
  if (!root || offset < root.offset || offset > root.offset + root.length) return undefined;
  for (const child of root.children ?? []) {
    const hit = nodeAtOffset(child, offset);
    if (hit) return hit;
  }
  return root;
}
