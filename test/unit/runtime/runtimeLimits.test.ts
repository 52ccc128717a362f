/**
 * Runtime limits that protect the host: values too deep for JSON text fail with States.Runtime (never a
 * RangeError), the 256 KiB payload quota, and the bound on branches/iterations in flight at once. Virtual clock.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createExecution, type TaskAnswer } from '../../../server/src/runtime';
import { MAX_IN_FLIGHT } from '../../../server/src/runtime/parallelAndMap';
import { run, testHost, types } from './runtimeTestHost';

function deepArray(depth: number): unknown {
  let value: unknown = [];
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

test('a state output too deep for JSON text fails the state with States.Runtime (Catch does not apply)', async () => {
  const r = await run({
    StartAt: 'Deep',
    States: {
      Deep: {
        Type: 'Pass',
        Result: deepArray(100_000),
        Next: 'After',
      },
      After: { Type: 'Pass', End: true },
    },
  });
  assert.equal(r.status, 'FAILED');
  assert.equal(r.error, 'States.Runtime');
  assert.match(
    r.cause ?? '',
    /^An error occurred while executing the state 'Deep' \(entered at the event id #2\)\. The state output cannot be written as JSON text: it is nested too deeply/,
  );
  assert.deepEqual(types(r), ['ExecutionStarted', 'PassStateEntered', 'ExecutionFailed']);
});

test('state and execution payloads: history texts match the values; over 256 KiB fails with DataLimitExceeded', async () => {
  const ok = await run(
    {
      StartAt: 'A',
      States: {
        A: { Type: 'Pass', Parameters: { 'v.$': '$.v', s: 'é' }, Next: 'B' },
        B: { Type: 'Pass', End: true },
      },
    },
    { v: [1, 'x'] },
  );
  assert.equal(ok.status, 'SUCCEEDED');
  const texts = ok.history.map((e) => {
    const d = (e.stateEnteredEventDetails ??
      e.stateExitedEventDetails ??
      e.executionStartedEventDetails ??
      e.executionSucceededEventDetails) as { input?: string; output?: string };
    return d.input ?? d.output;
  });
  const out = JSON.stringify({ v: [1, 'x'], s: 'é' });
  assert.deepEqual(texts, ['{"v":[1,"x"]}', '{"v":[1,"x"]}', out, out, out, out]);

  // 'é' is two bytes: 131,072 of them (plus the quotes) are over 262,144 bytes though under 262,144 characters.
  const big = await run({
    StartAt: 'A',
    States: { A: { Type: 'Pass', Result: 'é'.repeat(131_072), End: true } },
  });
  assert.equal(big.status, 'FAILED');
  assert.equal(big.error, 'States.DataLimitExceeded');
  const fits = await run({
    StartAt: 'A',
    States: { A: { Type: 'Pass', Result: 'é'.repeat(131_070), End: true } },
  });
  assert.equal(fits.status, 'SUCCEEDED');
});

test(`a Map without MaxConcurrency runs at most ${MAX_IN_FLIGHT.toLocaleString('en-US')} iterations at once`, async () => {
  const count = MAX_IN_FLIGHT + 3;
  let inFlight = 0;
  let maxInFlight = 0;
  let calls = 0;
  const execution = createExecution({
    definition: {
      StartAt: 'Each',
      States: {
        Each: {
          Type: 'Map',
          ItemProcessor: {
            ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'EXPRESS' },
            StartAt: 'T',
            States: { T: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:1:function:f', End: true } },
          },
          End: true,
        },
      },
    },
    input: Array.from({ length: count }, (_, i) => i),
    host: testHost({
      invokeTask: async (): Promise<TaskAnswer> => {
        calls++;
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        // The handler answers on a later macrotask, so every iteration that can start has started by then.
        await new Promise<void>((resolve) => setImmediate(resolve));
        inFlight--;
        return { kind: 'success', output: 0 };
      },
    }),
  });
  const result = await execution.start();
  assert.equal(result.status, 'SUCCEEDED');
  assert.equal(calls, count);
  assert.equal((result.output as unknown[]).length, count);
  assert.equal(maxInFlight, MAX_IN_FLIGHT);
});

test('a "__proto__" key in Parameters, JSONata Output and Assign stays an own data field', async () => {
  const jsonPath = await run(
    JSON.parse(
      '{"StartAt":"A","States":{"A":{"Type":"Pass","Parameters":{"__proto__":{"x":1},"p.$":"$.v"},"End":true}}}',
    ) as unknown,
    { v: 2 },
  );
  assert.deepEqual(Object.keys(jsonPath.output as object), ['__proto__', 'p']);
  assert.equal(Object.getPrototypeOf(jsonPath.output), Object.prototype);
  const jsonata = await run(
    JSON.parse(
      '{"QueryLanguage":"JSONata","StartAt":"A","States":{"A":{"Type":"Pass","Assign":{"v":{"__proto__":"{% 1 %}"}},"Output":{"__proto__":{"x":1},"k":"{% 1 %}"},"Next":"B"},"B":{"Type":"Pass","Output":"{% $v %}","End":true}}}',
    ) as unknown,
  );
  assert.equal(jsonata.status, 'SUCCEEDED');
  assert.deepEqual(Object.keys(jsonata.output as object), ['__proto__']);
  assert.equal(Object.getOwnPropertyDescriptor(jsonata.output, '__proto__')?.value, 1);
  assert.equal(({} as { x?: unknown }).x, undefined);
});
