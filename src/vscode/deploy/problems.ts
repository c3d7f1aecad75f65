import * as vscode from 'vscode';
import type { Span } from '../../core/model/nodes';

/**
 * Reveals a span of a template in its editor: where a failing resource or a missing artifact is written, or a
 * change set's resource (in `viewColumn`, so the review stays in sight).
 */
export async function revealSpan(uri: vscode.Uri, span: Span, viewColumn?: vscode.ViewColumn): Promise<void> {
  const document = await vscode.workspace.openTextDocument(uri);
  const range = new vscode.Range(document.positionAt(span.start), document.positionAt(span.end));
  await vscode.window.showTextDocument(document, { selection: range, ...(viewColumn ? { viewColumn } : {}) });
}
