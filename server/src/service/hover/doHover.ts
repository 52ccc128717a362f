/**
 * Hover: markdown for what is under the cursor — field keys (per state type and query language), state
 * names, transition targets, Type values, error names, and expressions inside strings (see
 * ./expressionHover). Works on whatever part of a broken document parsed. Depends on asl/, ../docs and
 * ./ helpers; transport-free (the facade turns the result into an LSP Hover).
 */
import {
  isJsonataString,
  nodeAtOffset,
  type ScopeModel,
  type StateMachineModel,
  type StateModel,
  type SyntaxNode,
} from '../../asl';
import { contextName, errorNameDoc, fieldDoc, stateTypeDoc } from '../docs';
import { expressionHover, type HoverResult, jsonPathSource, variableMarkdown } from './expressionHover';
import { objectContextOf, type ObjectContext } from './objectContext';
import { describeResource } from './resourceDescription';
import { missingTargetMarkdown, stateSummaryMarkdown } from './stateSummary';
import { stringContentOf } from './stringContent';

export type { HoverResult } from './expressionHover';

function span(node: SyntaxNode, markdown: string): HoverResult {
  return { markdown, start: node.offset, end: node.offset + node.length };
}

interface NameIndex {
  /** StartAt and transition value nodes -> their scope and target. */
  targets: Map<SyntaxNode, { scope: ScopeModel; target: string }>;
  /** State key nodes -> state. */
  keys: Map<SyntaxNode, StateModel>;
}

const nameIndexes = new WeakMap<StateMachineModel, NameIndex>();

/** Per-model index of the nodes that name states (built on the first hover of a model). */
function nameIndexOf(model: StateMachineModel): NameIndex {
  let index = nameIndexes.get(model);
  if (!index) {
    index = { targets: new Map(), keys: new Map() };
    for (const scope of model.scopes) {
      const node = scope.startAtNode;
      if (node && typeof node.value === 'string') index.targets.set(node, { scope, target: node.value });
    }
    for (const state of model.states) {
      index.keys.set(state.keyNode, state);
      for (const t of state.transitions) index.targets.set(t.node, { scope: state.scope, target: t.target });
    }
    nameIndexes.set(model, index);
  }
  return index;
}

function languageOf(model: StateMachineModel, ctx: ObjectContext) {
  return ctx.state?.queryLanguage ?? model.queryLanguage;
}

/** The nearest enclosing ASL object of a node and the field (key directly under it) the node is part of. */
function enclosingField(
  model: StateMachineModel,
  node: SyntaxNode,
): { ctx: ObjectContext; field: string; fieldNode: SyntaxNode } | undefined {
  for (let current: SyntaxNode | undefined = node; current?.parent; current = current.parent) {
    const holder: SyntaxNode = current.parent;
    if (holder.type !== 'property' || !holder.parent) continue;
    const ctx = objectContextOf(model, holder.parent);
    const key = holder.children?.[0];
    if (ctx && key && typeof key.value === 'string') return { ctx, field: key.value, fieldNode: key };
  }
  return undefined;
}

