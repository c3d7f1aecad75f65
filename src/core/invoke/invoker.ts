import { randomUUID } from 'crypto';
import { codeStamp } from './fingerprint';
import { LaunchError } from './launch-error';
import { endLine, reportLine, startLine } from './report';
import { planLaunch } from './runtimes';
import type { InterpreterMap } from './interpreters';
import { FunctionSandbox } from './sandbox';
import { LATEST_VERSION } from './limits';
import type { InvocationResult, InvokeOptions, LocalFunction } from './types';
import {
  DEFAULT_CONCURRENCY_LIMITS,
  FunctionPool,
  TooManyRequestsError,
  type ConcurrencyLimits,
  type PoolEntry,
} from './warm-pool';

export interface InvokerOptions extends Partial<ConcurrencyLimits> {
  /** Interpreter paths by runtime id (the `serverlessWorkbench.invoke.interpreters` setting). */
  readonly interpreters?: InterpreterMap;
}

export interface DebugOptions extends InvokeOptions {
  readonly debugPort: number;
  /** Called once the process listens for the debugger, before the event is delivered. */
  readonly onDebuggerReady?: () => void;
}

/**
 * Runs functions locally and keeps their execution environments warm while the function's settings and
 * code are unchanged (then the next invocation is cold again, as after a deploy).
 */
export class LocalInvoker {
  private readonly pools = new Map<string, FunctionPool>();
  /** Environments started for one debug session each; never reused. */
  private readonly debugging = new Set<FunctionSandbox>();
  private readonly limits: ConcurrencyLimits;
  private readonly interpreters: InterpreterMap;

  constructor({ interpreters = {}, ...limits }: InvokerOptions = {}) {
    this.limits = { ...DEFAULT_CONCURRENCY_LIMITS, ...limits };
    this.interpreters = interpreters;
  }

  /**
   * Runs one invocation in a warm environment, or a new one while the function has fewer than its cap; beyond
   * the cap it waits briefly for one to free up, then throws `TooManyRequestsError` as Lambda throttles.
   */
  async invoke(fn: LocalFunction, payload: string | Buffer, options: InvokeOptions = {}): Promise<InvocationResult> {
    const body = typeof payload === 'string' ? Buffer.from(payload) : payload;
    const fingerprint = JSON.stringify(fn) + codeStamp(fn.codeDir);
    const pool = this.poolOf(fn);
    const throttleAt = performance.now() + this.limits.queueWaitMs;
    let entry: PoolEntry | undefined;
    while (!entry) {
      await this.retire(pool, fingerprint);
      entry = pool.takeIdle(fingerprint);
      if (entry) break;
      if (pool.hasRoom) {
        const started = await this.start(fn, pool, fingerprint);
        if (!('sandbox' in started)) return launchFailure(fn, started.error, options);
        entry = started;
        break;
      }
      if (!(await pool.waitForRelease(throttleAt, options.signal))) {
        if (options.signal?.aborted) throw new Error('The invocation was cancelled before it started.');
        throw new TooManyRequestsError(fn.logicalId, this.limits.maxConcurrency);
      }
    }
    try {
      return await entry.sandbox.invoke(body, options);
    } finally {
      pool.release(entry, (idle) => this.reap(pool, idle));
    }
  }

  /** One invocation in a fresh environment started under a debugger, with the timeout off. */
  async debug(fn: LocalFunction, payload: string | Buffer, options: DebugOptions): Promise<InvocationResult> {
    const debugFn = { ...fn, timeoutSeconds: 0 };
    let sandbox: FunctionSandbox;
    try {
      sandbox = new FunctionSandbox(
        debugFn,
        await planLaunch(debugFn, { debugPort: options.debugPort, interpreters: this.interpreters }),
      );
    } catch (error) {
      return launchFailure(fn, error, options);
    }
    this.debugging.add(sandbox);
    try {
      const running = sandbox.invoke(typeof payload === 'string' ? Buffer.from(payload) : payload, options);
      options.onDebuggerReady?.();
      return await running;
    } finally {
      this.debugging.delete(sandbox);
      await sandbox.dispose();
    }
  }

  /** Whether the next invocation of this function would find a warm environment. */
  isWarm(fn: LocalFunction): boolean {
    return (this.pools.get(poolKey(fn))?.entries ?? []).some((e) => e.sandbox.warm);
  }

  /** Process IDs of the live environments (for tests that prove nothing is left behind). */
  livePids(): number[] {
    return this.sandboxes()
      .map((s) => s.pid)
      .filter((p): p is number => p !== undefined);
  }

  async dispose(): Promise<void> {
    const all = this.sandboxes();
    for (const pool of this.pools.values()) pool.remove(pool.entries);
    this.pools.clear();
    this.debugging.clear();
    await Promise.all(all.map((s) => s.dispose()));
  }

  private sandboxes(): FunctionSandbox[] {
    return [...[...this.pools.values()].flatMap((p) => p.entries.map((e) => e.sandbox)), ...this.debugging];
  }

  private poolOf(fn: LocalFunction): FunctionPool {
    const key = poolKey(fn);
    let pool = this.pools.get(key);
    if (!pool) this.pools.set(key, (pool = new FunctionPool(this.limits)));
    return pool;
  }

  /** A new environment, counted against the cap while its launch is planned. */
  private async start(
    fn: LocalFunction,
    pool: FunctionPool,
    fingerprint: string,
  ): Promise<PoolEntry | { error: unknown }> {
    pool.starting++;
    try {
      const entry = {
        fingerprint,
        sandbox: new FunctionSandbox(fn, await planLaunch(fn, { interpreters: this.interpreters })),
        busy: true,
      };
      pool.add(entry);
      return entry;
    } catch (error) {
      pool.wakeOne();
      return { error };
    } finally {
      pool.starting--;
    }
  }

  /** Drops idle environments started from other code or settings, and ones that died. */
  private async retire(pool: FunctionPool, fingerprint: string): Promise<void> {
    const gone = pool.entries.filter((e) => !e.busy && (e.fingerprint !== fingerprint || !e.sandbox.warm));
    pool.remove(gone);
    await Promise.all(gone.map((e) => e.sandbox.dispose()));
  }

  private reap(pool: FunctionPool, entry: PoolEntry): void {
    if (entry.busy) return;
    pool.remove([entry]);
    void entry.sandbox.dispose();
  }
}

function poolKey(fn: LocalFunction): string {
  return `${fn.workspaceDir}\0${fn.logicalId}`;
}

/** A function that could not even start, told in Lambda's words: an init error with its type. */
function launchFailure(fn: LocalFunction, error: unknown, options: InvokeOptions): InvocationResult {
  const errorType = error instanceof LaunchError ? error.errorType : 'Runtime.Unknown';
  const errorMessage = error instanceof Error ? error.message : String(error);
  const requestId = randomUUID();
  const logs = [
    `${errorType}: ${errorMessage}\n`,
    startLine(requestId, LATEST_VERSION),
    endLine(requestId),
    reportLine({
      requestId,
      durationMs: 0,
      billedDurationMs: 0,
      memorySizeMb: fn.memorySizeMb,
      maxMemoryUsedMb: undefined,
    }),
  ].join('');
  options.onLog?.(logs);
  return {
    requestId,
    payload: JSON.stringify({ errorType, errorMessage }),
    functionError: { errorType, errorMessage },
    logs,
    durationMs: 0,
    billedDurationMs: 0,
    memorySizeMb: fn.memorySizeMb,
    maxMemoryUsedMb: undefined,
    initDurationMs: undefined,
    cold: true,
    costUsd: 0,
    timedOut: false,
    totalMs: 0,
  };
}
