/**
 * Navigation over state names: which state a position names (a state key, a StartAt/Next/Default/
 * Choices[].Next/Catch[].Next value), go to definition, find references and rename within the scope.
 * Depends on: asl/ and service/types only; no transport.
 */
import type { ScopeModel, StateMachineModel, StateModel, SyntaxNode } from '../../asl';
import type { Location, Range, TextEdit, WorkspaceEdit } from '../types';

/** A state name at a position: the scope it lives in, the name and the node naming it. */
export interface NameAtOffset {
  scope: ScopeModel;
  name: string;
  node: SyntaxNode;
}

function contains(node: SyntaxNode, offset: number): boolean {
  return offset >= node.offset && offset <= node.offset + node.length;
}

/** The state name under `offset` (state key or transition target), or undefined. */
export function stateNameAtOffset(model: StateMachineModel, offset: number): NameAtOffset | undefined {
  for (const scope of model.scopes) {
    const start = scope.startAtNode;
    if (start && typeof start.value === 'string' && contains(start, offset)) {
      return { scope, name: start.value, node: start };
    }
  }
  for (const state of model.states) {
    if (contains(state.keyNode, offset)) return { scope: state.scope, name: state.name, node: state.keyNode };
    for (const t of state.transitions) {
      if (contains(t.node, offset)) return { scope: state.scope, name: t.target, node: t.node };
    }
  }
  return undefined;
}

/** Range of a name's text inside its node, without surrounding quotes. */
export function nameRange(model: StateMachineModel, node: SyntaxNode): Range {
  let start = node.offset;
  let end = node.offset + node.length;
  const first = model.text[start];
  if ((first === '"' || first === "'") && end - start >= 2) {
    start++;
    end--;
  }
  return { start: model.lines.positionAt(start), end: model.lines.positionAt(end) };
}

/** Every node naming `name` in `scope`: the state key, StartAt and transitions targeting it. */
export function nameNodesInScope(scope: ScopeModel, name: string): SyntaxNode[] {
  const nodes: SyntaxNode[] = [];
  if (scope.startAt === name && scope.startAtNode) nodes.push(scope.startAtNode);
  for (const state of scope.states) {
    if (state.name === name) nodes.push(state.keyNode);
    for (const t of state.transitions) if (t.target === name) nodes.push(t.node);
  }
  return nodes.sort((a, b) => a.offset - b.offset);
}

function targetState(model: StateMachineModel, offset: number): StateModel | undefined {
  const at = stateNameAtOffset(model, offset);
  return at ? at.scope.byName.get(at.name) : undefined;
}

/** Go to definition: the state key a transition value (or the key itself) names. */
export function findDefinition(model: StateMachineModel, uri: string, offset: number): Location | undefined {
  const state = targetState(model, offset);
  return state ? { uri, range: nameRange(model, state.keyNode) } : undefined;
}

/** Find references: the state key and every StartAt/transition naming it in its scope. */
export function findReferences(
  model: StateMachineModel,
  uri: string,
  offset: number,
  includeDeclaration = true,
): Location[] {
  const at = stateNameAtOffset(model, offset);
  if (!at) return [];
  const declaration = at.scope.byName.get(at.name)?.keyNode;
  return nameNodesInScope(at.scope, at.name)
    .filter((node) => includeDeclaration || node !== declaration)
    .map((node) => ({ uri, range: nameRange(model, node) }));
}

/** prepareRename: the range of the name under the cursor, or undefined when it names no state. */
export function prepareRename(model: StateMachineModel, offset: number): Range | undefined {
  const at = stateNameAtOffset(model, offset);
  return at && at.scope.byName.has(at.name) ? nameRange(model, at.node) : undefined;
}

/** The text that writes `newName` in place of the name in `node` (JSON escaping, YAML quoting as needed). */
export function encodeName(model: StateMachineModel, node: SyntaxNode, newName: string): string {
  const quote = model.text[node.offset];
  if (model.format === 'json' || quote === '"') return JSON.stringify(newName).slice(1, -1);
  if (quote === "'") return newName.replace(/'/g, "''");
  // A plain YAML scalar: keep it plain when safe, else switch to a double-quoted one.
  return /^[A-Za-z_][A-Za-z0-9_ .-]*$/.test(newName) && !/\s$/.test(newName)
    ? newName
    : JSON.stringify(newName);
}

/** Rename a state in its scope; throws an Error with a clear message when the new name is taken or empty. */
export function renameState(
  model: StateMachineModel,
  uri: string,
  offset: number,
  newName: string,
): WorkspaceEdit | undefined {
  const at = stateNameAtOffset(model, offset);
  if (!at || !at.scope.byName.has(at.name)) return undefined;
  if (newName === at.name) return { changes: { [uri]: [] } };
  if (newName.length === 0) throw new Error('A state name cannot be empty.');
  if (at.scope.byName.has(newName)) {
    throw new Error(`A state named '${newName}' already exists in this scope.`);
  }
  const edits: TextEdit[] = nameNodesInScope(at.scope, at.name).map((node) => {
    return { range: nameRange(model, node), newText: encodeName(model, node, newName) };
  });
  return { changes: { [uri]: edits } };
}
