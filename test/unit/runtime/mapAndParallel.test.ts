import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createExecution, type ExecutionEvent } from '../../../server/src/runtime';
import { run, testHost, types } from './runtimeTestHost';

test('Parallel: outputs in branch order, branch variables stay inside', async () => {
  const r = await run({
    StartAt: 'P',
    States: {
      P: {
        Type: 'Parallel',
        Branches: [
          {
            StartAt: 'W',
            States: {
              W: { Type: 'Wait', Seconds: 5, Next: 'A' },
              A: { Type: 'Pass', Result: 'slow', End: true },
            },
          },
          { StartAt: 'B', States: { B: { Type: 'Pass', Result: 'fast', Assign: { inner: 1 }, End: true } } },
        ],
        Next: 'After',
      },
      After: { Type: 'Pass', Parameters: { 'out.$': '$', 'seen.$': 'States.ArrayLength($)' }, End: true },
    },
  });
  assert.deepEqual(r.output, { out: ['slow', 'fast'], seen: 2 });
});

test('Parallel: a failing branch aborts the other and is caught by the Parallel Catch', async () => {
  const r = await run({
    StartAt: 'P',
    States: {
      P: {
        Type: 'Parallel',
        Branches: [
          { StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 50, End: true } } },
          { StartAt: 'F', States: { F: { Type: 'Fail', Error: 'BranchBroke', Cause: 'x' } } },
        ],
        Catch: [{ ErrorEquals: ['BranchBroke'], Next: 'Handled' }],
        End: true,
      },
      Handled: { Type: 'Pass', End: true },
    },
  });
  assert.equal(r.status, 'SUCCEEDED');
  assert.deepEqual(r.output, { Error: 'BranchBroke', Cause: 'x' });
  assert.ok(types(r).includes('WaitStateAborted'));
});

test('Map: ItemSelector with $$.Map.Item, MaxConcurrency 1 keeps order, iteration events', async () => {
  const r = await run(
    {
      StartAt: 'M',
      States: {
        M: {
          Type: 'Map',
          ItemsPath: '$.xs',
          MaxConcurrency: 1,
          ItemSelector: { 'v.$': '$$.Map.Item.Value', 'i.$': '$$.Map.Item.Index' },
          ItemProcessor: { StartAt: 'I', States: { I: { Type: 'Pass', End: true } } },
          End: true,
        },
      },
    },
    { xs: ['a', 'b'] },
  );
  assert.deepEqual(r.output, [
    { v: 'a', i: 0 },
    { v: 'b', i: 1 },
  ]);
  assert.deepEqual(
    types(r).filter((t) => t.startsWith('MapIteration')),
    ['MapIterationStarted', 'MapIterationSucceeded', 'MapIterationStarted', 'MapIterationSucceeded'],
  );
});

test('Map: distributed mode tolerates failures up to ToleratedFailureCount and fails beyond it', async () => {
  const def = (count: number) => ({
    StartAt: 'M',
    States: {
      M: {
        Type: 'Map',
        ToleratedFailureCount: count,
        ItemProcessor: {
          ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
          StartAt: 'C',
          States: {
            C: { Type: 'Choice', Choices: [{ Variable: '$', NumericEquals: 2, Next: 'F' }], Default: 'OK' },
            F: { Type: 'Fail', Error: 'Two' },
            OK: { Type: 'Pass', End: true },
          },
        },
        End: true,
      },
    },
  });
  const tolerated = await run(def(1), [1, 2, 3]);
  assert.equal(tolerated.status, 'SUCCEEDED');
  assert.deepEqual(tolerated.output, [1, { Error: 'Two' }, 3]);
  assert.ok(types(tolerated).includes('MapRunSucceeded'));
  const failed = await run(def(0), [1, 2, 3]);
  assert.equal(failed.error, 'States.ExceedToleratedFailureThreshold');
});

test('Map: non-array items fail with the AWS message', async () => {
  const r = await run(
    {
      StartAt: 'M',
      States: {
        M: {
          Type: 'Map',
          ItemProcessor: { StartAt: 'I', States: { I: { Type: 'Pass', End: true } } },
          End: true,
        },
      },
    },
    'str',
  );
  assert.equal(r.status, 'FAILED');
  assert.match(r.cause ?? '', /Map state input must be an array but was: "str"/);
});

test('debugger surface: location chains per iteration, before-state hook can replace the input', async () => {
  const events: ExecutionEvent[] = [];
  const execution = createExecution({
    definition: {
      StartAt: 'P',
      States: {
        P: {
          Type: 'Parallel',
          Branches: [
            {
              StartAt: 'M',
              States: {
                M: {
                  Type: 'Map',
                  ItemProcessor: { StartAt: 'Y', States: { Y: { Type: 'Pass', End: true } } },
                  End: true,
                },
              },
            },
          ],
          End: true,
        },
      },
    },
    input: [1, 2],
    host: testHost(),
    beforeState: (ctx) => {
      if (ctx.stateName === 'Y') ctx.replaceInput({ replaced: ctx.input });
      assert.equal((ctx.context as { State: { Name: string } }).State.Name, ctx.stateName);
    },
  });
  execution.onEvent((e) => events.push(e));
  const r = await execution.start();
  assert.deepEqual(r.output, [[{ replaced: 1 }, { replaced: 2 }]]);
  const entered = events.filter((e) => e.kind === 'stateEntered' && e.inspection.stateName === 'Y');
  assert.equal(entered.length, 2);
  const location = entered[1].kind === 'stateEntered' ? entered[1].location : [];
  assert.deepEqual(
    location.map((f) => f.kind),
    ['execution', 'branch', 'iteration'],
  );
  assert.deepEqual(entered[1].kind === 'stateEntered' && entered[1].inspection.statePath, [
    'States',
    'P',
    'Branches',
    0,
    'States',
    'M',
    'ItemProcessor',
    'States',
    'Y',
  ]);
});
