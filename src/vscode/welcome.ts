import * as vscode from 'vscode';

/** The welcome view's action that opens the bundled example (New Project and Create SAM Template: new-project.ts). */
export function registerWelcomeCommands(extensionUri: vscode.Uri): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand('serverlessWorkbench.openExample', async () => {
      const example = vscode.Uri.joinPath(extensionUri, 'examples', 'sam-app', 'template.yaml');
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(example));
    }),
  );
}
