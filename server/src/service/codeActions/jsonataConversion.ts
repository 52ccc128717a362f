/**
 * The quick fix for field-not-in-query-language in a JSONata state: converts JSONPath fields to their JSONata
 * equivalents where the mapping is mechanical and exact (InputPath/Parameters -> Arguments, or Output in a
 * Pass state; ResultSelector/ResultPath null/OutputPath -> Output). Anything else gets no fix.
 * Depends on: asl/, codeActions/editText and service/types; no transport.
 */
import {
  isJsonataString,
  looksLikeIntrinsic,
  parseIntrinsic,
  parseJsonPath,
  propertyOf,
  stateAtOffset,
  type IntrinsicArg,
  type IntrinsicCall,
  type StateMachineModel,
  type StateModel,
  type SyntaxNode,
} from '../../asl';
import { type CodeAction, CodeActionKind, type Diagnostic, type TextEdit } from '../types';
import { deleteProperty, renameKey, replaceWithString } from './editText';

const INPUT_FIELDS = ['InputPath', 'Parameters'] as const;
const OUTPUT_FIELDS = ['ResultSelector', 'ResultPath', 'OutputPath'] as const;
const TASK_LIKE = new Set(['Task', 'Parallel', 'Map']);
/** Names JSONata reads as operators or literals: written in backticks as field names. */
const JSONATA_WORDS = new Set(['and', 'or', 'in', 'true', 'false', 'null', 'function']);

/** JSONPath (a definite path of names and indexes) -> JSONata; `$` becomes `inputRoot`. */
export function jsonPathToJsonata(text: string, inputRoot: string): string | undefined {
  const parsed = parseJsonPath(text);
  if (!parsed.ok || !parsed.path.isDefinite) return undefined;
  const { path } = parsed;
  let out =
    path.root === 'input'
      ? inputRoot
      : path.root === 'context'
        ? '$states.context'
        : `$${path.variableName ?? ''}`;
  if (path.root === 'variable' && (!path.variableName || path.variableName === 'states')) return undefined;
  for (const segment of path.segments) {
    if (segment.recursive) return undefined;
    const s = segment.selector;
    if (s.kind === 'name') {
      if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(s.name) && !JSONATA_WORDS.has(s.name)) out += `.${s.name}`;
      else if (!s.name.includes('`')) out += `.\`${s.name}\``;
      else return undefined;
    } else if (s.kind === 'index' && s.index >= 0) {
      out += `[${s.index}]`;
    } else {
      return undefined;
    }
  }
  return out;
}

/** Intrinsics with an exact JSONata counterpart (on success); others are not converted. */
const INTRINSIC_MAP: Record<string, (args: string[]) => string | undefined> = {
  'States.StringToJson': (a) => `$parse(${a[0]})`,
  'States.JsonToString': (a) => `$string(${a[0]})`,
  'States.ArrayLength': (a) => `$count(${a[0]})`,
  'States.ArrayGetItem': (a) => `${a[0]}[${a[1]}]`,
  'States.MathAdd': (a) => `(${a[0]} + ${a[1]})`,
  'States.UUID': (a) => (a.length === 0 ? '$uuid()' : undefined),
  'States.Base64Encode': (a) => `$base64encode(${a[0]})`,
  'States.Base64Decode': (a) => `$base64decode(${a[0]})`,
};

function convertArg(arg: IntrinsicArg, inputRoot: string): string | undefined {
  switch (arg.kind) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'null':
      return JSON.stringify(arg.value ?? null);
    case 'path':
      return arg.path ? jsonPathToJsonata(arg.path.text, inputRoot) : undefined;
    case 'call':
      return arg.call ? convertCall(arg.call, inputRoot) : undefined;
  }
}

function convertCall(call: IntrinsicCall, inputRoot: string): string | undefined {
  const mapper = INTRINSIC_MAP[call.name];
  if (!mapper) return undefined;
  const args: string[] = [];
  for (const arg of call.args) {
    const converted = convertArg(arg, inputRoot);
    if (converted === undefined) return undefined;
    args.push(converted);
  }
  return mapper(args);
}

