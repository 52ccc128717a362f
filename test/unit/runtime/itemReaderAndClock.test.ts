import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createExecution } from '../../../server/src/runtime';
import { run, testHost } from './runtimeTestHost';

const distributed = (extra: Record<string, unknown>) => ({
  StartAt: 'M',
  States: {
    M: {
      Type: 'Map',
      ItemProcessor: {
        ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'EXPRESS' },
        StartAt: 'I',
        States: { I: { Type: 'Pass', End: true } },
      },
      End: true,
      ...extra,
    },
  },
});

test('ItemReader reads a CSV file through the host (header row), MaxItems limits it', async () => {
  const files: Record<string, string> = { 'data/items.csv': 'id,name\n1,a\n2,b\n3,c\n' };
  const r = await run(
    distributed({
      ItemReader: {
        Resource: 'arn:aws:states:::s3:getObject',
        ReaderConfig: { InputType: 'CSV', CSVHeaderLocation: 'FIRST_ROW', MaxItems: 2 },
        Parameters: { Bucket: 'data', Key: 'items.csv' },
      },
    }),
    {},
    { host: testHost({ readFile: async (p) => files[p] ?? Promise.reject(new Error('ENOENT')) }) },
  );
  assert.equal(r.status, 'SUCCEEDED', r.cause);
  assert.deepEqual(r.output, [
    { id: '1', name: 'a' },
    { id: '2', name: 'b' },
  ]);
});

test('ItemReader failures are States.ItemReaderFailed; ItemBatcher groups items with BatchInput', async () => {
  const missing = await run(
    distributed({
      ItemReader: {
        Resource: 'arn:aws:states:::s3:getObject',
        Parameters: { Bucket: 'b', Key: 'none.json' },
      },
    }),
    {},
    { host: testHost({ readFile: async () => Promise.reject(new Error('ENOENT')) }) },
  );
  assert.equal(missing.error, 'States.ItemReaderFailed');
  const batched = await run(
    distributed({ ItemBatcher: { MaxItemsPerBatch: 2, BatchInput: { tag: 'x' } } }),
    [1, 2, 3],
  );
  assert.deepEqual(batched.output, [
    { tag: 'x', Items: [1, 2] },
    { tag: 'x', Items: [3] },
  ]);
});

test('ResultWriter writes the results through the host and outputs where they went', async () => {
  const written: Record<string, string> = {};
  const r = await run(
    distributed({
      ResultWriter: {
        Resource: 'arn:aws:states:::s3:putObject',
        Parameters: { Bucket: 'out', Prefix: 'run1' },
      },
    }),
    [1, 2],
    {
      host: testHost({
        writeFile: async (p, content) => {
          written[p] = content;
        },
      }),
    },
  );
  assert.equal(r.status, 'SUCCEEDED', r.cause);
  assert.deepEqual(Object.keys(written), ['out/run1/M-results.json']);
  assert.deepEqual(JSON.parse(written['out/run1/M-results.json']), [1, 2]);
  assert.deepEqual(r.output, { ResultWriterDetails: { Bucket: 'out', Key: 'out/run1/M-results.json' } });
});

test('real-time mode waits on host timers (a fake timer host, no sleeping)', async () => {
  const requested: number[] = [];
  let clock = 0;
  const host = testHost({
    now: () => clock,
    setTimer: (ms, callback) => {
      requested.push(ms);
      clock += ms;
      queueMicrotask(callback);
      return () => undefined;
    },
  });
  const r = await createExecution({
    definition: { StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 2, End: true } } },
    host,
    clock: 'real',
  }).start();
  assert.equal(r.status, 'SUCCEEDED');
  assert.deepEqual(requested, [2000]);
});

test('Express workflows reject .waitForTaskToken tasks', async () => {
  const r = await run(
    {
      StartAt: 'T',
      States: {
        T: { Type: 'Task', Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken', End: true },
      },
    },
    {},
    { type: 'EXPRESS' },
  );
  assert.equal(r.status, 'FAILED');
  assert.match(r.cause ?? '', /Express state machine does not support '\.waitForTaskToken'/);
});

test('oversized state output fails with States.DataLimitExceeded', async () => {
  const r = await run({
    StartAt: 'P',
    States: { P: { Type: 'Pass', Result: 'x'.repeat(300_000), End: true } },
  });
  assert.equal(r.error, 'States.DataLimitExceeded');
});
