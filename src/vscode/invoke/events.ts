import * as path from 'path';
import * as vscode from 'vscode';
import type { Template } from '../../core';
import type { InvokeCore } from './core';
import type { FunctionRef } from './target';
import { workspaceDirOf } from './target';

export type PickedEvent = { readonly text: string; readonly file?: string };

/**
 * Picks the event: a saved one, a new one generated from one of the function's declared events (saved, so the
 * user can edit it next time), or an empty one. Invalid JSON is shown with its position, and opened there.
 */
export async function pickEvent(
  core: InvokeCore,
  template: Template,
  ref: FunctionRef,
): Promise<PickedEvent | undefined> {
  const workspaceDir = workspaceDirOf(ref.templateUri);
  const view = core.findFunction(template, ref.logicalId);
  if (!view) return undefined;
  const saved = core.listSavedEvents(workspaceDir, ref.logicalId).map((file) => ({
    label: `$(file) ${path.basename(file, '.json')}`,
    description: 'saved event',
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
  // A new event is saved and shown, so it can be edited and sent again from the history.
  const file = core.saveEvent(workspaceDir, ref.logicalId, picked.name, picked.payload);
  await vscode.window.showTextDocument(vscode.Uri.file(file), {
    preview: true,
    preserveFocus: true,
    viewColumn: vscode.ViewColumn.Beside,
  });
  return readEvent(core, file);
}

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
