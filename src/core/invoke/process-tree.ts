import type { ChildProcess } from 'child_process';
import * as fs from 'fs';

/**
 * Runtimes start in their own process group (spawned `detached`), so that killing the group also ends what
 * a handler started. Every live group is remembered and killed when our own process exits, however it exits.
 */
const liveGroups = new Set<number>();
let exitHookInstalled = false;

export function trackGroup(child: ChildProcess): void {
  if (child.pid === undefined) return;
  liveGroups.add(child.pid);
  child.once('exit', () => liveGroups.delete(child.pid as number));
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once('exit', () => {
      for (const pid of liveGroups) killGroup(pid);
    });
  }
}

/** SIGKILL to the whole group; falls back to the process alone where groups do not exist (Windows). */
export function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(process.platform === 'win32' ? pid : -pid, 'SIGKILL');
  } catch {
    try { process.kill(pid, 'SIGKILL'); } catch { /* already gone */ }
  }
  liveGroups.delete(pid);
}

/** Whether any process of the group is still alive (signal 0 probes without killing). */
export function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

export interface MemorySample {
  /** Resident set size now, MB. */
  readonly rssMb: number;
  /** Peak resident set size of the process's life (Linux VmHWM), MB: Lambda's "Max Memory Used". */
  readonly peakMb: number;
}

/** Reads a process's memory from /proc (Linux); undefined elsewhere or when the process is gone. */
export function sampleMemory(pid: number | undefined): MemorySample | undefined {
  if (pid === undefined || process.platform !== 'linux') return undefined;
  let status: string;
  try {
    status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return undefined;
  }
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  const rss = kb('VmRSS');
  const peak = kb('VmHWM');
  if (Number.isNaN(rss) || Number.isNaN(peak)) return undefined;
  return { rssMb: rss / 1024, peakMb: peak / 1024 };
}
