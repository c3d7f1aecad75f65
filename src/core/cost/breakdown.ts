import type { CostReport } from './estimate';
import { formatQuantity, formatUnitUsd, formatUsd } from './format';
import { formulaOf } from './pricing';
import { settingLine } from './settings';

/**
 * What the breakdown shows, already formatted: the data half of data → HTML (the page is
 * src/webview/breakdown-page.ts). A view that adds charts reads the same structure (the raw numbers are kept beside the
 * formatted ones).
 */
export interface BreakdownView {
  readonly title: string;
  readonly subtitle: string;
  readonly total: { readonly usd: number; readonly text: string };
  readonly focus?: string;
  readonly resources: readonly {
    readonly logicalId: string;
    readonly type: string;
    readonly origin: string;
    readonly usd: number;
    readonly costText: string;
    readonly drivers: string;
    /** "not created: condition IsProd is false (Default of parameter Env)", when the stack may not create it. */
    readonly creation?: string;
    /** What the price stands on: "MemorySize: 1024 MB — Default of parameter Mem". */
    readonly settings: readonly string[];
    readonly usage: readonly { readonly key: string; readonly value: string; readonly source: string }[];
    readonly lineItems: readonly {
      readonly name: string;
      readonly quantity: string;
      readonly free: string;
      readonly unitPrice: string;
      readonly usd: number;
      readonly costText: string;
      readonly formula: string;
      readonly note?: string;
    }[];
    readonly notes: readonly string[];
  }[];
  readonly notes: readonly string[];
}

export function breakdownView(
  report: CostReport,
  options: { title: string; focus?: string; precision?: number },
): BreakdownView {
  const precision = options.precision ?? 2;
  return {
    title: options.title,
    subtitle:
      `${report.regionName} (${report.region}, ${regionSourceText(report.regionSource)}) · prices as ` +
      `of ${report.pricesAsOf} · free tier ${report.freeTier ? 'on' : 'off'} · ${report.currency}`,
    total: { usd: report.totalMonthlyUsd, text: formatUsd(report.totalMonthlyUsd, precision) },
    focus: options.focus,
    resources: report.resources.map((r) => ({
      logicalId: r.logicalId,
      type: r.type,
      origin:
        r.origin === 'generated'
          ? `generated${r.generatedBy ? ` by ${r.generatedBy.logicalId}: ${r.generatedBy.reason}` : ''}`
          : 'written',
      usd: r.monthlyUsd,
      costText: formatUsd(r.monthlyUsd, precision),
      drivers: r.drivers,
      ...(r.creation ? { creation: `${r.creation.summary} (${r.creation.why})` } : {}),
      settings: r.settings.map(settingLine),
      usage: Object.entries(r.usage).map(([key, figure]) => ({
        key,
        value: formatQuantity(figure.value),
        source: figure.source,
      })),
      lineItems: r.lineItems.map((li) => ({
        name: li.name,
        quantity: `${formatQuantity(li.quantity)} ${li.unit}`,
        free: li.freeQuantity > 0 ? `${formatQuantity(Math.round(li.freeQuantity * 1000) / 1000)} ${li.unit}` : '',
        unitPrice: `${formatUnitUsd(li.unitUsd)} / ${singular(li.unit)}`,
        usd: li.usd,
        costText: formatUsd(li.usd, Math.max(precision, 2)),
        formula: `${formulaOf(li)} = ${formatUsd(li.usd, 4)}`,
        ...(li.note ? { note: li.note } : {}),
      })),
      notes: r.notes,
    })),
    notes: report.notes,
  };
}

function regionSourceText(source: string): string {
  return source === 'option'
    ? 'chosen in settings or on the command line'
    : source === 'default'
      ? 'no Region given'
      : `from the ${source}`;
}

/** `requests` → `request`, `RCU-hours` → `RCU-hour`; `GB-s` stays. */
function singular(unit: string): string {
  return unit.replace(/shes$/, 'sh').replace(/(?<=[a-z]{2})s$/, '');
}
