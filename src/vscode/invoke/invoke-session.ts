import * as vscode from 'vscode';
import type { TemplateStore } from '../template-store';
import { debugFunction } from './debug';
import { LocalEndpoint } from './endpoint';
import { InvokeHistory } from './history';
import { LocalApiCommand } from './local-api';
import type { ResultDocuments } from './result-documents';
import { ResultView } from './result-view';
import { InvokeRunner } from './runner';
import { functionFromArgs } from './target';

/**
 * What the invoke commands work with: the result view, the history, the runner, the local endpoint and the local
 * API. Made at the first invoke command (src/vscode/invoke/index.ts) from a chunk of its own
 * (dist/invoke-session.js, scripts/chunks.mjs SHARING_CHUNKS), so activation neither loads nor makes any of it.
 */
export class InvokeSession implements vscode.Disposable {
  readonly view: ResultView;
  readonly runner: InvokeRunner;
  readonly endpoint: LocalEndpoint;
  readonly localApi: LocalApiCommand;
  private readonly history: InvokeHistory;

  constructor(
    context: vscode.ExtensionContext,
    private readonly store: TemplateStore,
    documents: ResultDocuments,
  ) {
    this.view = new ResultView(vscode.Uri.joinPath(context.extensionUri, 'dist', 'webview'), documents);
    this.history = new InvokeHistory(context.workspaceState);
    this.runner = new InvokeRunner(store, this.view, this.history, context.globalState);
    this.endpoint = new LocalEndpoint(store, this.runner, this.view);
    this.localApi = new LocalApiCommand(store, this.runner, this.view);
  }

  debug(arg: unknown) {
    return debugFunction(this.store, this.runner, this.view, arg);
  }

  /** Picks one of a function's recent invocations and runs it again. */
  async showHistory(arg: unknown) {
    const ref = await functionFromArgs(this.store, arg);
    if (!ref) return undefined;
    const entries = this.history.list(ref);
    if (entries.length === 0)
      return void vscode.window.showInformationMessage(`No invocations of ${ref.logicalId} yet.`);
    const picked = await vscode.window.showQuickPick(
      entries.map((e) => ({
        label: `${e.error ? '$(error)' : '$(pass)'} ${new Date(e.at).toLocaleString()} · ${e.mode}`,
        description: e.eventFile ? vscode.workspace.asRelativePath(e.eventFile) : 'inline event',
        detail: e.summary,
        entry: e,
      })),
      { placeHolder: `Re-run an invocation of ${ref.logicalId}` },
    );
    if (!picked) return undefined;
    const args = {
      templateUri: ref.templateUri,
      logicalId: ref.logicalId,
      eventFile: picked.entry.eventFile,
      event: picked.entry.event ?? (picked.entry.eventFile ? undefined : '{}'),
    };
    return this.runner.run(args, picked.entry.mode);
  }

  dispose(): void {
    vscode.Disposable.from(this.view, this.runner, this.endpoint, this.localApi).dispose();
  }
}
