import * as vscode from 'vscode';
import type { ExplorerProvider } from '../explorer';
import type { TemplateStore } from '../template-store';
import { DeployedState } from './deployed-state';
import { registerFunctionActions } from './function-actions';
import { LogViews } from './log-view';
import { showAwsProblem } from '../aws-problems';
import { registerStackExplorer } from './stack-explorer';
import { registerAwsStatus } from './status-bar';

export const CLOUD_REFRESH_COMMAND = 'serverlessWorkbench.cloud.refresh';

/**
 * The deployed side: "Deployed stack" in the explorer with each resource's status, the function actions (console,
 * ARN, logs), the log views and the profile/Region status bar item. `serverlessWorkbench.cloud.refresh` takes a
 * template URI (or an explorer item) to read its stack again, or refreshes what was read: deploy calls it when done.
 */
export function registerCloud(
  store: TemplateStore,
  explorer: ExplorerProvider,
  extensionUri: vscode.Uri,
): { state: DeployedState; status: vscode.StatusBarItem; disposable: vscode.Disposable } {
  const state = new DeployedState(store);
  const logs = new LogViews(extensionUri);
  const status = registerAwsStatus(store);
  const disposable = vscode.Disposable.from(
    state,
    logs,
    status.disposable,
    registerStackExplorer(store, state, explorer),
    registerFunctionActions(store, state, logs),
    vscode.commands.registerCommand(CLOUD_REFRESH_COMMAND, async (arg?: vscode.Uri | { uri?: vscode.Uri }) => {
      const uri = arg instanceof vscode.Uri ? arg : arg?.uri;
      const entries = uri ? [await state.refresh(uri)] : await state.refreshAll();
      const failed = entries.find((e) => e?.state === 'failed');
      if (failed?.state === 'failed')
        void showAwsProblem(failed.problem, () => (uri ? state.refresh(uri) : state.refreshAll()));
      const unnamed = entries.find((e) => e?.state === 'unnamed');
      if (unnamed?.state === 'unnamed') void vscode.window.showWarningMessage(unnamed.missing);
      return entries;
    }),
  );
  return { state, status: status.item, disposable };
}
