import * as vscode from 'vscode';
import type { AwsProblem, StackRead } from '../../core/cloud';
import type { Template } from '../../core';
import type { TemplateStore } from '../template-store';
import { cloudCore, type CloudCore } from './core';
import { cloudContextOf, contextKey, type CloudContext } from './target';
import { problemOf, showAwsProblem } from '../aws-problems';

/** What is known of one template's deployed stack: being read, read, or why it could not be. */
export type StackEntry =
  | { readonly state: 'unnamed'; readonly key: string; readonly context: CloudContext; readonly missing: string }
  | { readonly state: 'reading'; readonly key: string; readonly context: CloudContext }
  | { readonly state: 'read'; readonly key: string; readonly context: CloudContext; readonly read: StackRead }
  | { readonly state: 'failed'; readonly key: string; readonly context: CloudContext; readonly problem: AwsProblem };

/**
 * The deployed stacks of the workspace's templates, read only when the user asks (expands "Deployed stack", runs
 * Refresh Deployed State or a command that needs the stack) and kept until refreshed: no AWS call happens on its
 * own. A read is for one stack name, Region and profile; when those change the entry is stale and not shown.
 */
export class DeployedState implements vscode.Disposable {
  private readonly entries = new Map<string, StackEntry>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly store: TemplateStore) {}

  /** The current entry of a template, when it was read for the stack, Region and profile that apply now. */
  entry(uri: vscode.Uri, core: CloudCore | undefined): StackEntry | undefined {
    const entry = this.entries.get(uri.toString());
    const context = core && this.contextOf(core, uri);
    return entry && context && entry.key === contextKey(context) ? entry : undefined;
  }

  contextOf(core: CloudCore, uri: vscode.Uri): CloudContext | undefined {
    const template = this.store.get(uri);
    const inputs = this.store.inputsOf(uri);
    return template && inputs ? cloudContextOf(core, uri, template, inputs) : undefined;
  }

  /** Reads (again) a template's stack; the explorer shows "reading" meanwhile. Failures are kept and returned. */
  async refresh(uri: vscode.Uri): Promise<StackEntry | undefined> {
    const core = await cloudCore();
    const context = this.contextOf(core, uri);
    if (!context) return undefined;
    const key = contextKey(context);
    if ('missing' in context.stack) {
      const unnamed: StackEntry = { state: 'unnamed', key, context, missing: context.stack.missing };
      this.set(uri, unnamed);
      return unnamed;
    }
    this.set(uri, { state: 'reading', key, context });
    let entry: StackEntry;
    try {
      entry = { state: 'read', key, context, read: await core.readDeployedStack(context.target, context.stack.value) };
    } catch (error) {
      entry = { state: 'failed', key, context, problem: problemOf(error) };
    }
    if (this.entries.get(uri.toString())?.key === key) this.set(uri, entry);
    return entry;
  }

  /** Refreshes what was read before (after a deploy, or on demand), or every template when nothing was. */
  async refreshAll(): Promise<(StackEntry | undefined)[]> {
    const read = [...this.entries.keys()].map((u) => vscode.Uri.parse(u));
    const uris = read.length > 0 ? read : (await this.store.all()).map((e) => e.uri);
    return Promise.all(uris.map((u) => this.refresh(u)));
  }

  /**
   * The stack of a template for a command the user ran: the cached read, or a read now. Says what is wrong
   * (no stack name, not deployed, an AWS problem with its action) and returns undefined then.
   */
  async stackFor(uri: vscode.Uri): Promise<{ template: Template; read: StackRead; context: CloudContext } | undefined> {
    const core = await cloudCore();
    const template = this.store.get(uri);
    const context = this.contextOf(core, uri);
    if (!template || !context) {
      void vscode.window.showErrorMessage(`Cannot read ${vscode.workspace.asRelativePath(uri)} as a template.`);
      return undefined;
    }
    if ('missing' in context.stack) {
      void vscode.window.showErrorMessage(`${vscode.workspace.asRelativePath(uri)}: ${context.stack.missing}.`);
      return undefined;
    }
    const cached = this.entry(uri, core);
    const entry = cached?.state === 'read' ? cached : await this.refresh(uri);
    if (entry?.state === 'failed') {
      void showAwsProblem(entry.problem, () => this.refresh(uri));
      return undefined;
    }
    return entry?.state === 'read' ? { template, read: entry.read, context } : undefined;
  }

  /** Forgets every read (the integration tests leave the explorer as they found it). */
  forget(): void {
    this.entries.clear();
    this.changed.fire();
  }

  private set(uri: vscode.Uri, entry: StackEntry): void {
    this.entries.set(uri.toString(), entry);
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }
}
