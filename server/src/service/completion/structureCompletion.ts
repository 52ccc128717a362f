/**
 * Completion of the ASL structure: property keys filtered by state type and query language (required
 * first, present ones left out), state/Retry/Catch snippets, transition targets of the right scope,
 * enum values, Resource ARNs and ErrorEquals names. Depends on: asl/, schema/fieldTables, ./ modules.
 */
import {
  STATE_TYPES,
  nodeAtOffset,
  propertiesOf,
  type QueryLanguage,
  type StateMachineModel,
  type StateType,
} from '../../asl';
import { STATE_FIELDS, ALL_STATE_FIELDS } from '../../schema/fieldTables';
import type { FieldSpec, FieldTable, JsonSchema } from '../../schema/schemaFragments';
import { fieldTableOf } from '../docs';
import {
  INTEGRATION_ERRORS,
  ITEM_READER_ARNS,
  RESOURCE_ARNS,
  RESULT_WRITER_ARNS,
  STATES_ERROR_NAMES,
} from './completionCatalog';
import {
  errorDocumentation,
  fieldDocumentation,
  stateTypeDocumentation,
  type DocEntry,
} from './completionDocs';
import { CompletionItemKind, type CompletionItem } from './completionTypes';
import type { CursorContext } from './cursorContext';
import { documentFacts } from './documentFacts';
import {
  keyItem,
  literalValueItem,
  snippetEscape,
  snippetItem,
  stringValueItem,
  type ValueShape,
} from './insertText';
import { classifyPath, languageAt, scopeAt, stateAt, type ObjectKind, type PathContext } from './pathContext';
import { stateNameItems } from './stateNameItems';
import { stateSnippet, retrySnippet, catchSnippet } from './stateSnippets';

/** The field table of each object kind: the docs catalog's, which reads schema/fieldTables. */
const TABLES: Partial<Record<ObjectKind, FieldTable>> = {
  root: fieldTableOf('Root'),
  branch: fieldTableOf('Branch'),
  processor: fieldTableOf('ItemProcessor'),
  retrier: fieldTableOf('Retrier'),
  catcher: fieldTableOf('Catcher'),
  choiceRule: fieldTableOf('ChoiceRule'),
  nestedChoiceRule: fieldTableOf('NestedChoiceRule'),
  processorConfig: fieldTableOf('ProcessorConfig'),
  itemReader: fieldTableOf('ItemReader'),
  readerConfig: fieldTableOf('ReaderConfig'),
  itemBatcher: fieldTableOf('ItemBatcher'),
  resultWriter: fieldTableOf('ResultWriter'),
  writerConfig: fieldTableOf('WriterConfig'),
  credentials: fieldTableOf('Credentials'),
};

/** Fields that take a JSONata string in JSONata states (besides payload values). */
const JSONATA_VALUE_FIELDS = new Set([
  'Output',
  'Arguments',
  'Condition',
  'Items',
  'TimeoutSeconds',
  'HeartbeatSeconds',
  'Seconds',
  'Timestamp',
  'MaxConcurrency',
  'ToleratedFailurePercentage',
  'ToleratedFailureCount',
  'Error',
  'Cause',
  'MaxItems',
  'RoleArn',
]);

function schemaOf(spec: FieldSpec, language: QueryLanguage): JsonSchema {
  return typeof spec.schema === 'function' ? spec.schema(language) : spec.schema;
}

function shapeOf(schema: JsonSchema): ValueShape {
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (type === 'integer') return 'number';
  if (type === 'string' || type === 'object' || type === 'array' || type === 'boolean' || type === 'number') {
    return type;
  }
  if (Array.isArray(schema.anyOf) && schema.anyOf.length > 0) return shapeOf(schema.anyOf[0] as JsonSchema);
  if (typeof schema.$ref === 'string') return 'object';
  return 'any';
}

function enumOf(schema: JsonSchema): string[] | undefined {
  if (Array.isArray(schema.enum)) return schema.enum as string[];
  if (Array.isArray(schema.anyOf)) {
    for (const option of schema.anyOf as JsonSchema[]) {
      const values = enumOf(option);
      if (values) return values;
    }
  }
  return undefined;
}

function accepts(spec: FieldSpec, language: QueryLanguage): boolean {
  return spec.languages === 'both' || spec.languages === language;
}

interface Located {
  path: PathContext;
  language: QueryLanguage;
  table: FieldTable | undefined;
  /** The type of the state the object lies in. */
  stateType: StateType | undefined;
}

function locate(model: StateMachineModel, objectPath: (string | number)[]): Located {
  const path = classifyPath(objectPath);
  const state = stateAt(model, path.statePath);
  const language = languageAt(model, state);
  let table = TABLES[path.kind];
  if (path.kind === 'state') {
    const type = state?.type;
    table = type ? STATE_FIELDS[type] : undefined;
  }
  return { path, language, table, stateType: state?.type };
}

