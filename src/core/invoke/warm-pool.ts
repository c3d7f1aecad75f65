import type { FunctionSandbox } from './sandbox';

/** How many environments of one function may run at once, and how long a call beyond that waits for one. */
export interface ConcurrencyLimits {
  /** Like reserved concurrency: the most environments one function runs at once. */
  readonly maxConcurrency: number;
  /** How long a call waits for a busy environment before it is throttled. */
  readonly queueWaitMs: number;
  /** An environment unused this long is stopped (Lambda, too, reclaims idle environments after some minutes). */
  readonly idleMs: number;
}

/**
 * The `serverlessWorkbench.invoke.maxConcurrency` default: ten environments per function keep a local API
 * responsive at tens of concurrent callers without starting more runtimes than a laptop runs well.
 */
export const DEFAULT_MAX_CONCURRENCY = 10;

/** A burst a little above the cap is absorbed by waiting; a steady overload is throttled within this time. */
const QUEUE_WAIT_MS = 2_000;

/** Idle environments are stopped after five minutes, the low end of what Lambda is seen to keep them. */
const IDLE_MS = 5 * 60_000;

export const DEFAULT_CONCURRENCY_LIMITS: ConcurrencyLimits = {
  maxConcurrency: DEFAULT_MAX_CONCURRENCY,
  queueWaitMs: QUEUE_WAIT_MS,
  idleMs: IDLE_MS,
};

/**
 * Every environment of the function is busy and none freed up in time: Lambda's throttle, `TooManyRequestsException`
 * with reason `ReservedFunctionConcurrentInvocationLimitExceeded` (Lambda API reference, "Invoke", Errors).
 */
export class TooManyRequestsError extends Error {
  constructor(
    readonly logicalId: string,
    readonly maxConcurrency: number,
  ) {
    super(`Rate Exceeded.`);
    this.name = 'TooManyRequestsException';
  }
}

export interface PoolEntry {
  readonly fingerprint: string;
  readonly sandbox: FunctionSandbox;
  busy: boolean;
  idleTimer?: NodeJS.Timeout;
}

/**
 * The warm environments of one function: reused while idle, grown on demand up to the cap, and handed on to
 * the longest-waiting caller when one frees up.
 */
export class FunctionPool {
  entries: PoolEntry[] = [];
  /** Environments being planned (TypeScript compiled, for one) that already count against the cap. */
  starting = 0;
  private readonly waiters: (() => void)[] = [];

  constructor(private readonly limits: ConcurrencyLimits) {}

  /** An idle warm environment of this code and settings, now marked busy. */
  takeIdle(fingerprint: string): PoolEntry | undefined {
    const entry = this.entries.find((e) => !e.busy && e.fingerprint === fingerprint && e.sandbox.warm);
    if (entry) this.markBusy(entry);
    return entry;
  }

  get hasRoom(): boolean {
    return this.entries.length + this.starting < this.limits.maxConcurrency;
  }

  add(entry: PoolEntry): void {
    this.entries.push(entry);
  }

  markBusy(entry: PoolEntry): void {
    clearTimeout(entry.idleTimer);
    entry.busy = true;
  }

  /** Waits until an environment frees up; false at `until` (`performance.now()` time: the caller is throttled). */
  waitForRelease(until: number, signal: AbortSignal | undefined): Promise<boolean> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', giveUp);
        resolve(true);
      };
      const giveUp = () => {
        clearTimeout(timer);
        const at = this.waiters.indexOf(wake);
        if (at >= 0) this.waiters.splice(at, 1);
        signal?.removeEventListener('abort', giveUp);
        resolve(false);
      };
      const timer = setTimeout(giveUp, Math.max(0, until - performance.now()));
      signal?.addEventListener('abort', giveUp, { once: true });
      this.waiters.push(wake);
    });
  }

  /** The invocation ended: the environment idles (and is reaped if it stays idle), and a waiter is woken. */
  release(entry: PoolEntry, reap: (entry: PoolEntry) => void): void {
    entry.busy = false;
    if (this.entries.includes(entry)) {
      entry.idleTimer = setTimeout(() => reap(entry), this.limits.idleMs);
      entry.idleTimer.unref();
    }
    this.wakeOne();
  }

  /** A slot freed up without an environment to hand on (one failed to start, or was stopped). */
  wakeOne(): void {
    this.waiters.shift()?.();
  }

  remove(entries: readonly PoolEntry[]): void {
    for (const e of entries) clearTimeout(e.idleTimer);
    this.entries = this.entries.filter((e) => !entries.includes(e));
  }
}
