import * as vscode from 'vscode';
import { TEMPLATE_SELECTOR } from './document-selectors';
import { costCore } from './cost-core';
import { entryOf } from '../core';
import type { CostService } from './cost-service';
import { SHOW_BREAKDOWN_COMMAND } from './cost-breakdown';

/**
 * `≈ $18.73/mo · 3M req × 1000 ms @ 512 MB` above every priced resource and the stack total above
 * `Resources`; each opens the breakdown, and its tooltip says where each figure came from. Recomputed from the store's
 * model of the text being typed.
 */
export class CostLensProvider implements vscode.CodeLensProvider {
  readonly onDidChangeCodeLenses: vscode.Event<void>;

  constructor(private readonly cost: CostService) {
    this.onDidChangeCodeLenses = cost.onDidChange;
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const settings = this.cost.settings();
    if (!settings.codeLens) return [];
    const template = this.cost.store.modelOf(document);
    const report = template && this.cost.report(document.uri, template);
    if (!template || !report) return [];
    if (report.resources.length === 0 && report.notPriced.length === 0 && !report.regionProblem) return [];
    const lineOf = (offset: number): vscode.Range => {
      const line = document.positionAt(offset).line;
      return new vscode.Range(line, 0, line, 0);
    };
    const open = (title: string, tooltip: string, offset: number, logicalId?: string): vscode.CodeLens =>
      new vscode.CodeLens(lineOf(offset), {
        title,
        command: SHOW_BREAKDOWN_COMMAND,
        arguments: [document.uri, logicalId],
        tooltip,
      });
    const section = entryOf(template.root, 'Resources') ?? entryOf(template.root, 'functions');
    // A usage file with errors is priced without the entries it could not read: the total says so.
    const usageErrors = this.cost.usageFor(document.uri).problems.some((p) => p.severity === 'error');
    const lenses = section
      ? [
          open(
            `${costCore().totalLensText(report, settings.precision)}${usageErrors ? ' · usage file has errors' : ''}`,
            costCore().totalLensTooltip(report, settings.precision),
            section.keySpan.start,
          ),
        ]
      : [];
    // The tooltip says where each figure came from ("MemorySize: 1024 MB — Default of parameter Mem").
    for (const r of report.resources)
      lenses.push(
        open(costCore().lensText(r, settings.precision), costCore().lensTooltip(r), r.span.start, r.logicalId),
      );
    // Nothing left out without a word: a resource we cannot price says so, and why, where it is written.
    for (const r of report.notPriced)
      lenses.push(open(costCore().notPricedLensText(r), costCore().notPricedLensText(r), r.span.start, r.logicalId));
    return lenses;
  }
}

export function registerCostLens(cost: CostService): vscode.Disposable {
  return vscode.languages.registerCodeLensProvider(TEMPLATE_SELECTOR, new CostLensProvider(cost));
}
