/**
 * Deterministic generator of large, valid ASL documents for the benchmarks (and its unit test): a chain of
 * Pass/Task/Choice states in JSONPath and JSONata, nested Map and Parallel states, padded with Comments to
 * a target size. Same options -> byte-identical text. Bench-only; depends on nothing.
 */

export interface GenerateOptions {
  /** Total number of states, nested ones included. */
  states: number;
  /** Approximate size of the pretty-printed text in bytes (Comment padding; never trims). */
  targetBytes: number;
  /** PRNG seed (default 7). */
  seed?: number;
}

type Json = Record<string, unknown>;

/** mulberry32: a tiny deterministic PRNG. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const words = ['order', 'payment', 'invoice', 'customer', 'shipment', 'audit', 'ledger', 'refund', 'notify'];

const pad4 = (n: number): string => String(n).padStart(4, '0');

function passJsonPath(i: number, next: string | undefined): Json {
  return {
    Type: 'Pass',
    Parameters: { 'n.$': '$.n', 'id.$': "States.Format('item-{}', $.n)", 'items.$': '$.items', step: i },
    ResultPath: '$.pass',
    ...end(next),
  };
}

/** A JSONata Pass; top-level ones assign `$seen` (and read the previous assignment when there was one). */
function passJsonata(i: number, next: string | undefined, variable?: 'assign' | 'assignAndRead'): Json {
  const prev = variable === 'assignAndRead' ? ", 'prev': $seen" : '';
  return {
    Type: 'Pass',
    QueryLanguage: 'JSONata',
    ...(variable ? { Assign: { seen: '{% $states.input.n %}' } } : {}),
    Output: `{% $merge([$states.input, {'n': $states.input.n + 1, 'step': ${i}${prev}}]) %}`,
    ...end(next),
  };
}

function taskJsonPath(i: number, next: string, word: string): Json {
  return {
    Type: 'Task',
    Resource: 'arn:aws:states:::lambda:invoke',
    Parameters: {
      FunctionName: `arn:aws:lambda:us-east-1:123456789012:function:${word}-${i}`,
      'Payload.$': '$',
    },
    ResultSelector: { 'body.$': '$.Payload' },
    ResultPath: '$.task',
    Retry: [{ ErrorEquals: ['States.TaskFailed'], IntervalSeconds: 1, MaxAttempts: 2, BackoffRate: 2 }],
    Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: next }],
    Next: next,
  };
}

function taskJsonata(i: number, next: string, word: string): Json {
  return {
    Type: 'Task',
    QueryLanguage: 'JSONata',
    Resource: 'arn:aws:states:::lambda:invoke',
    Arguments: {
      FunctionName: `arn:aws:lambda:us-east-1:123456789012:function:${word}-${i}`,
      Payload: '{% $states.input %}',
    },
    Output: "{% $merge([$states.input, {'task': $states.result.Payload}]) %}",
    Retry: [{ ErrorEquals: ['States.Timeout'], MaxAttempts: 1 }],
    Next: next,
  };
}

function choiceJsonPath(next: string): Json {
  return {
    Type: 'Choice',
    Choices: [
      { Variable: '$.n', NumericGreaterThan: 5, Next: next },
      {
        And: [
          { Variable: '$.id', IsPresent: true },
          { Variable: '$.id', StringMatches: 'item-*' },
        ],
        Next: next,
      },
    ],
    Default: next,
  };
}

function choiceJsonata(next: string): Json {
  return {
    Type: 'Choice',
    QueryLanguage: 'JSONata',
    Choices: [{ Condition: '{% $states.input.n > 5 and $exists($states.input.items) %}', Next: next }],
    Default: next,
  };
}

function end(next: string | undefined): Json {
  return next === undefined ? { End: true } : { Next: next };
}

