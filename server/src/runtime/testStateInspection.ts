/**
 * TestState inspection data and error decisions: which processing steps AWS reports per state type and query
 * language (payloads as JSON text), Map numbers that may be JSONata, and the Retry/Catch decision TestState
 * reports as errorDetails. Pure helpers of testState.ts; no engine, no transport, no I/O.
 */
import { isJsonataString } from '../asl/jsonata';
import { evaluateJsonataValue } from './dataFlow';
import type { StateInspection, TestStateOptions } from './executionApi';
import { errorMatches } from './statesError';

type Json = Record<string, unknown>;

/** AWS returns the payload fields of inspectionData as JSON text. */
function text(value: unknown): string {
  return JSON.stringify(value === undefined ? null : value);
}

/** The value after ResultSelector: the raw result when there is none; nothing when it did not complete. */
function selected(i: StateInspection | undefined, def: Json): unknown {
  if (i?.afterResultSelector !== undefined) return i.afterResultSelector;
  return def.ResultSelector === undefined ? i?.result : undefined;
}

/** What the inspection builder needs beyond the engine's view of the state. */
export interface InspectionFacts {
  def: Json;
  jsonata: boolean;
  input: unknown;
  variables?: Record<string, unknown>;
  /** Map numbers as evaluated (MaxConcurrency etc. may be JSONata). */
  mapNumbers?: {
    maxConcurrency: number;
    toleratedFailureCount?: number;
    toleratedFailurePercentage?: number;
  };
  /** A mocked JSONPath Map: ItemsPath result, or the failure that stopped the state there. */
  itemsPath?: { value?: unknown; failed: boolean };
}

/**
 * TestState's inspectionData (DEBUG/TRACE): which steps appear depends on the state type and query language,
 * as recorded from AWS (e.g. a Pass with `Result` reports `result` instead of afterInputPath/afterParameters;
 * a mocked Parallel reports only what follows its branches).
 */
export function buildInspectionData(i: StateInspection | undefined, facts: InspectionFacts): Json {
  const { def, jsonata } = facts;
  const type = String(def.Type);
  const out: Json = { input: text(facts.input) };
  if (facts.variables && Object.keys(facts.variables).length > 0) out.variables = text(facts.variables);
  const put = (key: string, value: unknown): void => {
    if (value !== undefined) out[key] = text(value);
  };
  if (type === 'Map') {
    if (!jsonata) {
      put('afterInputPath', i?.afterInputPath);
      if (facts.itemsPath?.failed) return out;
      if (def.ItemsPath !== undefined) put('afterItemsPath', facts.itemsPath?.value);
      put('afterResultSelector', selected(i, def));
      put('afterResultPath', i?.afterResultPath);
    }
    const numbers = facts.mapNumbers ?? { maxConcurrency: 0 };
    out.maxConcurrency = numbers.maxConcurrency;
    if (numbers.toleratedFailureCount !== undefined) {
      out.toleratedFailureCount = numbers.toleratedFailureCount;
    }
    if (numbers.toleratedFailurePercentage !== undefined) {
      out.toleratedFailurePercentage = numbers.toleratedFailurePercentage;
    }
    return out;
  }
  if (!i) return out;
  if (jsonata) {
    if (type === 'Task') {
      if (def.Arguments !== undefined) put('afterArguments', i.effectiveInput);
      put('result', i.result);
    }
    return out;
  }
  if (type === 'Parallel') {
    put('afterResultSelector', selected(i, def));
    put('afterResultPath', i.afterResultPath);
    return out;
  }
  if (type === 'Pass' && def.Result !== undefined) {
    put('result', i.result);
  } else {
    put('afterInputPath', i.afterInputPath);
    if (type !== 'Task' && type !== 'Pass') return out;
    put('afterParameters', i.effectiveInput);
    if (type === 'Task') put('result', i.result);
  }
  put('afterResultSelector', selected(i, def));
  put('afterResultPath', i.afterResultPath);
  return out;
}

export function firstMatch(list: unknown, error: string): number {
  if (!Array.isArray(list)) return -1;
  return list.findIndex(
    (item: { ErrorEquals?: unknown }) =>
      Array.isArray(item?.ErrorEquals) && errorMatches(item.ErrorEquals, error),
  );
}

/**
 * The retrier that handles `error` after `retryCount` earlier retries: `retry` when it still has attempts
 * (with the backoff AWS reports), `exhausted` when the matching retrier ran out, undefined when none matches.
 */
export function retrierDecision(
  def: Json,
  error: string,
  retryCount: number,
): { retryIndex: number; retryBackoffIntervalSeconds?: number } | undefined {
  const index = firstMatch(def.Retry, error);
  if (index < 0) return undefined;
  const r = (def.Retry as Json[])[index];
  const max = typeof r.MaxAttempts === 'number' ? r.MaxAttempts : 3;
  if (retryCount >= max) return { retryIndex: index };
  const interval = typeof r.IntervalSeconds === 'number' ? r.IntervalSeconds : 1;
  const backoff = typeof r.BackoffRate === 'number' ? r.BackoffRate : 2;
  let seconds = interval * Math.pow(backoff, retryCount);
  if (typeof r.MaxDelaySeconds === 'number') seconds = Math.min(seconds, r.MaxDelaySeconds);
  return { retryBackoffIntervalSeconds: seconds, retryIndex: index };
}

/** A Map field that may be a number or (JSONata) an expression; undefined when absent or unusable. */
async function mapNumber(
  value: unknown,
  field: string,
  env: { input: unknown; context: unknown; variables: Record<string, unknown> },
  host: TestStateOptions['host'],
): Promise<number | undefined> {
  if (typeof value === 'number') return value;
  if (!isJsonataString(value)) return undefined;
  try {
    const result = await evaluateJsonataValue(
      value,
      {
        states: { input: env.input, context: env.context },
        variables: { ...env.variables },
        random: () => host.random(),
        uuid: () => host.uuid(),
      },
      field,
    );
    return typeof result === 'number' ? result : undefined;
  } catch {
    return undefined;
  }
}

export async function mapNumbers(
  def: Json,
  options: TestStateOptions,
): Promise<NonNullable<InspectionFacts['mapNumbers']>> {
  const env = {
    input: options.input ?? {},
    context: options.context ?? {},
    variables: options.variables ?? {},
  };
  return {
    maxConcurrency: (await mapNumber(def.MaxConcurrency, 'MaxConcurrency', env, options.host)) ?? 0,
    toleratedFailureCount: await mapNumber(
      def.ToleratedFailureCount,
      'ToleratedFailureCount',
      env,
      options.host,
    ),
    toleratedFailurePercentage: await mapNumber(
      def.ToleratedFailurePercentage,
      'ToleratedFailurePercentage',
      env,
      options.host,
    ),
  };
}
