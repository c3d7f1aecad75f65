import * as path from 'path';
import * as vscode from 'vscode';
import type { CodeFacts, CodeFileSystem } from '../core/code/facts';
import { CodeFactsTable, handlerKey } from '../core/code/facts';
import { measureCode } from '../core/code/measure';
import type { CodeQueries } from '../core/code/targets';

/** The code measurement reads through vscode.workspace.fs, so it works on remote and virtual workspaces too. */
const workspaceFileSystem: CodeFileSystem = {
  async readFile(p) {
    try {
      return await vscode.workspace.fs.readFile(vscode.Uri.file(p));
    } catch {
      return undefined;
    }
  },
  async readDir(p) {
    try {
      const entries = await vscode.workspace.fs.readDirectory(vscode.Uri.file(p));
      return entries.flatMap(([name, type]): { name: string; type: 'file' | 'dir' }[] =>
        type & vscode.FileType.Directory ? [{ name, type: 'dir' }] : type & vscode.FileType.File ? [{ name, type: 'file' }] : []);
    } catch {
      return undefined;
    }
  },
  async fileSize(p) {
    try {
      return (await vscode.workspace.fs.stat(vscode.Uri.file(p))).size;
    } catch {
      return undefined;
    }
  },
};

/**
 * Handler existence and package sizes, measured asynchronously and never on the keystroke path: analyses read
 * what is known (`facts`), ask for the rest (`request`), and run again when `onDidUpdate` says more is known.
 * Code changes on disk drop what they invalidate.
 */
export class CodeFactsCache implements vscode.Disposable {
  private readonly table = new CodeFactsTable();
  /** Keys measured or being measured (a missing folder is measured once, not on every analysis). */
  private readonly requested = new Set<string>();
  private readonly emitter = new vscode.EventEmitter<void>();
  private readonly watcher = vscode.workspace.createFileSystemWatcher('**/*');
  readonly onDidUpdate = this.emitter.event;
  /** Bumped whenever the facts change, so analyses cached on an older version are recomputed. */
  version = 0;

  constructor() {
    const invalidate = (uri: vscode.Uri): void => this.invalidate(uri.fsPath);
    this.watcher.onDidCreate(invalidate);
    this.watcher.onDidDelete(invalidate);
    this.watcher.onDidChange(invalidate);
  }

  get facts(): CodeFacts {
    return this.table;
  }

  request(queries: CodeQueries): void {
    const handlers = queries.handlers.filter((q) => !this.requested.has(handlerKey(q.dir, q.handler, q.runtime)));
    const packages = queries.packages.filter((dir) => !this.requested.has(dir));
    if (handlers.length === 0 && packages.length === 0) return;
    for (const q of handlers) this.requested.add(handlerKey(q.dir, q.handler, q.runtime));
    for (const dir of packages) this.requested.add(dir);
    void measureCode({ handlers, packages }, workspaceFileSystem, this.table).finally(() => {
      this.version++;
      this.emitter.fire();
    });
  }

  dispose(): void {
    this.watcher.dispose();
    this.emitter.dispose();
  }

  /** A file under a measured folder changed: forget that folder's facts (they are measured again on the next request). */
  private invalidate(file: string): void {
    if (/[\\/](\.git|node_modules[\\/]\.cache)[\\/]/.test(file)) return;
    let changed = false;
    for (const key of [...this.requested]) {
      if (!isUnder(file, key.split('\u0000')[0])) continue;
      this.requested.delete(key);
      this.table.handlers.delete(key);
      this.table.packages.delete(key);
      changed = true;
    }
    if (changed) {
      this.version++;
      this.emitter.fire();
    }
  }
}

function isUnder(file: string, dir: string): boolean {
  const relative = path.relative(dir, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}