/** The JSONata expression for the value of a `key.$` entry (a path or an intrinsic). */
export function dynamicValueToJsonata(text: string, inputRoot: string): string | undefined {
  if (looksLikeIntrinsic(text)) {
    const parsed = parseIntrinsic(text);
    return parsed.ok ? convertCall(parsed.call, inputRoot) : undefined;
  }
  return text.startsWith('$') ? jsonPathToJsonata(text, inputRoot) : undefined;
}

/** In-place edits turning a JSONPath payload template into a JSONata one; undefined when not exact. */
function convertTemplate(
  model: StateMachineModel,
  node: SyntaxNode,
  inputRoot: string,
): TextEdit[] | undefined {
  if (node.type === 'string') return isJsonataString(node.value) ? undefined : [];
  if (node.type === 'array') {
    const edits: TextEdit[] = [];
    for (const item of node.children ?? []) {
      // `.$` keys inside arrays are not something this fix rewrites.
      if (item.type === 'object' || item.type === 'array') {
        if (collectKeys(item).some((key) => key.endsWith('.$'))) return undefined;
      }
      const inner = convertTemplate(model, item, inputRoot);
      if (!inner) return undefined;
      edits.push(...inner);
    }
    return edits;
  }
  if (node.type !== 'object') return [];
  const edits: TextEdit[] = [];
  const keys = new Set((node.children ?? []).map((p) => p.children?.[0]?.value));
  for (const prop of node.children ?? []) {
    const [keyNode, valueNode] = prop.children ?? [];
    if (!keyNode || typeof keyNode.value !== 'string' || !valueNode) return undefined;
    const key = keyNode.value;
    if (key.endsWith('.$')) {
      const plain = key.slice(0, -2);
      if (
        plain === '' ||
        keys.has(plain) ||
        valueNode.type !== 'string' ||
        typeof valueNode.value !== 'string'
      ) {
        return undefined;
      }
      const expression = dynamicValueToJsonata(valueNode.value, inputRoot);
      if (!expression) return undefined;
      edits.push(
        renameKey(model, keyNode, plain),
        replaceWithString(model, valueNode, `{% ${expression} %}`),
      );
    } else {
      const inner = convertTemplate(model, valueNode, inputRoot);
      if (!inner) return undefined;
      edits.push(...inner);
    }
  }
  return edits;
}

function collectKeys(node: SyntaxNode): string[] {
  const keys: string[] = [];
  const visit = (n: SyntaxNode): void => {
    if (n.type === 'property' && typeof n.children?.[0]?.value === 'string') keys.push(n.children[0].value);
    for (const child of n.children ?? []) visit(child);
  };
  visit(node);
  return keys;
}

interface Conversion {
  title: string;
  edits: TextEdit[];
}

function present(state: StateModel, fields: readonly string[]): Map<string, SyntaxNode> {
  const found = new Map<string, SyntaxNode>();
  for (const field of fields) {
    const prop = propertyOf(state.node, field);
    if (prop) found.set(field, prop);
  }
  return found;
}

const valueOfProp = (prop: SyntaxNode): SyntaxNode | undefined => prop.children?.[1];

function convertInputGroup(model: StateMachineModel, state: StateModel): Conversion | undefined {
  const fields = present(state, INPUT_FIELDS);
  const outputs = present(state, OUTPUT_FIELDS);
  const target =
    state.type === 'Task' || state.type === 'Parallel'
      ? 'Arguments'
      : state.type === 'Pass'
        ? 'Output'
        : undefined;
  if (!target || propertyOf(state.node, target)) return undefined;
  if (state.type === 'Pass' && (outputs.size > 0 || propertyOf(state.node, 'Result'))) return undefined;
  const inputPath = fields.get('InputPath');
  const parameters = fields.get('Parameters');
  let inputRoot = '$states.input';
  if (inputPath) {
    const value = valueOfProp(inputPath);
    if (value?.type !== 'string' || typeof value.value !== 'string') return undefined;
    const converted = jsonPathToJsonata(value.value, '$states.input');
    if (!converted) return undefined;
    inputRoot = converted;
  }
  const stateNode = state.node!;
  if (parameters) {
    const [keyNode, value] = parameters.children ?? [];
    // Arguments takes an object or a JSONata string; a literal Parameters value of another kind has no exact form.
    if (!keyNode || !value || (target === 'Arguments' && value.type !== 'object')) return undefined;
    const template = convertTemplate(model, value, inputRoot);
    if (!template) return undefined;
    const edits = [renameKey(model, keyNode, target), ...template];
    if (inputPath) edits.push(deleteProperty(model, stateNode, inputPath));
    return { title: `Convert ${inputPath ? 'InputPath and Parameters' : 'Parameters'} to ${target}`, edits };
  }
  if (!inputPath) return undefined;
  if (inputRoot === '$states.input') {
    return {
      title: 'Remove InputPath (the whole input is the JSONata default)',
      edits: [deleteProperty(model, stateNode, inputPath)],
    };
  }
  const [keyNode, value] = inputPath.children ?? [];
  return {
    title: `Convert InputPath to ${target}`,
    edits: [renameKey(model, keyNode!, target), replaceWithString(model, value!, `{% ${inputRoot} %}`)],
  };
}

