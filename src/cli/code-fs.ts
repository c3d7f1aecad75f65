import { promises as fs } from 'fs';
import type { CodeFileSystem } from '../core/code/facts';
import { readBoundedFile } from '../core/load';

/** The code measurement's file system for the terminal: Node's, with every failure meaning "not there". */
export const nodeCodeFileSystem: CodeFileSystem = {
  async readFile(path) {
    try {
      return await fs.readFile(path);
    } catch {
      return undefined;
    }
  },
  async readDir(path) {
    try {
      const entries = await fs.readdir(path, { withFileTypes: true });
      return entries.flatMap((e): { name: string; type: 'file' | 'dir' }[] =>
        e.isDirectory() ? [{ name: e.name, type: 'dir' }] : e.isFile() ? [{ name: e.name, type: 'file' }] : [],
      );
    } catch {
      return undefined;
    }
  },
  async fileSize(path) {
    try {
      return (await fs.stat(path)).size;
    } catch {
      return undefined;
    }
  },
};

/** A handler source for the permission scan: its text, or undefined when it is missing, too large or unreadable. */
export function readSourceText(path: string): string | undefined {
  const read = readBoundedFile(path);
  return typeof read === 'string' ? read : undefined;
}
