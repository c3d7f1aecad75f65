/**
 * A file that exists but was not read, and why ("is a FIFO", "is 12.0 MB"): readers return this instead of
 * text so that the place asking for the file (a `${file()}`) can say so, where a missing file returns undefined.
 */
export interface Unreadable {
  readonly unreadable: string;
}

/** Reads a file by path: its text, undefined when it does not exist, or why it was not read. */
export type ReadFile = (path: string) => string | undefined | Unreadable;

export function isUnreadable(read: string | undefined | Unreadable): read is Unreadable {
  return typeof read === 'object';
}
