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
  /** Position in the timer heap; -1 once fired or cancelled. */
  index: number;
}

/** Earlier `at` first; equal times in creation order. */
function earlier(a: Timer, b: Timer): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}

/** Binary min-heap of virtual timers with O(log n) insert, pop and removal (each timer knows its slot). */
class TimerHeap {
  private readonly items: Timer[] = [];

  get size(): number {
    return this.items.length;
  }

  push(timer: Timer): void {
    timer.index = this.items.length;
    this.items.push(timer);
    this.up(timer.index);
  }

  pop(): Timer | undefined {
    if (this.items.length === 0) return undefined;
    const top = this.items[0];
    this.removeAt(0);
    return top;
  }

  remove(timer: Timer): void {
    if (timer.index >= 0 && this.items[timer.index] === timer) this.removeAt(timer.index);
  }

  private removeAt(i: number): void {
    const removed = this.items[i];
    const last = this.items.pop()!;
    removed.index = -1;
    if (last === removed) return;
    this.items[i] = last;
    last.index = i;
    this.down(i);
    this.up(last.index);
  }

  private up(i: number): void {
    const items = this.items;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!earlier(items[i], items[parent])) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  private down(i: number): void {
    const items = this.items;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= items.length) return;
      const right = left + 1;
      const child = right < items.length && earlier(items[right], items[left]) ? right : left;
      if (!earlier(items[child], items[i])) return;
      this.swap(i, child);
      i = child;
    }
  }

  private swap(i: number, j: number): void {
    const a = this.items[i];
    const b = this.items[j];
    this.items[i] = b;
    this.items[j] = a;
    a.index = j;
    b.index = i;
  }
}

/** FIFO of lock waiters: an array with a head index (O(1) dequeue), compacted once half of it is consumed. */
class WaitQueue {
  private items: Array<(() => void) | undefined> = [];
  private head = 0;

  get length(): number {
    return this.items.length - this.head;
  }

  push(waiter: () => void): void {
    this.items.push(waiter);
  }

  shift(): (() => void) | undefined {
    if (this.head === this.items.length) return undefined;
    const waiter = this.items[this.head];
    this.items[this.head++] = undefined;
    if (this.head === this.items.length) {
      this.items = [];
      this.head = 0;
    } else if (this.head >= 1024 && this.head * 2 >= this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return waiter;
  }
}

export interface SchedulerClock {
  mode: 'virtual' | 'real';
  /** Epoch ms of the start. */
  start: number;
  /** Real clock (epoch ms). */
  realNow: () => number;
  setTimer?: (ms: number, callback: () => void) => () => void;
}

/**
 * Cooperative scheduler: `acquire` before running, `release` while blocked. Invariant: an activity's code
 * runs only while it holds the lock, so every way out of `blocked` (value, failure, cancellation) returns
 * with the lock held again.
 */
export class ActivityScheduler {
  private held = false;
  private readonly queue = new WaitQueue();
  private readonly timers = new TimerHeap();
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

  /**
   * Take the run lock (FIFO); throws if the scope is cancelled before or while waiting, and then does NOT
   * hold the lock (the caller must not release it).
   */
  async acquire(scope: CancelScope): Promise<void> {
    scope.throwIfCancelled();
    await this.take();
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

  /**
   * Run `work` with the lock released (waiting for children, a person, a host call). Always returns or
   * throws with the lock held again: `work`'s failure is rethrown, or else the scope's cancel reason.
   */
  async blocked<T>(
    scope: CancelScope,
    work: () => Promise<T>,
    options: { external?: boolean } = {},
  ): Promise<T> {
    if (options.external) this.external++;
    this.release();
    let outcome: { ok: true; value: T } | { ok: false; error: unknown };
    try {
      outcome = { ok: true, value: await work() };
    } catch (error) {
      outcome = { ok: false, error };
    } finally {
      if (options.external) {
        this.external--;
        this.scheduleQuiescenceCheck();
      }
    }
    await this.take();
    if (!outcome.ok) throw outcome.error;
    scope.throwIfCancelled();
    return outcome.value;
  }

  /** Waits for the lock regardless of cancellation (FIFO). */
  private take(): Promise<void> {
    if (!this.held && this.queue.length === 0) {
      this.held = true;
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => this.queue.push(resolve));
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
        const timer: Timer = { at: this.virtualNow + Math.max(0, ms), seq: this.seq++, fire, index: -1 };
        this.timers.push(timer);
        cancelTimer = () => this.timers.remove(timer);
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
    const timer = this.timers.pop();
    if (!timer) return;
    if (timer.at > this.virtualNow) this.virtualNow = timer.at;
    timer.fire();
    this.scheduleQuiescenceCheck();
  }
}
