import * as vscode from 'vscode';
import { selectProfile, selectRegion } from '../invoke/aws-choices';
import { SETTINGS } from '../settings.generated';
import type { TemplateStore } from '../template-store';
import { cloudCore } from './core';
import { awsTargetOf } from './target';

const CHOOSE_PROFILE_COMMAND = 'serverlessWorkbench.cloud.chooseProfileAndRegion';

/**
 * The profile and Region every AWS call of the active template uses (deployed stack, logs, remote invoke), in the
 * status bar with where each came from; a click chooses a profile from ~/.aws/config and ~/.aws/credentials and a
 * Region. Only names are shown: no credential is read here.
 */
export function registerAwsStatus(store: TemplateStore): { item: vscode.StatusBarItem; disposable: vscode.Disposable } {
  const item = vscode.window.createStatusBarItem('serverlessWorkbench.aws', vscode.StatusBarAlignment.Left);
  item.name = 'Serverless Workbench: AWS profile and Region';
  item.command = CHOOSE_PROFILE_COMMAND;
  const update = async () => {
    const uri = vscode.window.activeTextEditor?.document.uri;
    const template = uri && store.get(uri);
    const inputs = uri && store.inputsOf(uri);
    if (!template || !inputs) {
      item.hide();
      return;
    }
    const core = await cloudCore();
    const { target, regionOrigin, profileOrigin } = awsTargetOf(template, inputs, core.DEFAULT_REGION);
    item.text = `$(cloud) ${target.profile ?? 'default'} · ${target.region}`;
    item.tooltip =
      `AWS calls for ${vscode.workspace.asRelativePath(uri)}\n` +
      `Profile: ${target.profile ?? '(none)'} — ${profileOrigin}\nRegion: ${target.region} — ${regionOrigin}\n` +
      'Click to choose a profile and a Region.';
    item.show();
  };
  const refresh = () => void update();
  refresh();
  return {
    item,
    disposable: vscode.Disposable.from(
      item,
      vscode.window.onDidChangeActiveTextEditor(refresh),
      store.onDidChange(refresh),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if ([SETTINGS.invoke.profile, SETTINGS.invoke.region].some((s) => e.affectsConfiguration(s.name))) refresh();
      }),
      vscode.commands.registerCommand(CHOOSE_PROFILE_COMMAND, async () => {
        await selectProfile();
        await selectRegion();
        await update();
      }),
    ),
  };
}
