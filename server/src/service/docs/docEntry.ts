/**
 * The shape every documentation lookup returns, and the object kinds fields can belong to.
 * Shared by the catalog modules, hover and completion. Pure types and tiny markdown helpers:
 * depends on asl/ types only.
 */
import type { StateType } from '../../asl';

/** One documented thing: a one-line summary (completion detail) and the full markdown (hover, docs). */
export interface DocEntry {
  summary: string;
  markdown: string;
}

/** The objects that hold fields: a state of a type, the top level, or a nested ASL object. */
export type FieldContext =
  | StateType
  | 'Root'
  | 'Retrier'
  | 'Catcher'
  | 'ChoiceRule'
  | 'NestedChoiceRule'
  | 'Branch'
  | 'ItemProcessor'
  | 'ProcessorConfig'
  | 'ItemReader'
  | 'ReaderConfig'
  | 'ItemBatcher'
  | 'ResultWriter'
  | 'WriterConfig'
  | 'Credentials';

/** Hand-written facts about one field (worded from docs/asl-facts.md). */
export interface FieldText {
  /** One line. */
  summary: string;
  /** The value's type as a reader would say it. */
  type: string;
  default?: string;
  limits?: string;
  /** More markdown (semantics, pitfalls). */
  details?: string;
  /** A JSON fragment showing the field in use. */
  example: string;
  /** What to use instead in the other query language. */
  instead?: string;
}

/** A fenced JSON code block. */
export function jsonBlock(code: string): string {
  return '```json\n' + code + '\n```';
}

/** Joins markdown paragraphs, dropping empty ones. */
export function paragraphs(...parts: Array<string | undefined | false>): string {
  return parts.filter((p): p is string => typeof p === 'string' && p.length > 0).join('\n\n');
}
