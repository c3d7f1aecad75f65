import * as path from 'path';
import * as vscode from 'vscode';
import type { Template } from '../../core';
import type { InvokeCore } from './core';
import type { FunctionRef } from './target';
import { workspaceDirOf } from './target';

export type PickedEvent = { readonly text: string; readonly file?: string };

/**
 * Picks the event: a saved one (the last used first), or a new one generated from one of the function's
 * declared events, which is saved and opened for editing first, to be sent with the CodeLens above it. Invalid
 * JSON is shown with its position, and opened there.
 */
export async function pickEvent(
  core: InvokeCore,
  template: Template,
  ref: FunctionRef,
  lastUsed?: string,
): Promise<PickedEvent | undefined> {
  const workspaceDir = workspaceDirOf(ref.templateUri);
  const view = core.findFunction(template, ref.logicalId);
  if (!view) return undefined;
  const files = core.listSavedEvents(workspaceDir, ref.logicalId);
  const ordered = lastUsed && files.includes(lastUsed) ? [lastUsed, ...files.filter((f) => f !== lastUsed)] : files;
  const saved = ordered.map((file) => ({
    label: `$(file) ${path.basename(file, '.json')}`,
    description: file === lastUsed ? 'saved event · last used' : 'saved event',
    file,
    payload: undefined as unknown,
    name: '',
  }));
  const resolution = core.localResolutionOf(template, { workspaceDir });
  const generated = core.suggestEvents(view, resolution, view.functionName?.value ?? view.logicalId).map((s) => ({
    label: `$(add) New: ${s.label}`,
    description: `from event ${s.name}`,
    file: undefined as string | undefined,
    payload: s.payload,
    name: s.name,
  }));
  const picked = await vscode.window.showQuickPick([...saved, ...generated], {
    placeHolder: `Event for ${view.displayName}`,
  });
  if (!picked) return undefined;
  if (picked.file) return readEvent(core, picked.file);
  // A generated event holds placeholders: it is opened to be edited first, and sent with its CodeLens.
  const file = core.saveEvent(workspaceDir, ref.logicalId, picked.name, picked.payload);
  await vscode.window.showTextDocument(vscode.Uri.file(file), { preview: false });
  void vscode.window.showInformationMessage(
    `Edit the event, then click "${INVOKE_WITH_EVENT}" above it to invoke ${view.displayName}.`,
  );
  return undefined;
}

export const INVOKE_WITH_EVENT = '▶ Invoke with this event';

/** Reads an event file, or explains where its JSON is broken and puts the cursor there. */
export async function readEvent(core: InvokeCore, file: string): Promise<PickedEvent | undefined> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.fsPath === file);
  const checked = open ? core.checkEventText(open.getText(), file) : core.readEventFile(file);
  if (checked.ok) return { text: checked.text, file };
  const position = /:(\d+):(\d+): /.exec(checked.message);
  const document = await vscode.workspace.openTextDocument(file);
  const editor = await vscode.window.showTextDocument(document);
  if (position) {
    const at = new vscode.Position(Number(position[1]) - 1, Number(position[2]) - 1);
    editor.selection = new vscode.Selection(at, at);
  }
  void vscode.window.showErrorMessage(`Not invoked: ${vscode.workspace.asRelativePath(checked.message)}`);
  return undefined;
}
