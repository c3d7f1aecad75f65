import * as vscode from 'vscode';
import { costCore } from './cost-core';
import type { CostReport, NotPricedResource, ResourceCost } from '../core/cost';
import type { CostService } from './cost-service';
import type { ExplorerItem, ExplorerProvider } from './explorer';

/**
 * Each priced resource's monthly cost (before the free tier) in its explorer description, "not priced" on those we
 * cannot price, and the template's total (after the account's free tier) on the template item.
 */
export function registerCostExplorer(cost: CostService, explorer: ExplorerProvider): vscode.Disposable {
  const byId = new WeakMap<CostReport, Map<string, ResourceCost | NotPricedResource>>();
  const resourcesOf = (report: CostReport): Map<string, ResourceCost | NotPricedResource> => {
    let map = byId.get(report);
    if (!map)
      byId.set(
        report,
        (map = new Map<string, ResourceCost | NotPricedResource>([
          ...report.resources.map((r) => [r.logicalId, r] as const),
          ...report.notPriced.map((r) => [r.logicalId, r] as const),
        ])),
      );
    return map;
  };
  const resourceOf = (item: ExplorerItem): ResourceCost | NotPricedResource | undefined => {
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
      if (resource && 'reason' in resource) return `**${costCore().NOT_PRICED}**: ${resource.reason}`;
      return resource && costCore().costTooltipMarkdown(resource, cost.settings().precision);
    },
    describe(item) {
      const report = cost.report(item.uri);
      if (!report || (report.resources.length === 0 && report.notPriced.length === 0)) return undefined;
      const precision = cost.settings().precision;
      if (item.node.kind === 'template') return `≈ ${costCore().formatUsd(report.totalMonthlyUsd, precision)}/mo`;
      const resource = resourceOf(item);
      // A resource the stack does not create costs nothing, and the tree's own description already says why.
      if (!resource) return undefined;
      if ('reason' in resource) return `${costCore().NOT_PRICED}: ${resource.reason}`;
      if (resource.creation?.created === false) return undefined;
      return `≈ ${costCore().formatUsd(resource.monthlyUsd, precision)}/mo`;
    },
  });
}
