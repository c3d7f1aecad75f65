import * as vscode from 'vscode';
import type { InvocationResult, ShownSettings } from '../../core/invoke';
import { invokeCore, type InvokeCore } from './core';
import { ResultPanel } from './result-panel';
import { RESULT_SCHEME, type ResultDocuments } from './result-documents';
import type { FunctionRef } from './target';

/**
 * Where results show: the log streams live into an output channel, and one result panel (reused, in the
 * column it was first opened in) shows each invocation: the response pretty-printed, the log line by line, a
 * dropdown of the recent ones. Each function also has a read-only JSON document with its last result
 * (response, function error, figures and cost), refreshed in place, for scripts and tests.
 */
export class ResultView implements vscode.Disposable {
  private readonly channel = vscode.window.createOutputChannel('Serverless Workbench: Invoke');
  readonly panel: ResultPanel;

  /** `bundles`: the folder of the webview bundles (dist/webview). */
  constructor(
    bundles: vscode.Uri,
    private readonly documents: ResultDocuments,
  ) {
    this.panel = new ResultPanel(bundles, invokeCore);
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
    const json = core.invocationJson(result, settings) as { payload: unknown };
    const body = { function: ref.logicalId, mode, ...extra, ...json };
    const content = `${JSON.stringify(body, null, 2)}\n`;
    this.documents.set(uri, content);
    const responseIsJson = typeof json.payload !== 'string';
    this.panel.add(
      ref,
      {
        at: Date.now(),
        function: ref.logicalId,
        mode,
        summary,
        error: result.functionError && `${result.functionError.errorType}: ${result.functionError.errorMessage}`,
        response: responseIsJson ? JSON.stringify(json.payload, null, 2) : String(json.payload),
        responseIsJson,
        logs: result.logs,
      },
      json.payload,
    );
    // An open result document follows (scripts and tests read it); nothing opens it any more.
    if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()))
      await this.refreshed(uri, content);
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
    this.panel.dispose();
    this.channel.dispose();
  }
}
