/**
 * The "Pending Tasks" view and notifications: lists the task tokens `asl` debug sessions wait on
 * (custom `pendingTask` / `pendingTaskClosed` events) and answers them through the custom requests
 * sendTaskSuccess / sendTaskFailure / sendTaskHeartbeat, asking for the output JSON or error and cause.
 */
import * as vscode from 'vscode';
import { ASL_DEBUG_TYPE } from '../../../server/src/protocol/launchConfiguration';
import {
  PENDING_TASK_CLOSED_EVENT,
  PENDING_TASK_EVENT,
  type PendingTaskClosedEventBody,
  type PendingTaskEventBody,
  SEND_TASK_FAILURE_REQUEST,
  SEND_TASK_HEARTBEAT_REQUEST,
  SEND_TASK_SUCCESS_REQUEST,
} from '../../../server/src/protocol/debugExtensions';
import { askFailure, askOutput } from './taskPrompts';

export const PENDING_TASKS_VIEW = 'asl.pendingTasks';
export const SEND_SUCCESS_COMMAND = 'asl.sendTaskSuccess';
export const SEND_FAILURE_COMMAND = 'asl.sendTaskFailure';
export const SEND_HEARTBEAT_COMMAND = 'asl.sendTaskHeartbeat';

interface PendingItem {
  session: vscode.DebugSession;
  task: PendingTaskEventBody;
}

export class PendingTasksView implements vscode.TreeDataProvider<PendingItem> {
  private readonly items = new Map<string, PendingItem>();
  private readonly changed = new vscode.EventEmitter<PendingItem | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  register(context: vscode.ExtensionContext): void {
    context.subscriptions.push(
      this.changed,
      vscode.window.registerTreeDataProvider(PENDING_TASKS_VIEW, this),
      vscode.debug.onDidReceiveDebugSessionCustomEvent((e) => this.onCustomEvent(e)),
      vscode.debug.onDidTerminateDebugSession((session) => this.forgetSession(session)),
      vscode.commands.registerCommand(SEND_SUCCESS_COMMAND, (item?: PendingItem) =>
        this.answer(item, 'success'),
      ),
      vscode.commands.registerCommand(SEND_FAILURE_COMMAND, (item?: PendingItem) =>
        this.answer(item, 'failure'),
      ),
      vscode.commands.registerCommand(SEND_HEARTBEAT_COMMAND, (item?: PendingItem) =>
        this.answer(item, 'heartbeat'),
      ),
    );
  }

  getTreeItem(item: PendingItem): vscode.TreeItem {
    const tree = new vscode.TreeItem(item.task.stateName, vscode.TreeItemCollapsibleState.None);
    tree.description = item.task.resource;
    tree.tooltip = new vscode.MarkdownString(
      `**${item.task.stateName}** waits for an answer\n\n` +
        `- location: ${item.task.location ?? ''}\n- token: \`${item.task.taskToken}\`\n\n` +
        '```json\n' +
        JSON.stringify(item.task.payload, null, 2) +
        '\n```',
    );
    tree.contextValue = 'aslPendingTask';
    tree.iconPath = new vscode.ThemeIcon('watch');
    return tree;
  }

  getChildren(): PendingItem[] {
    return [...this.items.values()];
  }

  private onCustomEvent(e: vscode.DebugSessionCustomEvent): void {
    if (e.session.type !== ASL_DEBUG_TYPE) return;
    if (e.event === PENDING_TASK_EVENT) {
      const task = e.body as PendingTaskEventBody;
      const item = { session: e.session, task };
      this.items.set(task.taskToken, item);
      this.changed.fire(undefined);
      void this.notify(item);
    } else if (e.event === PENDING_TASK_CLOSED_EVENT) {
      const body = e.body as PendingTaskClosedEventBody;
      if (this.items.delete(body.taskToken)) this.changed.fire(undefined);
    }
  }

  private forgetSession(session: vscode.DebugSession): void {
    let removed = false;
    for (const [token, item] of this.items) {
      if (item.session.id === session.id) removed = this.items.delete(token) || removed;
    }
    if (removed) this.changed.fire(undefined);
  }

  private async notify(item: PendingItem): Promise<void> {
    const choice = await vscode.window.showInformationMessage(
      `Task "${item.task.stateName}" waits for an answer (${item.task.resource}).`,
      'Send Success…',
      'Send Failure…',
      'Heartbeat',
    );
    if (!this.items.has(item.task.taskToken)) return;
    if (choice === 'Send Success…') await this.answer(item, 'success');
    else if (choice === 'Send Failure…') await this.answer(item, 'failure');
    else if (choice === 'Heartbeat') await this.answer(item, 'heartbeat');
  }

  private async answer(
    item: PendingItem | undefined,
    kind: 'success' | 'failure' | 'heartbeat',
  ): Promise<void> {
    const target = item ?? (await this.pick());
    if (!target) return;
    const { session, task } = target;
    try {
      if (kind === 'success') {
        const output = await askOutput(task);
        if (output === undefined) return;
        await session.customRequest(SEND_TASK_SUCCESS_REQUEST, { taskToken: task.taskToken, output });
      } else if (kind === 'failure') {
        const failure = await askFailure(task);
        if (!failure) return;
        await session.customRequest(SEND_TASK_FAILURE_REQUEST, { taskToken: task.taskToken, ...failure });
      } else {
        await session.customRequest(SEND_TASK_HEARTBEAT_REQUEST, { taskToken: task.taskToken });
      }
    } catch (error) {
      void vscode.window.showErrorMessage(error instanceof Error ? error.message : String(error));
    }
  }

  private async pick(): Promise<PendingItem | undefined> {
    const items = this.getChildren();
    if (items.length <= 1) return items[0];
    const picked = await vscode.window.showQuickPick(
      items.map((item) => ({ label: item.task.stateName, description: item.task.location, item })),
      { placeHolder: 'Which pending task?' },
    );
    return picked?.item;
  }
}
