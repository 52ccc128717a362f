/**
 * Completion's view of the documentation catalog (service/docs): the doc of a field in its object, a state
 * type, an error name, a context path, a `$states` field or a function, as a DocEntry (summary for the
 * item's detail, markdown for its documentation), with a short fallback where the catalog has nothing.
 * Depends on: ../docs, asl/ types, ./pathContext only.
 */
import type { QueryLanguage, StateType } from '../../asl';
import {
  contextPathDoc,
  errorNameDoc,
  fieldDoc,
  intrinsicFunctionDoc,
  jsonataFunctionDoc,
  stateTypeDoc,
  statesVariableDoc,
  type DocEntry,
  type FieldContext,
} from '../docs';
import type { ObjectKind } from './pathContext';

export type { DocEntry };

const CONTEXTS: Partial<Record<ObjectKind, FieldContext>> = {
  root: 'Root',
  branch: 'Branch',
  processor: 'ItemProcessor',
  retrier: 'Retrier',
  catcher: 'Catcher',
  choiceRule: 'ChoiceRule',
  nestedChoiceRule: 'NestedChoiceRule',
  processorConfig: 'ProcessorConfig',
  itemReader: 'ItemReader',
  readerConfig: 'ReaderConfig',
  itemBatcher: 'ItemBatcher',
  resultWriter: 'ResultWriter',
  writerConfig: 'WriterConfig',
  credentials: 'Credentials',
};

/** Catalog entries are pure data: each lookup is rendered once and reused (completion lists are long). */
const memo = new Map<string, DocEntry>();
function cached(key: string, render: () => DocEntry): DocEntry {
  let doc = memo.get(key);
  if (!doc) memo.set(key, (doc = render()));
  return doc;
}

function entry(summary: string): DocEntry {
  return { summary, markdown: summary };
}

/** A field of the object kind (a state of `stateType` for 'state'), in the query language. */
export function fieldDocumentation(
  field: string,
  kind: ObjectKind,
  stateType: StateType | undefined,
  language: QueryLanguage,
): DocEntry {
  const context = kind === 'state' ? stateType : CONTEXTS[kind];
  return cached(
    `f\0${field}\0${context}\0${language}`,
    () => fieldDoc(field, context, language) ?? fieldDoc(field) ?? entry(`The \`${field}\` field.`),
  );
}

export function stateTypeDocumentation(type: string): DocEntry {
  return cached(`t\0${type}`, () => stateTypeDoc(type) ?? entry(`A \`${type}\` state.`));
}

/** An error name; `fallback` for integration errors the catalog does not describe. */
export function errorDocumentation(name: string, fallback?: string): DocEntry {
  return cached(`e\0${name}\0${fallback}`, () => {
    const doc = errorNameDoc(name);
    if (fallback && (!doc || doc.markdown.includes('custom error'))) return entry(fallback);
    return doc ?? entry(fallback ?? `The error \`${name}\`.`);
  });
}

/** A context object path written with its prefix (`$$.Execution.Id`, `$states.context.Task.Token`). */
export function contextDocumentation(written: string, fallback: string): DocEntry {
  return cached(`c\0${written}`, () => contextPathDoc(written) ?? entry(fallback));
}

export function statesFieldDocumentation(written: string): DocEntry {
  return cached(`s\0${written}`, () => statesVariableDoc(written) ?? entry(`\`${written}\``));
}

export function intrinsicDocumentation(name: string): DocEntry {
  return cached(
    `i\0${name}`,
    () => intrinsicFunctionDoc(name) ?? entry(`The intrinsic function \`${name}\`.`),
  );
}

export function jsonataDocumentation(name: string): DocEntry {
  return cached(`j\0${name}`, () => jsonataFunctionDoc(name) ?? entry(`The JSONata function \`${name}\`.`));
}
