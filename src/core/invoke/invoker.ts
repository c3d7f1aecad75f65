import { randomUUID } from 'crypto';
import { codeStamp } from './fingerprint';
import { LaunchError } from './launch-error';
import { endLine, reportLine, startLine } from './report';
import { planLaunch } from './runtimes';
import { FunctionSandbox } from './sandbox';
import { LATEST_VERSION } from './limits';
import type { InvocationResult, InvokeOptions, LocalFunction } from './types';

/** Lambda would scale out; locally a handful of parallel environments per function is plenty. */
const MAX_ENVIRONMENTS_PER_FUNCTION = 4;

interface PoolEntry {
  readonly fingerprint: string;
  readonly sandbox: FunctionSandbox;
  busy: boolean;
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
  private readonly pool = new Map<string, PoolEntry[]>();
  /** Environments started for one debug session each; never reused. */
  private readonly debugging = new Set<FunctionSandbox>();

  async invoke(fn: LocalFunction, payload: string | Buffer, options: InvokeOptions = {}): Promise<InvocationResult> {
    const body = typeof payload === 'string' ? Buffer.from(payload) : payload;
    const fingerprint = JSON.stringify(fn) + codeStamp(fn.codeDir);
    const entries = await this.retire(fn, fingerprint);
    let entry = entries.find((e) => !e.busy && e.sandbox.warm);
    if (!entry) {
      let sandbox: FunctionSandbox;
      try {
        sandbox = new FunctionSandbox(fn, await planLaunch(fn));
      } catch (error) {
        return launchFailure(fn, error, options);
      }
      entry = { fingerprint, sandbox, busy: false };
      if (entries.length < MAX_ENVIRONMENTS_PER_FUNCTION) entries.push(entry);
    }
    entry.busy = true;
    try {
      return await entry.sandbox.invoke(body, options);
    } finally {
      entry.busy = false;
      if (!entries.includes(entry)) await entry.sandbox.dispose();
    }
  }

  /** One invocation in a fresh environment started under a debugger, with the timeout off. */
  async debug(fn: LocalFunction, payload: string | Buffer, options: DebugOptions): Promise<InvocationResult> {
    const debugFn = { ...fn, timeoutSeconds: 0 };
    let sandbox: FunctionSandbox;
    try {
      sandbox = new FunctionSandbox(debugFn, await planLaunch(debugFn, { debugPort: options.debugPort }));
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
    return (this.pool.get(poolKey(fn)) ?? []).some((e) => e.sandbox.warm);
  }

  /** Process IDs of the live environments (for tests that prove nothing is left behind). */
  livePids(): number[] {
    return [...[...this.pool.values()].flat().map((e) => e.sandbox), ...this.debugging]
      .map((s) => s.pid)
      .filter((p): p is number => p !== undefined);
  }

  async dispose(): Promise<void> {
    const all = [...[...this.pool.values()].flat().map((e) => e.sandbox), ...this.debugging];
    this.pool.clear();
    this.debugging.clear();
    await Promise.all(all.map((s) => s.dispose()));
  }

  /** Drops environments started from other code or settings, and ones that died; returns the rest. */
  private async retire(fn: LocalFunction, fingerprint: string): Promise<PoolEntry[]> {
    const key = poolKey(fn);
    const entries = this.pool.get(key) ?? [];
    const keep = entries.filter((e) => e.busy || (e.fingerprint === fingerprint && e.sandbox.warm));
    await Promise.all(entries.filter((e) => !keep.includes(e)).map((e) => e.sandbox.dispose()));
    this.pool.set(key, keep);
    return keep;
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