function keyHover(model: StateMachineModel, keyNode: SyntaxNode): HoverResult | undefined {
  const key = keyNode.value as string;
  const state = nameIndexOf(model).keys.get(keyNode);
  if (state) return span(keyNode, stateSummaryMarkdown(state));
  const object = keyNode.parent?.parent;
  const ctx = object && objectContextOf(model, object);
  if (ctx) {
    if (!ctx.context) {
      // A state whose Type is missing or unknown: the general doc of the field, if ASL has one.
      const doc = fieldDoc(key);
      return span(keyNode, doc ? doc.markdown : `⚠ \`${key}\` is not a field of any ASL state.`);
    }
    const doc = fieldDoc(key, ctx.context, languageOf(model, ctx));
    return span(
      keyNode,
      doc ? doc.markdown : `⚠ \`${key}\` is not a field of a ${contextName(ctx.context)}.`,
    );
  }
  const around = enclosingField(model, keyNode);
  if (around?.field === 'Assign' && around.fieldNode.parent?.children?.[1] === object) {
    return span(
      keyNode,
      variableMarkdown(model, key.endsWith('.$') ? key.slice(0, -2) : key, around.ctx.state),
    );
  }
  if (around && key.endsWith('.$') && key.length > 2) {
    const markdown =
      languageOf(model, around.ctx) === 'JSONata'
        ? `⚠ \`${key}\`: in a JSONata state \`.$\` has no meaning; the key is kept as written. Use a \`{% %}\` expression as the value instead.`
        : `**\`${key}\`** · payload template key · JSONPath\n\nThe value is a path or an intrinsic function, evaluated against ${jsonPathSource(around.field, around.ctx.context, around.ctx.state)}; the result is stored under \`${key.slice(0, -2)}\` (without \`.$\`).`;
    return span(keyNode, markdown);
  }
  return undefined;
}

function valueHover(model: StateMachineModel, node: SyntaxNode, offset: number): HoverResult | undefined {
  const transition = nameIndexOf(model).targets.get(node);
  if (transition) {
    const target = transition.scope.byName.get(transition.target);
    return span(
      node,
      target ? stateSummaryMarkdown(target) : missingTargetMarkdown(transition.target, transition.scope),
    );
  }
  const inArray = node.parent?.type === 'array';
  const property = inArray ? node.parent?.parent : node.parent;
  const key = property?.type === 'property' ? property.children?.[0]?.value : undefined;
  const object = property?.parent;
  const ctx = object ? objectContextOf(model, object) : undefined;
  const value = node.value;
  if (ctx && typeof key === 'string' && typeof value === 'string') {
    if (key === 'Type' && ctx.kind === 'state' && !inArray) {
      const doc = stateTypeDoc(value);
      return span(
        node,
        doc
          ? doc.markdown
          : `⚠ \`${value}\` is not a state type. Use one of: Task, Pass, Choice, Wait, Succeed, Fail, Parallel, Map.`,
      );
    }
    const errorName = (key === 'ErrorEquals' && inArray) || (key === 'Error' && ctx.context === 'Fail');
    if (errorName && !isJsonataString(value)) {
      const doc = errorNameDoc(value);
      return span(
        node,
        doc
          ? doc.markdown
          : `⚠ \`${value}\` is not a predefined error name: names starting with \`States.\` are reserved.`,
      );
    }
  }
  if (node.type === 'string') {
    const content = stringContentOf(model, node);
    const around = enclosingField(model, node);
    if (content) {
      const hit = expressionHover(
        {
          model,
          content,
          key: typeof key === 'string' ? key : undefined,
          field: around?.field,
          context: around?.ctx.context,
          state: around?.ctx.state,
        },
        offset,
      );
      if (hit) return hit;
    }
  }
  // A plain value of a known field: the field's doc.
  if (ctx?.context && typeof key === 'string' && node.type !== 'object' && node.type !== 'array') {
    const doc = fieldDoc(key, ctx.context, languageOf(model, ctx));
    const resource = key === 'Resource' && typeof value === 'string' ? describeResource(value) : undefined;
    if (doc) return span(node, resource ? `${resource}\n\n---\n\n${doc.markdown}` : doc.markdown);
  }
  return undefined;
}

/** The hover at a document offset, or undefined when there is nothing to say there. */
export function doHover(model: StateMachineModel, offset: number): HoverResult | undefined {
  const node = nodeAtOffset(model.root, offset);
  if (!node || node.type === 'property' || node.type === 'object' || node.type === 'array') return undefined;
  const parent = node.parent;
  if (parent?.type === 'property' && parent.children?.[0] === node) {
    return typeof node.value === 'string' ? keyHover(model, node) : undefined;
  }
  return valueHover(model, node, offset);
}