/** Key completion: the fields of the object at the cursor. */
export function completeKeys(model: StateMachineModel, ctx: CursorContext): CompletionItem[] {
  const { path, language, table, stateType } = locate(model, ctx.path);
  const items: CompletionItem[] = [];
  if (ctx.format === 'json' && !/\S/.test(model.text)) {
    // An empty document: the whole state machine (the top-level keys cannot stand outside braces in JSON).
    const body = `{\n  "Comment": "\${1:What this state machine does}",\n  "StartAt": "\${2:Start}",\n  "States": {\n    "\${2:Start}": {\n      "Type": "Pass",\n      "End": true\n    }\n  }\n}`;
    return [snippetItem(model, ctx, 'State machine', body, 'A state machine with one Pass state.', '0')];
  }
  if (path.kind === 'states') {
    if (ctx.hasValue) return [];
    for (const type of STATE_TYPES) {
      items.push(
        snippetItem(
          model,
          ctx,
          `${type} state`,
          stateSnippet(type, ctx, language, model.text),
          stateTypeDocumentation(type),
          `0${type}`,
        ),
      );
    }
    return items;
  }
  // Keys already written (not needed for the States object, which may hold thousands of states).
  const present = new Set<string>();
  for (const [key, keyNode] of propertiesOf(ctx.objectNode)) if (keyNode !== ctx.node) present.add(key);
  if (path.kind === 'state' && !table) {
    // Type not known yet: Type first, then every field any state type has.
    for (const name of ALL_STATE_FIELDS) {
      if (present.has(name)) continue;
      items.push(
        keyItem(
          model,
          ctx,
          name,
          name === 'Type' ? 'string' : 'any',
          fieldDocumentation(name, 'state', undefined, language),
          name === 'Type' ? '0Type' : `2${name}`,
        ),
      );
    }
    return items;
  }
  if (!table) return items;
  const exclusive: Record<string, string> = { Next: 'End', End: 'Next' };
  for (const [name, spec] of Object.entries(table)) {
    if (present.has(name) || !accepts(spec, language)) continue;
    if (exclusive[name] && present.has(exclusive[name])) continue;
    const schema = schemaOf(spec, language);
    const sort = `${spec.required ? 0 : 1}${name}`;
    items.push(
      keyItem(
        model,
        ctx,
        name,
        name === 'Type' ? 'string' : shapeOf(schema),
        fieldDocumentation(name, path.kind, stateType, language),
        sort,
      ),
    );
    if (path.kind === 'state' && (name === 'Retry' || name === 'Catch') && !ctx.hasValue) {
      const body = name === 'Retry' ? retrySnippet(ctx, model.text) : catchSnippet(ctx, language, model.text);
      items.push(
        snippetItem(
          model,
          ctx,
          `${name} block`,
          body,
          `A \`${name}\` array with one ${name === 'Retry' ? 'Retrier' : 'Catcher'}.`,
          `1${name}~`,
        ),
      );
    }
  }
  return items;
}

/** Value completion: what may stand at the value path under the cursor. */
export function completeValues(model: StateMachineModel, ctx: CursorContext): CompletionItem[] {
  return [...jsonataValueItems(model, ctx), ...structuralValues(model, ctx)];
}

/** `{% %}` for an empty value of a field that takes JSONata in a JSONata state (payload values included). */
function jsonataValueItems(model: StateMachineModel, ctx: CursorContext): CompletionItem[] {
  const last = ctx.path[ctx.path.length - 1];
  if (typeof last !== 'string' || (ctx.inString && ctx.prefix.trim() !== '')) return [];
  const owner = locate(model, ctx.path.slice(0, -1));
  if (owner.language !== 'JSONata') return [];
  if (owner.path.kind !== 'payload' && !JSONATA_VALUE_FIELDS.has(last)) return [];
  if (owner.path.kind === 'other') return [];
  const doc =
    'A JSONata expression: `{% ... %}` is evaluated when the state runs (`$states.input`, variables, functions).';
  return [
    stringValueItem(model, ctx, '{% $1 %}', doc, CompletionItemKind.Snippet, {
      snippet: true,
      label: '{% %}',
      sortText: '~',
    }),
  ];
}

