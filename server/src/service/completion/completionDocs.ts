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
};

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
  return fieldDoc(field, context, language) ?? fieldDoc(field) ?? entry(`The \`${field}\` field.`);
}

export function stateTypeDocumentation(type: string): DocEntry {
  return stateTypeDoc(type) ?? entry(`A \`${type}\` state.`);
}

/** An error name; `fallback` for integration errors the catalog does not describe. */
export function errorDocumentation(name: string, fallback?: string): DocEntry {
  const doc = errorNameDoc(name);
  if (fallback && (!doc || doc.markdown.includes('custom error'))) return entry(fallback);
  return doc ?? entry(fallback ?? `The error \`${name}\`.`);
}

/** A context object path written with its prefix (`$$.Execution.Id`, `$states.context.Task.Token`). */
export function contextDocumentation(written: string, fallback: string): DocEntry {
  return contextPathDoc(written) ?? entry(fallback);
}

export function statesFieldDocumentation(written: string): DocEntry {
  return statesVariableDoc(written) ?? entry(`\`${written}\``);
}

export function intrinsicDocumentation(name: string): DocEntry {
  return intrinsicFunctionDoc(name) ?? entry(`The intrinsic function \`${name}\`.`);
}

export function jsonataDocumentation(name: string): DocEntry {
  return jsonataFunctionDoc(name) ?? entry(`The JSONata function \`${name}\`.`);
}
