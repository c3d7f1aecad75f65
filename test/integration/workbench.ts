import * as vscode from 'vscode';
import type { WorkbenchApi } from '../../src/extension';
import type { ExplorerItem } from '../../src/vscode/explorer';

export const EXTENSION_ID = 'serverless-workbench.serverless-workbench';

/** Activates the extension under test and returns the API its `activate` returned. */
export async function workbench(): Promise<WorkbenchApi> {
  const extension = vscode.extensions.getExtension<WorkbenchApi>(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not installed in this VS Code`);
  return extension.activate();
}

export function workspaceUri(...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the integration tests need a workspace folder (examples/)');
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

/**
 * Drops a document's unsaved changes and closes its editor. An untitled document is disposed with its editor, and
 * this returns once the extension host has seen that (VS Code reuses the name at once); a file's document may stay
 * loaded after its editor closes.
 */
export async function closeWithoutSaving(document: vscode.TextDocument): Promise<void> {
  await vscode.window.showTextDocument(document);
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  if (document.isUntitled) await eventually(`${document.uri.toString()} closed`, () => document.isClosed);
}

/** Polls until `check` returns a value (not undefined/false), or fails after `timeoutMs` with `what`. */
export async function eventually<T>(
  what: string,
  check: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 5000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Depth-first search of the explorer tree for an item with this label under the template at `uri`. */
export async function findItem(api: WorkbenchApi, uri: vscode.Uri, label: string): Promise<ExplorerItem | undefined> {
  const roots = await api.explorer.getChildren();
  const root = roots.find((r) => r.uri.toString() === uri.toString());
  if (!root) return undefined;
  const stack = [root];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (item.node.label === label) return item;
    stack.push(...(await api.explorer.getChildren(item)));
  }
  return undefined;
}

/** The open tabs of our webview panels of one type (`serverlessWorkbench.graph`), in every editor group. */
export function webviewTabs(viewType: string): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith(viewType));
}