function convertOutputGroup(model: StateMachineModel, state: StateModel): Conversion | undefined {
  if (propertyOf(state.node, 'Output')) return undefined;
  const taskLike = TASK_LIKE.has(state.type ?? '');
  if (!taskLike && present(state, INPUT_FIELDS).size > 0) return undefined;
  const fields = present(state, OUTPUT_FIELDS);
  const stateNode = state.node!;
  const noOps: SyntaxNode[] = [];
  const remaining = new Map<string, SyntaxNode>();
  for (const [field, prop] of fields) {
    const value = valueOfProp(prop);
    if ((field === 'ResultPath' || field === 'OutputPath') && value?.value === '$') noOps.push(prop);
    else remaining.set(field, prop);
  }
  const deletions = noOps.map((prop) => deleteProperty(model, stateNode, prop));
  if (remaining.size === 0) {
    const names = [...fields.keys()].join(' and ');
    return noOps.length
      ? { title: `Remove ${names} ($ is the JSONata default)`, edits: deletions }
      : undefined;
  }
  if (remaining.size > 1) return undefined;
  const [[field, prop]] = [...remaining];
  const [keyNode, value] = prop.children ?? [];
  if (!keyNode || !value) return undefined;
  let edits: TextEdit[] | undefined;
  if (field === 'ResultSelector' && taskLike) {
    const template = convertTemplate(model, value, '$states.result');
    edits = template === undefined ? undefined : [renameKey(model, keyNode, 'Output'), ...template];
  } else if (field === 'ResultPath' && taskLike && value.type === 'null') {
    edits = [renameKey(model, keyNode, 'Output'), replaceWithString(model, value, '{% $states.input %}')];
  } else if (field === 'OutputPath' && value.type === 'string' && typeof value.value === 'string') {
    if (!taskLike && state.type === 'Pass' && propertyOf(state.node, 'Result')) return undefined;
    const expression = jsonPathToJsonata(value.value, taskLike ? '$states.result' : '$states.input');
    edits =
      expression === undefined
        ? undefined
        : [renameKey(model, keyNode, 'Output'), replaceWithString(model, value, `{% ${expression} %}`)];
  }
  if (!edits) return undefined;
  const names = [...fields.keys()].join(' and ');
  return { title: `Convert ${names} to Output`, edits: [...edits, ...deletions] };
}

/** The conversion offered for a field-not-in-query-language diagnostic in a JSONata state, if exact. */
export function jsonataConversionFix(
  model: StateMachineModel,
  uri: string,
  diagnostic: Diagnostic,
): CodeAction[] {
  const data = (diagnostic.data ?? {}) as { field?: unknown; queryLanguage?: unknown };
  if (data.queryLanguage !== 'JSONata' || typeof data.field !== 'string') return [];
  const state = stateAtOffset(model, model.lines.offsetAt(diagnostic.range.start));
  if (!state || state.node?.type !== 'object' || state.queryLanguage !== 'JSONata') return [];
  // Only a field of the state itself (not one inside a Catcher or Choice rule).
  const prop = propertyOf(state.node, data.field);
  if (!prop || model.lines.offsetAt(diagnostic.range.start) !== prop.children?.[0]?.offset) return [];
  const conversion = (INPUT_FIELDS as readonly string[]).includes(data.field)
    ? convertInputGroup(model, state)
    : (OUTPUT_FIELDS as readonly string[]).includes(data.field)
      ? convertOutputGroup(model, state)
      : undefined;
  if (!conversion) return [];
  return [
    {
      title: conversion.title,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      edit: { changes: { [uri]: conversion.edits } },
    },
  ];
}
