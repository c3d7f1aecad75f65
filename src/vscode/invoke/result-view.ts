import * as vscode from 'vscode';
import type { InvocationResult, ShownSettings } from '../../core/invoke';
import type { InvokeCore } from './core';
import type { FunctionRef } from './target';

export const RESULT_SCHEME = 'serverless-workbench-invoke';

/**
 * Where results show: the log streams live into an output channel, and each function has a read-only JSON
 * document with its last result (response, function error, figures and cost), refreshed in place.
 */
export class ResultView implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly channel = vscode.window.createOutputChannel('Serverless Workbench: Invoke');
  private readonly contents = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly registration = vscode.workspace.registerTextDocumentContentProvider(RESULT_SCHEME, this);

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? '{}\n';
  }

  /** Starts an invocation's part of the log: a header, the settings it runs with, then notes on what was made up. */
  begin(
    ref: FunctionRef,
    mode: 'local' | 'remote' | 'debug',
    notes: readonly string[] = [],
    settings: readonly string[] = [],
  ): (text: string) => void {
    this.channel.show(true);
    this.channel.appendLine(`── ${ref.logicalId} (${mode}, ${new Date().toLocaleTimeString()}) ──`);
    for (const line of settings) this.channel.appendLine(line);
    for (const note of notes) this.channel.appendLine(`note: ${note}`);
    return (text) => this.channel.append(text);
  }

  append(line: string): void {
    this.channel.appendLine(line);
  }

  uriFor(ref: FunctionRef): vscode.Uri {
    return vscode.Uri.from({
      scheme: RESULT_SCHEME,
      path: `/${ref.logicalId} result.json`,
      query: ref.templateUri.toString(),
    });
  }

  /** Shows the result document; `settings` are what the run used, each with where its value came from. */
  async show(
    core: InvokeCore,
    ref: FunctionRef,
    result: InvocationResult,
    mode: string,
    extra: Record<string, unknown> = {},
    settings?: ShownSettings,
  ): Promise<vscode.Uri> {
    const summary = core.summaryLine(result);
    if (mode === 'remote') this.channel.append(result.logs);
    this.channel.appendLine(
      result.functionError
        ? `✗ ${result.functionError.errorType}: ${result.functionError.errorMessage}`
        : '✓ succeeded',
    );
    this.channel.appendLine(summary);
    const uri = this.uriFor(ref);
    const body = { function: ref.logicalId, mode, ...extra, ...(core.invocationJson(result, settings) as object) };
    const content = `${JSON.stringify(body, null, 2)}\n`;
    this.contents.set(uri.toString(), content);
    this.changed.fire(uri);
    const document = await this.refreshed(uri, content);
    await vscode.languages.setTextDocumentLanguage(document, 'json');
    await vscode.window.showTextDocument(document, {
      viewColumn: vscode.ViewColumn.Beside,
      preview: true,
      preserveFocus: true,
    });
    return uri;
  }

  /** The result document once it shows `content`: VS Code re-reads a changed virtual document asynchronously. */
  private async refreshed(uri: vscode.Uri, content: string): Promise<vscode.TextDocument> {
    const document = await vscode.workspace.openTextDocument(uri);
    if (document.getText() === content) return document;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, 2000);
      const sub = vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === document && document.getText() === content) done();
      });
      function done() {
        clearTimeout(timer);
        sub.dispose();
        resolve();
      }
    });
    return document;
  }

  dispose(): void {
    this.registration.dispose();
    this.changed.dispose();
    this.channel.dispose();
  }
}
