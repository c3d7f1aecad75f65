import * as vscode from 'vscode';
import type { FromResultView, InvocationEntry, ResultPayload, ToResultView } from '../../webview/invoke/protocol';
import { webviewHtml } from '../../webview/page';
import type { InvokeCore } from './core';
import type { FunctionRef } from './target';
import { workspaceDirOf } from './target';

export const RESULT_VIEW_TYPE = 'serverlessWorkbench.invokeResult';
/** Invocations the panel's dropdown offers, newest first (the per-function history keeps more, for re-runs). */
export const RESULT_PANEL_HISTORY = 10;

/** What the panel shows and what its buttons need: the entry, and the function and response it came from. */
interface Shown {
  readonly entry: InvocationEntry;
  readonly ref: FunctionRef;
  readonly payload: unknown;
}

/**
 * The one invoke result panel: created beside the editor on the first invocation, then updated in place
 * and revealed in the column it is in, so invocations never open new editor groups.
 */
export class ResultPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private readonly shown: Shown[] = [];
  private current: string | undefined;
  private counter = 0;

  constructor(
    private readonly bundles: vscode.Uri,
    private readonly core: () => Promise<InvokeCore>,
  ) {}

  /** Adds an invocation to the panel and shows it. */
  add(ref: FunctionRef, entry: Omit<InvocationEntry, 'id'>, payload: unknown): InvocationEntry {
    const full = { ...entry, id: `${Date.now()}-${++this.counter}` };
    this.shown.unshift({ entry: full, ref, payload });
    this.shown.splice(RESULT_PANEL_HISTORY);
    this.current = full.id;
    this.reveal();
    return full;
  }

  /** The panel's state for tests: its column and the entries of its dropdown. */
  get state(): { readonly viewColumn: vscode.ViewColumn | undefined; readonly entries: readonly InvocationEntry[] } {
    return { viewColumn: this.panel?.viewColumn, entries: this.shown.map((s) => s.entry) };
  }

  private payloadData(): ResultPayload {
    return { entries: this.shown.map((s) => s.entry), shown: this.current ?? '' };
  }

  private reveal(): void {
    if (this.panel) {
      void this.panel.webview.postMessage({ type: 'results', payload: this.payloadData() } satisfies ToResultView);
      this.panel.reveal(this.panel.viewColumn, true);
      return;
    }
    const panel = vscode.window.createWebviewPanel(
      RESULT_VIEW_TYPE,
      'Invoke result',
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: true, retainContextWhenHidden: true, localResourceRoots: [this.bundles] },
    );
    this.panel = panel;
    const { webview } = panel;
    webview.html = webviewHtml({
      title: 'Invoke result',
      cspSource: webview.cspSource,
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(this.bundles, 'invoke.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(this.bundles, 'invoke.css')).toString(),
      data: this.payloadData(),
    });
    webview.onDidReceiveMessage((m: FromResultView) => void this.onMessage(m));
    panel.onDidDispose(() => (this.panel = undefined));
  }

  private async onMessage(message: FromResultView): Promise<void> {
    const shown = this.shown.find((s) => s.entry.id === message.id);
    if (!shown) return;
    if (message.type === 'select') this.current = message.id;
    else if (message.type === 'copy') {
      await vscode.env.clipboard.writeText(shown.entry.response);
      void vscode.window.setStatusBarMessage('Response copied', 2000);
    } else if (message.type === 'saveAsEvent') await this.saveAsEvent(shown);
  }

  /** Saves the response as a sample event of the same function (to edit and send on), and opens it. */
  private async saveAsEvent(shown: Shown): Promise<void> {
    const name = await vscode.window.showInputBox({
      prompt: `Save the response as an event of ${shown.ref.logicalId}`,
      value: `response-${new Date(shown.entry.at).toISOString().slice(0, 19).replace(/[:T]/g, '-')}`,
    });
    if (!name) return;
    const core = await this.core();
    const file = core.saveEvent(workspaceDirOf(shown.ref.templateUri), shown.ref.logicalId, name, shown.payload);
    await vscode.window.showTextDocument(vscode.Uri.file(file), { preview: true });
  }

  dispose(): void {
    this.panel?.dispose();
  }
}
