// Exception breakpoints at the state that raises the error (before Retry/Catch takes effect), with the Error
// scope's disposition and exceptionInfo; errors leaving a Parallel branch judged by the Parallel's Catch.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import type { DebugClient } from '@vscode/debugadapter-testsupport';
import type { DebugProtocol } from '@vscode/debugprotocol';
import {
  collectEvents,
  collectOutput,
  dapFixture,
  nextStop,
  startDebugging,
  topFrameScopes,
  whereStopped,
  withDap,
  type Stop,
} from './dapTestHarness';

const T = { timeout: 60_000 };
const orders = dapFixture('orders.asl.json');
const errors = dapFixture('errors.asl.json');

function ordersArgs(testCase: string): Record<string, unknown> {
  return { program: orders, inputFile: 'orders.input.json', mockConfig: 'orders.mocks.json', testCase };
}

type Filters = DebugProtocol.SetExceptionBreakpointsArguments;

interface Observed {
  thread: string;
  frame: string;
  reason: string;
  error: Record<string, string>;
  state: Record<string, string>;
  info: DebugProtocol.ExceptionInfoResponse['body'];
  /** Whether the execution had already ended when the stop was reported. */
  endedBefore: boolean;
}

/** Runs a launch with exception filters; records every stop (continuing each) until the session ends. */
async function runWithFilters(args: Record<string, unknown>, filters: Filters): Promise<Observed[]> {
  return withDap(async (client) => {
    const output = collectOutput(client);
    const observed: Observed[] = [];
    const terminated = client.waitForEvent('terminated', 30_000).then(() => undefined);
    let stop = nextStop(client);
    await startDebugging(client, args, () => client.setExceptionBreakpointsRequest(filters));
    for (;;) {
      const next = await Promise.race([stop, terminated]);
      if (!next) break;
      observed.push(await observe(client, next, output));
      stop = nextStop(client);
      await client.continueRequest({ threadId: next.threadId });
    }
    return observed;
  });
}

async function observe(client: DebugClient, stop: Stop, output: string[]): Promise<Observed> {
  const at = await whereStopped(client, stop);
  const { scopes } = await topFrameScopes(client, stop.threadId);
  const record = (name: string): Record<string, string> =>
    Object.fromEntries([...(scopes.get(name) ?? new Map()).entries()].map(([k, v]) => [k, v.value]));
  const info = (await client.exceptionInfoRequest({ threadId: stop.threadId })).body;
  return {
    thread: at.thread,
    frame: at.frame,
    reason: stop.reason,
    error: record('Error'),
    state: record('State'),
    info,
    endedBefore: output.some((line) => /^Execution (succeeded|failed)/.test(line)),
  };
}

test('caught errors pause at the failing Task before the retry, with its disposition', T, async () => {
  const stops = await runWithFilters(ordersArgs('Throttled'), { filters: ['caught'] });
  assert.equal(stops.length, 1, JSON.stringify(stops));
  const [stop] = stops;
  assert.equal(stop.reason, 'exception');
  assert.equal(stop.frame, 'Charge');
  assert.equal(stop.state.status, '"raising an error"');
  assert.equal(stop.error.Error, '"Lambda.TooManyRequestsException"');
  assert.equal(stop.error.Cause, '"Rate exceeded"');
  assert.equal(stop.error.disposition, '"will retry (Retry[0])"');
  assert.equal(stop.info.exceptionId, 'Lambda.TooManyRequestsException');
  assert.equal(stop.info.breakMode, 'always');
  assert.match(stop.info.description ?? '', /Rate exceeded.*in state "Charge": will retry/);
  assert.equal(stop.info.details?.message, 'Rate exceeded');
});

test('caught errors pause at the Task a Catch handles, naming the catcher and its Next', T, async () => {
  const stops = await runWithFilters(ordersArgs('Declined'), { filters: ['caught'] });
  // The Fail state's PaymentDeclined is uncaught: with only the caught filter it does not stop.
  assert.deepEqual(
    stops.map((s) => [s.frame, s.error.Error, s.error.disposition]),
    [['Charge', '"CardDeclined"', '"caught by Catch[0] -> \\"Declined\\""']],
  );
  assert.equal(stops[0].error.caught, 'true');
});

