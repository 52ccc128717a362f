/**
 * A state's summary in markdown (type, query language, where it lives, transitions in and out, Resource,
 * Comment) for hovers on state names and transition targets, and the message for a target that names no
 * state. Depends on asl/ only; pure.
 */
import { valueNodeOf, type ScopeModel, type StateModel } from '../../asl';

const MAX_LISTED = 12;

function code(text: string): string {
  return '`' + text.replace(/`/g, "'") + '`';
}

/** "top level", "branch 2 of Parallel `P`", "ItemProcessor of Map `M`". */
export function scopeLabel(scope: ScopeModel): string {
  if (!scope.owner) return 'top level';
  if (scope.kind === 'branch') {
    return `branch ${(scope.branchIndex ?? 0) + 1} of Parallel ${code(scope.owner.name)}`;
  }
  return `item processor of Map ${code(scope.owner.name)}`;
}

function list(names: string[]): string {
  const shown = names.slice(0, MAX_LISTED).join(', ');
  return names.length > MAX_LISTED ? `${shown}, … (${names.length} in all)` : shown;
}

/** What leads into `state`: StartAt and the transitions of other states in its scope. */
function incoming(state: StateModel): string[] {
  const scope = state.scope;
  const out: string[] = [];
  if (scope.startAt === state.name) out.push(scope.owner ? 'StartAt of its block' : 'StartAt');
  for (const other of scope.states) {
    for (const t of other.transitions) {
      if (t.target !== state.name) continue;
      const how = t.kind === 'ChoiceNext' ? 'Choice rule' : t.kind === 'CatchNext' ? 'Catch' : t.kind;
      out.push(`${code(other.name)} (${how})`);
    }
  }
  return out;
}

function outgoing(state: StateModel): string[] {
  const out = state.transitions.map((t) => {
    const how = t.kind === 'ChoiceNext' ? 'Choice rule' : t.kind === 'CatchNext' ? 'Catch' : t.kind;
    return `${code(t.target)} (${how})`;
  });
  const end = valueNodeOf(state.node, 'End');
  if (end?.value === true) out.push('End');
  if (state.type === 'Succeed' || state.type === 'Fail') {
    out.push(`ends the ${state.scope.owner ? 'block' : 'execution'}`);
  }
  return out;
}

/** The markdown summary of a state. */
export function stateSummaryMarkdown(state: StateModel): string {
  const parts: string[] = [];
  const type = state.type ?? 'state with no valid Type';
  parts.push(`**${code(state.name)}** · ${state.type ? `${type} state` : type} · ${state.queryLanguage}`);
  const comment = valueNodeOf(state.node, 'Comment')?.value;
  if (typeof comment === 'string' && comment.trim()) {
    parts.push(`_${comment.trim().replace(/[_*]/g, '\\$&')}_`);
  }
  const facts: string[] = [];
  const resource = valueNodeOf(state.node, 'Resource')?.value;
  if (typeof resource === 'string') facts.push(`- Resource: ${code(resource)}`);
  facts.push(`- In: ${scopeLabel(state.scope)}`);
  const ins = incoming(state);
  facts.push(`- Reached from: ${ins.length ? list(ins) : 'nothing (unreachable)'}`);
  const outs = outgoing(state);
  if (outs.length) facts.push(`- Goes to: ${list(outs)}`);
  if (state.children.length) {
    const blocks = state.children.map((c) => `${c.states.length} states`).join(', ');
    facts.push(`- Nested: ${state.children.length} block${state.children.length > 1 ? 's' : ''} (${blocks})`);
  }
  parts.push(facts.join('\n'));
  if (state.scope.byName.get(state.name) !== state) {
    parts.push('⚠ Another state in this block has the same name.');
  }
  return parts.join('\n\n');
}

/** The markdown for a transition whose target names no state of its scope. */
export function missingTargetMarkdown(target: string, scope: ScopeModel): string {
  const names = [...scope.byName.keys()];
  return [
    `⚠ **No state named ${code(target)}** in the ${scopeLabel(scope)}.`,
    names.length ? `States there: ${list(names.map(code))}` : 'That block has no states.',
    'Names are case-sensitive, and a transition cannot leave or enter a Parallel branch or Map processor.',
  ].join('\n\n');
}
