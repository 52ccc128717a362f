/**
 * The discrete-event scheduler behind an execution: one activity (execution, branch, iteration) runs at a
 * time and keeps running until it blocks (so each iteration's history stays contiguous, as in AWS), timers
 * run on a virtual clock that jumps forward only when every activity is blocked (or on host timers in
 * real-time mode), and cancellation scopes unwind aborted branches. No I/O: time comes from the host.
 */
import { type ActivityCancelled } from './statesError';

/** A cancellation scope: an execution, a Parallel branch, a Map iteration. Children cancel with parents. */
export class CancelScope {
  private reason: ActivityCancelled | undefined;
  private readonly listeners = new Set<(reason: ActivityCancelled) => void>();
  private readonly children = new Set<CancelScope>();

  constructor(readonly parent?: CancelScope) {
    parent?.children.add(this);
    if (parent?.reason) this.reason = parent.reason;
  }

  get cancelled(): ActivityCancelled | undefined {
    return this.reason;
  }

  cancel(reason: ActivityCancelled): void {
    if (this.reason) return;
    this.reason = reason;
    for (const child of this.children) child.cancel(reason);
    for (const listener of [...this.listeners]) listener(reason);
    this.listeners.clear();
  }

  /** Registers a listener; returns its removal. Runs at once when already cancelled. */
  onCancel(listener: (reason: ActivityCancelled) => void): () => void {
    if (this.reason) {
      listener(this.reason);
      return () => undefined;
    }
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  dispose(): void {
    this.parent?.children.delete(this);
  }

  throwIfCancelled(): void {
    if (this.reason) throw this.reason;
  }
}

interface Timer {
  at: number;
  seq: number;
  fire: () => void;
}

export interface SchedulerClock {
  mode: 'virtual' | 'real';
  /** Epoch ms of the start. */
  start: number;
  /** Real clock (epoch ms). */
  realNow: () => number;
  setTimer?: (ms: number, callback: () => void) => () => void;
}

/** Cooperative scheduler: `acquire` before running, `release` while blocked. */
export class ActivityScheduler {
  private held = false;
  private readonly queue: Array<() => void> = [];
  private timers: Timer[] = [];
  private seq = 0;
  private virtualNow: number;
  private external = 0;
  private checkQueued = false;

  constructor(private readonly clock: SchedulerClock) {
    this.virtualNow = clock.start;
  }

  /** Current time in epoch ms (simulated in virtual mode). */
  now(): number {
    return this.clock.mode === 'virtual' ? this.virtualNow : this.clock.realNow();
  }

  /** Take the run lock (FIFO); throws if the scope is cancelled before or while waiting. */
  async acquire(scope: CancelScope): Promise<void> {
    scope.throwIfCancelled();
    if (!this.held && this.queue.length === 0) {
      this.held = true;
      return;
    }
    await new Promise<void>((resolve) => this.queue.push(resolve));
    if (scope.cancelled) {
      this.release();
      throw scope.cancelled;
    }
  }

  /** Give the run lock to the next waiting activity. */
  release(): void {
    const next = this.queue.shift();
    if (next) {
      next();
      return;
    }
    this.held = false;
    this.scheduleQuiescenceCheck();
  }

  /** Run `work` with the lock released (waiting for children, a person, a host call). */
  async blocked<T>(
    scope: CancelScope,
    work: () => Promise<T>,
    options: { external?: boolean } = {},
  ): Promise<T> {
    if (options.external) this.external++;
    this.release();
    let value: T;
    try {
      value = await work();
    } finally {
      if (options.external) {
        this.external--;
        this.scheduleQuiescenceCheck();
      }
    }
    await this.acquire(scope);
    return value;
  }

  /**
   * A timer that resolves after `ms` of (virtual or real) time; rejects with the cancel reason when the
   * scope is cancelled first. Does not touch the run lock; use inside `blocked`.
   */
  timer(scope: CancelScope, ms: number): { promise: Promise<void>; cancel: () => void } {
    let cancelTimer: () => void = () => undefined;
    let removeListener: () => void = () => undefined;
    const promise = new Promise<void>((resolve, reject) => {
      const fire = () => {
        removeListener();
        resolve();
      };
      if (this.clock.mode === 'real' && this.clock.setTimer) {
        cancelTimer = this.clock.setTimer(Math.max(0, ms), fire);
      } else {
        const timer: Timer = { at: this.virtualNow + Math.max(0, ms), seq: this.seq++, fire };
        this.timers.push(timer);
        this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
        cancelTimer = () => {
          this.timers = this.timers.filter((t) => t !== timer);
        };
        this.scheduleQuiescenceCheck();
      }
      removeListener = scope.onCancel((reason) => {
        cancelTimer();
        reject(reason);
      });
    });
    return {
      promise,
      cancel: () => {
        cancelTimer();
        removeListener();
      },
    };
  }

  /** Sleep `ms` with the lock released. */
  async sleep(scope: CancelScope, ms: number): Promise<void> {
    const t = this.timer(scope, ms);
    await this.blocked(scope, () => t.promise);
  }

  /** Called by an external answer (sendTaskSuccess ...) to make sure time can move afterwards. */
  poke(): void {
    this.scheduleQuiescenceCheck();
  }

  private scheduleQuiescenceCheck(): void {
    if (this.clock.mode !== 'virtual' || this.checkQueued) return;
    this.checkQueued = true;
    // A macrotask: every promise continuation has run by then, so "nobody holds or waits for the lock"
    // really means every activity is blocked on a timer or on the outside world.
    const defer = (globalThis as { setImmediate?: (cb: () => void) => void }).setImmediate;
    const run = () => {
      this.checkQueued = false;
      this.advanceIfIdle();
    };
    if (defer) defer(run);
    else void Promise.resolve().then(run);
  }

  private advanceIfIdle(): void {
    if (this.held || this.queue.length > 0 || this.external > 0) return;
    const timer = this.timers.shift();
    if (!timer) return;
    if (timer.at > this.virtualNow) this.virtualNow = timer.at;
    timer.fire();
    this.scheduleQuiescenceCheck();
  }
}