test('uncaught errors pause at the Fail state before the execution fails (once)', T, async () => {
  const stops = await runWithFilters(ordersArgs('Declined'), { filters: ['uncaught'] });
  assert.equal(stops.length, 1, JSON.stringify(stops));
  const [stop] = stops;
  assert.equal(stop.frame, 'Declined');
  assert.match(stop.thread, /^Execution "/);
  assert.equal(stop.endedBefore, false);
  assert.equal(stop.error.Error, '"PaymentDeclined"');
  assert.equal(stop.error.caught, 'false');
  assert.equal(stop.error.disposition, '"uncaught: fails the execution"');
  assert.equal(stop.info.breakMode, 'unhandled');
});

test('error names narrow each filter', T, async () => {
  const watched = await runWithFilters(ordersArgs('Declined'), {
    filters: [],
    filterOptions: [
      { filterId: 'caught', condition: 'States.Timeout, CardDeclined' },
      { filterId: 'uncaught', condition: 'PaymentDeclined' },
    ],
  });
  assert.deepEqual(
    watched.map((s) => s.frame),
    ['Charge', 'Declined'],
  );
  const unwatched = await runWithFilters(ordersArgs('Declined'), {
    filters: [],
    filterOptions: [
      { filterId: 'caught', condition: 'States.Timeout' },
      { filterId: 'uncaught', condition: 'Custom.Other' },
    ],
  });
  assert.deepEqual(unwatched, []);
  // Names match as in ErrorEquals: States.ALL and States.TaskFailed cover these errors.
  const wildcards = await runWithFilters(ordersArgs('Declined'), {
    filters: [],
    filterOptions: [
      { filterId: 'caught', condition: 'States.TaskFailed' },
      { filterId: 'uncaught', condition: 'States.ALL' },
    ],
  });
  assert.deepEqual(
    wildcards.map((s) => s.frame),
    ['Charge', 'Declined'],
  );
});

test(
  'an error raised in a Parallel branch pauses in the branch, judged by the Parallel Catch, not again at the Parallel',
  T,
  async () => {
    const boom = { program: errors, input: { kind: 'boom' } };
    const bad = { program: errors, input: { kind: 'bad' } };

    const caught = await runWithFilters(boom, { filters: ['caught', 'uncaught'] });
    assert.deepEqual(
      caught.map((s) => [s.thread, s.frame, s.error.Error, s.error.caught]),
      [['Parallel "Fan" branch 1', 'Boom', '"Custom.Boom"', 'true']],
    );
    assert.equal(
      caught[0].error.disposition,
      '"propagates to Parallel \\"Fan\\", caught by its Catch[0] -> \\"Recovered\\""',
    );

    const uncaught = await runWithFilters(bad, { filters: ['caught', 'uncaught'] });
    assert.deepEqual(
      uncaught.map((s) => [s.thread, s.frame, s.error.Error, s.error.caught, s.endedBefore]),
      [['Parallel "Fan" branch 1', 'Bad', '"Custom.Bad"', 'false', false]],
    );
    assert.equal(
      uncaught[0].error.disposition,
      '"uncaught: propagates to Parallel \\"Fan\\" and fails the execution"',
    );

    // Each filter sees only its own kind.
    assert.deepEqual(await runWithFilters(boom, { filters: ['uncaught'] }), []);
    assert.deepEqual(await runWithFilters(bad, { filters: ['caught'] }), []);
  },
);

test('no exception filter: errors never pause and the run ends with the failure', T, async () => {
  await withDap(async (client) => {
    const stops = collectEvents(client, 'stopped');
    const output = collectOutput(client);
    const terminated = client.waitForEvent('terminated');
    await startDebugging(client, { program: errors, input: { kind: 'bad' } }, () =>
      client.setExceptionBreakpointsRequest({ filters: [] }),
    );
    await terminated;
    assert.equal(stops.length, 0);
    assert.ok(
      output.some((l) => /Execution failed: Custom\.Bad/.test(l)),
      output.join(''),
    );
  });
});

test(
  'an execution timeout (no state raises it) pauses after the execution ended, for uncaught errors',
  T,
  async () => {
    const stops = await runWithFilters(
      { program: dapFixture('timeout.asl.json') },
      { filters: ['uncaught'] },
    );
    assert.equal(stops.length, 1, JSON.stringify(stops));
    assert.equal(stops[0].reason, 'exception');
    assert.equal(stops[0].info.exceptionId, 'States.Timeout');
    assert.equal(stops[0].info.breakMode, 'unhandled');
    assert.equal(stops[0].error.disposition, '"uncaught: the execution timed out"');
    assert.match(stops[0].info.description ?? '', /\(in the execution: uncaught: the execution timed out\)$/);
    assert.deepEqual(
      await runWithFilters({ program: dapFixture('timeout.asl.json') }, { filters: ['caught'] }),
      [],
    );
  },
);

test(
  'an error raised in a Map iteration pauses in the iteration: caught by the Map Catch, or tolerated',
  T,
  async () => {
    const stops = await runWithFilters(
      { program: dapFixture('mapErrors.asl.json'), input: { items: [1, 2, 3] } },
      { filters: ['caught', 'uncaught'] },
    );
    assert.deepEqual(
      stops.map((s) => [s.thread, s.frame, s.error.caught, s.error.disposition]),
      [
        [
          'Map "Items" iteration 1',
          'Reject',
          'true',
          '"propagates to Map \\"Items\\", caught by its Catch[0] -> \\"Handled\\""',
        ],
        [
          'Map "Tolerant" iteration 1',
          'Drop',
          'true',
          '"propagates to Map \\"Tolerant\\", which may tolerate it (ToleratedFailure*)"',
        ],
      ],
    );
  },
);
