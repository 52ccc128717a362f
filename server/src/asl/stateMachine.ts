/**
 * The one ASL model: typed state definitions plus the located, scoped view of a parsed state machine
 * that validation, editor features, breakpoints, the runtime and the CLI all consume.
 * Depends on: ./syntaxTree (jsonc-parser) and ./lineIndex only.
 */
import type { LineIndex } from './lineIndex';
import type { DocumentFormat, SyntaxNode, SyntaxTree } from './syntaxTree';

export type QueryLanguage = 'JSONPath' | 'JSONata';
export const QUERY_LANGUAGES: readonly QueryLanguage[] = ['JSONPath', 'JSONata'];

export const STATE_TYPES = ['Task', 'Pass', 'Choice', 'Wait', 'Succeed', 'Fail', 'Parallel', 'Map'] as const;
export type StateType = (typeof STATE_TYPES)[number];

export function isStateType(value: unknown): value is StateType {
  return typeof value === 'string' && (STATE_TYPES as readonly string[]).includes(value);
}

/**
 * Address of a state: the JSON path from the definition root to the state's object, e.g.
 * `['States', 'P', 'Branches', 0, 'States', 'B']`. Unique even when state names are not.
 */
export type StatePath = readonly (string | number)[];

// ---------------------------------------------------------------------------------------------
// Typed definitions (the JSON shape of each state). Values are as written: they may hold JSONata
// strings, `.$` keys or placeholders; the validator decides what is legal.

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export interface RetrierDefinition {
  ErrorEquals: string[];
  IntervalSeconds?: number;
  MaxAttempts?: number;
  BackoffRate?: number;
  MaxDelaySeconds?: number;
  JitterStrategy?: 'FULL' | 'NONE';
  Comment?: string;
}

export interface CatcherDefinition {
  ErrorEquals: string[];
  Next: string;
  ResultPath?: string | null;
  Output?: JsonValue;
  Assign?: JsonObject;
  Comment?: string;
}

interface CommonFields {
  Type: StateType;
  Comment?: string;
  QueryLanguage?: QueryLanguage;
  InputPath?: string | null;
  OutputPath?: string | null;
  Output?: JsonValue;
  Assign?: JsonObject;
  Next?: string;
  End?: boolean;
}

export interface PassState extends CommonFields {
  Type: 'Pass';
  Result?: JsonValue;
  ResultPath?: string | null;
  Parameters?: JsonValue;
}

export interface TaskState extends CommonFields {
  Type: 'Task';
  Resource: string;
  Parameters?: JsonValue;
  Arguments?: JsonValue;
  ResultSelector?: JsonObject;
  ResultPath?: string | null;
  TimeoutSeconds?: number | string;
  TimeoutSecondsPath?: string;
  HeartbeatSeconds?: number | string;
  HeartbeatSecondsPath?: string;
  Credentials?: JsonObject;
  Retry?: RetrierDefinition[];
  Catch?: CatcherDefinition[];
}

export interface ChoiceRuleDefinition {
  Next?: string;
  Variable?: string;
  Condition?: boolean | string;
  And?: ChoiceRuleDefinition[];
  Or?: ChoiceRuleDefinition[];
  Not?: ChoiceRuleDefinition;
  Assign?: JsonObject;
  Output?: JsonValue;
  Comment?: string;
  [operator: string]: unknown;
}

export interface ChoiceState extends CommonFields {
  Type: 'Choice';
  Choices: ChoiceRuleDefinition[];
  Default?: string;
}

export interface WaitState extends CommonFields {
  Type: 'Wait';
  Seconds?: number | string;
  SecondsPath?: string;
  Timestamp?: string;
  TimestampPath?: string;
}

export interface SucceedState extends CommonFields {
  Type: 'Succeed';
}

export interface FailState extends CommonFields {
  Type: 'Fail';
  Error?: string;
  ErrorPath?: string;
  Cause?: string;
  CausePath?: string;
}

export interface MachineDefinition {
  StartAt: string;
  States: Record<string, StateDefinition>;
  Comment?: string;
  Version?: string;
  TimeoutSeconds?: number;
  QueryLanguage?: QueryLanguage;
}

export interface ProcessorDefinition extends MachineDefinition {
  ProcessorConfig?: { Mode?: 'INLINE' | 'DISTRIBUTED'; ExecutionType?: 'STANDARD' | 'EXPRESS' };
}

