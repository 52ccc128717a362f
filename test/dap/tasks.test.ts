import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import {
  collectEvents,
  collectOutput,
  dapFixture,
  eventually,
  startDebugging,
  withDap,
} from './dapTestHarness';
import type { PendingTaskEventBody } from '../../server/src/protocol/debugExtensions';

const waiting = dapFixture('waiting.asl.json');
const T = { timeout: 60_000 };

test(
  'pendingTask events for a callback task and an unmocked task; other branches keep running; answers finish the run',
  T,
  async () => {
    await withDap(async (client) => {
      const output = collectOutput(client);
      const pending = collectEvents<PendingTaskEventBody>(client, 'pendingTask');
      const closed = collectEvents<{ taskToken: string; reason: string }>(client, 'pendingTaskClosed');
      await startDebugging(client, { program: waiting, input: { orderId: 'o-7' } });
      await eventually(client, 'pendingTask', pending, (p) => p.length === 2);
      const approve = pending.find((p) => p.stateName === 'Approve')!;
      const lookup = pending.find((p) => p.stateName === 'Lookup')!;
      assert.equal(approve.resource, 'arn:aws:states:::sqs:sendMessage.waitForTaskToken');
      const body = (approve.payload as { MessageBody: { token: string; order: string } }).MessageBody;
      assert.equal(body.token, approve.taskToken);
      assert.equal(body.order, 'o-7');
      assert.equal(lookup.resource, 'arn:aws:lambda:us-east-1:123456789012:function:lookup');
      assert.match(lookup.location ?? '', /Parallel "Both" branch 2/);

      // The waiting branch is a thread of its own; its running Task shows the effective input it received.
      const threads = (await client.threadsRequest()).body.threads.map((t) => t.name);
      assert.ok(threads.includes('Parallel "Both" branch 1'), threads.join(','));
      const waitingFrames = (await client.stackTraceRequest({ threadId: approve.threadId! })).body
        .stackFrames;
      assert.equal(waitingFrames[0].name, 'Approve');
      const waitingScopes = (await client.scopesRequest({ frameId: waitingFrames[0].id })).body.scopes;
      const effective = waitingScopes.find((sc) => sc.name === 'Effective input');
      assert.ok(effective, waitingScopes.map((sc) => sc.name).join(','));
      const effectiveVars = (
        await client.variablesRequest({ variablesReference: effective.variablesReference })
      ).body.variables;
      assert.ok(effectiveVars.some((v) => v.name === 'MessageBody'));

      const listed = await client.customRequest('listPendingTasks');
      assert.deepEqual(
        (listed.body as { tasks: PendingTaskEventBody[] }).tasks.map((t) => t.stateName).sort(),
        ['Approve', 'Lookup'],
      );

      await client.customRequest('sendTaskHeartbeat', { taskToken: approve.taskToken });
      await assert.rejects(
        client.customRequest('sendTaskSuccess', { taskToken: 'no-such-token', output: {} }),
        /sendTaskSuccess: /,
      );
      await assert.rejects(
        client.customRequest('sendTaskSuccess', { taskToken: approve.taskToken, output: '{oops' }),
        /not valid JSON/,
      );
      await assert.rejects(
        client.customRequest('sendTaskSuccess', { taskToken: approve.taskToken }),
        /needs "output"/,
      );

      const terminated = client.waitForEvent('terminated');
      await client.customRequest('sendTaskSuccess', {
        taskToken: approve.taskToken,
        output: '{"approved":true}',
      });
      await eventually(client, 'pendingTaskClosed', closed, (c) => c.length === 1);
      assert.deepEqual(closed[0], { taskToken: approve.taskToken, reason: 'success' });
      const history = await client.customRequest('exportHistory');
      const events = (history.body as { status: string; events: Array<{ type: string }> }).events;
      assert.equal((history.body as { status: string }).status, 'RUNNING');
      assert.ok(
        events.some((e) => e.type === 'TaskSucceeded'),
        events.map((e) => e.type).join(','),
      );

      await client.customRequest('sendTaskSuccess', { taskToken: lookup.taskToken, output: { found: 1 } });
      await terminated;
      const summary = output.find((l) => l.startsWith('Execution succeeded.'));
      assert.ok(summary, output.join(''));
      assert.match(summary, /\[\{"approved":true\},\{"found":1\}\]/);
      assert.ok(
        output.some((l) => /^#\d+ ExecutionStarted/.test(l)),
        'history events are printed',
      );
      assert.ok(output.some((l) => /^#\d+ TaskSucceeded/.test(l)));
    });
  },
);

test('sendTaskFailure fails the task with the given error and cause', T, async () => {
  await withDap(async (client) => {
    const output = collectOutput(client);
    const pending = collectEvents<PendingTaskEventBody>(client, 'pendingTask');
    await startDebugging(client, { program: waiting, input: { orderId: 'o-8' } });
    await eventually(client, 'pendingTask', pending, (p) => p.length === 2);
    const terminated = client.waitForEvent('terminated');
    const approve = pending.find((p) => p.stateName === 'Approve')!;
    await client.customRequest('sendTaskFailure', {
      taskToken: approve.taskToken,
      error: 'Approval.Rejected',
      cause: 'manager said no',
    });
    await terminated;
    assert.ok(
      output.some((l) => /Execution failed: Approval\.Rejected/.test(l)),
      output.join(''),
    );
  });
});

test('terminate while tasks wait ends the session and closes the tokens', T, async () => {
  await withDap(async (client) => {
    const pending = collectEvents<PendingTaskEventBody>(client, 'pendingTask');
    const closed = collectEvents<{ taskToken: string; reason: string }>(client, 'pendingTaskClosed');
    await startDebugging(client, { program: waiting, input: { orderId: 'o-10' } });
    await eventually(client, 'pendingTask', pending, (p) => p.length === 2);
    const terminated = client.waitForEvent('terminated');
    await client.terminateRequest({});
    await terminated;
    assert.deepEqual(
      closed.map((c) => c.reason),
      ['executionEnded', 'executionEnded'],
    );
  });
});

test('a handlers module answers tasks locally (no pending task for it)', T, async () => {
  await withDap(async (client) => {
    const output = collectOutput(client);
    const pending = collectEvents<PendingTaskEventBody>(client, 'pendingTask');
    await startDebugging(client, { program: waiting, input: { orderId: 'o-9' }, handlers: 'handlers.js' });
    await eventually(client, 'pendingTask', pending, (p) => p.length === 1);
    assert.equal(pending[0].stateName, 'Approve');
    const terminated = client.waitForEvent('terminated');
    await client.customRequest('sendTaskSuccess', { taskToken: pending[0].taskToken, output: 1 });
    await terminated;
    assert.ok(
      output.some((l) => l.includes('{"looked":"up"}')),
      output.join(''),
    );
  });
});
