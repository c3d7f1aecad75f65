import * as vscode from 'vscode';
import { handlerTargetAt } from '../core/navigation/handler';
import type { OutlineNode } from '../core/outline/outline';
import { REVEAL_COMMAND, type ExplorerItem, type ExplorerProvider } from './explorer';
import { invokeCore } from './invoke/core';
import { pickEvent } from './invoke/events';
import type { TemplateStore } from './template-store';
import { readWorkspaceText } from './workspace-files';

/** Commands of a function's context menu in the explorer that are about the explorer's own data. */
export const EXPLORER_COMMANDS = {
  openHandler: 'serverlessWorkbench.openHandler',
  showEvents: 'serverlessWorkbench.showEvents',
  showPermissions: 'serverlessWorkbench.showPermissions',
} as const;

/** Open handler, Events and Permissions for an explorer function item (the item is the commands' argument). */
export function registerExplorerCommands(store: TemplateStore, explorer: ExplorerProvider): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(EXPLORER_COMMANDS.openHandler, (item: ExplorerItem) => openHandler(store, item)),
    vscode.commands.registerCommand(EXPLORER_COMMANDS.showEvents, (item: ExplorerItem) => showEvents(store, item)),
    vscode.commands.registerCommand(EXPLORER_COMMANDS.showPermissions, (item: ExplorerItem) =>
      showPermissions(explorer, item),
    ),
  );
}

/**
 * Opens the handler's source at the exported function; where the source cannot be found, the `Handler`
 * setting in the template, with a message that says so. Returns the editor shown.
 */
async function openHandler(store: TemplateStore, item: ExplorerItem): Promise<vscode.TextEditor | undefined> {
  const template = store.get(item.uri);
  const fn = template?.functions.find((f) => f.logicalId === item.node.logicalId);
  if (!template || !fn?.handler) {
    void vscode.window.showInformationMessage(`${item.node.label} has no Handler setting (a container image?).`);
    return undefined;
  }
  const [target] = handlerTargetAt(template, fn.handler.span.start, readWorkspaceText);
  if (!target?.fileName) {
    void vscode.window.showWarningMessage(`The source of handler ${fn.handler.value ?? '?'} was not found.`);
    return vscode.commands.executeCommand(REVEAL_COMMAND, item.uri, [fn.handler.span.start, fn.handler.span.end]);
  }
  if (target.note) void vscode.window.showWarningMessage(target.note);
  return vscode.commands.executeCommand(REVEAL_COMMAND, vscode.Uri.file(target.fileName), [
    target.span.start,
    target.span.end,
  ]);
}

/** The function's sample events: a saved one, or a new one made from a declared event, opened for editing. */
async function showEvents(store: TemplateStore, item: ExplorerItem): Promise<vscode.TextEditor | undefined> {
  const template = store.get(item.uri);
  if (!template || !item.node.logicalId) return undefined;
  const picked = await pickEvent(await invokeCore(), template, {
    templateUri: item.uri,
    logicalId: item.node.logicalId,
  });
  return picked?.file ? vscode.window.showTextDocument(vscode.Uri.file(picked.file)) : undefined;
}

/**
 * The function's Permissions node (grants with their origin, SDK calls granted or missing) as a list to pick
 * from; the pick is revealed where it is written (the template, or the handler's source for a call).
 */
async function showPermissions(explorer: ExplorerProvider, item: ExplorerItem): Promise<void> {
  const permissions = (await explorer.getChildren(item)).find((c) => c.node.id.endsWith('/permissions'));
  const entries = permissions ? flatten(permissions.node.children) : [];
  if (entries.length === 0) {
    void vscode.window.showInformationMessage(`No permissions known for ${item.node.label} yet.`);
    return;
  }
  const picked = await vscode.window.showQuickPick(
    entries.map((node) => ({
      label: `${node.icon === 'error' ? '$(error)' : '$(shield)'} ${node.label}`,
      description: node.description,
      detail: node.tooltip,
      node,
    })),
    { placeHolder: `Permissions of ${item.node.label}`, matchOnDescription: true },
  );
  if (picked?.node.span)
    await vscode.commands.executeCommand(
      REVEAL_COMMAND,
      picked.node.file ? vscode.Uri.file(picked.node.file) : item.uri,
      [picked.node.span.start, picked.node.span.end],
    );
}

function flatten(nodes: readonly OutlineNode[]): OutlineNode[] {
  return nodes.flatMap((n) => (n.children.length > 0 ? flatten(n.children) : [n]));
}
