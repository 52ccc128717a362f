/**
 * DAP variables for the `asl` debugger: scopes of a paused state (State, Input, Effective input, Result,
 * Output, Previous state, Context object, Variables, Error) and JSON values expanded lazily by reference,
 * with editable Input values (setVariable). Depends on @vscode/debugadapter value classes only; no runtime.
 */
import { Handles, Scope } from '@vscode/debugadapter';
import type { DebugProtocol } from '@vscode/debugprotocol';

type Variable = DebugProtocol.Variable;

/** An edit callback: replaces the value found at `path` under the container's root. */
export type ValueEditor = (path: (string | number)[], value: unknown) => void;

interface JsonContainer {
  kind: 'json';
  value: unknown;
  path: (string | number)[];
  edit?: ValueEditor;
}

interface RecordContainer {
  kind: 'record';
  entries: Array<{ name: string; value: unknown; display?: string }>;
}

type Container = JsonContainer | RecordContainer;

/** One scope to show for a stack frame. */
export interface ScopeSpec {
  name: string;
  /** `record`: named entries (State, Variables); `json`: one JSON value expanded (Input, Result, ...). */
  kind: 'record' | 'json';
  value?: unknown;
  entries?: Array<{ name: string; value: unknown; display?: string }>;
  edit?: ValueEditor;
  presentationHint?: 'arguments' | 'locals' | 'registers';
}

/** Handles for scopes and nested values; reset whenever the debuggee resumes. */
export class VariableStore {
  private handles = new Handles<Container>();

  reset(): void {
    this.handles = new Handles<Container>();
  }

  scopes(specs: ScopeSpec[]): DebugProtocol.Scope[] {
    return specs.map((spec) => {
      const reference =
        spec.kind === 'record'
          ? this.handles.create({ kind: 'record', entries: spec.entries ?? [] })
          : this.handles.create({ kind: 'json', value: spec.value, path: [], edit: spec.edit });
      const scope: DebugProtocol.Scope = new Scope(spec.name, reference, false);
      if (spec.presentationHint) scope.presentationHint = spec.presentationHint;
      return scope;
    });
  }

  /** Children of a scope or value. */
  variables(reference: number): Variable[] {
    const container = this.handles.get(reference);
    if (!container) return [];
    if (container.kind === 'record') {
      return container.entries.map((entry) =>
        this.variable(entry.name, entry.value, undefined, entry.display),
      );
    }
    const { value, path, edit } = container;
    if (value === null || typeof value !== 'object') {
      return [this.variable('value', value, edit ? { path, edit } : undefined)];
    }
    const entries: Array<[string | number, unknown]> = Array.isArray(value)
      ? value.map((v, i) => [i, v])
      : Object.entries(value as Record<string, unknown>);
    return entries.map(([key, child]) =>
      this.variable(
        Array.isArray(value) ? `[${key}]` : String(key),
        child,
        edit ? { path: [...path, key], edit } : undefined,
      ),
    );
  }

  /**
   * Sets a child of `reference` named `name` from JSON text (plain text becomes a string).
   * Returns the new variable, or an error message.
   */
  setVariable(reference: number, name: string, text: string): Variable | { error: string } {
    const container = this.handles.get(reference);
    if (!container || container.kind !== 'json' || !container.edit) {
      return { error: 'Only the input of a state that has not run yet can be edited.' };
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      value = text;
    }
    const key: string | number =
      container.value === null || typeof container.value !== 'object'
        ? ''
        : Array.isArray(container.value)
          ? Number(name.replace(/^\[|\]$/g, ''))
          : name;
    const path = key === '' ? container.path : [...container.path, key];
    container.edit(path, value);
    return this.variable(name, value, { path, edit: container.edit });
  }

  private variable(
    name: string,
    value: unknown,
    editing: { path: (string | number)[]; edit: ValueEditor } | undefined,
    display?: string,
  ): Variable {
    const expandable = value !== null && typeof value === 'object';
    const reference = expandable
      ? this.handles.create({ kind: 'json', value, path: editing?.path ?? [], edit: editing?.edit })
      : 0;
    const variable: Variable = { name, value: display ?? preview(value), variablesReference: reference };
    if (Array.isArray(value)) variable.indexedVariables = value.length;
    if (!editing) variable.presentationHint = { attributes: ['readOnly'] };
    return variable;
  }
}

/** Short text for a value: JSON for scalars, a size summary with a prefix for objects and arrays. */
export function preview(value: unknown, max = 80): string {
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return `Array(${value.length}) ${clip(JSON.stringify(value), max)}`;
  if (value !== null && typeof value === 'object') return clip(JSON.stringify(value), max);
  return JSON.stringify(value);
}

function clip(text: string, max: number): string {
  return text.length > max ? text.slice(0, max - 1) + '…' : text;
}

/** A deep copy of `root` with `value` placed at `path` (objects/arrays created as needed). */
export function replaceAt(root: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  const copy: Record<string | number, unknown> = Array.isArray(root)
    ? ([...(root as unknown[])] as unknown as Record<number, unknown>)
    : root !== null && typeof root === 'object'
      ? { ...(root as Record<string, unknown>) }
      : typeof head === 'number'
        ? []
        : {};
  copy[head] = replaceAt(copy[head], rest, value);
  return copy;
}
