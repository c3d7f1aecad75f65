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
        type & vscode.FileType.Directory
          ? [{ name, type: 'dir' }]
          : type & vscode.FileType.File
            ? [{ name, type: 'file' }]
            : [],
      );
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

/** File events within this time are measured again together (a save, a `npm install`). */
const REMEASURE_DELAY_MS = 300;

/**
 * Handler existence and package sizes, measured asynchronously and never on the keystroke path: analyses read
 * what is known (`facts`), ask for the rest (`request`), and run again when `onDidUpdate` says more is known.
 * A change on disk under a measured folder measures it again; the old facts stay until the new ones replace
 * them, so a warning does not blink off and on.
 */
export class CodeFactsCache implements vscode.Disposable {
  private readonly table = new CodeFactsTable();
  /** What was asked for, by key (a missing folder is measured once, not on every analysis). */
  private readonly requested = new Map<string, CodeQueries>();
  private readonly stale = new Set<string>();
  private remeasure: NodeJS.Timeout | undefined;
  private readonly emitter = new vscode.EventEmitter<void>();
  private readonly watcher = vscode.workspace.createFileSystemWatcher('**/*');
  readonly onDidUpdate = this.emitter.event;

  private readonly subscriptions: vscode.Disposable[];

  constructor() {
    const changed = (uri: vscode.Uri): void => this.changed(uri.fsPath);
    // Files created, deleted, renamed or saved in the editor are reported at once; the file watcher covers the
    // rest (a terminal, git), and may lag on a busy machine.
    this.subscriptions = [
      this.watcher.onDidCreate(changed),
      this.watcher.onDidDelete(changed),
      this.watcher.onDidChange(changed),
      vscode.workspace.onDidCreateFiles((e) => e.files.forEach(changed)),
      vscode.workspace.onDidDeleteFiles((e) => e.files.forEach(changed)),
      vscode.workspace.onDidRenameFiles((e) =>
        e.files.forEach((f) => {
          changed(f.oldUri);
          changed(f.newUri);
        }),
      ),
      vscode.workspace.onDidSaveTextDocument((d) => changed(d.uri)),
    ];
  }

  get facts(): CodeFacts {
    return this.table;
  }

  request(queries: CodeQueries): void {
    const handlers = queries.handlers.filter((q) => !this.requested.has(handlerKey(q.dir, q.handler, q.runtime)));
    const packages = queries.packages.filter((dir) => !this.requested.has(dir));
    if (handlers.length === 0 && packages.length === 0) return;
    for (const q of handlers)
      this.requested.set(handlerKey(q.dir, q.handler, q.runtime), { handlers: [q], packages: [] });
    for (const dir of packages) this.requested.set(dir, { handlers: [], packages: [dir] });
    void measureCode({ handlers, packages }, workspaceFileSystem, this.table).finally(() => this.emitter.fire());
  }

  dispose(): void {
    clearTimeout(this.remeasure);
    for (const s of this.subscriptions) s.dispose();
    this.watcher.dispose();
    this.emitter.dispose();
  }

  private changed(file: string): void {
    if (/[\\/](\.git|node_modules[\\/]\.cache)[\\/]/.test(file)) return;
    for (const key of this.requested.keys()) if (isUnder(file, key.split('\u0000')[0])) this.stale.add(key);
    if (this.stale.size === 0) return;
    clearTimeout(this.remeasure);
    this.remeasure = setTimeout(() => void this.measureStale(), REMEASURE_DELAY_MS);
  }

  /** Measures the stale entries into a fresh table, then replaces the old facts in one step. */
  private async measureStale(): Promise<void> {
    const keys = [...this.stale];
    this.stale.clear();
    const queries = keys.map((k) => this.requested.get(k)).filter((q) => q !== undefined);
    const fresh = await measureCode(
      { handlers: queries.flatMap((q) => q.handlers), packages: queries.flatMap((q) => q.packages) },
      workspaceFileSystem,
    );
    for (const key of keys) {
      this.table.handlers.delete(key);
      this.table.packages.delete(key);
    }
    for (const [key, fact] of fresh.handlers) this.table.handlers.set(key, fact);
    for (const [dir, size] of fresh.packages) this.table.packages.set(dir, size);
    this.emitter.fire();
  }
}

function isUnder(file: string, dir: string): boolean {
  const relative = path.relative(dir, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}
