import * as vscode from 'vscode';
import type { TemplateStore } from '../template-store';

/** Which function a command is about: a template and a logical ID. */
export interface FunctionRef {
  readonly templateUri: vscode.Uri;
  readonly logicalId: string;
}

/** Extra arguments the commands accept (CodeLens, history re-runs and tests use them to skip the pickers). */
export interface InvokeArgs extends Partial<FunctionRef> {
  /** Event JSON text to send. */
  readonly event?: string;
  /** An event file to send. */
  readonly eventFile?: string;
}

/**
 * The function an invocation is for: from an explorer item (`{uri, node}`), from `{templateUri, logicalId}`
 * arguments, or picked from every function of every template.
 */
export async function functionFromArgs(
  store: TemplateStore,
  arg: unknown,
): Promise<(FunctionRef & InvokeArgs) | undefined> {
  const a = arg as
    | { uri?: vscode.Uri; node?: { logicalId?: string }; templateUri?: vscode.Uri | string; logicalId?: string }
    | undefined;
  // An explorer item, with the event when a caller (a test, a re-run) adds one to it.
  if (a?.uri && a.node?.logicalId) return { ...(arg as InvokeArgs), templateUri: a.uri, logicalId: a.node.logicalId };
  // A template's item: one of its functions.
  const only = a?.uri && a.node ? a.uri.toString() : undefined;
  if (a?.templateUri && a.logicalId) {
    const templateUri = typeof a.templateUri === 'string' ? vscode.Uri.parse(a.templateUri) : a.templateUri;
    return { ...(arg as InvokeArgs), templateUri, logicalId: a.logicalId };
  }
  const entries = (await store.all()).filter((e) => only === undefined || e.uri.toString() === only);
  const items = entries.flatMap((e) =>
    e.template.functions.map((f) => ({
      label: f.displayName,
      description: [f.runtime?.value, vscode.workspace.asRelativePath(e.uri)].filter(Boolean).join(' · '),
      ref: { templateUri: e.uri, logicalId: f.logicalId },
    })),
  );
  if (items.length === 0) {
    void vscode.window.showInformationMessage(
      'No functions found: open a SAM, CloudFormation or Serverless Framework template.',
    );
    return undefined;
  }
  const picked =
    items.length === 1 ? items[0] : await vscode.window.showQuickPick(items, { placeHolder: 'Function to invoke' });
  return picked?.ref;
}

/** The folder that holds `.serverless-workbench/`: the workspace folder of the template, else its folder. */
export function workspaceDirOf(templateUri: vscode.Uri): string {
  return (vscode.workspace.getWorkspaceFolder(templateUri)?.uri ?? vscode.Uri.joinPath(templateUri, '..')).fsPath;
}
