// ExecutionDriver's pause/step rules, driven by a scripted Execution double (a fixed sequence of states
// in given activities) so the rules are checked independently of the interpreter.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import type {
  BeforeStateContext,
  Execution,
  ExecutionEvent,
  ExecutionListener,
  ExecutionResult,
  LocationFrame,
} from '../../server/src/runtime/executionApi';
import {
  type ActivityView,
  ExecutionDriver,
  type StepKind,
  type StopReason,
} from '../../server/src/debug/executionDriver';

interface ScriptStep {
  activity: number;
  parent?: number;
  state: string;
}

/** Runs `script` in order, awaiting the hook before each state. */
class ScriptedExecution implements Execution {
  readonly executionArn = 'arn:test';
  readonly name = 'scripted';
  status: Execution['status'] = 'RUNNING';
  private readonly listeners: ExecutionListener[] = [];
  constructor(
    private readonly script: ScriptStep[],
    private readonly hook: (c: BeforeStateContext) => Promise<void>,
  ) {}
  onEvent(listener: ExecutionListener): () => void {
    this.listeners.push(listener);
    return () => undefined;
  }
  private emit(event: ExecutionEvent): void {
    for (const l of this.listeners) l(event);
  }
  async start(): Promise<ExecutionResult> {
    const started = new Set<number>();
    for (const step of this.script) {
      const location: LocationFrame[] = [
        { kind: 'execution', name: 'scripted' },
        { kind: 'state', stateName: step.state, statePath: ['States', step.state] },
      ];
      if (!started.has(step.activity)) {
        started.add(step.activity);
        this.emit({
          kind: 'activityStarted',
          activity: { id: step.activity, parentId: step.parent, location, current: undefined, variables: {} },
        });
      }
      await this.hook({
        activityId: step.activity,
        location,
        stateName: step.state,
        statePath: ['States', step.state],
        stateType: 'Pass',
        input: {},
        variables: {},
        context: {},
        replaceInput: () => undefined,
      });
    }
    this.status = 'SUCCEEDED';
    const result: ExecutionResult = {
      status: 'SUCCEEDED',
      output: {},
      startDate: '',
      stopDate: '',
      history: [],
    };
    this.emit({ kind: 'executionFinished', result });
    return result;
  }
  history() {
    return [];
  }
  activities() {
    return [];
  }
  pendingTasks() {
    return [];
  }
  sendTaskSuccess(): void {}
  sendTaskFailure(): void {}
  sendTaskHeartbeat(): void {}
  stop(): void {}
  now(): number {
    return 0;
  }
}

// execution (1): A, then Map M whose iterations are activities 2 and 3 (each runs I), then B.
const SCRIPT: ScriptStep[] = [
  { activity: 1, state: 'A' },
  { activity: 1, state: 'M' },
  { activity: 2, parent: 1, state: 'I' },
  { activity: 2, parent: 1, state: 'J' },
  { activity: 3, parent: 1, state: 'I' },
  { activity: 3, parent: 1, state: 'J' },
  { activity: 1, state: 'B' },
];

/** Runs the script; at each stop performs the next action; returns the stops as `reason:state@activity`. */
async function drive(
  actions: Array<StepKind | 'continue'>,
  options: { stopOnEntry?: boolean; breakAt?: string } = {},
): Promise<string[]> {
  const stops: string[] = [];
  const holder: { driver?: ExecutionDriver } = {};
  const onStop = (reason: StopReason, view: ActivityView) => {
    stops.push(`${reason}:${view.held?.stateName}@${view.activityId}`);
    const action = actions.shift() ?? 'continue';
    setImmediate(() =>
      action === 'continue' ? holder.driver!.continue() : holder.driver!.stepFrom(view.threadId, action),
    );
  };
  const driver = new ExecutionDriver({
    debug: true,
    stopOnEntry: options.stopOnEntry ?? true,
    decideBreak: async (c) => ({ stop: c.stateName === options.breakAt, breakpointIds: [] }),
    breakOnError: () => false,
    listener: {
      stopped: onStop,
      threadStarted: () => undefined,
      threadExited: () => undefined,
      event: () => undefined,
      finished: () => undefined,
    },
  });
  holder.driver = driver;
  await driver.run(new ScriptedExecution(SCRIPT, driver.hook!));
  return stops;
}

test('step over stays in the activity and skips the Map iterations', async () => {
  assert.deepEqual(await drive(['next', 'next', 'next']), ['entry:A@1', 'step:M@1', 'step:B@1']);
});

test('step into a Map enters the first iteration; step over walks it, then returns to the parent', async () => {
  assert.deepEqual(await drive(['next', 'stepIn', 'next', 'next', 'next']), [
    'entry:A@1',
    'step:M@1',
    'step:I@2',
    'step:J@2',
    'step:B@1',
  ]);
});

test('step out of an iteration runs to the state after the Map', async () => {
  assert.deepEqual(await drive(['next', 'stepIn', 'stepOut']), [
    'entry:A@1',
    'step:M@1',
    'step:I@2',
    'step:B@1',
  ]);
});

test('breakpoints hit in every iteration; continue runs to the next hit', async () => {
  assert.deepEqual(await drive(['continue', 'continue', 'continue'], { stopOnEntry: false, breakAt: 'I' }), [
    'breakpoint:I@2',
    'breakpoint:I@3',
  ]);
});

test('step out of the execution itself runs to the end', async () => {
  assert.deepEqual(await drive(['stepOut']), ['entry:A@1']);
});
