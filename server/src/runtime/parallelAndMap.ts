/**
 * Parallel and Map states: branches and iterations run as child activities (each a debugger thread) with their
 * own variable scope; a failing branch/iteration aborts its siblings. Map supports ItemsPath/Items, ItemReader
 * (local files through the host), ItemSelector, ItemBatcher, MaxConcurrency, tolerated failures, distributed
 * mode (MapRun events) and ResultWriter (local folder through the host). Pure: files only via the host.
 */
import { CancelScope } from './activityScheduler';
import {
  applyResultPath,
  evaluateJsonPathAssign,
  evaluateJsonataAssign,
  evaluateJsonataValue,
  payloadTemplate,
  queryPath,
  selectPath,
  invalidPathMessage,
} from './dataFlow';
import type { Activity, EngineContext, StateOutcome, StateRun } from './engineContext';
import { errorOutput } from './errorHandling';
import { ActivityCancelled, StatesError } from './statesError';

/** Effective input for Parallel/Map (InputPath + Parameters, or Arguments). */
async function effectiveInput(ctx: EngineContext, run: StateRun, useParameters: boolean): Promise<unknown> {
  const def = run.def;
  if (run.queryLanguage === 'JSONata') {
    if (useParameters && def.Arguments !== undefined) {
      return evaluateJsonataValue(def.Arguments, ctx.jsonataEnv(run, { input: run.input }), 'Arguments');
    }
    return run.input;
  }
  const afterInput = selectPath(
    def.InputPath as string | null | undefined,
    run.input,
    ctx.dataEnv(run, run.input),
  );
  run.inspection.afterInputPath = afterInput;
  if (useParameters && def.Parameters !== undefined) {
    return payloadTemplate(def.Parameters, ctx.dataEnv(run, afterInput));
  }
  return afterInput;
}

/** ResultSelector / ResultPath / OutputPath / Assign, or JSONata Output / Assign. */
async function finish(ctx: EngineContext, run: StateRun, result: unknown): Promise<StateOutcome> {
  const def = run.def;
  run.inspection.result = result;
  const next = def.Next as string | undefined;
  if (run.queryLanguage === 'JSONata') {
    const env = ctx.jsonataEnv(run, { input: run.input, result });
    const assigned = def.Assign !== undefined ? await evaluateJsonataAssign(def.Assign, env) : undefined;
    const output = def.Output !== undefined ? await evaluateJsonataValue(def.Output, env, 'Output') : result;
    return { output, next, assigned };
  }
  const selected =
    def.ResultSelector !== undefined ? payloadTemplate(def.ResultSelector, ctx.dataEnv(run, result)) : result;
  const assigned =
    def.Assign !== undefined ? evaluateJsonPathAssign(def.Assign, ctx.dataEnv(run, selected)) : undefined;
  run.inspection.afterResultSelector = selected;
  const placed = applyResultPath(run.input, def.ResultPath as string | null | undefined, selected);
  run.inspection.afterResultPath = placed;
  const output = selectPath(def.OutputPath as string | null | undefined, placed, ctx.dataEnv(run, placed));
  return { output, next, assigned };
}

/**
 * Most branches/iterations in flight at once when MaxConcurrency is 0 (AWS: a Distributed Map runs up to
 * 10,000 child executions concurrently; inline Map parallelism is best-effort). Bounds the scheduler's queue.
 */
export const MAX_IN_FLIGHT = 10_000;

const isSiblingAbort = (e: unknown): boolean =>
  e instanceof ActivityCancelled && e.reason === 'siblingFailed';

/**
 * Runs tasks (at most `limit` at once, 0 = up to MAX_IN_FLIGHT), aborting the rest at the first failure unless
 * `tolerate`.
 */
async function runAll<T>(
  ctx: EngineContext,
  parent: Activity,
  count: number,
  limit: number,
  start: (index: number, scope: CancelScope, abortSiblings: () => void) => Promise<T>,
  tolerate: (error: StatesError, index: number) => boolean,
): Promise<{ results: Array<T | StatesError> }> {
  const group = new CancelScope(parent.scope);
  const results: Array<T | StatesError> = new Array(count);
  let firstError: unknown;
  let nextIndex = 0;
  // A failing child calls this before it hands the run lock on, so no queued sibling runs on first.
  const abortSiblings = () => group.cancel(new ActivityCancelled('siblingFailed'));
  const worker = async (): Promise<void> => {
    while (nextIndex < count && firstError === undefined) {
      const index = nextIndex++;
      const scope = new CancelScope(group);
      try {
        results[index] = await start(index, scope, abortSiblings);
      } catch (e) {
        if (e instanceof StatesError && tolerate(e, index)) {
          results[index] = e;
          continue;
        }
        // A sibling's abort may arrive before the failure that caused it: the failure wins.
        if (firstError === undefined || (isSiblingAbort(firstError) && !isSiblingAbort(e))) firstError = e;
        group.cancel(new ActivityCancelled('siblingFailed'));
      } finally {
        // A finished branch/iteration leaves the group (100,000 iterations would otherwise all stay in it).
        scope.dispose();
      }
    }
  };
  const workers = Math.max(1, Math.min(limit > 0 ? limit : MAX_IN_FLIGHT, count));
  await ctx.scheduler.blocked(parent.scope, () => Promise.all(Array.from({ length: workers }, worker)));
  group.dispose();
  parent.lastEventId = ctx.recorder.lastId;
  if (firstError !== undefined) throw firstError;
  return { results };
}

