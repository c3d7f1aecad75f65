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
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
  liveGroups.delete(pid);
}

export interface MemorySample {
  /** Resident set size now, MB. */
  readonly rssMb: number;
  /** Peak resident set size (Linux VmHWM), MB: Lambda's "Max Memory Used". */
  readonly peakMb: number;
}

function readStatus(pid: number): { rss: number; peak: number } | undefined {
  let status: string;
  try {
    status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return undefined;
  }
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  const rss = kb('VmRSS');
  const peak = kb('VmHWM');
  return Number.isNaN(rss) || Number.isNaN(peak) ? undefined : { rss, peak };
}

/** Child processes of `pid` (every thread's children, as /proc lists them), then theirs. */
export function descendants(pid: number): number[] {
  const found: number[] = [];
  const visit = (parent: number) => {
    let tasks: string[];
    try {
      tasks = fs.readdirSync(`/proc/${parent}/task`);
    } catch {
      return;
    }
    for (const tid of tasks) {
      let children = '';
      try {
        children = fs.readFileSync(`/proc/${parent}/task/${tid}/children`, 'utf8');
      } catch {
        /* gone */
      }
      for (const child of children.split(' ').filter(Boolean).map(Number)) {
        found.push(child);
        visit(child);
      }
    }
  };
  visit(pid);
  return found;
}

/**
 * Memory of an execution environment on Linux, as Lambda counts it: the runtime process and everything it
 * started. `childrenOnly` leaves out a launcher that is ours, not the function's (the custom-runtime wrapper).
 * Undefined elsewhere or when nothing is left to measure.
 */
export function sampleMemory(pid: number | undefined, childrenOnly = false): MemorySample | undefined {
  if (pid === undefined || process.platform !== 'linux') return undefined;
  const pids = childrenOnly ? descendants(pid) : [pid, ...descendants(pid)];
  let rss = 0;
  let peak = 0;
  let any = false;
  for (const p of pids) {
    const s = readStatus(p);
    if (!s) continue;
    any = true;
    rss += s.rss;
    peak += s.peak;
  }
  return any ? { rssMb: rss / 1024, peakMb: peak / 1024 } : undefined;
}
