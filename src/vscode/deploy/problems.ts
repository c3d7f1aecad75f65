import * as vscode from 'vscode';
import type { AwsProblem } from '../../core/aws/errors';
import type { Span } from '../../core/model/nodes';

/** Reveals a span of a template in its editor: where a failing resource or a missing artifact is written. */
export async function revealSpan(uri: vscode.Uri, span: Span): Promise<void> {
  const document = await vscode.workspace.openTextDocument(uri);
  const range = new vscode.Range(document.positionAt(span.start), document.positionAt(span.end));
  await vscode.window.showTextDocument(document, { selection: range });
}

/**
 * An AWS failure with the button that fixes it: sign in again or pick another profile for credentials, copy the
 * denied action for an administrator, retry after throttling or a network error.
 */
export async function showAwsProblem(message: string, problem: AwsProblem | undefined, retry: () => void) {
  const text = problem?.action ? `${message} ${problem.action}` : message;
  const buttons: string[] = [];
  if (problem?.kind === 'expired-credentials' || problem?.kind === 'no-credentials') buttons.push('Choose Profile');
  if (problem?.deniedAction) buttons.push('Copy Action');
  if (problem && problem.kind !== 'other') buttons.push('Retry');
  const choice = await vscode.window.showErrorMessage(text, ...buttons);
  if (choice === 'Choose Profile') void vscode.commands.executeCommand('serverlessWorkbench.selectProfile');
  if (choice === 'Copy Action' && problem?.deniedAction) void vscode.env.clipboard.writeText(problem.deniedAction);
  if (choice === 'Retry') retry();
}