export async function runParallel(ctx: EngineContext, run: StateRun): Promise<StateOutcome> {
  const { activity, def } = run;
  const input = await effectiveInput(ctx, run, true);
  run.inspection.effectiveInput = input;
  const branches = (Array.isArray(def.Branches) ? def.Branches : []) as Record<string, unknown>[];
  ctx.emit(activity, 'ParallelStateStarted');
  let results: unknown[];
  try {
    const all = await runAll(
      ctx,
      activity,
      branches.length,
      0,
      (i, scope, abortSiblings) =>
        ctx.runChild(
          activity,
          { kind: 'branch', stateName: run.name, statePath: run.path, branchIndex: i },
          branches[i],
          [...run.path, 'Branches', i],
          input,
          scope,
          { onEnd: (_child, status) => status === 'failed' && abortSiblings() },
        ),
      () => false,
    );
    results = all.results;
  } finally {
    activity.lastEventId = ctx.recorder.lastId;
  }
  return finish(ctx, run, results);
}

function integerField(
  ctx: EngineContext,
  run: StateRun,
  field: string,
  input: unknown,
  float = false,
): number | undefined {
  const def = run.def;
  if (typeof def[field] === 'number') return def[field] as number;
  const path = def[`${field}Path`];
  if (typeof path !== 'string') return undefined;
  const found = queryPath(path, ctx.dataEnv(run, input));
  if (!found.found) throw new StatesError('States.Runtime', invalidPathMessage(path, input));
  let v = found.value;
  if (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v)) v = Number(v);
  if (typeof v !== 'number' || (!float && !Number.isInteger(v))) {
    throw new StatesError(
      'States.Runtime',
      `The ${field}Path field refers to value "${typeof v === 'string' ? v : JSON.stringify(v)}" which is not a valid ${float ? 'float' : 'integer'}: ${path}`,
    );
  }
  return v;
}

async function jsonataNumber(ctx: EngineContext, run: StateRun, field: string): Promise<number | undefined> {
  const value = run.def[field];
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') return undefined;
  const v = await evaluateJsonataValue(value, ctx.jsonataEnv(run, { input: run.input }), field);
  if (typeof v !== 'number') {
    throw new StatesError(
      'States.QueryEvaluationError',
      `The ${field} field must be a number, but was ${JSON.stringify(v)}.`,
    );
  }
  return v;
}

function parseCsv(text: string, delimiter: string, headers: string[] | undefined): Record<string, string>[] {
  const rows = text
    .split(/\r?\n/)
    .filter((line) => line.length > 0)
    .map((line) => line.split(delimiter));
  const head = headers ?? rows.shift() ?? [];
  if (new Set(head).size !== head.length) {
    throw new StatesError('States.ItemReaderFailed', 'The CSV header contains duplicate fields.');
  }
  return rows.map((row) => Object.fromEntries(head.map((h, i) => [h, row[i] ?? ''])));
}

