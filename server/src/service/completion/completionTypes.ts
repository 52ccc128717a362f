/**
 * The value types the completion modules share (re-exported from service/types and asl/), so each
 * module has one import for them. Depends on: ../types, asl/ only.
 */
export {
  CompletionItemKind,
  InsertTextFormat,
  MarkupKind,
  type CompletionItem,
  type CompletionList,
  type Position,
  type Range,
  type SignatureHelp,
} from '../types';
export type { StateMachineModel } from '../../asl';
