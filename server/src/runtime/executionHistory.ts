/**
 * Records an execution's history as AWS GetExecutionHistory events (id, previousEventId, timestamp, type and
 * one `<type>EventDetails` object) and hands each new event to a listener. Pure: time is passed in.
 */
import type { HistoryEvent } from './executionApi';
import { StatesError } from './statesError';

const STATE_TYPES = ['Pass', 'Task', 'Choice', 'Wait', 'Succeed', 'Fail', 'Parallel', 'Map'];
const detailsKeys = new Map<string, string>();

/** The AWS details key for an event type (`TaskStateEntered` -> `stateEnteredEventDetails`). */
export function detailsKeyFor(type: string): string {
  let key = detailsKeys.get(type);
  if (key !== undefined) return key;
  key = `${type[0].toLowerCase()}${type.slice(1)}EventDetails`;
  for (const stateType of STATE_TYPES) {
    if (type === `${stateType}StateEntered`) key = 'stateEnteredEventDetails';
    if (type === `${stateType}StateExited`) key = 'stateExitedEventDetails';
  }
  detailsKeys.set(type, key);
  return key;
}

/**
 * The JSON text of a value (`null` for undefined). A value nested too deeply for JSON.stringify (it overflows
 * the stack) becomes a States.Runtime error naming `what` instead of a RangeError.
 */
export function jsonText(value: unknown, what: string): string {
  try {
    return JSON.stringify(value ?? null);
  } catch (e) {
    if (e instanceof RangeError) {
      throw new StatesError(
        'States.Runtime',
        `The ${what} cannot be written as JSON text: it is nested too deeply (${e.message}).`,
      );
    }
    throw new StatesError(
      'States.Runtime',
      `The ${what} cannot be written as JSON text: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
}

/** Payload fields as AWS writes them: JSON text plus `{truncated: false}` details. */
export function payload(name: 'input' | 'output', value: unknown): Record<string, unknown> {
  return payloadText(name, jsonText(value, name));
}

/** `{truncated: false}`, shared by every payload's details (frozen: history events are read-only). */
export const NOT_TRUNCATED: Readonly<{ truncated: boolean }> = Object.freeze({ truncated: false });

/** Payload fields from JSON text already made (see `jsonText`). */
export function payloadText(name: 'input' | 'output', text: string): Record<string, unknown> {
  return name === 'input'
    ? { input: text, inputDetails: NOT_TRUNCATED }
    : { output: text, outputDetails: NOT_TRUNCATED };
}

export class ExecutionHistory {
  readonly events: HistoryEvent[] = [];
  private lastMs = Number.NaN;
  private lastIso = '';

  constructor(
    private readonly now: () => number,
    private readonly listener: (event: HistoryEvent) => void,
    /** Standard workflows fail at 25,000 events. */
    readonly limit = Number.POSITIVE_INFINITY,
  ) {}

  get lastId(): number {
    return this.events.length;
  }

  /** Appends an event; `previous` is the event that led to it (0 for the first). Returns the new id. */
  add(type: string, previous: number, details?: Record<string, unknown>): number {
    const event: HistoryEvent = {
      id: this.events.length + 1,
      previousEventId: previous,
      timestamp: this.isoNow(),
      type,
    };
    if (details !== undefined) event[detailsKeyFor(type)] = details;
    this.events.push(event);
    this.listener(event);
    return event.id;
  }

  get full(): boolean {
    return this.events.length >= this.limit;
  }

  /** ISO-8601 text of the current time (the virtual clock rarely moves between events: cached). */
  isoNow(): string {
    const ms = this.now();
    if (ms !== this.lastMs) {
      this.lastMs = ms;
      this.lastIso = new Date(ms).toISOString();
    }
    return this.lastIso;
  }
}
