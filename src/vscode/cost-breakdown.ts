import * as vscode from 'vscode';
import { breakdownHtml, breakdownView } from '../core/cost';
import type { BreakdownView } from '../core/cost';
import type { CostService } from './cost-service';

export const SHOW_BREAKDOWN_COMMAND = 'serverlessWorkbench.cost.showBreakdown';

/**
 * The breakdown panel: every line item with quantity, unit price, free tier and formula, plus the usage
 * assumed and where each figure came from. One panel, following the last template asked for and
 * refreshed as the template or the usage file changes. The command returns the view it shows.
 */
export function registerCostBreakdown(cost: CostService): vscode.Disposable {
  let panel: vscode.WebviewPanel | undefined;
  let shown: { uri: vscode.Uri; focus?: string } | undefined;

  const viewOf = (uri: vscode.Uri, focus?: string): BreakdownView | undefined => {
    const report = cost.report(uri);
    if (!report) return undefined;
    return breakdownView(report, { title: `Monthly cost of ${vscode.workspace.asRelativePath(uri)}`, focus, precision: cost.settings().precision });
  };
  const render = (): BreakdownView | undefined => {
    if (!panel || !shown) return undefined;
    const view = viewOf(shown.uri, shown.focus);
    if (view) panel.webview.html = breakdownHtml(view, panel.webview.cspSource);
    return view;
  };

  return vscode.Disposable.from(
    cost.onDidChange(() => void render()),
    { dispose: () => panel?.dispose() },
    vscode.commands.registerCommand(SHOW_BREAKDOWN_COMMAND, (uri?: vscode.Uri, focus?: string): BreakdownView | undefined => {
      const target = uri ?? vscode.window.activeTextEditor?.document.uri;
      if (!target || !viewOf(target)) {
        void vscode.window.showInformationMessage('Open a SAM, CloudFormation or Serverless Framework template to see its cost breakdown.');
        return undefined;
      }
      shown = { uri: target, focus };
      if (!panel) {
        panel = vscode.window.createWebviewPanel('serverlessWorkbench.costBreakdown', 'Cost breakdown', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { enableScripts: false });
        panel.onDidDispose(() => { panel = undefined; });
      } else {
        panel.reveal(vscode.ViewColumn.Beside, true);
      }
      return render();
    }),
  );
}
