import * as vscode from 'vscode';

/**
 * Local invocation and debugging run code from the workspace; in Restricted Mode they are refused with a
 * message that says why and how to trust the folder. Everything else keeps working.
 */
export function requireTrust(what: string): boolean {
  if (vscode.workspace.isTrusted) return true;
  const manage = 'Manage Workspace Trust';
  void vscode.window
    .showWarningMessage(
      `${what} runs code from this workspace, so it is disabled in Restricted Mode. Trust the workspace to use ` +
        `it; the explorer, diagnostics and cost estimates keep working.`,
      manage,
    )
    .then((choice) => {
      if (choice === manage) void vscode.commands.executeCommand('workbench.trust.manage');
    });
  return false;
}