async function readItems(
  ctx: EngineContext,
  run: StateRun,
  reader: Record<string, unknown>,
  input: unknown,
): Promise<unknown[]> {
  const params = (
    run.queryLanguage === 'JSONata'
      ? await evaluateJsonataValue(
          reader.Arguments ?? {},
          ctx.jsonataEnv(run, { input: run.input }),
          'ItemReader/Arguments',
        )
      : payloadTemplate(reader.Parameters ?? {}, ctx.dataEnv(run, input))
  ) as Record<string, unknown>;
  const config = (reader.ReaderConfig ?? {}) as Record<string, unknown>;
  if (!ctx.host.readFile) {
    throw new StatesError('States.ItemReaderFailed', 'This host cannot read ItemReader sources.');
  }
  const file = [params.Bucket, params.Key].filter((p) => typeof p === 'string' && p.length > 0).join('/');
  let text: string;
  try {
    text = await ctx.outside(run.activity.scope, () => ctx.host.readFile!(file));
  } catch (e) {
    throw new StatesError(
      'States.ItemReaderFailed',
      `Cannot read '${file}': ${e instanceof Error ? e.message : String(e)}`,
    );
  }
  let items: unknown[];
  const type =
    config.InputType ?? (file.endsWith('.csv') ? 'CSV' : file.endsWith('.jsonl') ? 'JSONL' : 'JSON');
  try {
    if (type === 'CSV') {
      const delimiters: Record<string, string> = {
        COMMA: ',',
        PIPE: '|',
        SEMICOLON: ';',
        SPACE: ' ',
        TAB: '\t',
      };
      items = parseCsv(
        text,
        delimiters[String(config.CSVDelimiter ?? 'COMMA')] ?? ',',
        config.CSVHeaderLocation === 'GIVEN' ? (config.CSVHeaders as string[]) : undefined,
      );
    } else if (type === 'JSONL') {
      items = text
        .split(/\r?\n/)
        .filter((l) => l.trim())
        .map((l) => JSON.parse(l) as unknown);
    } else {
      const parsed = JSON.parse(text) as unknown;
      if (!Array.isArray(parsed)) throw new Error('the JSON file does not hold an array');
      items = parsed;
    }
  } catch (e) {
    if (e instanceof StatesError) throw e;
    throw new StatesError(
      'States.ItemReaderFailed',
      `Cannot parse '${file}': ${e instanceof Error ? e.message : String(e)}`,
    );
  }
  const max = typeof config.MaxItems === 'number' ? config.MaxItems : undefined;
  return max !== undefined ? items.slice(0, max) : items;
}

