import * as vscode from 'vscode';
import { costCore } from './cost-core';
import type { CostService } from './cost-service';
import { SHOW_BREAKDOWN_COMMAND } from './cost-breakdown';

/** The active template's monthly total in the status bar; a click opens the breakdown. */
export function registerCostStatus(cost: CostService): { item: vscode.StatusBarItem; disposable: vscode.Disposable } {
  const item = vscode.window.createStatusBarItem('serverlessWorkbench.cost', vscode.StatusBarAlignment.Right, 100);
  item.name = 'Serverless Workbench: monthly cost';
  const update = (): void => {
    const document = vscode.window.activeTextEditor?.document;
    const template = document && cost.store.modelOf(document);
    const report = document && template && cost.report(document.uri, template);
    if (!document || !report || (report.resources.length === 0 && !report.regionProblem)) {
      item.hide();
      return;
    }
    if (report.regionProblem) {
      item.text = '$(warning) cost not estimated';
      item.tooltip = report.regionProblem;
      item.command = undefined;
      item.show();
      return;
    }
    item.text = `$(graph) ≈ ${costCore().formatUsd(report.totalMonthlyUsd, cost.settings().precision)}/mo`;
    item.tooltip =
      `Estimated monthly cost of ${vscode.workspace.asRelativePath(document.uri)}: ${report.resources.length} ` +
      `priced resources${report.notPriced.length > 0 ? ` (${report.notPriced.length} not priced)` : ''}, ` +
      `${report.region}, free tier ${report.freeTier ? 'on' : 'off'}` +
      `${report.freeTierCreditUsd > 0 ? ` (the account's, credited once on this total)` : ''}. ` +
      'Click for the breakdown.';
    item.command = { title: 'Show cost breakdown', command: SHOW_BREAKDOWN_COMMAND, arguments: [document.uri] };
    item.show();
  };
  // After activation, not during it: the first estimate parses the active template and reads its usage file.
  const first = setTimeout(update, 0);
  const disposable = vscode.Disposable.from(
    item,
    new vscode.Disposable(() => clearTimeout(first)),
    vscode.window.onDidChangeActiveTextEditor(update),
    // The store's models after its debounce, not every keystroke: modelling a large template per keystroke
    // held the extension host up as the user typed.
    cost.onDidChange(update),
  );
  return { item, disposable };
}
