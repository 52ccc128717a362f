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
  type StateType,
  type Transition,
} from './stateMachine';
import {
  pathOf,
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

/** A StateMachineModel whose plain definition is computed on first use (a prototype getter). */
class LazyStateMachineModel implements StateMachineModel {
  readonly format: DocumentFormat;
  readonly lines: LineIndex;
  readonly root: SyntaxNode | undefined;
  rootScope: ScopeModel | undefined = undefined;
  scopes: ScopeModel[] = [];
  states: StateModel[] = [];
  statesByName = new Map<string, StateModel[]>();
  private definitionCache: unknown = undefined;
  private definitionComputed = false;

  constructor(
    readonly text: string,
    readonly tree: SyntaxTree,
    readonly queryLanguage: QueryLanguage,
  ) {
    this.format = tree.format;
    this.lines = new LineIndex(text);
    this.root = tree.root;
  }

  get definition(): unknown {
    if (!this.definitionComputed) {
      this.definitionCache = valueOf(this.root);
      this.definitionComputed = true;
    }
    return this.definitionCache;
  }
}

/** Builds the model from an already parsed syntax tree (any front end). */
export function buildStateMachineModel(text: string, tree: SyntaxTree): StateMachineModel {
  const root = tree.root;
  const topLanguageNode = valueNodeOf(root, 'QueryLanguage');
  const queryLanguage: QueryLanguage = topLanguageNode?.value === 'JSONata' ? 'JSONata' : 'JSONPath';
  const model = new LazyStateMachineModel(text, tree, queryLanguage);
  if (root?.type === 'object') {
    model.rootScope = buildScope(model, root, 'root', undefined, undefined, 0, []);
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
  path: StatePath = pathOf(node),
): ScopeModel {
  const startAtNode = valueNodeOf(node, 'StartAt');
  const statesNode = valueNodeOf(node, 'States');
  const scope: ScopeModel = {
    kind,
    path,
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
  const properties = statesNode?.type === 'object' ? (statesNode.children ?? []) : [];
  for (const prop of properties) {
    const keyNode = prop.children?.[0];
    const name = keyNode?.value;
    if (!keyNode || typeof name !== 'string') continue;
    const state = buildState(model, scope, name, keyNode, prop.children?.[1]);
    scope.states.push(state);
    if (!scope.byName.has(name)) scope.byName.set(name, state);
    const sameName = model.statesByName.get(name);
    if (sameName) sameName.push(state);
    else model.statesByName.set(name, [state]);
  }
  return scope;
}

/** The fields of a state object the model reads, found in one pass (the last duplicate key wins). */
interface StateFields {
  type?: SyntaxNode;
  queryLanguage?: SyntaxNode;
  next?: SyntaxNode;
  default?: SyntaxNode;
  choices?: SyntaxNode;
  catchers?: SyntaxNode;
  branches?: SyntaxNode;
  itemProcessor?: SyntaxNode;
  iterator?: SyntaxNode;
}

function readStateFields(node: SyntaxNode | undefined): StateFields {
  const fields: StateFields = {};
  if (node?.type !== 'object' || !node.children) return fields;
  for (const prop of node.children) {
    const children = prop.children;
    if (!children) continue;
    const value = children[1];
    switch (children[0]?.value) {
      case 'Type':
        fields.type = value;
        break;
      case 'QueryLanguage':
        fields.queryLanguage = value;
        break;
      case 'Next':
        fields.next = value;
        break;
      case 'Default':
        fields.default = value;
        break;
      case 'Choices':
        fields.choices = value;
        break;
      case 'Catch':
        fields.catchers = value;
        break;
      case 'Branches':
        fields.branches = value;
        break;
      case 'ItemProcessor':
        fields.itemProcessor = value;
        break;
      case 'Iterator':
        fields.iterator = value;
        break;
    }
  }
  return fields;
}

/** A StateModel whose plain definition is computed on first use (a prototype getter, no closure per state). */
class LazyStateModel implements StateModel {
  type: StateType | undefined;
  queryLanguage: QueryLanguage;
  children: ScopeModel[] = [];
  transitions: Transition[];
  private definitionCache: StateDefinition | undefined = undefined;

  constructor(
    readonly name: string,
    readonly keyNode: SyntaxNode,
    readonly node: SyntaxNode | undefined,
    readonly path: StatePath,
    readonly scope: ScopeModel,
    fields: StateFields,
    topLanguage: QueryLanguage,
  ) {
    const typeValue = fields.type?.value;
    this.type = isStateType(typeValue) ? typeValue : undefined;
    const ownLanguage = fields.queryLanguage?.value;
    this.queryLanguage = ownLanguage === 'JSONata' || ownLanguage === 'JSONPath' ? ownLanguage : topLanguage;
    this.transitions = collectTransitions(fields);
  }

  get definition(): StateDefinition {
    if (this.definitionCache === undefined) {
      const value = valueOf(this.node);
      this.definitionCache = (
        value && typeof value === 'object' && !Array.isArray(value) ? value : {}
      ) as StateDefinition;
    }
    return this.definitionCache;
  }
}

function buildState(
  model: StateMachineModel,
  scope: ScopeModel,
  name: string,
  keyNode: SyntaxNode,
  node: SyntaxNode | undefined,
): StateModel {
  const fields = readStateFields(node);
  // The state's value sits at <scope>.States.<name> (the same path pathOf(node) walks up to).
  const path: StatePath = [...scope.path, 'States', name];
  const state = new LazyStateModel(name, keyNode, node, path, scope, fields, model.queryLanguage);
  model.states.push(state);

  if (node?.type === 'object') {
    const branches = fields.branches;
    if ((state.type === 'Parallel' || state.type === undefined) && branches?.type === 'array') {
      const items = branches.children ?? [];
      for (let index = 0; index < items.length; index++) {
        const branchNode = items[index];
        if (branchNode.type === 'object') {
          state.children.push(
            buildScope(model, branchNode, 'branch', state, index, scope.depth + 1, [
              ...path,
              'Branches',
              index,
            ]),
          );
        }
      }
    }
    if (state.type === 'Map' || state.type === undefined) {
      const processor = fields.itemProcessor ?? fields.iterator;
      if (processor?.type === 'object') {
        const key = fields.itemProcessor ? 'ItemProcessor' : 'Iterator';
        state.children.push(
          buildScope(model, processor, 'itemProcessor', state, undefined, scope.depth + 1, [...path, key]),
        );
      }
    }
  }
  return state;
}

function collectTransitions(fields: StateFields): Transition[] {
  const transitions: Transition[] = [];
  addTransition(transitions, 'Next', fields.next);
  addTransition(transitions, 'Default', fields.default);
  const choices = fields.choices;
  if (choices?.type === 'array' && choices.children) {
    for (let i = 0; i < choices.children.length; i++) {
      addTransition(transitions, 'ChoiceNext', valueNodeOf(choices.children[i], 'Next'), i);
    }
  }
  const catchers = fields.catchers;
  if (catchers?.type === 'array' && catchers.children) {
    for (let i = 0; i < catchers.children.length; i++) {
      addTransition(transitions, 'CatchNext', valueNodeOf(catchers.children[i], 'Next'), i);
    }
  }
  return transitions;
}

function addTransition(
  transitions: Transition[],
  kind: Transition['kind'],
  target: SyntaxNode | undefined,
  index?: number,
): void {
  if (target?.type === 'string' && typeof target.value === 'string') {
    transitions.push({ kind, target: target.value, node: target, index });
  }
}

/** The state at exactly `path`, if any. */
export function stateAtPath(model: StateMachineModel, path: StatePath): StateModel | undefined {
  return model.states.find((s) => s.path.length === path.length && s.path.every((seg, i) => seg === path[i]));
}
