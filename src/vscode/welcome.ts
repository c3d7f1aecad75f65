import * as vscode from 'vscode';

const STARTER_TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Description: A new serverless application

Globals:
  Function:
    Runtime: nodejs22.x
    MemorySize: 512
    Timeout: 10

Resources:
  HelloFunction:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: src/
      Handler: index.handler
      Events:
        Hello:
          Type: HttpApi
          Properties:
            Path: /hello
            Method: GET
`;

/** The welcome view's actions: open the bundled example, or start a template in the workspace. */
export function registerWelcomeCommands(extensionUri: vscode.Uri): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand('serverlessWorkbench.openExample', async () => {
      const example = vscode.Uri.joinPath(extensionUri, 'examples', 'sam-app', 'template.yaml');
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(example));
    }),
    vscode.commands.registerCommand('serverlessWorkbench.createTemplate', async () => {
      const folders = vscode.workspace.workspaceFolders ?? [];
      if (folders.length === 0) {
        const doc = await vscode.workspace.openTextDocument({ language: 'yaml', content: STARTER_TEMPLATE });
        await vscode.window.showTextDocument(doc);
        return;
      }
      const folder =
        folders.length === 1
          ? folders[0]
          : await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Folder to create template.yaml in' });
      if (!folder) return;
      const target = vscode.Uri.joinPath(folder.uri, 'template.yaml');
      try {
        await vscode.workspace.fs.stat(target);
        void vscode.window.showWarningMessage('template.yaml already exists in this folder; it was not changed.');
      } catch {
        await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(STARTER_TEMPLATE));
      }
      await vscode.window.showTextDocument(target);
    }),
  );
}
