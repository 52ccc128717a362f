/**
 * The simple states: Pass, Choice, Wait, Succeed and Fail, for both query languages (JSONPath pipeline with
 * InputPath/Parameters/ResultPath/OutputPath, or JSONata Output/Assign), with AWS's runtime error wording.
 * Pure: time comes from the scheduler; no I/O, no transport.
 */
import { evaluateChoiceRule, parseTimestamp } from './choiceRules';
import {
  applyResultPath,
  evaluateJsonPathAssign,
  evaluateJsonataAssign,
  evaluateJsonataString,
  evaluateJsonataValue,
  payloadTemplate,
  queryPath,
  selectPath,
} from './dataFlow';
import type { EngineContext, StateOutcome, StateRun } from './engineContext';
import { StatesError } from './statesError';

async function jsonataTail(
  ctx: EngineContext,
  run: StateRun,
  fallback: unknown,
  next: string | undefined,
  extra?: { Output?: unknown; Assign?: unknown },
): Promise<StateOutcome> {
  const env = ctx.jsonataEnv(run, { input: run.input });
  const assignDef = extra?.Assign !== undefined ? extra.Assign : run.def.Assign;
  const outputDef = extra?.Output !== undefined ? extra.Output : run.def.Output;
  const assigned = assignDef !== undefined ? await evaluateJsonataAssign(assignDef, env) : undefined;
  const output = outputDef !== undefined ? await evaluateJsonataValue(outputDef, env, 'Output') : fallback;
  return { output, next, assigned };
}

export async function runPass(ctx: EngineContext, run: StateRun): Promise<StateOutcome> {
  const def = run.def;
  const next = def.Next as string | undefined;
  if (run.queryLanguage === 'JSONata') return jsonataTail(ctx, run, run.input, next);
  const afterInput = selectPath(
    def.InputPath as string | null | undefined,
    run.input,
    ctx.dataEnv(run, run.input),
  );
  run.inspection.afterInputPath = afterInput;
  const effective =
    def.Parameters !== undefined ? payloadTemplate(def.Parameters, ctx.dataEnv(run, afterInput)) : afterInput;
  run.inspection.effectiveInput = effective;
  const result = def.Result !== undefined ? def.Result : effective;
  run.inspection.result = result;
  const assigned =
    def.Assign !== undefined ? evaluateJsonPathAssign(def.Assign, ctx.dataEnv(run, result)) : undefined;
  const placed = applyResultPath(run.input, def.ResultPath as string | null | undefined, result);
  run.inspection.afterResultPath = placed;
  const output = selectPath(def.OutputPath as string | null | undefined, placed, ctx.dataEnv(run, placed));
  return { output, next, assigned };
}

export async function runChoice(ctx: EngineContext, run: StateRun): Promise<StateOutcome> {
  const def = run.def;
  const rules = (Array.isArray(def.Choices) ? def.Choices : []) as Record<string, unknown>[];
  if (run.queryLanguage === 'JSONata') {
    const env = ctx.jsonataEnv(run, { input: run.input });
    for (let i = 0; i < rules.length; i++) {
      const rule = rules[i];
      let matched = rule.Condition;
      if (typeof matched === 'string') {
        matched = await evaluateJsonataString(matched, env, `Choices[${i}].Condition`);
      }
      if (typeof matched !== 'boolean') {
        throw new StatesError(
          'States.QueryEvaluationError',
          `The Condition of Choices[${i}] must evaluate to a boolean, but was ${JSON.stringify(matched)}.`,
        );
      }
      if (matched) {
        return jsonataTail(ctx, run, run.input, rule.Next as string, {
          Output: rule.Output,
          Assign: rule.Assign,
        });
      }
    }
    if (typeof def.Default !== 'string') throw new StatesError('States.NoChoiceMatched', 'No Matches!');
    return jsonataTail(ctx, run, run.input, def.Default);
  }
  const afterInput = selectPath(
    def.InputPath as string | null | undefined,
    run.input,
    ctx.dataEnv(run, run.input),
  );
  run.inspection.afterInputPath = afterInput;
  const env = ctx.dataEnv(run, afterInput);
  let next: string | undefined;
  let assignDef: unknown = def.Assign;
  for (const rule of rules) {
    if (evaluateChoiceRule(rule, env)) {
      next = rule.Next as string;
      if (rule.Assign !== undefined) assignDef = rule.Assign;
      else assignDef = undefined;
      break;
    }
  }
  if (next === undefined) {
    if (typeof def.Default !== 'string') throw new StatesError('States.NoChoiceMatched', 'No Matches!');
    next = def.Default;
  }
  const assigned = assignDef !== undefined ? evaluateJsonPathAssign(assignDef, env) : undefined;
  const output = selectPath(def.OutputPath as string | null | undefined, afterInput, env);
  return { output, next, assigned };
}

