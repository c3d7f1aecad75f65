import type { CostReport } from './estimate';
import { formatQuantity, formatUnitUsd, formatUsd } from './format';
import { formulaOf } from './pricing';
import { settingLine } from './settings';
import { creditLine, FREE_TIER_SCOPE, minusUsd, SET_DEFAULTS_HOW } from './render';
import { DEFAULT_REGION } from './prices';

/**
 * What the breakdown shows, already formatted: the data half of data → HTML (the page is
 * src/webview/breakdown-page.ts). A view that adds charts reads the same structure (the raw numbers are kept beside the
 * formatted ones).
 */
export interface BreakdownView {
  readonly title: string;
  readonly subtitle: string;
  readonly total: { readonly usd: number; readonly text: string };
  /** Subtotal, volume discount and free-tier credit above the total, when there are any ("−$6.87"). */
  readonly totals: readonly { readonly label: string; readonly text: string }[];
  /** The account's free tier, one line per allowance; `scope` says it is shared with the rest of the account. */
  readonly freeTier?: { readonly scope: string; readonly lines: readonly string[] };
  /** Resources listed without a figure, and why. */
  readonly notPriced: readonly { readonly logicalId: string; readonly type: string; readonly reason: string }[];
  /** How to replace the defaults, when any figure used one. */
  readonly defaultsHow?: string;
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
    readonly usage: readonly {
      readonly key: string;
      readonly value: string;
      readonly source: string;
      /** True when the price used this built-in default. */
      readonly defaulted: boolean;
    }[];
    /** "Priced with default usage: monthlyRequests, averageDurationMs", when it was. */
    readonly defaults?: string;
    readonly lineItems: readonly {
      readonly name: string;
      readonly quantity: string;
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
    totals: [
      ...(report.volumeDiscountUsd > 0 || report.freeTierCreditUsd > 0
        ? [{ label: 'Subtotal (before the free tier)', text: formatUsd(report.subtotalMonthlyUsd, precision) }]
        : []),
      ...(report.volumeDiscountUsd > 0
        ? [{ label: 'Volume tiers on the stack total', text: minusUsd(report.volumeDiscountUsd, precision) }]
        : []),
      ...(report.freeTierCreditUsd > 0
        ? [{ label: 'Free tier credit (per account)', text: minusUsd(report.freeTierCreditUsd, precision) }]
        : []),
    ],
    ...(report.freeTierCredits.length > 0
      ? { freeTier: { scope: FREE_TIER_SCOPE, lines: report.freeTierCredits.map((c) => creditLine(c, precision)) } }
      : {}),
    notPriced: report.notPriced.map((r) => ({ logicalId: r.logicalId, type: r.type, reason: r.reason })),
    ...(report.resources.some((r) => r.defaults.length > 0) ? { defaultsHow: SET_DEFAULTS_HOW } : {}),
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
        defaulted: r.defaults.includes(key),
      })),
      ...(r.defaults.length > 0 ? { defaults: `Priced with default usage: ${r.defaults.join(', ')}` } : {}),
      lineItems: r.lineItems.map((li) => ({
        name: li.name,
        quantity: `${formatQuantity(li.quantity)} ${li.unit}`,
        unitPrice: `${formatUnitUsd(li.unitUsd)} / ${singular(li.unit)}`,
        usd: li.usd,
        costText: formatUsd(li.usd, Math.max(precision, 2)),
        formula: `${formulaOf(li)} = ${formatUsd(li.usd, 4)}`,
        ...(li.note ? { note: li.note } : {}),
      })),
      notes: r.assumedPrices ? [...r.notes, `${r.assumedPrices}.`] : r.notes,
    })),
    notes: report.notes,
  };
}

function regionSourceText(source: string): string {
  return source === 'option'
    ? 'chosen in settings or on the command line'
    : source === 'default'
      ? `${DEFAULT_REGION}, as neither samconfig, the settings, the usage file nor the template names a Region`
      : `from the ${source}`;
}

/** `requests` → `request`, `RCU-hours` → `RCU-hour`; `GB-s` stays. */
function singular(unit: string): string {
  return unit.replace(/shes$/, 'sh').replace(/(?<=[a-z]{2})s$/, '');
}
