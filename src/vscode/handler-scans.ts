import * as vscode from 'vscode';
import type { Template } from '../core';
import type {
  ActionCatalogue,
  HandlerScansTable,
  PermissionAnalysis,
  PermissionInputs,
  ScanQuery,
} from '../core/permissions';
import { readWorkspaceText } from './workspace-files';

export type PermissionsCore = typeof import('../core/permissions');
let core: PermissionsCore | undefined;
/**
 * The handler scanners and the IAM catalogue loader (with the TypeScript compiler and the catalogue behind them)
 * are a separate chunk, dist/permissions.js, required at the first analysis: never during activation.
 */
export function permissionsCore(): PermissionsCore {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  core ??= require('../core/permissions') as PermissionsCore;
  return core;
}

const CODE_FILE = /\.(js|mjs|cjs|ts|mts|cts|jsx|tsx|py)$/;

/**
 * What the handler code of every analysed template calls, and the IAM catalogue of the services involved:
 * scanned asynchronously and never on the keystroke path, as `CodeFactsCache` measures handlers and packages.
 * Analyses read `inputs` (what is known), ask for the rest (`request`), and run again when `onDidUpdate` says
 * more is known. Editing a handler (unsaved text counts) or a file it imports scans it again.
 */
export class HandlerScansCache implements vscode.Disposable {
  private table: HandlerScansTable | undefined;
  private catalogue: ActionCatalogue | undefined;
  private snapshot: PermissionInputs | undefined;
  /** Every handler asked for, by scan key, and the ones waiting to be scanned (again). */
  private readonly requested = new Map<string, ScanQuery>();
  private readonly pending = new Map<string, ScanQuery>();
  /** Bumped per scan, so a template's analysis is redone only when one of its own handlers was scanned again. */
  private readonly generations = new Map<string, number>();
  private generation = 0;
  private catalogueGeneration = 0;
  private readonly services = new Set<string>();
  private readonly wantedServices = new Set<string>();
  private readonly queries = new WeakMap<Template, readonly ScanQuery[]>();
  private readonly asked = new WeakSet<Template>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidUpdate = this.emitter.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly debounceMs: () => number) {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.{js,mjs,cjs,ts,mts,cts,jsx,tsx,py}');
    this.subscriptions = [
      this.emitter,
      watcher,
      vscode.workspace.onDidChangeTextDocument((e) => this.codeChanged(e.document.uri)),
      // A new or deleted file may be a handler that was missing, or an import that now resolves elsewhere.
      watcher.onDidCreate(() => this.codeChanged()),
      watcher.onDidDelete(() => this.codeChanged()),
      watcher.onDidChange((uri) => this.codeChanged(uri)),
    ];
  }

  /** What the permission rules read now: undefined until the first scan was asked for. */
  get inputs(): PermissionInputs | undefined {
    if (!this.table) return undefined;
    this.snapshot ??= { scans: this.table, ...(this.catalogue ? { catalogue: this.catalogue } : {}) };
    return this.snapshot;
  }

  /** What is known about this template's own handlers (the analysis cache key). */
  signature(template: Template): string {
    if (!this.table) return '';
    const { scanKey } = permissionsCore();
    return `${this.queriesOf(template)
      .map((q) => this.generations.get(scanKey(q)) ?? '?')
      .join(',')}|${this.catalogueGeneration}`;
  }

  /** Asks for the template's handlers to be scanned and the catalogue of the services its analysis names. */
  request(template: Template, analysis: PermissionAnalysis): void {
    if (this.asked.has(template)) return;
    this.asked.add(template);
    const permissions = permissionsCore();
    this.table ??= new permissions.HandlerScansTable();
    for (const q of this.queriesOf(template)) {
      const key = permissions.scanKey(q);
      if (this.requested.has(key)) continue;
      this.requested.set(key, q);
      this.pending.set(key, q);
    }
    for (const s of permissions.servicesOf(analysis)) if (!this.services.has(s)) this.wantedServices.add(s);
    if (this.pending.size > 0 || this.wantedServices.size > 0) this.schedule(0);
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const s of this.subscriptions) s.dispose();
  }

  private queriesOf(template: Template): readonly ScanQuery[] {
    let queries = this.queries.get(template);
    if (!queries) {
      queries = permissionsCore().scanQueriesOf(template);
      this.queries.set(template, queries);
    }
    return queries;
  }

  private codeChanged(uri?: vscode.Uri): void {
    if (!this.table || (uri && !CODE_FILE.test(uri.path))) return;
    const table = this.table;
    for (const [key, q] of this.requested) {
      if (!uri || table.scanOf(q)?.files.includes(uri.fsPath)) this.pending.set(key, q);
    }
    if (this.pending.size > 0) this.schedule(this.debounceMs());
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      // Scans run one batch after another, so results land in the order the edits were made.
      this.running = this.running
        .then(() => this.scanPending())
        .catch((error) => {
          console.error('[serverless-workbench] scanning handler code failed:', error);
        });
    }, delayMs);
  }

  private async scanPending(): Promise<void> {
    const table = this.table;
    if (!table) return;
    const batch = [...this.pending];
    this.pending.clear();
    for (const [key, q] of batch) {
      const scan = table.scan(q, readWorkspaceText);
      this.generations.set(key, ++this.generation);
      for (const call of scan.calls) if (!this.services.has(call.prefix)) this.wantedServices.add(call.prefix);
      // One handler at a time, so the extension host answers the editor between two scans.
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (this.wantedServices.size > 0) {
      for (const s of this.wantedServices) this.services.add(s);
      this.wantedServices.clear();
      const catalogue = await permissionsCore()
        .loadCatalogue(this.services)
        .catch(() => undefined);
      if (catalogue) {
        this.catalogue = catalogue;
        this.catalogueGeneration++;
      }
    }
    this.snapshot = undefined;
    this.emitter.fire();
  }
}
