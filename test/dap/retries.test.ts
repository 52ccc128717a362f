// Retry attempts as Step Into points (State scope: attempt, retrier, the error that caused it, delay), while
// breakpoints and Step Over do not stop at attempts; Step Into a Parallel branch at the DAP level.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type { DebugClient } from '@vscode/debugadapter-testsupport';
import {
  collectEvents,
  collectOutput,
  dapFixture,
  lineOf,
  nextStop,
  startDebugging,
  topFrameScopes,
  whereStopped,
  withDap,
  type Stop,
} from './dapTestHarness';

const T = { timeout: 60_000 };
const orders = dapFixture('orders.asl.json');
const ordersText = fs.readFileSync(orders, 'utf8');
const nested = dapFixture('nested.asl.json');

function ordersArgs(testCase: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    program: orders,
    inputFile: 'orders.input.json',
    mockConfig: 'orders.mocks.json',
    testCase,
    ...extra,
  };
}

/** Launches with a breakpoint on Charge and returns its stop. */
async function atCharge(client: DebugClient, testCase: string, filters: string[] = []): Promise<Stop> {
  const hit = nextStop(client);
  await startDebugging(client, ordersArgs(testCase), async () => {
    await client.setBreakpointsRequest({
      source: { path: orders },
      breakpoints: [{ line: lineOf(ordersText, '"Charge": {') }],
    });
    await client.setExceptionBreakpointsRequest({ filters });
  });
  const stop = await hit;
  assert.equal(stop.reason, 'breakpoint');
  assert.equal((await whereStopped(client, stop)).frame, 'Charge');
  return stop;
}

async function stepIn(client: DebugClient, from: Stop): Promise<Stop> {
  const stop = nextStop(client);
  await client.stepInRequest({ threadId: from.threadId });
  return stop;
}

async function finish(client: DebugClient, from: Stop): Promise<void> {
  const terminated = client.waitForEvent('terminated');
  await client.continueRequest({ threadId: from.threadId });
  await terminated;
}

function values(scope: Map<string, { value: string }> | undefined): Record<string, string> {
  return Object.fromEntries(
    [...(scope ?? new Map<string, { value: string }>()).entries()].map(([k, v]) => [k, v.value]),
  );
}

test('Step Into a retried Task pauses before each attempt, then reaches the next state', T, async () => {
  await withDap(async (client) => {
    const charge = await atCharge(client, 'ThrottledTwice');

    const first = await stepIn(client, charge);
    assert.equal(first.reason, 'step');
    assert.match(
      first.description ?? '',
      /Retry attempt 1 of "Charge" after Lambda\.TooManyRequestsException: Rate exceeded/,
    );
    const at1 = await whereStopped(client, first);
    assert.equal(at1.frame, 'Charge (retry 1)');
    assert.equal(at1.line, lineOf(ordersText, '"Charge": {'));
    const scopes1 = (await topFrameScopes(client, first.threadId)).scopes;
    assert.equal(values(scopes1.get('Error')).disposition, '"will retry (Retry[0])"');
    const state1 = values(scopes1.get('State'));
    assert.equal(state1.status, '"about to retry (attempt 1)"');
    assert.equal(state1.attempt, '1');
    assert.equal(state1.retryCount, '1');
    assert.equal(state1.retrier, '"Retry[0]"');
    assert.equal(state1['retrying after'], '"Lambda.TooManyRequestsException"');
    assert.equal(state1['retrying cause'], '"Rate exceeded"');
    assert.equal(state1.delayMs, '1000');
    const frameId = (await client.stackTraceRequest({ threadId: first.threadId })).body.stackFrames[0].id;
    const retryCount = await client.evaluateRequest({
      expression: '$$.State.RetryCount',
      frameId,
      context: 'repl',
    });
    assert.equal(retryCount.body.result, '1');
    const orderId = await client.evaluateRequest({ expression: '$.orderId', frameId, context: 'repl' });
    assert.equal(orderId.body.result, 'o-42');

    // Each attempt starts from the state's raw input: shown, but not editable.
    assert.equal(scopes1.get('Input')?.get('orderId')?.value, '"o-42"');
    const inputScope = (await client.scopesRequest({ frameId })).body.scopes.find((x) => x.name === 'Input')!;
    await assert.rejects(
      client.setVariableRequest({
        variablesReference: inputScope.variablesReference,
        name: 'orderId',
        value: '"o-43"',
      }),
      /Only the input of a state that has not run yet can be edited/,
    );

    const second = await stepIn(client, first);
    assert.equal((await whereStopped(client, second)).frame, 'Charge (retry 2)');
    const state2 = values((await topFrameScopes(client, second.threadId)).scopes.get('State'));
    assert.equal(state2.attempt, '2');
    assert.equal(state2.delayMs, '2000');

    // The third invocation succeeds: Step Into goes on to the next state of the thread.
    const after = await stepIn(client, second);
    assert.equal(after.reason, 'step');
    assert.equal((await whereStopped(client, after)).frame, 'Ship');
    // The retried error is over once Charge succeeded: no Error scope at the next state.
    assert.equal((await topFrameScopes(client, after.threadId)).scopes.has('Error'), false);
    await finish(client, after);
  });
});