async function waitMilliseconds(ctx: EngineContext, run: StateRun, afterInput: unknown): Promise<number> {
  const def = run.def;
  const now = ctx.scheduler.now();
  if (run.queryLanguage === 'JSONata') {
    const env = ctx.jsonataEnv(run, { input: run.input });
    if (def.Seconds !== undefined) {
      const s =
        typeof def.Seconds === 'string'
          ? await evaluateJsonataValue(def.Seconds, env, 'Seconds')
          : def.Seconds;
      if (typeof s !== 'number' || !Number.isInteger(s) || s < 0) {
        throw new StatesError(
          'States.QueryEvaluationError',
          `The Seconds field must be a non-negative integer, but was ${JSON.stringify(s)}.`,
          { evaluationFailed: true, location: 'Seconds' },
        );
      }
      return s * 1000;
    }
    const ts = await evaluateJsonataValue(def.Timestamp, env, 'Timestamp');
    const at = parseTimestamp(ts);
    if (at === undefined) {
      throw new StatesError(
        'States.QueryEvaluationError',
        `The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format string: ${String(ts)}`,
        // AWS reports a JSONata field with an unusable value as an EvaluationFailed event.
        { evaluationFailed: true, location: 'Timestamp' },
      );
    }
    return at - now;
  }
  if (typeof def.Seconds === 'number') return def.Seconds * 1000;
  if (typeof def.Timestamp === 'string') {
    const at = parseTimestamp(def.Timestamp);
    if (at === undefined) {
      throw new StatesError(
        'States.Runtime',
        `The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format string: ${def.Timestamp}`,
      );
    }
    return at - now;
  }
  const env = ctx.dataEnv(run, afterInput);
  if (typeof def.SecondsPath === 'string') {
    const found = queryPath(def.SecondsPath, env);
    if (!found.found) {
      throw new StatesError(
        'States.Runtime',
        `The SecondsPath parameter does not reference an input value: ${def.SecondsPath}`,
      );
    }
    const v = found.value;
    if (typeof v !== 'number' || !Number.isInteger(v)) {
      throw new StatesError(
        'States.Runtime',
        `The SecondsPath parameter cannot be parsed as a long value: ${def.SecondsPath} == ${JSON.stringify(v)}`,
      );
    }
    if (v < 0) {
      throw new StatesError(
        'States.Runtime',
        `The SecondsPath parameter references a negative value: ${def.SecondsPath} == ${v}`,
      );
    }
    return v * 1000;
  }
  if (typeof def.TimestampPath === 'string') {
    const found = queryPath(def.TimestampPath, env);
    const at = found.found ? parseTimestamp(found.value) : undefined;
    if (at === undefined) {
      throw new StatesError(
        'States.Runtime',
        `The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: ${def.TimestampPath} == ${found.found ? String(found.value) : ''}`,
      );
    }
    return at - now;
  }
  return 0;
}

export async function runWait(ctx: EngineContext, run: StateRun): Promise<StateOutcome> {
  const def = run.def;
  const jsonata = run.queryLanguage === 'JSONata';
  const afterInput = jsonata
    ? run.input
    : selectPath(def.InputPath as string | null | undefined, run.input, ctx.dataEnv(run, run.input));
  const ms = await waitMilliseconds(ctx, run, afterInput);
  if (ms / 1000 >= 2 ** 31) throw new StatesError('States.Runtime', 'Wait state delay is too long.');
  if (ms > 0) await ctx.scheduler.sleep(run.activity.scope, ms);
  if (jsonata) return jsonataTail(ctx, run, run.input, def.Next as string | undefined);
  const env = ctx.dataEnv(run, afterInput);
  const assigned = def.Assign !== undefined ? evaluateJsonPathAssign(def.Assign, env) : undefined;
  const output = selectPath(def.OutputPath as string | null | undefined, afterInput, env);
  return { output, next: def.Next as string | undefined, assigned };
}

export async function runSucceed(ctx: EngineContext, run: StateRun): Promise<StateOutcome> {
  const def = run.def;
  if (run.queryLanguage === 'JSONata') return jsonataTail(ctx, run, run.input, undefined);
  const afterInput = selectPath(
    def.InputPath as string | null | undefined,
    run.input,
    ctx.dataEnv(run, run.input),
  );
  run.inspection.afterInputPath = afterInput;
  const output = selectPath(
    def.OutputPath as string | null | undefined,
    afterInput,
    ctx.dataEnv(run, afterInput),
  );
  return { output, next: undefined };
}

export async function runFail(ctx: EngineContext, run: StateRun): Promise<StateOutcome> {
  const def = run.def;
  if (run.queryLanguage === 'JSONPath') run.inspection.afterInputPath = run.input;
  let error: unknown = def.Error;
  let cause: unknown = def.Cause;
  if (run.queryLanguage === 'JSONata') {
    const env = ctx.jsonataEnv(run, { input: run.input });
    if (error !== undefined) error = await evaluateJsonataValue(error, env, 'Error');
    if (cause !== undefined) cause = await evaluateJsonataValue(cause, env, 'Cause');
  } else {
    const env = ctx.dataEnv(run, run.input);
    const resolve = (field: 'ErrorPath' | 'CausePath'): unknown => {
      const expr = def[field];
      if (typeof expr !== 'string') return undefined;
      const value = payloadTemplate({ [`${field}.$`]: expr }, env);
      return (value as Record<string, unknown>)[field];
    };
    try {
      if (def.ErrorPath !== undefined) error = resolve('ErrorPath');
      if (def.CausePath !== undefined) cause = resolve('CausePath');
    } catch (e) {
      if (e instanceof StatesError && e.error === 'States.Runtime') {
        const field = def.ErrorPath !== undefined && error === undefined ? 'ErrorPath' : 'CausePath';
        const expr = String(def[field]);
        throw new StatesError(
          'States.Runtime',
          `The JSONPath '${expr}' specified for the field '${field}' could not be found in the input '${JSON.stringify(run.input)}'`,
        );
      }
      throw e;
    }
  }
  throw new StatesError(
    typeof error === 'string'
      ? error
      : error === undefined
        ? (undefined as unknown as string)
        : JSON.stringify(error),
    cause === undefined ? undefined : typeof cause === 'string' ? cause : JSON.stringify(cause),
  );
}
