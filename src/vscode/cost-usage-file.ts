import * as vscode from 'vscode';
import { costCore } from './cost-core';
import { USAGE_FILE_PATH } from '../core/cost/usage-path';
import type { CostService } from './cost-service';

export const CREATE_USAGE_FILE_COMMAND = 'serverlessWorkbench.cost.createUsageFile';

/**
 * Creates `.serverless-workbench/usage.yml` pre-filled for the active template's priced resources,
 * with a comment on every key; an existing file is opened, never overwritten. Returns the file.
 */
export function registerUsageFileCommand(cost: CostService): vscode.Disposable {
  return vscode.commands.registerCommand(
    CREATE_USAGE_FILE_COMMAND,
    async (uri?: vscode.Uri): Promise<vscode.Uri | undefined> => {
      const templateUri = uri ?? vscode.window.activeTextEditor?.document.uri;
      const template = templateUri && cost.store.get(templateUri);
      if (!templateUri || !template) {
        void vscode.window.showInformationMessage(
          'Open a SAM, CloudFormation or Serverless Framework template first: the usage file is pre-filled from ' +
            'its resources.',
        );
        return undefined;
      }
      const existing = cost.usageFor(templateUri).file;
      const target = existing ?? cost.usageTarget(templateUri);
      if (existing) {
        void vscode.window.showInformationMessage(
          `${vscode.workspace.asRelativePath(existing)} already exists; it was opened, not changed.`,
        );
      } else {
        await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(target, '..'));
        await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(costCore().usageFileTemplate(template)));
      }
      await vscode.window.showTextDocument(target);
      return target;
    },
  );
}

/**
 * Problems of open usage files in the Problems panel, with their positions: a typo in a key or a value
 * that is not a number would otherwise silently fall back to a default.
 */
export function registerUsageFileDiagnostics(): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection('serverlessWorkbench.usage');
  const check = (document: vscode.TextDocument): void => {
    if (!document.uri.path.endsWith(`/${USAGE_FILE_PATH}`)) return;
    collection.set(
      document.uri,
      costCore()
        .parseUsageFile(document.getText())
        .problems.map((p) => {
          const range = new vscode.Range(document.positionAt(p.span.start), document.positionAt(p.span.end));
          const diagnostic = new vscode.Diagnostic(
            range,
            p.message,
            p.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning,
          );
          diagnostic.source = 'Serverless Workbench';
          return diagnostic;
        }),
    );
  };
  vscode.workspace.textDocuments.forEach(check);
  return vscode.Disposable.from(
    collection,
    vscode.workspace.onDidOpenTextDocument(check),
    vscode.workspace.onDidChangeTextDocument((e) => check(e.document)),
    vscode.workspace.onDidCloseTextDocument((d) => collection.delete(d.uri)),
  );
}
