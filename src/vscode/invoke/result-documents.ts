import * as vscode from 'vscode';

export const RESULT_SCHEME = 'serverless-workbench-invoke';

/**
 * The read-only JSON documents with each function's last result. Registered at activation, apart from the invoke
 * session (a chunk made at the first invoke command), so that a result tab VS Code restores after a reload opens
 * (as `{}`: results are kept for the window's life) instead of failing to resolve.
 */
export class ResultDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly contents = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly registration = vscode.workspace.registerTextDocumentContentProvider(RESULT_SCHEME, this);

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? '{}\n';
  }

  set(uri: vscode.Uri, content: string): void {
    this.contents.set(uri.toString(), content);
    this.changed.fire(uri);
  }

  dispose(): void {
    this.registration.dispose();
    this.changed.dispose();
  }
}
