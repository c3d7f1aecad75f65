import * as vscode from 'vscode';
import type { TemplateStore } from '../template-store';
import { selectProfile, selectRegion } from './aws-choices';
import { registerInvokeCodeLens } from './codelens';
import { registerEventCodeLens } from './event-lens';
import { INVOKE_COMMANDS } from './commands';
import { debugFunction } from './debug';
import { LocalEndpoint } from './endpoint';
import { LocalApiCommand } from './local-api';
import { InvokeHistory } from './history';
import { ResultView } from './result-view';
import { InvokeRunner } from './runner';
import { functionFromArgs } from './target';

/**
 * Invoke: commands (palette, explorer context menu, CodeLens), history, debug and the local endpoint.
 * Nothing of the invoker itself is loaded until the first command runs.
 */
export function registerInvoke(context: vscode.ExtensionContext, store: TemplateStore): vscode.Disposable {
  const view = new ResultView(vscode.Uri.joinPath(context.extensionUri, 'dist', 'webview'));
  const history = new InvokeHistory(context.workspaceState);
  const runner = new InvokeRunner(store, view, history, context.globalState);
  const endpoint = new LocalEndpoint(store, runner, view);
  const localApi = new LocalApiCommand(store, runner, view);
  const showHistory = async (arg: unknown) => {
    const ref = await functionFromArgs(store, arg);
    if (!ref) return undefined;
    const entries = history.list(ref);
    if (entries.length === 0)
      return void vscode.window.showInformationMessage(`No invocations of ${ref.logicalId} yet.`);
    const picked = await vscode.window.showQuickPick(
      entries.map((e) => ({
        label: `${e.error ? '$(error)' : '$(pass)'} ${new Date(e.at).toLocaleString()} · ${e.mode}`,
        description: e.eventFile ? vscode.workspace.asRelativePath(e.eventFile) : 'inline event',
        detail: e.summary,
        entry: e,
      })),
      { placeHolder: `Re-run an invocation of ${ref.logicalId}` },
    );
    if (!picked) return undefined;
    const args = {
      templateUri: ref.templateUri,
      logicalId: ref.logicalId,
      eventFile: picked.entry.eventFile,
      event: picked.entry.event ?? (picked.entry.eventFile ? undefined : '{}'),
    };
    return runner.run(args, picked.entry.mode);
  };
  return vscode.Disposable.from(
    view,
    runner,
    endpoint,
    localApi,
    vscode.commands.registerCommand(INVOKE_COMMANDS.local, (arg) => runner.run(arg, 'local')),
    vscode.commands.registerCommand(INVOKE_COMMANDS.remote, (arg) => runner.run(arg, 'remote')),
    vscode.commands.registerCommand(INVOKE_COMMANDS.debug, (arg) => debugFunction(store, runner, view, arg)),
    vscode.commands.registerCommand(INVOKE_COMMANDS.history, showHistory),
    vscode.commands.registerCommand(INVOKE_COMMANDS.startEndpoint, (arg) => endpoint.start(arg)),
    vscode.commands.registerCommand(INVOKE_COMMANDS.stopEndpoint, () => endpoint.stop()),
    vscode.commands.registerCommand(INVOKE_COMMANDS.startLocalApi, (arg) => localApi.start(arg)),
    vscode.commands.registerCommand(INVOKE_COMMANDS.stopLocalApi, () => localApi.stop()),
    vscode.commands.registerCommand(INVOKE_COMMANDS.selectRegion, selectRegion),
    vscode.commands.registerCommand(INVOKE_COMMANDS.selectProfile, selectProfile),
    vscode.commands.registerCommand(INVOKE_COMMANDS.resultPanelState, () => view.panel.state),
    registerInvokeCodeLens(store),
    registerEventCodeLens(store),
  );
}
