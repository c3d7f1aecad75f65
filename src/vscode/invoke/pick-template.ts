import * as vscode from 'vscode';
import type { TemplateStore } from '../template-store';

/** The one template with functions, or the one the user picks among several; undefined when there is none. */
export async function pickTemplateWithFunctions(
  store: TemplateStore,
  placeHolder: string,
): Promise<vscode.Uri | undefined> {
  const entries = (await store.all()).filter((e) => e.template.functions.length > 0);
  if (entries.length <= 1) return entries[0]?.uri;
  const picked = await vscode.window.showQuickPick(
    entries.map((e) => ({ label: vscode.workspace.asRelativePath(e.uri), uri: e.uri })),
    { placeHolder },
  );
  return picked?.uri;
}