test('a breakpoint on a retried state hits once; Step Over skips the attempts', T, async () => {
  await withDap(async (client) => {
    const stops = collectEvents<Stop>(client, 'stopped');
    const charge = await atCharge(client, 'ThrottledTwice');
    await finish(client, charge);
    assert.deepEqual(
      stops.map((s) => s.reason),
      ['breakpoint'],
    );
  });
  await withDap(async (client) => {
    const charge = await atCharge(client, 'ThrottledTwice');
    const stop = nextStop(client);
    await client.nextRequest({ threadId: charge.threadId });
    const next = await stop;
    assert.equal(next.reason, 'step');
    assert.equal((await whereStopped(client, next)).frame, 'Ship');
    await finish(client, next);
  });
});

test(
  'with caught errors on, Step Into stops where the error is raised, then before the attempt',
  T,
  async () => {
    await withDap(async (client) => {
      const charge = await atCharge(client, 'Throttled', ['caught']);
      const raised = await stepIn(client, charge);
      assert.equal(raised.reason, 'exception');
      const scopes = (await topFrameScopes(client, raised.threadId)).scopes;
      assert.equal(values(scopes.get('State')).status, '"raising an error"');
      assert.equal(values(scopes.get('Error')).disposition, '"will retry (Retry[0])"');

      const attempt = await stepIn(client, raised);
      assert.equal(attempt.reason, 'step');
      assert.equal((await whereStopped(client, attempt)).frame, 'Charge (retry 1)');
      const after = await stepIn(client, attempt);
      assert.equal((await whereStopped(client, after)).frame, 'Ship');
      await finish(client, after);
    });
  },
);

test('Step Into a Parallel enters a branch thread; Step Out returns to the state after it', T, async () => {
  await withDap(async (client) => {
    const entry = nextStop(client);
    await startDebugging(client, { program: nested, stopOnEntry: true });
    const prepare = await entry;
    const over = nextStop(client);
    await client.nextRequest({ threadId: prepare.threadId });
    const fan = await over;
    assert.equal((await whereStopped(client, fan)).frame, 'Fan out');

    const inside = await stepIn(client, fan);
    assert.equal(inside.reason, 'step');
    const where = await whereStopped(client, inside);
    assert.match(where.thread, /^Parallel "Fan out" branch [12]$/);
    assert.ok(['Left', 'Each item'].includes(where.frame), where.frame);
    assert.equal(where.stack[1], where.thread);
    assert.notEqual(inside.threadId, fan.threadId);

    const out = nextStop(client);
    await client.stepOutRequest({ threadId: inside.threadId });
    const after = await out;
    assert.equal((await whereStopped(client, after)).frame, 'Done');
    await finish(client, after);
  });
});

test('terminate while paused before a retry attempt ends the session', T, async () => {
  await withDap(async (client) => {
    const output = collectOutput(client);
    const charge = await atCharge(client, 'ThrottledTwice');
    const attempt = await stepIn(client, charge);
    assert.equal((await whereStopped(client, attempt)).frame, 'Charge (retry 1)');
    const terminated = client.waitForEvent('terminated');
    await client.terminateRequest({});
    await terminated;
    assert.ok(
      output.some((l) => /^Execution aborted/.test(l)),
      output.join(''),
    );
  });
});
