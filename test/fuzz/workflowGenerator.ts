/**
 * Random valid workflows for the runtime fuzzer: every state type, JSONPath and JSONata, nested Parallel
 * and Map, Retry/Catch, mocked task answers (returns and throws), random inputs and rare endless loops.
 * Produces plain JSON only. Test support only: depends on ./prng.
 */
import type { MockTestCase, MockedResponseSequence } from '../../server/src/runtime/executionApi';
import type { Rng } from './prng';

export interface GeneratedWorkflow {
  definition: Record<string, unknown>;
  input: unknown;
  mocks: MockTestCase;
  type: 'STANDARD' | 'EXPRESS';
  /** Error names the workflow itself can raise (Fail states, mocked throws). */
  customErrors: string[];
  /** True when the workflow contains an unguarded loop (must stop at the history limit or a timeout). */
  loops: boolean;
}

const CUSTOM_ERRORS = [
  'Custom.Error',
  'Lambda.ServiceException',
  'MyError',
  'States.TaskFailed',
  'States.Timeout',
];

interface Ctx {
  rng: Rng;
  jsonata: boolean;
  counter: number;
  mocks: MockTestCase;
  customErrors: Set<string>;
  loops: boolean;
}

export function randomJson(rng: Rng, depth = 0): unknown {
  const roll = rng.next();
  if (depth > 3 || roll < 0.3) return rng.pick([0, 1, -7, 3.5, 1e21, 'x', '', 'héllo', true, false, null]);
  if (roll < 0.6) return Array.from({ length: rng.int(0, 4) }, () => randomJson(rng, depth + 1));
  const out: Record<string, unknown> = {};
  for (let i = rng.int(0, 4); i > 0; i--) {
    out[rng.pick(['a', 'b', 'items', 'k', 'nested'])] = randomJson(rng, depth + 1);
  }
  return out;
}

export function randomInput(rng: Rng): unknown {
  const input: Record<string, unknown> = {
    a: rng.int(-20, 20),
    b: rng.pick(['s', 'long '.repeat(20), '', '{}']),
    items: Array.from({ length: rng.int(0, 5) }, (_, i) =>
      rng.chance(0.5) ? i : { v: i, extra: randomJson(rng, 2) },
    ),
    nested: randomJson(rng, 1),
  };
  if (rng.chance(0.1)) {
    Object.defineProperty(input, '__proto__', { value: { polluted: true }, enumerable: true });
  }
  return input;
}

function mockSequence(ctx: Ctx): MockedResponseSequence {
  const { rng } = ctx;
  const seq: MockedResponseSequence = {};
  const length = rng.int(1, 3);
  for (let i = 0; i < length; i++) {
    if (rng.chance(0.35)) {
      const error = rng.pick(CUSTOM_ERRORS);
      ctx.customErrors.add(error);
      seq[String(i)] = { Throw: { Error: error, Cause: rng.pick(['boom', '', 'x'.repeat(300)]) } };
    } else {
      seq[String(i)] = {
        Return: rng.chance(0.2) ? randomJson(rng) : { ok: true, n: rng.int(0, 9), data: randomJson(rng, 2) },
      };
    }
  }
  // Later invocations (retries, loops, Map iterations) return a value.
  seq[`${length}-100000`] = { Return: { ok: true } };
  return seq;
}

function retryAndCatch(ctx: Ctx, state: Record<string, unknown>, later: string[]): void {
  const { rng } = ctx;
  if (rng.chance(0.4)) {
    state.Retry = [
      {
        ErrorEquals: [rng.pick(['States.ALL', 'Custom.Error', 'States.TaskFailed'])],
        IntervalSeconds: rng.int(1, 5),
        MaxAttempts: rng.int(0, 3),
        BackoffRate: rng.pick([1, 2, 1.5]),
        ...(rng.chance(0.3) ? { JitterStrategy: 'FULL', MaxDelaySeconds: 10 } : {}),
      },
    ];
  }
  if (later.length > 0 && rng.chance(0.4)) {
    state.Catch = [
      {
        ErrorEquals: ['States.ALL'],
        Next: rng.pick(later),
        ...(ctx.jsonata ? {} : { ResultPath: rng.pick(['$.error', null, '$']) }),
      },
    ];
  }
}

