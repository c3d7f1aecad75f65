import * as fs from 'fs';
import { LIMITS } from '../model/limits';
import type { Unreadable } from '../model/file-read';

/**
 * Opened without blocking, so that a regular file swapped for a FIFO between `stat` and `open` cannot hang the
 * open; Windows has no such flag (and no FIFOs on disk).
 */
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);
const CHUNK_BYTES = 64 * 1024;
/**
 * Errors that mean "there is no such file", which callers treat as absent (a `${file()}` falls back to its default).
 */
const MISSING = new Set(['ENOENT', 'ENOTDIR']);

/**
 * Reads a text file the way every loader here must: only a regular file, only up to `maxBytes`. A device
 * (`/dev/zero`), a FIFO, a socket or a folder is refused after `stat`, before it is opened, so nothing blocks
 * and nothing is read without end. Undefined when the file does not exist.
 */
export function readBoundedFile(
  file: string,
  maxBytes: number = LIMITS.maxReadFileBytes,
): string | undefined | Unreadable {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (error) {
    return failure(error);
  }
  const refused = refusal(stat, maxBytes);
  if (refused) return refused;
  let fd: number;
  try {
    fd = fs.openSync(file, OPEN_FLAGS);
  } catch (error) {
    return failure(error);
  }
  try {
    const opened = refusal(fs.fstatSync(fd), maxBytes);
    if (opened) return opened;
    // The size from stat is a hint only (files in /proc say 0, a log grows): read until the end or one byte past the
    // cap.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, maxBytes + 1 - total));
      const read = fs.readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      chunks.push(chunk.subarray(0, read));
      total += read;
      if (total > maxBytes) return { unreadable: `it holds more than ${size(maxBytes)}, the most that is read` };
    }
    return Buffer.concat(chunks, total).toString('utf8');
  } catch (error) {
    return failure(error);
  } finally {
    fs.closeSync(fd);
  }
}

function refusal(stat: fs.Stats, maxBytes: number): Unreadable | undefined {
  if (stat.isFile()) return stat.size > maxBytes ? { unreadable: tooLarge(stat.size, maxBytes) } : undefined;
  const kind = stat.isDirectory()
    ? 'a folder'
    : stat.isFIFO()
      ? 'a FIFO (named pipe)'
      : stat.isSocket()
        ? 'a socket'
        : stat.isCharacterDevice() || stat.isBlockDevice()
          ? 'a device'
          : 'not a regular file';
  return { unreadable: kind === 'not a regular file' ? kind : `it is ${kind}, not a regular file` };
}

function tooLarge(bytes: number, maxBytes: number): string {
  return `it is ${size(bytes)}; files over ${size(maxBytes)} are not read`;
}

function size(bytes: number): string {
  const MB = 1024 * 1024;
  return bytes >= MB ? `${(bytes / MB).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

function failure(error: unknown): undefined | Unreadable {
  const code = (error as NodeJS.ErrnoException).code;
  if (code && MISSING.has(code)) return undefined;
  return {
    unreadable: code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (code ?? (error as Error).message),
  };
}
