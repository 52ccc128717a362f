/**
 * What a JSON path means in ASL: the kind of object at a path (the machine, a States block, a state, a
 * Retrier, a Choice rule, a payload template, ...), with the state and scope it belongs to.
 * Depends on: asl/ (model) only.
 */
import type { QueryLanguage, ScopeModel, StateMachineModel, StateModel } from '../../asl';
import type { JsonPathSegments } from './cursorContext';

export type ObjectKind =
  | 'root'
  | 'branch'
  | 'processor'
  | 'states'
  | 'state'
  | 'retrier'
  | 'catcher'
  | 'choiceRule'
  | 'nestedChoiceRule'
  | 'processorConfig'
  | 'itemReader'
  | 'readerConfig'
  | 'itemBatcher'
  | 'resultWriter'
  | 'writerConfig'
  | 'credentials'
  | 'payload'
  | 'other';

export interface PathContext {
  kind: ObjectKind;
  /** Path of the scope object (`[]` for the root) the path lies in. */
  scopePath: JsonPathSegments;
  /** Path of the state the path lies in, when any. */
  statePath: JsonPathSegments | undefined;
  /** For payloads: the field holding the template (Parameters, Assign, ...). */
  payloadField?: string;
}

const PAYLOAD_FIELDS = new Set([
  'Parameters',
  'Arguments',
  'ItemSelector',
  'ResultSelector',
  'Assign',
  'Output',
  'Result',
  'BatchInput',
]);

/** The kind of the object at `path` (an object path, not a value path). */
export function classifyPath(path: JsonPathSegments): PathContext {
  let kind: ObjectKind = 'root';
  let scopePath: JsonPathSegments = [];
  let statePath: JsonPathSegments | undefined;
  let payloadField: string | undefined;
  let i = 0;
  const at = (k: ObjectKind) => ({ kind: k, scopePath, statePath, payloadField });
  while (i < path.length) {
    const key = path[i];
    const next = path[i + 1];
    switch (kind) {
      case 'root':
      case 'branch':
      case 'processor':
        if (key === 'States') {
          if (next === undefined) return at('states');
          statePath = path.slice(0, i + 2);
          kind = 'state';
          i += 2;
          continue;
        }
        if (key === 'ProcessorConfig' && kind === 'processor') {
          kind = 'processorConfig';
          i += 1;
          continue;
        }
        return at('other');
      case 'state':
      case 'retrier':
      case 'catcher':
      case 'choiceRule':
      case 'nestedChoiceRule':
      case 'itemReader':
      case 'resultWriter':
        if (typeof key === 'string' && PAYLOAD_FIELDS.has(key)) {
          payloadField = key;
          kind = 'payload';
          i = path.length;
          continue;
        }
        if (kind === 'state' && key === 'Branches' && typeof next === 'number') {
          kind = 'branch';
          scopePath = path.slice(0, i + 2);
          i += 2;
          continue;
        }
        if (kind === 'state' && (key === 'ItemProcessor' || key === 'Iterator')) {
          kind = 'processor';
          scopePath = path.slice(0, i + 1);
          i += 1;
          continue;
        }
        if (
          kind === 'state' &&
          (key === 'Retry' || key === 'Catch' || key === 'Choices') &&
          typeof next === 'number'
        ) {
          kind = key === 'Retry' ? 'retrier' : key === 'Catch' ? 'catcher' : 'choiceRule';
          i += 2;
          continue;
        }
        if (
          (kind === 'choiceRule' || kind === 'nestedChoiceRule') &&
          (key === 'And' || key === 'Or') &&
          typeof next === 'number'
        ) {
          kind = 'nestedChoiceRule';
          i += 2;
          continue;
        }
        if ((kind === 'choiceRule' || kind === 'nestedChoiceRule') && key === 'Not') {
          kind = 'nestedChoiceRule';
          i += 1;
          continue;
        }
        if (kind === 'state' && key === 'Credentials') {
          kind = 'credentials';
          i += 1;
          continue;
        }
        if (kind === 'state' && (key === 'ItemReader' || key === 'ResultWriter' || key === 'ItemBatcher')) {
          kind =
            key === 'ItemReader' ? 'itemReader' : key === 'ResultWriter' ? 'resultWriter' : 'itemBatcher';
          i += 1;
          continue;
        }
        if (kind === 'itemReader' && key === 'ReaderConfig') {
          kind = 'readerConfig';
          i += 1;
          continue;
        }
        if (kind === 'resultWriter' && key === 'WriterConfig') {
          kind = 'writerConfig';
          i += 1;
          continue;
        }
        return at('other');
      default:
        return at('other');
    }
  }
  return at(kind);
}

function samePath(a: JsonPathSegments, b: readonly (string | number)[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = a.length - 1; i >= 0; i--) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * The state at `statePath` in the model: its scope (`[...scope path, 'States', name]`) then the scope's
 * first state of that name. No per-state walk and nothing to build per model version.
 */
export function stateAt(
  model: StateMachineModel,
  statePath: JsonPathSegments | undefined,
): StateModel | undefined {
  if (!statePath || statePath.length < 2 || statePath[statePath.length - 2] !== 'States') return undefined;
  const name = statePath[statePath.length - 1];
  if (typeof name !== 'string') return undefined;
  return scopeAt(model, statePath.slice(0, -2))?.byName.get(name);
}

/** The scope at `scopePath` in the model. */
export function scopeAt(model: StateMachineModel, scopePath: JsonPathSegments): ScopeModel | undefined {
  for (const scope of model.scopes) if (samePath(scopePath, scope.path)) return scope;
  return undefined;
}

/** The query language at a path: the state's effective one, else the top level's. */
export function languageAt(model: StateMachineModel, state: StateModel | undefined): QueryLanguage {
  return state?.queryLanguage ?? model.queryLanguage;
}
