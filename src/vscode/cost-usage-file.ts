import * as vscode from 'vscode';
import { usageFileTemplate } from '../core/cost';
import type { CostService } from './cost-service';

export const CREATE_USAGE_FILE_COMMAND = 'serverlessWorkbench.cost.createUsageFile';

/**
 * Creates `.serverless-workbench/usage.yml` pre-filled for the active template's priced resources,
 * with a comment on every key; an existing file is opened, never overwritten. Returns the file.
 */
export function registerUsageFileCommand(cost: CostService): vscode.Disposable {
  return vscode.commands.registerCommand(CREATE_USAGE_FILE_COMMAND, async (uri?: vscode.Uri): Promise<vscode.Uri | undefined> => {
    const templateUri = uri ?? vscode.window.activeTextEditor?.document.uri;
    const template = templateUri && cost.store.get(templateUri);
    if (!templateUri || !template) {
      void vscode.window.showInformationMessage('Open a SAM, CloudFormation or Serverless Framework template first: the usage file is pre-filled from its resources.');
      return undefined;
    }
    const existing = cost.usageFor(templateUri).file;
    const target = existing ?? cost.usageTarget(templateUri);
    if (existing) {
      void vscode.window.showInformationMessage(`${vscode.workspace.asRelativePath(existing)} already exists; it was opened, not changed.`);
    } else {
      await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(target, '..'));
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(usageFileTemplate(template)));
    }
    await vscode.window.showTextDocument(target);
    return target;
  });
}
