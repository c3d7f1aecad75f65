import { randomBytes } from 'crypto';
import * as vscode from 'vscode';
import { costCore } from './cost-core';
import type { BreakdownView } from '../core/cost';
import type { FromChartPage } from '../webview/charts/protocol';
import { breakdownHtml } from '../webview/breakdown-page';
import { SHOW_MEMORY_CURVE_COMMAND } from './cost-memory-curve';
import type { CostService } from './cost-service';
import type { ExplorerItem } from './explorer';

export const SHOW_BREAKDOWN_COMMAND = 'serverlessWorkbench.cost.showBreakdown';

/**
 * The breakdown panel: every line item with quantity, unit price, free tier and formula, plus the usage
 * assumed and where each figure came from. One panel, following the last template asked for and
 * refreshed as the template or the usage file changes. A chart on top shows the monthly cost by resource and
 * line item (the page's only script), with a button to each function's memory/cost curve. The command returns
 * the view it shows.
 */
export function registerCostBreakdown(cost: CostService, extensionUri: vscode.Uri): vscode.Disposable {
  const bundles = vscode.Uri.joinPath(extensionUri, 'dist', 'webview');
  let panel: vscode.WebviewPanel | undefined;
  let shown: { uri: vscode.Uri; focus?: string } | undefined;

  const viewOf = (uri: vscode.Uri, focus?: string): BreakdownView | undefined => {
    const report = cost.report(uri);
    if (!report) return undefined;
    return costCore().breakdownView(report, {
      title: `Monthly cost of ${vscode.workspace.asRelativePath(uri)}`,
      focus,
      precision: cost.settings().precision,
    });
  };
  const render = (): BreakdownView | undefined => {
    if (!panel || !shown) return undefined;
    const view = viewOf(shown.uri, shown.focus);
    if (view) {
      const chart = {
        src: panel.webview.asWebviewUri(vscode.Uri.joinPath(bundles, 'charts.js')).toString(),
        nonce: randomBytes(16).toString('base64'),
      };
      panel.webview.html = breakdownHtml(view, panel.webview.cspSource, chart);
    }
    return view;
  };

  return vscode.Disposable.from(
    cost.onDidChange(() => void render()),
    { dispose: () => panel?.dispose() },
    vscode.commands.registerCommand(
      SHOW_BREAKDOWN_COMMAND,
      (arg?: vscode.Uri | ExplorerItem, focus?: string): BreakdownView | undefined => {
        // From the explorer: a template's breakdown, or a resource's line items in it.
        const item = arg instanceof vscode.Uri ? undefined : arg;
        const target = (arg instanceof vscode.Uri ? arg : item?.uri) ?? vscode.window.activeTextEditor?.document.uri;
        focus ??= item?.node.logicalId;
        if (!target || !viewOf(target)) {
          void vscode.window.showInformationMessage(
            'Open a SAM, CloudFormation or Serverless Framework template to see its cost breakdown.',
          );
          return undefined;
        }
        shown = { uri: target, focus };
        if (!panel) {
          panel = vscode.window.createWebviewPanel(
            'serverlessWorkbench.costBreakdown',
            'Cost breakdown',
            { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
            { enableScripts: true, localResourceRoots: [bundles] },
          );
          panel.onDidDispose(() => {
            panel = undefined;
          });
          panel.webview.onDidReceiveMessage((m: FromChartPage) => {
            if (m.type === 'showMemoryCurve' && shown)
              void vscode.commands.executeCommand(SHOW_MEMORY_CURVE_COMMAND, shown.uri, m.functionId);
          });
        } else {
          panel.reveal(vscode.ViewColumn.Beside, true);
        }
        return render();
      },
    ),
  );
}
