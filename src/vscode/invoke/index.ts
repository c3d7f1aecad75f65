import * as vscode from 'vscode';
import type { TemplateStore } from '../template-store';
import { selectProfile, selectRegion } from './aws-choices';
import { registerInvokeCodeLens } from './codelens';
import { registerEventCodeLens } from './event-lens';
import { INVOKE_COMMANDS } from './commands';
import type { InvokeSession } from './invoke-session';
import { ResultDocuments } from './result-documents';

/**
 * Invoke: commands (palette, explorer context menu, CodeLens), history, debug and the local endpoint.
 * Only the commands, CodeLenses and the result documents' provider exist at activation: what they run with is made
 * at the first command, and nothing of the invoker itself is loaded until the first invocation.
 */
export function registerInvoke(context: vscode.ExtensionContext, store: TemplateStore): vscode.Disposable {
  let session: InvokeSession | undefined;
  const documents = new ResultDocuments();
  const open = (): InvokeSession => (session ??= new (invokeSessionModule().InvokeSession)(context, store, documents));
  return vscode.Disposable.from(
    { dispose: () => session?.dispose() },
    documents,
    vscode.commands.registerCommand(INVOKE_COMMANDS.local, (arg) => open().runner.run(arg, 'local')),
    vscode.commands.registerCommand(INVOKE_COMMANDS.remote, (arg) => open().runner.run(arg, 'remote')),
    vscode.commands.registerCommand(INVOKE_COMMANDS.debug, (arg) => open().debug(arg)),
    vscode.commands.registerCommand(INVOKE_COMMANDS.history, (arg) => open().showHistory(arg)),
    vscode.commands.registerCommand(INVOKE_COMMANDS.startEndpoint, (arg) => open().endpoint.start(arg)),
    vscode.commands.registerCommand(INVOKE_COMMANDS.stopEndpoint, () => open().endpoint.stop()),
    vscode.commands.registerCommand(INVOKE_COMMANDS.startLocalApi, (arg) => open().localApi.start(arg)),
    vscode.commands.registerCommand(INVOKE_COMMANDS.stopLocalApi, () => open().localApi.stop()),
    vscode.commands.registerCommand(INVOKE_COMMANDS.selectRegion, selectRegion),
    vscode.commands.registerCommand(INVOKE_COMMANDS.selectProfile, selectProfile),
    vscode.commands.registerCommand(INVOKE_COMMANDS.resultPanelState, () => open().view.panel.state),
    registerInvokeCodeLens(store),
    registerEventCodeLens(store),
  );
}

function invokeSessionModule(): typeof import('./invoke-session') {
  // A lazily required chunk (scripts/chunks.mjs): an import would put the runner and its views in the main bundle.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('./invoke-session') as typeof import('./invoke-session');
}