function structuralValues(model: StateMachineModel, ctx: CursorContext): CompletionItem[] {
  const last = ctx.path[ctx.path.length - 1];
  if (typeof last === 'number') {
    const arrayKey = ctx.path[ctx.path.length - 2];
    const owner = locate(model, ctx.path.slice(0, -2));
    if (arrayKey === 'ErrorEquals' && (owner.path.kind === 'retrier' || owner.path.kind === 'catcher')) {
      return errorItems(model, ctx, owner.path, false);
    }
    return [];
  }
  if (typeof last !== 'string') return [];
  const owner = locate(model, ctx.path.slice(0, -1));
  const kind = owner.path.kind;
  const state = stateAt(model, owner.path.statePath);
  if (kind === 'payload' || kind === 'other') return [];
  if (last === 'StartAt' && (kind === 'root' || kind === 'branch' || kind === 'processor')) {
    return stateNameItems(model, ctx, scopeAt(model, ctx.path.slice(0, -1)), undefined);
  }
  if (
    (last === 'Next' && (kind === 'state' || kind === 'catcher' || kind === 'choiceRule')) ||
    (last === 'Default' && kind === 'state')
  ) {
    return stateNameItems(
      model,
      ctx,
      scopeAt(model, owner.path.scopePath),
      kind === 'state' ? state?.name : undefined,
    );
  }
  if (last === 'Type' && kind === 'state') {
    return STATE_TYPES.map((t, i) =>
      stringValueItem(model, ctx, t, stateTypeDocumentation(t), CompletionItemKind.EnumMember, {
        sortText: `${i}`,
      }),
    );
  }
  if (last === 'ErrorEquals' && (kind === 'retrier' || kind === 'catcher')) {
    return errorItems(model, ctx, owner.path, true);
  }
  if (last === 'Error' && kind === 'state' && state?.type === 'Fail') {
    return [...documentFacts(model).customErrors].map(([name, where]) =>
      stringValueItem(model, ctx, name, customErrorDoc(name, where), CompletionItemKind.Value),
    );
  }
  if (last === 'Resource') {
    const allowed =
      kind === 'itemReader' ? ITEM_READER_ARNS : kind === 'resultWriter' ? RESULT_WRITER_ARNS : undefined;
    if (kind !== 'state' && !allowed) return [];
    return RESOURCE_ARNS.filter((r) => !allowed || allowed.has(r.name)).map((r, i) =>
      stringValueItem(model, ctx, r.name, r.doc, CompletionItemKind.Value, {
        snippet: true,
        sortText: String(i).padStart(3, '0'),
      }),
    );
  }
  const spec = owner.table?.[last];
  if (!spec) return [];
  const schema = schemaOf(spec, owner.language);
  const values = enumOf(schema);
  const doc = fieldDocumentation(last, kind, owner.stateType, owner.language);
  if (values) return values.map((v) => stringValueItem(model, ctx, v, doc, CompletionItemKind.EnumMember));
  if (!ctx.inString && shapeOf(schema) === 'boolean') {
    return ['true', 'false'].map((v) => literalValueItem(model, ctx, v, v, doc));
  }
  return [];
}

function customErrorDoc(name: string, where: string): DocEntry {
  const summary = `Custom error \`${name}\`, ${where}.`;
  return { summary, markdown: summary };
}

function errorItems(
  model: StateMachineModel,
  ctx: CursorContext,
  owner: PathContext,
  wholeArray: boolean,
): CompletionItem[] {
  const state = stateAt(model, owner.statePath);
  const definition = state?.definition as { Resource?: unknown } | undefined;
  const resource =
    state?.type === 'Task' && typeof definition?.Resource === 'string' ? definition.Resource : '';
  // Names already in this ErrorEquals array are not offered again; States.ALL must stand alone.
  const around = ctx.node ? ctx.node.parent : nodeAtOffset(model.root, ctx.replaceStart);
  const arrayNode = !wholeArray && around?.type === 'array' ? around : undefined;
  const used = new Set((arrayNode?.children ?? []).filter((c) => c !== ctx.node).map((c) => String(c.value)));
  const others = used.size > 0;
  const entries: Array<{ name: string; doc: DocEntry; sort: string }> = [];
  for (const name of STATES_ERROR_NAMES) {
    if (name === 'States.ALL' && others) continue;
    if (used.has('States.ALL')) break;
    if (name === 'States.HeartbeatTimeout' && state?.type !== 'Task') continue;
    if (name === 'States.BranchFailed' && state?.type !== 'Parallel') continue;
    if (
      (name === 'States.ExceedToleratedFailureThreshold' ||
        name === 'States.ItemReaderFailed' ||
        name === 'States.ResultWriterFailed') &&
      state?.type !== 'Map'
    ) {
      continue;
    }
    if (name === 'States.QueryEvaluationError' && languageAt(model, state) !== 'JSONata') continue;
    entries.push({ name, doc: errorDocumentation(name), sort: `1${name}` });
  }
  if (!used.has('States.ALL')) {
    for (const group of INTEGRATION_ERRORS) {
      if (!resource || !group.test.test(resource)) continue;
      for (const e of group.errors) {
        entries.push({ name: e.name, doc: errorDocumentation(e.name, e.doc), sort: `0${e.name}` });
      }
    }
    for (const [name, where] of documentFacts(model).customErrors) {
      if (!entries.some((e) => e.name === name)) {
        entries.push({ name, doc: customErrorDoc(name, where), sort: `2${name}` });
      }
    }
  }
  return entries
    .filter((e) => !used.has(e.name))
    .map((e) =>
      wholeArray
        ? {
            ...literalValueItem(model, ctx, e.name, `[${snippetEscape(JSON.stringify(e.name))}$0]`, e.doc),
            sortText: e.sort,
          }
        : stringValueItem(model, ctx, e.name, e.doc, CompletionItemKind.Constant, { sortText: e.sort }),
    );
}
