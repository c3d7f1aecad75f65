import * as vscode from 'vscode';
import { TEMPLATE_SELECTOR } from './document-selectors';
import { costCore } from './cost-core';
import { entryOf } from '../core/model/nodes';
import type { CostService } from './cost-service';
import { SHOW_BREAKDOWN_COMMAND } from './cost-breakdown';

/** A lens whose title and tooltip are worded when VS Code shows it (`resolveCodeLens`), not for every resource. */
class CostLens extends vscode.CodeLens {
  constructor(
    range: vscode.Range,
    readonly uri: vscode.Uri,
    readonly logicalId: string | undefined,
    readonly words: () => { readonly title: string; readonly tooltip: string },
  ) {
    super(range);
  }
}

/**
 * `≈ $18.73/mo · 3M req × 1000 ms @ 512 MB` above every priced resource and the stack total above
 * `Resources`; each opens the breakdown, and its tooltip says where each figure came from. Recomputed from the store's
 * model of the text being typed. A large template has a lens per resource: each is worded only when it comes into
 * view, so a keystroke neither words nor sends the thousand tooltips nobody sees.
 */
export class CostLensProvider implements vscode.CodeLensProvider<CostLens> {
  readonly onDidChangeCodeLenses: vscode.Event<void>;

  constructor(private readonly cost: CostService) {
    this.onDidChangeCodeLenses = cost.onDidChange;
  }

  provideCodeLenses(document: vscode.TextDocument): CostLens[] {
    const settings = this.cost.settings();
    if (!settings.codeLens) return [];
    const template = this.cost.store.modelOf(document);
    const report = template && this.cost.report(document.uri, template);
    if (!template || !report) return [];
    if (report.resources.length === 0 && report.notPriced.length === 0 && !report.regionProblem) return [];
    const lens = (offset: number, words: CostLens['words'], logicalId?: string): CostLens => {
      const line = document.positionAt(offset).line;
      return new CostLens(new vscode.Range(line, 0, line, 0), document.uri, logicalId, words);
    };
    const section = entryOf(template.root, 'Resources') ?? entryOf(template.root, 'functions');
    // A usage file with errors is priced without the entries it could not read: the total says so.
    const usageErrors = this.cost.usageFor(document.uri).problems.some((p) => p.severity === 'error')
      ? ' · usage file has errors'
      : '';
    const lenses = section
      ? [
          lens(section.keySpan.start, () => ({
            title: `${costCore().totalLensText(report, settings.precision)}${usageErrors}`,
            tooltip: costCore().totalLensTooltip(report, settings.precision),
          })),
        ]
      : [];
    // The tooltip says where each figure came from ("MemorySize: 1024 MB — Default of parameter Mem").
    for (const r of report.resources)
      lenses.push(
        lens(
          r.span.start,
          () => ({ title: costCore().lensText(r, settings.precision), tooltip: costCore().lensTooltip(r) }),
          r.logicalId,
        ),
      );
    // Nothing left out without a word: a resource we cannot price says so, and why, where it is written.
    for (const r of report.notPriced)
      lenses.push(
        lens(
          r.span.start,
          () => ({ title: costCore().notPricedLensText(r), tooltip: costCore().notPricedLensText(r) }),
          r.logicalId,
        ),
      );
    return lenses;
  }

  resolveCodeLens(lens: CostLens): CostLens {
    const { title, tooltip } = lens.words();
    lens.command = { title, tooltip, command: SHOW_BREAKDOWN_COMMAND, arguments: [lens.uri, lens.logicalId] };
    return lens;
  }
}

export function registerCostLens(cost: CostService): vscode.Disposable {
  return vscode.languages.registerCodeLensProvider(TEMPLATE_SELECTOR, new CostLensProvider(cost));
}