/** Builds the generated document as a plain object (before padding). */
function buildDefinition(options: GenerateOptions, padPerState: number): Json {
  const random = prng(options.seed ?? 7);
  let counter = 0;
  const name = (kind: string): string => `S${pad4(counter++)}_${kind}`;
  const padding = (i: number): string => {
    if (padPerState <= 0) return '';
    let text = '';
    while (text.length < padPerState) text += `${words[(i + text.length) % words.length]} `;
    return text.slice(0, padPerState);
  };

  /** A flat chain of `count` simple states (used inside Map/Parallel). */
  const simpleChain = (count: number): { startAt: string; states: Json } => {
    const names = Array.from({ length: count }, (_, k) => name(k % 2 === 0 ? 'InnerPass' : 'InnerJsonata'));
    const states: Json = {};
    names.forEach((n, k) => {
      const next = names[k + 1];
      states[n] = k % 2 === 0 ? passJsonPath(k, next) : passJsonata(k, next);
    });
    return { startAt: names[0], states };
  };

  const top: Array<[string, Json]> = [];
  // Each unit: [kind, states it consumes].
  const units: Array<[string, number]> = [
    ['Pass', 1],
    ['PassJsonata', 1],
    ['Task', 1],
    ['TaskJsonata', 1],
    ['Choice', 1],
    ['ChoiceJsonata', 1],
    ['Map', 4],
    ['Parallel', 5],
  ];
  let remaining = options.states - 1; // the final Succeed
  const pending: Array<{ kind: string }> = [];
  while (remaining > 0) {
    let [kind, size] = units[Math.floor(random() * units.length)];
    if (size > remaining) [kind, size] = units[0];
    pending.push({ kind });
    remaining -= size;
  }
  // Names are assigned in document order, so the chain reads S0000, S0001, ...
  const built: Array<{ stateName: string; make: (next: string) => Json }> = [];
  let assigned = false;
  pending.forEach((p, idx) => {
    const word = words[idx % words.length];
    const stateName = name(p.kind);
    switch (p.kind) {
      case 'Pass':
        built.push({ stateName, make: (next) => passJsonPath(idx, next) });
        break;
      case 'PassJsonata': {
        const mode = assigned ? 'assignAndRead' : 'assign';
        assigned = true;
        built.push({ stateName, make: (next) => passJsonata(idx, next, mode) });
        break;
      }
      case 'Task':
        built.push({ stateName, make: (next) => taskJsonPath(idx, next, word) });
        break;
      case 'TaskJsonata':
        built.push({ stateName, make: (next) => taskJsonata(idx, next, word) });
        break;
      case 'Choice':
        built.push({ stateName, make: (next) => choiceJsonPath(next) });
        break;
      case 'ChoiceJsonata':
        built.push({ stateName, make: (next) => choiceJsonata(next) });
        break;
      case 'Map': {
        const inner = simpleChain(3);
        built.push({
          stateName,
          make: (next) => ({
            Type: 'Map',
            ItemsPath: '$.items',
            MaxConcurrency: 4,
            ItemProcessor: {
              ProcessorConfig: { Mode: 'INLINE' },
              StartAt: inner.startAt,
              States: inner.states,
            },
            ResultPath: '$.mapped',
            Next: next,
          }),
        });
        break;
      }
      default: {
        const a = simpleChain(2);
        const b = simpleChain(2);
        built.push({
          stateName,
          make: (next) => ({
            Type: 'Parallel',
            Branches: [
              { StartAt: a.startAt, States: a.states },
              { StartAt: b.startAt, States: b.states },
            ],
            ResultPath: '$.parallel',
            Next: next,
          }),
        });
      }
    }
  });
  const doneName = name('Done');
  built.forEach((b, k) => {
    const state = b.make(built[k + 1]?.stateName ?? doneName);
    const comment = padding(k);
    top.push([b.stateName, comment ? { Comment: comment, ...state } : state]);
  });
  top.push([doneName, { Type: 'Succeed' }]);
  return {
    Comment: `Generated benchmark workflow: ${options.states} states`,
    QueryLanguage: 'JSONPath',
    StartAt: top[0][0],
    States: Object.fromEntries(top),
  };
}

/** Pretty-printed (2 spaces), or one top-level state per line when pretty printing would exceed the target. */
function render(definition: Json, layout: 'pretty' | 'statePerLine'): string {
  if (layout === 'pretty') return JSON.stringify(definition, null, 2);
  const { States: states, ...head } = definition;
  const lines = Object.entries(head).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)},`);
  const entries = Object.entries(states as Json).map(
    ([k, v]) => `    ${JSON.stringify(k)}: ${JSON.stringify(v)}`,
  );
  return `{\n${lines.join('\n')}\n  "States": {\n${entries.join(',\n')}\n  }\n}`;
}

/** A valid ASL document with exactly `options.states` states, about `options.targetBytes` long. */
export function generateLargeDefinition(options: GenerateOptions): string {
  const plain = buildDefinition(options, 0);
  const layout = JSON.stringify(plain, null, 2).length <= options.targetBytes ? 'pretty' : 'statePerLine';
  const unpadded = render(plain, layout);
  const topLevel = Object.keys(plain.States as Json).length - 1;
  // Each padded state gains `"Comment": "<pad>",` (~16 bytes of syntax besides the padding).
  const deficit = options.targetBytes - unpadded.length;
  const perState = deficit > 0 ? Math.max(0, Math.floor(deficit / topLevel) - 16) : 0;
  return render(buildDefinition(options, perState), layout);
}
