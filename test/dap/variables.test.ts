import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type { DebugClient } from '@vscode/debugadapter-testsupport';
import {
  dapFixture,
  expand,
  lineOf,
  nextStop,
  startDebugging,
  topFrameScopes,
  withDap,
} from './dapTestHarness';

const orders = dapFixture('orders.asl.json');
const ordersText = fs.readFileSync(orders, 'utf8');
const T = { timeout: 60_000 };
const args = (testCase = 'HappyPath') => ({
  program: orders,
  inputFile: 'orders.input.json',
  mockConfig: 'orders.mocks.json',
  testCase,
});

async function stopAt(client: DebugClient, stateLine: string, testCase = 'HappyPath') {
  const stop = nextStop(client);
  await startDebugging(client, args(testCase), () =>
    client.setBreakpointsRequest({
      source: { path: orders },
      breakpoints: [{ line: lineOf(ordersText, stateLine) }],
    }),
  );
  return stop;
}

test('scopes at a breakpoint: State, Input, Previous state, Context object, Variables', T, async () => {
  await withDap(async (client) => {
    const stop = await stopAt(client, '"Charge": {');
    const { scopes } = await topFrameScopes(client, stop.threadId);
    const state = scopes.get('State')!;
    assert.equal(state.get('name')!.value, '"Charge"');
    assert.equal(state.get('type')!.value, '"Task"');
    assert.equal(state.get('retryCount')!.value, '0');
    assert.match(state.get('entered')!.value, /^"\d{4}-\d\d-\d\dT/);

    const input = scopes.get('Input')!;
    assert.equal(input.get('orderId')!.value, '"o-42"');
    assert.equal(input.get('total')!.value, '30');

    const previous = [...scopes.keys()].find((k) => k.startsWith('Previous state: '));
    assert.equal(previous, 'Previous state: Init');
    const prev = scopes.get(previous!)!;
    assert.deepEqual(await expand(client, prev.get('output')!.variablesReference), {
      orderId: 'o-42',
      total: 30,
      items: ['book', 'pen'],
    });

    const context = scopes.get('Context object ($$)')!;
    assert.ok(context.has('Execution'), [...context.keys()].join(','));
    const stateContext = (await expand(client, context.get('State')!.variablesReference)) as Record<
      string,
      unknown
    >;
    assert.equal(stateContext.Name, 'Charge');
    assert.ok(scopes.has('Variables'));
  });
});

test('setVariable edits the input of the paused state before it runs', T, async () => {
  await withDap(async (client) => {
    const stop = await stopAt(client, '"Charge": {');
    const frames = (await client.stackTraceRequest({ threadId: stop.threadId })).body.stackFrames;
    const scopes = (await client.scopesRequest({ frameId: frames[0].id })).body.scopes;
    const input = scopes.find((s) => s.name === 'Input')!;
    const set = await client.setVariableRequest({
      variablesReference: input.variablesReference,
      name: 'total',
      value: '99',
    });
    assert.equal(set.body.value, '99');
    const context = scopes.find((s) => s.name === 'Context object ($$)')!;
    await assert.rejects(
      client.setVariableRequest({
        variablesReference: context.variablesReference,
        name: 'Execution',
        value: '1',
      }),
      /Only the input/,
    );

    const next = nextStop(client);
    await client.nextRequest({ threadId: stop.threadId });
    const atShip = await next;
    const shipScopes = await topFrameScopes(client, atShip.threadId);
    assert.equal(shipScopes.frames[0].name, 'Ship');
    assert.equal(shipScopes.scopes.get('Input')!.get('total')!.value, '99');
    const prev = shipScopes.scopes.get('Previous state: Charge')!;
    const previous = (await expand(client, prev.get('output')!.variablesReference)) as Record<
      string,
      unknown
    >;
    assert.deepEqual(previous.payment, { chargeId: 'ch_1' });
  });
});

test('evaluate: JSONPath, context, intrinsics, JSONata, and clear errors', T, async () => {
  await withDap(async (client) => {
    const stop = await stopAt(client, '"Charge": {');
    const frameId = (await client.stackTraceRequest({ threadId: stop.threadId })).body.stackFrames[0].id;
    const evaluate = async (expression: string) =>
      (await client.evaluateRequest({ expression, frameId, context: 'repl' })).body;
    assert.equal((await evaluate('$.orderId')).result, 'o-42');
    assert.equal((await evaluate('$$.State.Name')).result, 'Charge');
    assert.equal(
      (await evaluate("States.Format('{} costs {}', $.orderId, $.total)")).result,
      'o-42 costs 30',
    );
    assert.equal((await evaluate('{% $states.input.total * 2 %}')).result, '60');
    const items = await evaluate('$.items');
    assert.ok(items.variablesReference > 0);
    assert.deepEqual(await expand(client, items.variablesReference), ['book', 'pen']);
    await assert.rejects(evaluate('$.nothing.here'), /nothing/);
    await assert.rejects(evaluate('{% $states.input.( %}'), /JSONata/);
  });
});

test('variables assigned by a JSONata state are in scope later', T, async () => {
  await withDap(async (client) => {
    const stop = await stopAt(client, '"Done": {');
    const { scopes } = await topFrameScopes(client, stop.threadId);
    assert.equal(scopes.get('Variables')!.get('$chargeId')!.value, '"ch_1"');
    const frameId = (await client.stackTraceRequest({ threadId: stop.threadId })).body.stackFrames[0].id;
    assert.equal(
      (await client.evaluateRequest({ expression: '$chargeId', frameId, context: 'repl' })).body.result,
      'ch_1',
    );
  });
});

test('the Error scope shows a caught error at the Catch handler', T, async () => {
  await withDap(async (client) => {
    const stop = await stopAt(client, '"Declined": {', 'Declined');
    const { scopes } = await topFrameScopes(client, stop.threadId);
    const error = scopes.get('Error')!;
    assert.equal(error.get('Error')!.value, '"CardDeclined"');
    assert.equal(error.get('Cause')!.value, '"Insufficient funds"');
    assert.equal(error.get('caught')!.value, 'true');
    const input = scopes.get('Input')!;
    assert.deepEqual(await expand(client, input.get('error')!.variablesReference), {
      Error: 'CardDeclined',
      Cause: 'Insufficient funds',
    });
  });
});
