/**
 * A real `asl` debug session through the extension's inline debug adapter: stop at a breakpoint on a
 * state, read the state's input in the variables, step, reach a .waitForTaskToken task, answer it with
 * the custom sendTaskSuccess request, and end with the expected execution output.
 * Uses only the vscode API and the shared protocol constants; no product logic.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { offsetsOf, openInEditor, waitForEvent } from './e2eHelpers';
import { PENDING_TASK_EVENT, SEND_TASK_SUCCESS_REQUEST } from '../../../server/src/protocol/debugExtensions';

interface AdapterMessage {
  type: string;
  event?: string;
  body?: Record<string, unknown>;
}

/** Records everything the adapter sends, so the test can wait for "the next stopped event" etc. */
class AdapterLog {
  readonly messages: AdapterMessage[] = [];
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onChange = this.changed.event;
  record(m: AdapterMessage): void {
    this.messages.push(m);
    this.changed.fire();
  }
  events(name: string): AdapterMessage[] {
    return this.messages.filter((m) => m.type === 'event' && m.event === name);
  }
  /** Waits until at least `count` events named `name` arrived; returns the last of them. */
  waitForEvent(name: string, count: number): Promise<AdapterMessage> {
    return waitForEvent(
      this.onChange,
      () => this.events(name)[count - 1],
      `adapter event '${name}' #${count} (seen: ${this.messages
        .filter((m) => m.type === 'event')
        .map((m) => m.event)
        .join(', ')})`,
    );
  }
}

suite('debug session', () => {
  test('breakpoint, input variables, step, task token answered with sendTaskSuccess, expected output', async () => {
    const doc = await openInEditor('debug.asl.json');
    const prepareLine = doc.positionAt(offsetsOf(doc.getText(), '"Prepare": {')[0]).line;
    const log = new AdapterLog();
    const tracker = vscode.debug.registerDebugAdapterTrackerFactory('asl', {
      createDebugAdapterTracker: () => ({ onDidSendMessage: (m: AdapterMessage) => log.record(m) }),
    });
    const bp = new vscode.SourceBreakpoint(new vscode.Location(doc.uri, new vscode.Position(prepareLine, 4)));
    vscode.debug.addBreakpoints([bp]);
    const folder = vscode.workspace.workspaceFolders![0];
    try {
      const started = await vscode.debug.startDebugging(folder, {
        type: 'asl',
        request: 'launch',
        name: 'e2e debug session',
        program: doc.uri.fsPath,
        input: { orderId: 'o-1' },
      });
      assert.ok(started, 'startDebugging returned true');
      const session = vscode.debug.activeDebugSession!;

      const stop1 = await log.waitForEvent('stopped', 1);
      assert.equal(stop1.body?.reason, 'breakpoint');
      const threadId = stop1.body?.threadId as number;
      const trace1 = await session.customRequest('stackTrace', { threadId });
      assert.match(trace1.stackFrames[0].name, /Prepare/);
      assert.equal(trace1.stackFrames[0].line, prepareLine + 1);

      const { scopes } = await session.customRequest('scopes', { frameId: trace1.stackFrames[0].id });
      const inputScope = scopes.find((s: { name: string }) => s.name === 'Input');
      assert.ok(
        inputScope,
        `an Input scope in ${JSON.stringify(scopes.map((s: { name: string }) => s.name))}`,
      );
      const { variables } = await session.customRequest('variables', {
        variablesReference: inputScope.variablesReference,
      });
      const orderId = variables.find((v: { name: string }) => v.name === 'orderId');
      assert.ok(orderId, `orderId among ${JSON.stringify(variables)}`);
      assert.equal(orderId.value, '"o-1"');

      await session.customRequest('next', { threadId });
      const stop2 = await log.waitForEvent('stopped', 2);
      assert.equal(stop2.body?.reason, 'step');
      const trace2 = await session.customRequest('stackTrace', { threadId: stop2.body?.threadId });
      assert.match(trace2.stackFrames[0].name, /Await approval/);

      await session.customRequest('continue', { threadId: stop2.body?.threadId });
      const pending = await log.waitForEvent(PENDING_TASK_EVENT, 1);
      assert.equal(pending.body?.stateName, 'Await approval');
      assert.deepEqual(pending.body?.payload, {
        QueueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/approvals',
        MessageBody: { orderId: 'o-1', token: pending.body?.taskToken },
      });
      await session.customRequest(SEND_TASK_SUCCESS_REQUEST, {
        taskToken: pending.body?.taskToken,
        output: { approved: true },
      });

      await log.waitForEvent('terminated', 1);
      const exited = log.events('exited')[0];
      assert.equal(exited?.body?.exitCode, 0);
      const summary = log
        .events('output')
        .map((m) => String(m.body?.output ?? ''))
        .find((o) => o.startsWith('Execution succeeded. Output: '));
      assert.ok(summary, 'the adapter reported the execution result');
      assert.deepEqual(JSON.parse(summary.slice('Execution succeeded. Output: '.length)), {
        orderId: 'o-1',
        stage: 'prepared',
        approval: { approved: true },
      });
    } finally {
      vscode.debug.removeBreakpoints([bp]);
      tracker.dispose();
      if (vscode.debug.activeDebugSession) await vscode.debug.stopDebugging();
    }
  });
});
