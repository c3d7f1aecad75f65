import * as vscode from 'vscode';
import { templateUriOfArg } from '../command-args';
import type { DeployConfig } from '../../core/deploy';
import { loadTemplateFile, readBoundedFile, type LoadedFile } from '../../core/load';
import type { Template } from '../../core/model/template';
import { givenInputsFor } from '../inputs';
import { SETTINGS } from '../settings.generated';
import type { TemplateStore } from '../template-store';
import type { DeployCore } from './core';

type SavedTemplate = Extract<LoadedFile, { ok: true }>;

export interface DeployTarget {
  readonly uri: vscode.Uri;
  readonly template: Template;
  readonly config: DeployConfig;
}

/** The template a command is about: the one given, the active editor's, or one the user picks. */
export async function pickTemplate(
  store: TemplateStore,
  arg: unknown,
  accepts: (template: Template) => boolean,
): Promise<vscode.Uri | undefined> {
  const given = templateUriOfArg(arg);
  if (given) return given;
  const entries = (await store.all()).filter((e) => accepts(e.template));
  const active = vscode.window.activeTextEditor?.document.uri.toString();
  const current = entries.find((e) => e.uri.toString() === active);
  if (current || entries.length <= 1) return (current ?? entries[0])?.uri;
  const picked = await vscode.window.showQuickPick(
    entries.map((e) => ({ label: vscode.workspace.asRelativePath(e.uri), uri: e.uri })),
    { placeHolder: 'Template' },
  );
  return picked?.uri;
}

/**
 * The template as saved on disk (what is deployed) with its deploy settings: samconfig of the chosen config
 * environment, the Region and profile settings first. Problems are shown with a way to fix them.
 */
export async function loadTarget(core: DeployCore, uri: vscode.Uri): Promise<DeployTarget | undefined> {
  const loaded = await loadSaved(uri);
  return loaded && targetOf(core, uri, loaded);
}

/** A loaded template with its deploy settings, or undefined after offering to fix them. */
export function targetOf(core: DeployCore, uri: vscode.Uri, loaded: SavedTemplate): DeployTarget | undefined {
  const profile = SETTINGS.invoke.profile.value();
  const config = core.deployConfigOf(loaded.inputs, profile ? { profile } : {}, loaded.template.kind === 'sam');
  if (!config.ok) {
    const open = 'Open samconfig.toml';
    void vscode.window
      .showErrorMessage(`Cannot deploy ${vscode.workspace.asRelativePath(uri)}: ${config.problems.join(' ')}`, open)
      .then((choice) => {
        if (choice === open) void vscode.window.showTextDocument(vscode.Uri.joinPath(uri, '..', 'samconfig.toml'));
      });
    return undefined;
  }
  return { uri, template: loaded.template, config: config.config };
}

/** The template as saved on disk (saved first when its editor has changes), or undefined after saying why not. */
export async function loadSaved(uri: vscode.Uri): Promise<SavedTemplate | undefined> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open?.isDirty) await open.save();
  const loaded = loadTemplateFile(uri.fsPath, { readFile: readBoundedFile, given: givenInputsFor(uri) });
  if (!loaded.ok) {
    void vscode.window.showErrorMessage(loaded.message);
    return undefined;
  }
  return loaded;
}
