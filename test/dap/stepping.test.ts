import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import {
  collectEvents,
  collectOutput,
  dapFixture,
  eventually,
  lineOf,
  nextStop,
  startDebugging,
  whereStopped,
  withDap,
} from './dapTestHarness';

const orders = dapFixture('orders.asl.json');
const ordersText = fs.readFileSync(orders, 'utf8');
const nested = dapFixture('nested.asl.json');
const nestedText = fs.readFileSync(nested, 'utf8');
const T = { timeout: 60_000 };

function ordersArgs(testCase = 'HappyPath', extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    program: orders,
    inputFile: 'orders.input.json',
    mockConfig: 'orders.mocks.json',
    testCase,
    ...extra,
  };
}

test('stop on entry, then step over state by state (a Map counts as one step) to the end', T, async () => {
  await withDap(async (client) => {
    const entry = nextStop(client);
    await startDebugging(client, ordersArgs('HappyPath', { stopOnEntry: true }));
    const first = await entry;
    assert.equal(first.reason, 'entry');
    const at = await whereStopped(client, first);
    assert.match(at.thread, /^Execution "/);
    assert.equal(at.frame, 'Init');
    assert.equal(at.line, lineOf(ordersText, '"Init": {'));

    const visited: string[] = ['Init'];
    const terminated = client.waitForEvent('terminated', 30_000).then(() => undefined);
    for (;;) {
      const stop = nextStop(client);
      await client.nextRequest({ threadId: first.threadId });
      const next = await Promise.race([stop, terminated]);
      if (!next) break;
      assert.equal(next.reason, 'step');
      visited.push((await whereStopped(client, next)).frame);
    }
    assert.deepEqual(visited, ['Init', 'Charge', 'Ship', 'Remember', 'Done']);
  });
});

test(
  'step into a Map enters iteration 0; the stack shows execution -> Map iteration -> state; step out leaves the Map',
  T,
  async () => {
    await withDap(async (client) => {
      const shipLine = lineOf(ordersText, '"Ship": {');
      const hit = nextStop(client);
      await startDebugging(client, ordersArgs(), () =>
        client.setBreakpointsRequest({ source: { path: orders }, breakpoints: [{ line: shipLine }] }),
      );
      const atShip = await hit;
      assert.equal(atShip.reason, 'breakpoint');
      assert.equal((await whereStopped(client, atShip)).frame, 'Ship');

      const inside = nextStop(client);
      await client.stepInRequest({ threadId: atShip.threadId });
      const pack = await inside;
      assert.equal(pack.reason, 'step');
      const where = await whereStopped(client, pack);
      assert.equal(where.thread, 'Map "Ship" iteration 0');
      assert.equal(where.stack[0], 'Pack');
      assert.equal(where.stack[1], 'Map "Ship" iteration 0');
      assert.match(where.stack[2], /^Execution "/);
      assert.notEqual(pack.threadId, atShip.threadId);

      const out = nextStop(client);
      await client.stepOutRequest({ threadId: pack.threadId });
      const after = await out;
      assert.equal(after.reason, 'step');
      assert.equal((await whereStopped(client, after)).frame, 'Remember');
      const terminated = client.waitForEvent('terminated');
      await client.continueRequest({ threadId: after.threadId });
      await terminated;
    });
  },
);

test(
  'a breakpoint inside a Map inside a Parallel branch hits in every iteration, on its own thread',
  T,
  async () => {
    await withDap(async (client) => {
      const stops = collectEvents<{ reason: string; threadId: number }>(client, 'stopped');
      const seen: Array<{ thread: string; stack: string[]; input: string }> = [];
      const bps = {
        source: { path: nested },
        breakpoints: [
          { line: lineOf(nestedText, '"Output": "{% $states.input * 2 %}"') },
          { line: lineOf(nestedText, '"Result": "left done"') },
        ],
      };
      const first = nextStop(client);
      await startDebugging(client, { program: nested }, () => client.setBreakpointsRequest(bps));
      let stop: Awaited<typeof first> | undefined = await first;
      const terminated = client.waitForEvent('terminated', 20_000);
      while (stop) {
        assert.equal(stop.reason, 'breakpoint');
        const where = await whereStopped(client, stop);
        const frames = (await client.stackTraceRequest({ threadId: stop.threadId })).body.stackFrames;
        const scopes = (await client.scopesRequest({ frameId: frames[0].id })).body.scopes;
        const input = scopes.find((s) => s.name === 'Input')!;
        const vars = (await client.variablesRequest({ variablesReference: input.variablesReference })).body
          .variables;
        seen.push({ thread: where.thread, stack: where.stack, input: vars.map((v) => v.value).join(',') });
        const count = stops.length;
        await client.continueRequest({ threadId: stop.threadId });
        stop = await Promise.race([
          eventually(client, 'stopped', stops, (s) => s.length > count).then(() => stops[stops.length - 1]),
          terminated.then(() => undefined),
        ]);
      }
      const doubles = seen.filter((s) => s.stack[0] === 'Double');
      assert.deepEqual(doubles.map((s) => s.thread).sort(), [
        'Map "Each item" iteration 0',
        'Map "Each item" iteration 1',
        'Map "Each item" iteration 2',
      ]);
      assert.deepEqual(doubles.map((s) => s.input).sort(), ['1', '2', '3']);
      assert.deepEqual(doubles[0].stack.slice(1, 3), [doubles[0].thread, 'Parallel "Fan out" branch 2']);
      const left = seen.filter((s) => s.stack[0] === 'Left');
      assert.equal(left.length, 1);
      assert.equal(left[0].thread, 'Parallel "Fan out" branch 1');
    });
  },
);

async function doubleInputsHit(
  breakpoint: Record<string, unknown>,
): Promise<{ inputs: string[]; output: string[] }> {
  return withDap(async (client) => {
    const output = collectOutput(client);
    const stops = collectEvents<{ threadId: number }>(client, 'stopped');
    const inputs: string[] = [];
    const line = lineOf(nestedText, '"Output": "{% $states.input * 2 %}"');
    const terminated = client.waitForEvent('terminated', 20_000).then(() => undefined);
    await startDebugging(client, { program: nested }, () =>
      client.setBreakpointsRequest({ source: { path: nested }, breakpoints: [{ line, ...breakpoint }] }),
    );
    for (;;) {
      const count = inputs.length;
      const stopped = await Promise.race([
        eventually(client, 'stopped', stops, (s) => s.length > count).then(() => true),
        terminated,
      ]);
      if (!stopped) break;
      const stop = stops[count];
      const value = await client.evaluateRequest({
        expression: '$states.input',
        frameId: (await client.stackTraceRequest({ threadId: stop.threadId })).body.stackFrames[0].id,
        context: 'watch',
      });
      inputs.push(value.body.result);
      await client.continueRequest({ threadId: stop.threadId });
    }
    return { inputs, output };
  });
}

test('conditional breakpoints: a JSONata condition over $states.input', T, async () => {
  assert.deepEqual((await doubleInputsHit({ condition: '$states.input = 2' })).inputs, ['2']);
  assert.deepEqual((await doubleInputsHit({ condition: '$states.input > 1' })).inputs.sort(), ['2', '3']);
});

test('conditions see $states.context; a failing condition reports and stops', T, async () => {
  const byContext = await doubleInputsHit({
    condition: "$states.context.State.Name = 'Double' and $states.input >= 3",
  });
  assert.deepEqual(byContext.inputs, ['3']);
  const failing = await doubleInputsHit({ condition: '$states.input.(' });
  assert.equal(failing.inputs.length, 3);
  assert.ok(
    failing.output.some((l) => l.startsWith("Breakpoint condition '$states.input.(' failed:")),
    failing.output.join(''),
  );
});

test('hit counts and logpoints', T, async () => {
  assert.deepEqual((await doubleInputsHit({ hitCondition: '%2' })).inputs, ['2']);
  assert.equal((await doubleInputsHit({ hitCondition: '>=2' })).inputs.length, 2);
  assert.equal((await doubleInputsHit({ hitCondition: '3' })).inputs.length, 1);
  const logged = await doubleInputsHit({
    logMessage: 'doubling {$states.input} in {$states.context.State.Name}',
  });
  assert.deepEqual(logged.inputs, []);
  const lines = logged.output.filter((l) => l.startsWith('doubling'));
  assert.deepEqual(lines.map((l) => l.trim()).sort(), [
    'doubling 1 in Double',
    'doubling 2 in Double',
    'doubling 3 in Double',
  ]);
});

test(
  'caught-error exception breakpoint narrowed by error name; exceptionInfo names the error',
  T,
  async () => {
    await withDap(async (client) => {
      const stop = nextStop(client);
      await startDebugging(client, ordersArgs('Throttled'), () =>
        client.setExceptionBreakpointsRequest({
          filters: [],
          filterOptions: [{ filterId: 'caught', condition: 'Lambda.TooManyRequestsException' }],
        }),
      );
      const caught = await stop;
      assert.equal(caught.reason, 'exception');
      const info = await client.exceptionInfoRequest({ threadId: caught.threadId });
      assert.equal(info.body.exceptionId, 'Lambda.TooManyRequestsException');
      assert.match(info.body.description ?? '', /Rate exceeded/);
      const terminated = client.waitForEvent('terminated');
      await client.continueRequest({ threadId: caught.threadId });
      await terminated;
    });
    await withDap(async (client) => {
      // Only States.Timeout is watched: the declined card (caught by Catch) does not stop.
      const stops = collectEvents(client, 'stopped');
      const terminated = client.waitForEvent('terminated');
      await startDebugging(client, ordersArgs('Declined'), () =>
        client.setExceptionBreakpointsRequest({
          filters: [],
          filterOptions: [{ filterId: 'caught', condition: 'States.Timeout' }],
        }),
      );
      await terminated;
      assert.equal(stops.length, 0);
    });
  },
);

test(
  'uncaught-error exception breakpoint pauses when the execution fails, before it terminates',
  T,
  async () => {
    await withDap(async (client) => {
      const output = collectOutput(client);
      const stop = nextStop(client);
      await startDebugging(client, ordersArgs('Declined'), () =>
        client.setExceptionBreakpointsRequest({ filters: ['uncaught'] }),
      );
      const failed = await stop;
      assert.equal(failed.reason, 'exception');
      const info = await client.exceptionInfoRequest({ threadId: failed.threadId });
      assert.equal(info.body.exceptionId, 'PaymentDeclined');
      assert.equal(info.body.breakMode, 'unhandled');
      const terminated = client.waitForEvent('terminated');
      await client.continueRequest({ threadId: failed.threadId });
      await terminated;
      assert.ok(
        output.some((l) => /Execution failed: PaymentDeclined/.test(l)),
        output.join(''),
      );
    });
  },
);

test('pause takes effect at the next state any thread enters', T, async () => {
  await withDap(async (client) => {
    const pending = collectEvents<{ taskToken: string; stateName: string }>(client, 'pendingTask');
    await startDebugging(client, { program: dapFixture('waiting.asl.json'), input: { orderId: 'o-1' } });
    await eventually(client, 'pendingTask', pending, (p) => p.length === 2);
    await client.pauseRequest({ threadId: 1 });
    const stop = nextStop(client);
    for (const task of pending) {
      await client.customRequest('sendTaskSuccess', {
        taskToken: task.taskToken,
        output: { state: task.stateName },
      });
    }
    const paused = await stop;
    assert.equal(paused.reason, 'pause');
    assert.equal((await whereStopped(client, paused)).frame, 'After');
    const terminated = client.waitForEvent('terminated');
    await client.continueRequest({ threadId: paused.threadId });
    await terminated;
  });
});

test('restart runs the program again from the start; terminate ends it', T, async () => {
  await withDap(async (client) => {
    const entry = nextStop(client);
    await startDebugging(client, ordersArgs('HappyPath', { stopOnEntry: true }));
    const first = await entry;
    const step = nextStop(client);
    await client.nextRequest({ threadId: first.threadId });
    assert.equal((await whereStopped(client, await step)).frame, 'Charge');
    const again = nextStop(client);
    await client.customRequest('restart', { arguments: ordersArgs('HappyPath', { stopOnEntry: true }) });
    const restarted = await again;
    assert.equal(restarted.reason, 'entry');
    assert.equal((await whereStopped(client, restarted)).frame, 'Init');
    const terminated = client.waitForEvent('terminated');
    await client.terminateRequest({});
    await terminated;
  });
});

test('run without debugging ignores breakpoints and runs to the end', T, async () => {
  await withDap(async (client) => {
    const output = collectOutput(client);
    const stops = collectEvents(client, 'stopped');
    const terminated = client.waitForEvent('terminated');
    await startDebugging(client, ordersArgs('HappyPath', { noDebug: true, stopOnEntry: true }), () =>
      client.setBreakpointsRequest({
        source: { path: orders },
        breakpoints: [{ line: lineOf(ordersText, '"Charge": {') }],
      }),
    );
    await terminated;
    assert.equal(stops.length, 0);
    assert.ok(
      output.some((l) => l.startsWith('Execution succeeded.')),
      output.join(''),
    );
  });
});
