import { promises as fs } from 'fs';
import type { CodeFileSystem } from '../core/code/facts';

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
        e.isDirectory() ? [{ name: e.name, type: 'dir' }] : e.isFile() ? [{ name: e.name, type: 'file' }] : []);
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
