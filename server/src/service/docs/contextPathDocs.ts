/**
 * Documentation of the context object (`$$.Execution.Id` in JSONPath, `$states.context.Execution.Id` in
 * JSONata) and of the JSONata `$states` variable (`input`, `result`, `errorOutput`, `context`); facts from
 * docs/asl-facts.md sections 4b and 8, worded here. Pure data: depends on ./docEntry only.
 */
import { type DocEntry, paragraphs } from './docEntry';

/** Context object paths (without `$$.`) and what they hold. */
export const CONTEXT_PATHS: ReadonlyArray<{ path: string; type: string; doc: string }> = [
  {
    path: 'Execution',
    type: 'object',
    doc: 'The running execution: Id, Input, Name, RoleArn, StartTime, RedriveCount, RedriveTime.',
  },
  { path: 'Execution.Id', type: 'string', doc: 'The ARN of the execution.' },
  { path: 'Execution.Input', type: 'any', doc: 'The original input of the execution.' },
  { path: 'Execution.Name', type: 'string', doc: 'The name of the execution.' },
  { path: 'Execution.RoleArn', type: 'string', doc: 'The ARN of the IAM role the execution runs with.' },
  {
    path: 'Execution.StartTime',
    type: 'string',
    doc: 'When the execution started: an ISO 8601 timestamp with milliseconds and `Z`.',
  },
  {
    path: 'Execution.RedriveCount',
    type: 'number',
    doc: 'How many times the execution was redriven (0 if never).',
  },
  {
    path: 'Execution.RedriveTime',
    type: 'string',
    doc: 'When the execution was last redriven; present only after a redrive.',
  },
  { path: 'State', type: 'object', doc: 'The current state: Name, EnteredTime, RetryCount.' },
  { path: 'State.Name', type: 'string', doc: 'The name of the current state.' },
  { path: 'State.EnteredTime', type: 'string', doc: 'When the current state was entered (ISO 8601).' },
  { path: 'State.RetryCount', type: 'number', doc: 'How many retries the current state has made so far.' },
  { path: 'StateMachine', type: 'object', doc: 'The state machine: Id, Name.' },
  { path: 'StateMachine.Id', type: 'string', doc: 'The ARN of the state machine.' },
  { path: 'StateMachine.Name', type: 'string', doc: 'The name of the state machine.' },
  { path: 'Task', type: 'object', doc: 'The current task: Token.' },
  {
    path: 'Task.Token',
    type: 'string',
    doc: 'The task token of a `.waitForTaskToken` Task: pass it to the worker, which answers with SendTaskSuccess / SendTaskFailure. Only meaningful in Task states.',
  },
  { path: 'Map', type: 'object', doc: 'The current Map iteration: Item.Index, Item.Value.' },
  { path: 'Map.Item', type: 'object', doc: 'The current Map item: Index and Value.' },
  {
    path: 'Map.Item.Index',
    type: 'number',
    doc: 'The zero-based index of the current item (in a Map’s ItemSelector).',
  },
  { path: 'Map.Item.Value', type: 'any', doc: 'The current item (in a Map’s ItemSelector).' },
];

const BY_PATH = new Map(CONTEXT_PATHS.map((p) => [p.path, p]));

function normalise(path: string, prefixes: string[]): string {
  let p = path.trim();
  for (const prefix of prefixes) {
    if (p.startsWith(prefix)) {
      p = p.slice(prefix.length);
      break;
    }
  }
  return p.replace(/^\./, '');
}

function contextEntry(path: string, written: string): DocEntry | undefined {
  const known = BY_PATH.get(path);
  if (!known) return undefined;
  return {
    summary: known.doc,
    markdown: paragraphs(
      `**\`${written}\`** · context object · ${known.type}`,
      known.doc,
      `JSONPath: \`$$.${path}\` · JSONata: \`$states.context.${path}\``,
    ),
  };
}

/**
 * Documentation of a context object path, written `Execution.Id`, `$$.Execution.Id` or
 * `$states.context.Execution.Id`; undefined for paths the context object does not have.
 */
export function contextPathDoc(path: string): DocEntry | undefined {
  const bare = normalise(path, ['$states.context', '$$']);
  if (bare === '') {
    return {
      summary: 'The context object: facts about the execution, state machine, state, task and Map item.',
      markdown: paragraphs(
        `**\`${path.trim() || '$$'}\`** · context object`,
        'Facts about the running execution: `Execution`, `StateMachine`, `State`, `Task`, `Map`.',
        'JSONPath: `$$.…` · JSONata: `$states.context.…`',
      ),
    };
  }
  return contextEntry(bare, path.trim());
}

const STATES_FIELDS: Record<string, { doc: string; where: string }> = {
  input: {
    doc: 'The input of the current state (the raw input: there is no InputPath in JSONata).',
    where: 'Readable in every JSONata field of the state.',
  },
  result: {
    doc: 'The result of the Task, Map or Parallel state (the task output, or the array of iteration / branch outputs).',
    where:
      'Readable in `Output` and `Assign` of Task, Map and Parallel states; not in `Arguments`, nor in a Catcher.',
  },
  errorOutput: {
    doc: 'The error output `{ "Error": name, "Cause": text }` of a caught error.',
    where: 'Readable only in a Catcher’s `Output` and `Assign`.',
  },
  context: {
    doc: 'The context object: Execution, StateMachine, State, Task and Map facts.',
    where: 'Readable everywhere; e.g. `$states.context.Task.Token` for callbacks.',
  },
};

/**
 * Documentation of `$states` and its fields in JSONata expressions: `$states`, `$states.input`,
 * `$states.result`, `$states.errorOutput`, `$states.context` and `$states.context.<path>`.
 * Deeper paths under input/result/errorOutput document their root. Undefined for other names.
 */
export function statesVariableDoc(path: string): DocEntry | undefined {
  const p = path.trim();
  if (p === '$states') {
    return {
      summary: 'The reserved JSONata variable holding input, result, errorOutput and context.',
      markdown: paragraphs(
        '**`$states`** · reserved variable · JSONata',
        'The reserved JSONata variable holding input, result, errorOutput and context.',
        'It cannot be assigned; `states` is not a valid variable name.',
      ),
    };
  }
  const m = /^\$states\.([A-Za-z]+)((?:\.[^.]+)*)$/.exec(p);
  if (!m) return undefined;
  const field = STATES_FIELDS[m[1]];
  if (!field) return undefined;
  if (m[1] === 'context' && m[2]) return contextPathDoc(p);
  return {
    summary: field.doc,
    markdown: paragraphs(`**\`$states.${m[1]}\`** · JSONata`, field.doc, field.where),
  };
}
