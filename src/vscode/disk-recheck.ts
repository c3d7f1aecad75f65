import { promises as fs } from 'fs';
import type * as vscode from 'vscode';

/**
 * How often the templates the store knows are compared with the disk. The file watcher reports most changes at
 * once, but under load (or on file systems it cannot watch) it reports late or never; a stat of each known
 * template every second keeps a file deleted or rewritten outside the editor out of date for at most this long.
 */
export const DISK_RECHECK_MS = 1000;

/** What a template file looked like on disk when it was read: a rewrite changes one of the two. */
export interface DiskStamp {
  readonly mtimeMs: number;
  readonly size: number;
}

/** The file's stamp, or undefined when it is gone (or no longer a regular file). Only `file:` URIs are stat'ed. */
export async function diskStampOf(uri: vscode.Uri): Promise<DiskStamp | undefined | 'not-on-disk'> {
  if (uri.scheme !== 'file') return 'not-on-disk';
  try {
    const stat = await fs.stat(uri.fsPath);
    return stat.isFile() ? { mtimeMs: stat.mtimeMs, size: stat.size } : undefined;
  } catch {
    return undefined;
  }
}

export function sameStamp(a: DiskStamp | undefined, b: DiskStamp | undefined): boolean {
  return a?.mtimeMs === b?.mtimeMs && a?.size === b?.size;
}

/**
 * Runs `check` every `DISK_RECHECK_MS`, never two at once (a slow disk skips a beat rather than piling up stats).
 */
export function everyRecheck(check: () => Promise<void>): vscode.Disposable {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    void check().finally(() => (running = false));
  }, DISK_RECHECK_MS);
  return { dispose: () => clearInterval(timer) };
}
