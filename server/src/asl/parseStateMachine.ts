/**
 * Text -> StateMachineModel. Reads the syntax tree from the JSON or YAML front end and builds the
 * scoped, located model: every state (nested in Parallel branches and Map processors) with its path,
 * effective query language and outgoing transitions. Never throws on bad input.
 * Depends on: ./syntaxTree, ./parseJson, ./lineIndex, ./stateMachine (jsonc-parser only).
 */
import { LineIndex } from './lineIndex';
import { parseJsonSyntax, type JsonParseOptions } from './parseJson';
import {
  isStateType,
  type QueryLanguage,
  type ScopeKind,
  type ScopeModel,
  type StateDefinition,
  type StateMachineModel,
  type StateModel,
  type StatePath,
  type Transition,
} from './stateMachine';
import {
  pathOf,
  propertiesOf,
  valueNodeOf,
  valueOf,
  type DocumentFormat,
  type SyntaxNode,
  type SyntaxTree,
} from './syntaxTree';

export interface ParseOptions extends JsonParseOptions {
  format?: DocumentFormat;
}

/** A YAML front end registers itself here so `asl/` stays free of the yaml dependency for JSON users. */
export type SyntaxParser = (text: string, options: ParseOptions) => SyntaxTree;
const parsers: Partial<Record<DocumentFormat, SyntaxParser>> = {
  json: (text, options) => parseJsonSyntax(text, options),
};
export function registerSyntaxParser(format: DocumentFormat, parser: SyntaxParser): void {
  parsers[format] = parser;
}

/** Guess the format from a file name or URI (`.asl.yaml`, `.yml` -> yaml, else json). */
export function formatForFileName(fileName: string): DocumentFormat {
  return /\.ya?ml$/i.test(fileName) ? 'yaml' : 'json';
}

export function parseStateMachine(text: string, options: ParseOptions = {}): StateMachineModel {
  const format = options.format ?? 'json';
  const parser = parsers[format];
  if (!parser) throw new Error(`No ${format} front end is registered (import asl/parseYaml first).`);
  return buildStateMachineModel(text, parser(text, options));
}

/** Builds the model from an already parsed syntax tree (any front end). */
export function buildStateMachineModel(text: string, tree: SyntaxTree): StateMachineModel {
  const root = tree.root;
  const topLanguageNode = valueNodeOf(root, 'QueryLanguage');
  const queryLanguage: QueryLanguage = topLanguageNode?.value === 'JSONata' ? 'JSONata' : 'JSONPath';
  let definitionCache: unknown;
  let definitionComputed = false;
  const model: StateMachineModel = {
    text,
    format: tree.format,
    tree,
    lines: new LineIndex(text),
    root,
    get definition() {
      if (!definitionComputed) {
        definitionCache = valueOf(root);
        definitionComputed = true;
      }
      return definitionCache;
    },
    queryLanguage,
    rootScope: undefined,
    scopes: [],
    states: [],
    statesByName: new Map(),
  };
  if (root?.type === 'object') {
    model.rootScope = buildScope(model, root, 'root', undefined, undefined, 0);
  }
  return model;
}

function buildScope(
  model: StateMachineModel,
  node: SyntaxNode,
  kind: ScopeKind,
  owner: StateModel | undefined,
  branchIndex: number | undefined,
  depth: number,
): ScopeModel {
  const startAtNode = valueNodeOf(node, 'StartAt');
  const statesNode = valueNodeOf(node, 'States');
  const scope: ScopeModel = {
    kind,
    path: pathOf(node),
    node,
    startAt: typeof startAtNode?.value === 'string' ? startAtNode.value : undefined,
    startAtNode,
    statesNode,
    states: [],
    byName: new Map(),
    owner,
    branchIndex,
    depth,
  };
  model.scopes.push(scope);
  for (const [name, keyNode, valueNode] of propertiesOf(statesNode)) {
    const state = buildState(model, scope, name, keyNode, valueNode);
    scope.states.push(state);
    if (!scope.byName.has(name)) scope.byName.set(name, state);
    const sameName = model.statesByName.get(name);
    if (sameName) sameName.push(state);
    else model.statesByName.set(name, [state]);
  }
  return scope;
}

function buildState(
  model: StateMachineModel,
  scope: ScopeModel,
  name: string,
  keyNode: SyntaxNode,
  node: SyntaxNode | undefined,
): StateModel {
  const typeValue = valueNodeOf(node, 'Type')?.value;
  const ownLanguage = valueNodeOf(node, 'QueryLanguage')?.value;
  let definitionCache: StateDefinition | undefined;
  const state: StateModel = {
    name,
    keyNode,
    node,
    path: node ? pathOf(node) : [...scope.path, 'States', name],
    type: isStateType(typeValue) ? typeValue : undefined,
    queryLanguage:
      ownLanguage === 'JSONata' || ownLanguage === 'JSONPath' ? ownLanguage : model.queryLanguage,
    scope,
    children: [],
    transitions: collectTransitions(node),
    get definition() {
      if (definitionCache === undefined) {
        const value = valueOf(node);
        definitionCache = (
          value && typeof value === 'object' && !Array.isArray(value) ? value : {}
        ) as StateDefinition;
      }
      return definitionCache;
    },
  };
  model.states.push(state);

  if (node?.type === 'object') {
    const branches = valueNodeOf(node, 'Branches');
    if ((state.type === 'Parallel' || state.type === undefined) && branches?.type === 'array') {
      (branches.children ?? []).forEach((branchNode, index) => {
        if (branchNode.type === 'object') {
          state.children.push(buildScope(model, branchNode, 'branch', state, index, scope.depth + 1));
        }
      });
    }
    if (state.type === 'Map' || state.type === undefined) {
      const processor = valueNodeOf(node, 'ItemProcessor') ?? valueNodeOf(node, 'Iterator');
      if (processor?.type === 'object') {
        state.children.push(buildScope(model, processor, 'itemProcessor', state, undefined, scope.depth + 1));
      }
    }
  }
  return state;
}

function collectTransitions(node: SyntaxNode | undefined): Transition[] {
  const transitions: Transition[] = [];
  if (node?.type !== 'object') return transitions;
  const add = (kind: Transition['kind'], target: SyntaxNode | undefined, index?: number) => {
    if (target?.type === 'string' && typeof target.value === 'string') {
      transitions.push({ kind, target: target.value, node: target, index });
    }
  };
  add('Next', valueNodeOf(node, 'Next'));
  add('Default', valueNodeOf(node, 'Default'));
  const choices = valueNodeOf(node, 'Choices');
  if (choices?.type === 'array') {
    (choices.children ?? []).forEach((rule, i) => add('ChoiceNext', valueNodeOf(rule, 'Next'), i));
  }
  const catchers = valueNodeOf(node, 'Catch');
  if (catchers?.type === 'array') {
    (catchers.children ?? []).forEach((catcher, i) => add('CatchNext', valueNodeOf(catcher, 'Next'), i));
  }
  return transitions;
}

/** The state at exactly `path`, if any. */
export function stateAtPath(model: StateMachineModel, path: StatePath): StateModel | undefined {
  return model.states.find((s) => s.path.length === path.length && s.path.every((seg, i) => seg === path[i]));
}
