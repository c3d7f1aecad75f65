import * as fs from 'fs';

/**
 * Whether a process still runs (Linux's /proc): a zombie does not count, since a killed orphan stays one where the
 * container's PID 1 reaps nothing.
 */
export function isRunning(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}
