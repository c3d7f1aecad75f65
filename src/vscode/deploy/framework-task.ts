import * as vscode from 'vscode';
import type { DeployCore } from './core';

/**
 * `serverless deploy` as a VS Code task in the service's folder, its output in the terminal and cancelled with the
 * task's stop button; or, when the framework is not installed, how to install it.
 */
export async function runServerlessDeploy(core: DeployCore, uri: vscode.Uri, stage: string | undefined) {
  const found = core.serverlessDeployCommand(uri.fsPath, stage);
  if (!found.ok) {
    const copy = 'Copy Install Command';
    const choice = await vscode.window.showErrorMessage(found.message, copy);
    if (choice === copy) await vscode.env.clipboard.writeText('npm install --save-dev serverless');
    return undefined;
  }
  const { command, args, cwd, source } = found.run;
  const folder = vscode.workspace.getWorkspaceFolder(uri) ?? vscode.TaskScope.Workspace;
  const task = new vscode.Task(
    { type: 'serverlessWorkbench', command: 'deploy', file: uri.fsPath },
    folder,
    `serverless deploy (${source === 'project' ? "the project's serverless" : 'serverless on PATH'})`,
    'Serverless Workbench',
    new vscode.ProcessExecution(command, [...args], { cwd }),
  );
  return vscode.tasks.executeTask(task);
}
