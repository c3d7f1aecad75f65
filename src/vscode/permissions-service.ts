import * as vscode from 'vscode';
import type { Template } from '../core';
import type { PermissionAnalysis } from '../core/permissions';
import type { TemplateStore } from './template-store';
import { readWorkspaceText } from './workspace-files';

export type PermissionsCore = typeof import('../core/permissions');
let core: PermissionsCore | undefined;
/**
 * The permissions core (with the TypeScript compiler and IAM catalogue behind it) is a separate chunk,
 * dist/permissions.js, required at the first analysis: never during activation.
 */
export function permissionsCore(): PermissionsCore {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  core ??= require('../core/permissions') as PermissionsCore;
  return core;
}

export interface PermissionsEntry {
  readonly uri: vscode.Uri;
  readonly template: Template;
  readonly analysis: PermissionAnalysis;
  /** The text of every file the analysis read, to place findings in handler sources. */
  readonly texts: ReadonlyMap<string, string>;
}

const CODE_FILE = /\.(js|mjs|cjs|ts|mts|cts|jsx|tsx|py)$/;

/**
 * Runs the permission analysis for every template in the store, again when a template or one of the
 * handler files it read changes (open documents are read from the editor, so unsaved code counts).
 */
export class PermissionsService implements vscode.Disposable {
  private readonly onDidChangeEmitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.onDidChangeEmitter.event;
  private readonly entries = new Map<string, PermissionsEntry>();
  private readonly disposables: vscode.Disposable[] = [];
  private codeTimer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();

  constructor(private readonly store: TemplateStore, private readonly debounceMs: () => number) {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.{js,mjs,cjs,ts,mts,cts,jsx,tsx,py}');
    this.disposables.push(
      this.onDidChangeEmitter, watcher,
      store.onDidChange((uri) => this.enqueue(uri ? [uri] : undefined)),
      vscode.workspace.onDidChangeTextDocument((e) => this.codeChanged(e.document.uri)),
      watcher.onDidCreate(() => this.codeChanged()),
      watcher.onDidDelete(() => this.codeChanged()),
      watcher.onDidChange((uri) => this.codeChanged(uri)),
    );
    // The first analysis runs after activation has returned, never during it.
    setTimeout(() => this.enqueue(undefined), 0);
  }

  all(): PermissionsEntry[] {
    return [...this.entries.values()];
  }

  get(uri: vscode.Uri): PermissionsEntry | undefined {
    return this.entries.get(uri.toString());
  }

  /** Resolves when every analysis requested so far has finished (for tests and commands). */
  idle(): Promise<void> {
    return this.running;
  }

  dispose(): void {
    clearTimeout(this.codeTimer);
    for (const d of this.disposables) d.dispose();
  }

  private codeChanged(uri?: vscode.Uri): void {
    if (uri && !CODE_FILE.test(uri.path)) return;
    const affected = uri ? this.all().filter((e) => e.texts.has(uri.fsPath)).map((e) => e.uri) : undefined;
    if (affected && affected.length === 0) return;
    clearTimeout(this.codeTimer);
    this.codeTimer = setTimeout(() => this.enqueue(affected), this.debounceMs());
  }

  /** Analyses run one after another, so results land in the order the edits were made. */
  private enqueue(uris: vscode.Uri[] | undefined): void {
    this.running = this.running.then(() => this.analyse(uris)).catch((error) => {
      console.error('[serverless-workbench] permission analysis failed:', error);
    });
  }

  private async analyse(uris: vscode.Uri[] | undefined): Promise<void> {
    const permissions = permissionsCore();
    const all = await this.store.all();
    const targets = uris ? all.filter((e) => uris.some((u) => u.toString() === e.uri.toString())) : all;
    // Templates that are gone (deleted, or no longer templates) lose their findings.
    for (const key of [...this.entries.keys()]) {
      if (!all.some((e) => e.uri.toString() === key)) this.entries.delete(key);
    }
    for (const { uri, template } of targets) {
      const texts = new Map<string, string>();
      const readFile = (file: string): string | undefined => {
        const text = readWorkspaceText(file);
        if (text !== undefined) texts.set(file, text);
        return text;
      };
      try {
        const first = permissions.analyzePermissions(template, { readFile });
        const catalogue = await permissions.loadCatalogue(permissions.servicesOf(first)).catch(() => undefined);
        const analysis = catalogue ? permissions.analyzePermissions(template, { readFile, catalogue }) : first;
        this.entries.set(uri.toString(), { uri, template, analysis, texts });
      } catch (error) {
        // One template's failure must not keep the others' findings from the editor.
        this.entries.delete(uri.toString());
        console.error(`[serverless-workbench] permission analysis of ${uri.fsPath} failed:`, error);
      }
    }
    this.onDidChangeEmitter.fire();
  }
}