export interface ParallelState extends CommonFields {
  Type: 'Parallel';
  Branches: MachineDefinition[];
  Parameters?: JsonValue;
  Arguments?: JsonValue;
  ResultSelector?: JsonObject;
  ResultPath?: string | null;
  Retry?: RetrierDefinition[];
  Catch?: CatcherDefinition[];
}

export interface MapState extends CommonFields {
  Type: 'Map';
  ItemProcessor?: ProcessorDefinition;
  Iterator?: ProcessorDefinition;
  ItemsPath?: string;
  Items?: JsonValue;
  ItemSelector?: JsonValue;
  Parameters?: JsonValue;
  ItemReader?: JsonObject;
  ItemBatcher?: JsonObject;
  ResultWriter?: JsonObject;
  MaxConcurrency?: number | string;
  MaxConcurrencyPath?: string;
  ToleratedFailurePercentage?: number | string;
  ToleratedFailurePercentagePath?: string;
  ToleratedFailureCount?: number | string;
  ToleratedFailureCountPath?: string;
  Label?: string;
  ResultSelector?: JsonObject;
  ResultPath?: string | null;
  Retry?: RetrierDefinition[];
  Catch?: CatcherDefinition[];
}

export type StateDefinition =
  PassState | TaskState | ChoiceState | WaitState | SucceedState | FailState | ParallelState | MapState;

// ---------------------------------------------------------------------------------------------
// The located model.

export type ScopeKind = 'root' | 'branch' | 'itemProcessor';

/** One `{StartAt, States}` block: the whole machine, a Parallel branch, or a Map processor. */
export interface ScopeModel {
  kind: ScopeKind;
  /** JSON path of the object holding StartAt/States (`[]` for the root). */
  path: StatePath;
  node: SyntaxNode | undefined;
  startAt: string | undefined;
  startAtNode: SyntaxNode | undefined;
  statesNode: SyntaxNode | undefined;
  /** States of this block in document order, duplicates included. */
  states: StateModel[];
  /** First state of each name in this block. */
  byName: Map<string, StateModel>;
  /** The Parallel or Map state owning this block; undefined for the root. */
  owner: StateModel | undefined;
  /** Branch index for a Parallel branch. */
  branchIndex: number | undefined;
  /** Nesting depth: 0 for the root. */
  depth: number;
}

export type TransitionKind = 'StartAt' | 'Next' | 'Default' | 'ChoiceNext' | 'CatchNext';

export interface Transition {
  kind: TransitionKind;
  target: string;
  /** The string node holding the target name. */
  node: SyntaxNode;
  /** Index into Choices or Catch for ChoiceNext / CatchNext. */
  index?: number;
}

export interface StateModel {
  name: string;
  /** The property-name node: the place to report problems about the state as a whole. */
  keyNode: SyntaxNode;
  /** The state's value node (normally an object). */
  node: SyntaxNode | undefined;
  path: StatePath;
  /** Undefined when Type is missing or not one of the eight. */
  type: StateType | undefined;
  /** The effective query language: the state's own QueryLanguage, else the top level's. */
  queryLanguage: QueryLanguage;
  scope: ScopeModel;
  /** Nested blocks: Parallel branches or the Map processor. */
  children: ScopeModel[];
  /** Outgoing transitions (Next, Default, Choices[].Next, Catch[].Next). */
  transitions: Transition[];
  /** The plain JSON of the state (computed on first use). */
  readonly definition: StateDefinition;
}

export interface StateMachineModel {
  text: string;
  format: DocumentFormat;
  tree: SyntaxTree;
  lines: LineIndex;
  root: SyntaxNode | undefined;
  /** The plain JSON value of the whole document (computed on first use). */
  readonly definition: unknown;
  /** Top-level query language (default JSONPath). */
  queryLanguage: QueryLanguage;
  /** Undefined when the document is not an object. */
  rootScope: ScopeModel | undefined;
  /** All blocks, root first, in document order. */
  scopes: ScopeModel[];
  /** All states, depth-first in document order. */
  states: StateModel[];
  /** Every state of each name across the whole machine (more than one = duplicate name). */
  statesByName: Map<string, StateModel[]>;
}