export async function runMap(ctx: EngineContext, run: StateRun): Promise<StateOutcome> {
  const { activity, def } = run;
  const jsonata = run.queryLanguage === 'JSONata';
  const input = await effectiveInput(ctx, run, false);
  let items: unknown;
  if (def.ItemReader && typeof def.ItemReader === 'object') {
    items = await readItems(ctx, run, def.ItemReader as Record<string, unknown>, input);
  } else if (jsonata) {
    items =
      def.Items !== undefined
        ? await evaluateJsonataValue(def.Items, ctx.jsonataEnv(run, { input: run.input }), 'Items')
        : input;
    if (!Array.isArray(items)) {
      const kind =
        items === null
          ? 'null'
          : Array.isArray(items)
            ? 'array'
            : typeof items === 'object'
              ? 'object'
              : typeof items;
      const message =
        typeof def.Items === 'string'
          ? `The JSONata expression '${String(def.Items).replace(/^\{%\s*|\s*%\}$/g, '')}' specified for the field 'Items' returned an unexpected result type. Expected 'array', but was '${kind}' for value: ${JSON.stringify(items)}`
          : `Map state input must be an array but was: ${JSON.stringify(items)}`;
      throw new StatesError('States.QueryEvaluationError', message, {
        evaluationFailed: true,
        location: 'Items',
      });
    }
  } else {
    const path = typeof def.ItemsPath === 'string' ? def.ItemsPath : '$';
    items = selectPath(path, input, ctx.dataEnv(run, input));
    if (!Array.isArray(items)) {
      throw new StatesError(
        'States.Runtime',
        `Map state input must be an array but was: ${JSON.stringify(items)}`,
      );
    }
  }
  const list = items as unknown[];
  const processor = (def.ItemProcessor ?? def.Iterator ?? {}) as Record<string, unknown>;
  const processorKey = def.ItemProcessor ? 'ItemProcessor' : 'Iterator';
  const distributed =
    (processor.ProcessorConfig as Record<string, unknown> | undefined)?.Mode === 'DISTRIBUTED';
  // Item selection and batching.
  const selector = def.ItemSelector ?? def.Parameters;
  let inputs: unknown[] = [];
  for (let i = 0; i < list.length; i++) {
    const mapContext = { Map: { Item: { Index: i, Value: list[i] } } };
    if (selector === undefined) inputs.push(list[i]);
    else if (jsonata) {
      inputs.push(
        await evaluateJsonataValue(
          selector,
          ctx.jsonataEnv(run, { input: run.input, context: ctx.contextFor(run, mapContext) }),
          'ItemSelector',
        ),
      );
    } else inputs.push(payloadTemplate(selector, ctx.dataEnv(run, input, mapContext)));
  }
  const batcher = def.ItemBatcher as Record<string, unknown> | undefined;
  if (batcher && typeof batcher === 'object') {
    const size = typeof batcher.MaxItemsPerBatch === 'number' ? batcher.MaxItemsPerBatch : inputs.length || 1;
    const batchInput =
      batcher.BatchInput !== undefined
        ? payloadTemplate(batcher.BatchInput, ctx.dataEnv(run, input))
        : undefined;
    const batches: unknown[] = [];
    for (let i = 0; i < inputs.length; i += size) {
      batches.push({
        ...(batchInput && typeof batchInput === 'object' ? batchInput : {}),
        Items: inputs.slice(i, i + size),
      });
    }
    inputs = batches;
  }
  const maxConcurrency = jsonata
    ? await jsonataNumber(ctx, run, 'MaxConcurrency')
    : integerField(ctx, run, 'MaxConcurrency', input);
  ctx.emit(activity, 'MapStateStarted', { length: inputs.length });
  const toleratedCount = jsonata
    ? await jsonataNumber(ctx, run, 'ToleratedFailureCount')
    : integerField(ctx, run, 'ToleratedFailureCount', input);
  const toleratedPct = jsonata
    ? await jsonataNumber(ctx, run, 'ToleratedFailurePercentage')
    : integerField(ctx, run, 'ToleratedFailurePercentage', input, true);
  if (toleratedCount !== undefined && toleratedCount < 0) {
    throw new StatesError('States.Runtime', 'ToleratedFailureCount cannot be negative.');
  }
  if (toleratedPct !== undefined && (toleratedPct < 0 || toleratedPct > 100)) {
    throw new StatesError('States.Runtime', 'ToleratedFailurePercentage must be between 0 and 100.');
  }
  if (distributed) {
    ctx.emit(activity, 'MapRunStarted', {
      mapRunArn: `${ctx.stateMachineArn.replace(':stateMachine:', ':mapRun:')}/${run.name}:${ctx.newToken()}`,
    });
  }
  let failures = 0;
  const tolerate = (): boolean => {
    if (!distributed) return false;
    failures++;
    if (toleratedCount !== undefined && failures <= toleratedCount) return true;
    if (toleratedPct !== undefined && inputs.length > 0 && (failures / inputs.length) * 100 <= toleratedPct) {
      return true;
    }
    return false;
  };
  let results: unknown[];
  try {
    const all = await runAll(
      ctx,
      activity,
      inputs.length,
      maxConcurrency ?? 0,
      (i, scope, abortSiblings) =>
        ctx.runChild(
          activity,
          { kind: 'iteration', stateName: run.name, statePath: run.path, index: i },
          processor,
          [...run.path, processorKey],
          inputs[i],
          scope,
          {
            silent: distributed,
            onStart: (child) => ctx.emit(child, 'MapIterationStarted', { name: run.name, index: i }),
            onEnd: (child, status) => {
              // Inline Map tolerates no failure (distributed ones decide in `tolerate`).
              if (status === 'failed' && !distributed) abortSiblings();
              ctx.emit(
                child,
                status === 'succeeded'
                  ? 'MapIterationSucceeded'
                  : status === 'failed'
                    ? 'MapIterationFailed'
                    : 'MapIterationAborted',
                { name: run.name, index: i },
              );
            },
          },
        ),
      tolerate,
    );
    results = all.results.map((r) => (r instanceof StatesError ? errorOutput(r) : r));
  } catch (e) {
    if (e instanceof StatesError) {
      if (distributed) {
        const err = new StatesError(
          'States.ExceedToleratedFailureThreshold',
          'The specified tolerated failure threshold was exceeded',
        );
        ctx.emit(activity, 'MapRunFailed', { error: err.error, cause: err.cause });
        throw err;
      }
    }
    throw e;
  }
  if (distributed) ctx.emit(activity, 'MapRunSucceeded');
  ctx.emit(activity, 'MapStateSucceeded');
  const writer = def.ResultWriter as Record<string, unknown> | undefined;
  if (writer && typeof writer === 'object' && ctx.host.writeFile) {
    const params = payloadTemplate(
      writer.Parameters ?? writer.Arguments ?? {},
      ctx.dataEnv(run, input),
    ) as Record<string, unknown>;
    const folder = [params.Bucket, params.Prefix]
      .filter((p) => typeof p === 'string' && p.length > 0)
      .join('/');
    const file = `${folder || '.'}/${run.name}-results.json`;
    await ctx.outside(activity.scope, () => ctx.host.writeFile!(file, JSON.stringify(results, null, 2)));
    return finish(ctx, run, { ResultWriterDetails: { Bucket: params.Bucket, Key: file } });
  }
  return finish(ctx, run, results);
}