function dataFields(ctx: Ctx, state: Record<string, unknown>, allowOutput = true): void {
  const { rng } = ctx;
  if (ctx.jsonata) {
    if (allowOutput && rng.chance(0.4)) {
      state.Output = rng.pick([
        '{% $states.input %}',
        '{% $merge([$states.input, {"t": $now()}]) %}',
        '{% $states.input.a ? {"a": $states.input.a + 1} : {"a": 0} %}',
        '{% $error("Boom", "explicit") %}',
        '{% $states.input.items[0] %}',
        '{% {"__proto__": {"polluted": true}, "v": 1} %}',
        '{% ($g := $states.input.__proto__.__defineGetter__("polluted", function(){1}); $states.input) %}',
        '{% $lookup($states.input, "constructor") %}',
      ]);
    }
    if (rng.chance(0.3)) state.Assign = { v: '{% $states.input.a %}', w: rng.pick(['lit', '{% $uuid() %}']) };
    return;
  }
  if (rng.chance(0.2)) state.InputPath = rng.pick(['$', '$.nested', '$.missing']);
  if (allowOutput && rng.chance(0.3)) state.ResultPath = rng.pick(['$.r', '$', null, '$.a.b']);
  if (allowOutput && rng.chance(0.2)) state.OutputPath = rng.pick(['$', '$.r', '$.items[0]']);
  if (rng.chance(0.2)) state.Assign = { 'v.$': '$.a', w: 'lit' };
}

function parameters(ctx: Ctx): Record<string, unknown> {
  const { rng } = ctx;
  return ctx.jsonata
    ? { Arguments: rng.pick(['{% $states.input %}', { x: '{% $states.input.a %}', c: 1 }, '{% $v %}']) }
    : {
        Parameters: rng.pick([
          { 'a.$': '$.a', 'n.$': 'States.MathAdd(3, 1)' },
          { 'f.$': "States.Format('v={}', $.b)", 'ctx.$': '$$.State.Name' },
          { 'arr.$': 'States.ArrayLength($.items)', 'h.$': "States.Hash($.b, 'SHA-256')" },
          { 'x.$': '$.missing' },
          { 'j.$': 'States.StringToJson($.b)' },
        ]),
      };
}

