/**
 * What an object node of a state machine is: a state (of a known type or not), the top level, or a
 * nested ASL object (Retrier, Catcher, Choice Rule, branch, ItemProcessor, ItemReader, ...). Payload
 * templates and other free-form objects have no context. Depends on asl/ and ../docs types; pure.
 */
import { type StateMachineModel, type StateModel, type SyntaxNode } from '../../asl';
import type { FieldContext } from '../docs';

export type ObjectContext =
  | { kind: 'state'; state: StateModel; context: FieldContext | undefined }
  | { kind: 'object'; context: FieldContext; state: StateModel | undefined };

const stateIndex = new WeakMap<StateMachineModel, Map<SyntaxNode, StateModel>>();

/** The state whose value node is `node`, via a per-model index. */
export function stateOfNode(model: StateMachineModel, node: SyntaxNode): StateModel | undefined {
  let index = stateIndex.get(model);
  if (!index) {
    index = new Map();
    for (const state of model.states) if (state.node) index.set(state.node, state);
    stateIndex.set(model, index);
  }
  return index.get(node);
}

/** Child object contexts by [parent context, key]; `[]` marks array elements. */
const CHILDREN: Record<string, FieldContext> = {
  'Retry[]': 'Retrier',
  'Catch[]': 'Catcher',
  'Choices[]': 'ChoiceRule',
  'ChoiceRule.And[]': 'NestedChoiceRule',
  'ChoiceRule.Or[]': 'NestedChoiceRule',
  'ChoiceRule.Not': 'NestedChoiceRule',
  'NestedChoiceRule.And[]': 'NestedChoiceRule',
  'NestedChoiceRule.Or[]': 'NestedChoiceRule',
  'NestedChoiceRule.Not': 'NestedChoiceRule',
  'Parallel.Branches[]': 'Branch',
  'Map.ItemProcessor': 'ItemProcessor',
  'Map.Iterator': 'ItemProcessor',
  'ItemProcessor.ProcessorConfig': 'ProcessorConfig',
  'Map.ItemReader': 'ItemReader',
  'ItemReader.ReaderConfig': 'ReaderConfig',
  'Map.ItemBatcher': 'ItemBatcher',
  'Map.ResultWriter': 'ResultWriter',
  'ResultWriter.WriterConfig': 'WriterConfig',
  'Task.Credentials': 'Credentials',
};

function childContext(
  parent: ObjectContext | undefined,
  key: string,
  element: boolean,
): FieldContext | undefined {
  if (!parent?.context) return undefined;
  const suffix = element ? `${key}[]` : key;
  if (parent.kind === 'state' && (key === 'Retry' || key === 'Catch') && element) return CHILDREN[suffix];
  if (parent.context === 'Choice' && key === 'Choices' && element) return 'ChoiceRule';
  return CHILDREN[`${parent.context}.${suffix}`];
}

/** The context of an object node, or undefined for free-form objects (payload templates, Assign, ...). */
export function objectContextOf(model: StateMachineModel, node: SyntaxNode): ObjectContext | undefined {
  if (node.type !== 'object') return undefined;
  if (node === model.root) return { kind: 'object', context: 'Root', state: undefined };
  const state = stateOfNode(model, node);
  if (state) return { kind: 'state', state, context: state.type };
  // The owner: `{ key: node }` or `{ key: [ ..., node ] }`.
  let holder = node.parent;
  let element = false;
  if (holder?.type === 'array') {
    element = true;
    holder = holder.parent;
  }
  if (holder?.type !== 'property') return undefined;
  const key = holder.children?.[0]?.value;
  const parentObject = holder.parent;
  if (typeof key !== 'string' || !parentObject) return undefined;
  const parent = objectContextOf(model, parentObject);
  const context = childContext(parent, key, element);
  if (!context) return undefined;
  return { kind: 'object', context, state: parent?.state };
}
