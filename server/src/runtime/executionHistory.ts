/**
 * Records an execution's history as AWS GetExecutionHistory events (id, previousEventId, timestamp, type and
 * one `<type>EventDetails` object) and hands each new event to a listener. Pure: time is passed in.
 */
import type { HistoryEvent } from './executionApi';

const STATE_TYPES = ['Pass', 'Task', 'Choice', 'Wait', 'Succeed', 'Fail', 'Parallel', 'Map'];

/** The AWS details key for an event type (`TaskStateEntered` -> `stateEnteredEventDetails`). */
export function detailsKeyFor(type: string): string {
  for (const stateType of STATE_TYPES) {
    if (type === `${stateType}StateEntered`) return 'stateEnteredEventDetails';
    if (type === `${stateType}StateExited`) return 'stateExitedEventDetails';
  }
  return `${type[0].toLowerCase()}${type.slice(1)}EventDetails`;
}

/** Payload fields as AWS writes them: JSON text plus `{truncated: false}` details. */
export function payload(name: 'input' | 'output', value: unknown): Record<string, unknown> {
  return { [name]: JSON.stringify(value ?? null), [`${name}Details`]: { truncated: false } };
}

export class ExecutionHistory {
  readonly events: HistoryEvent[] = [];

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
      timestamp: new Date(this.now()).toISOString(),
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
}
