import * as vscode from 'vscode';
import { costCore } from './cost-core';
import type { CostReport, ResourceCost } from '../core/cost';
import type { CostService } from './cost-service';
import type { ExplorerItem, ExplorerProvider } from './explorer';

/** Each priced resource's monthly cost in its explorer description, and the template's total on the template item. */
export function registerCostExplorer(cost: CostService, explorer: ExplorerProvider): vscode.Disposable {
  const byId = new WeakMap<CostReport, Map<string, ResourceCost>>();
  const resourcesOf = (report: CostReport): Map<string, ResourceCost> => {
    let map = byId.get(report);
    if (!map) byId.set(report, (map = new Map(report.resources.map((r) => [r.logicalId, r]))));
    return map;
  };
  const resourceOf = (item: ExplorerItem): ResourceCost | undefined => {
    const report = cost.report(item.uri);
    return report && item.node.logicalId && (item.node.kind === 'resource' || item.node.kind === 'function')
      ? resourcesOf(report).get(item.node.logicalId)
      : undefined;
  };
  return explorer.contribute({
    onDidChange: cost.onDidChange,
    field: 'cost',
    tooltip(item) {
      const resource = resourceOf(item);
      return resource && costCore().costTooltipMarkdown(resource, cost.settings().precision);
    },
    describe(item) {
      const report = cost.report(item.uri);
      if (!report || report.resources.length === 0) return undefined;
      const precision = cost.settings().precision;
      if (item.node.kind === 'template') return `≈ ${costCore().formatUsd(report.totalMonthlyUsd, precision)}/mo`;
      const resource = resourceOf(item);
      // A resource the stack does not create costs nothing, and the tree's own description already says why.
      if (!resource || resource.creation?.created === false) return undefined;
      return `≈ ${costCore().formatUsd(resource.monthlyUsd, precision)}/mo`;
    },
  });
}