function scope(ctx: Ctx, depth: number, size: number): Record<string, unknown> {
  const { rng } = ctx;
  const names = Array.from({ length: size }, () => `S${ctx.counter++}`);
  const states: Record<string, unknown> = {};
  names.forEach((name, i) => {
    const later = names.slice(i + 1);
    const next = (state: Record<string, unknown>): Record<string, unknown> => {
      if (later.length === 0) state.End = true;
      else state.Next = rng.pick(later.slice(0, 3));
      return state;
    };
    const kinds = ['Pass', 'Task', 'Task', 'Choice', 'Wait', 'Succeed', 'Fail', 'Parallel', 'Map'];
    let kind = i === names.length - 1 && rng.chance(0.5) ? 'Pass' : rng.pick(kinds);
    if (depth >= 2 && (kind === 'Parallel' || kind === 'Map')) kind = 'Pass';
    if (kind === 'Choice' && later.length === 0) kind = 'Succeed';
    const s: Record<string, unknown> = { Type: kind };
    switch (kind) {
      case 'Pass':
        if (rng.chance(0.3)) {
          s[ctx.jsonata ? 'Output' : 'Result'] = ctx.jsonata ? '{% {"p": 1} %}' : randomJson(rng);
        }
        if (!ctx.jsonata && rng.chance(0.2)) Object.assign(s, parameters(ctx));
        dataFields(ctx, s, !ctx.jsonata || !('Output' in s));
        next(s);
        break;
      case 'Task':
        s.Resource = rng.pick([
          'arn:aws:states:::lambda:invoke',
          'arn:aws:lambda:us-east-1:123456789012:function:f',
          'arn:aws:states:::dynamodb:putItem',
          'arn:aws:states:::sqs:sendMessage.waitForTaskToken',
        ]);
        Object.assign(s, parameters(ctx));
        if (rng.chance(0.2)) s.TimeoutSeconds = rng.int(1, 60);
        dataFields(ctx, s);
        if (!ctx.jsonata && rng.chance(0.2)) s.ResultSelector = { 'p.$': '$' };
        retryAndCatch(ctx, s, later);
        if (rng.chance(0.9)) ctx.mocks[name] = mockSequence(ctx);
        next(s);
        break;
      case 'Choice': {
        const target = (): string =>
          rng.chance(0.03) && depth === 0 ? ((ctx.loops = true), names[0]) : rng.pick(later);
        s.Choices = ctx.jsonata
          ? [
              {
                Condition: rng.pick([
                  '{% $states.input.a > 0 %}',
                  '{% $exists($states.input.b) %}',
                  '{% $states.input %}',
                ]),
                Next: target(),
              },
            ]
          : [
              { Variable: '$.a', NumericGreaterThan: rng.int(-5, 5), Next: target() },
              {
                And: [
                  { Variable: '$.b', IsPresent: true },
                  { Variable: '$.b', StringMatches: '*s*' },
                ],
                Next: target(),
              },
            ];
        if (rng.chance(0.85)) s.Default = target();
        break;
      }
      case 'Wait':
        if (ctx.jsonata) s.Seconds = rng.pick([0, 5, 86_400 * 30, '{% 10 %}']);
        else s[rng.pick(['Seconds', 'SecondsPath', 'Timestamp'])] = rng.pick([3]);
        if ('SecondsPath' in s) s.SecondsPath = '$.a';
        if ('Timestamp' in s) s.Timestamp = '2030-01-01T00:00:00Z';
        next(s);
        break;
      case 'Succeed':
        break;
      case 'Fail': {
        const error = rng.pick(CUSTOM_ERRORS);
        ctx.customErrors.add(error);
        s.Error = error;
        if (rng.chance(0.7)) s.Cause = 'generated failure';
        break;
      }
      case 'Parallel':
        s.Branches = Array.from({ length: rng.int(1, 3) }, () => scope(ctx, depth + 1, rng.int(1, 3)));
        dataFields(ctx, s);
        retryAndCatch(ctx, s, later);
        next(s);
        break;
      case 'Map':
        if (ctx.jsonata) {
          s.Items = rng.pick(['{% $states.input.items %}', '{% [1,2,3] %}', '{% $states.input.a %}']);
        } else s.ItemsPath = rng.pick(['$.items', '$.items', '$.a']);
        s.ItemProcessor = { ProcessorConfig: { Mode: 'INLINE' }, ...scope(ctx, depth + 1, rng.int(1, 3)) };
        if (rng.chance(0.4)) s.MaxConcurrency = rng.int(0, 3);
        if (rng.chance(0.3)) s.ToleratedFailurePercentage = rng.int(0, 100);
        dataFields(ctx, s);
        retryAndCatch(ctx, s, later);
        next(s);
        break;
    }
    states[name] = s;
  });
  return { StartAt: names[0], States: states };
}

/** One random, schema-valid workflow with its input and mocks. */
export function generateWorkflow(rng: Rng): GeneratedWorkflow {
  const ctx: Ctx = {
    rng,
    jsonata: rng.chance(0.5),
    counter: 0,
    mocks: {},
    customErrors: new Set(),
    loops: false,
  };
  const definition = scope(ctx, 0, rng.int(2, 8));
  if (ctx.jsonata) definition.QueryLanguage = 'JSONata';
  if (rng.chance(0.2)) definition.TimeoutSeconds = rng.int(1, 3600);
  return {
    definition,
    input: randomInput(rng),
    mocks: ctx.mocks,
    // An endless EXPRESS loop has no event cap and, with a virtual clock, no time passing: STANDARD only.
    type: ctx.loops || rng.chance(0.8) ? 'STANDARD' : 'EXPRESS',
    customErrors: [...ctx.customErrors],
    loops: ctx.loops,
  };
}
