import type { CostReport, NotPricedResource, ResourceCost } from './estimate';
import type { FreeTierCredit } from './pricing';
import { formulaOf } from './pricing';
import { formatQuantity, formatUnitUsd, formatUsd } from './format';
import { escapeMarkdown } from '../outline/tooltip';
import { settingLine } from './settings';
import { USAGE_FILE_PATH } from './usage-path';

/** Cents and below are noise from floating point; six decimals keep sub-cent line items visible. */
const roundUsd = (usd: number): number => Math.round(usd * 1e6) / 1e6;
const roundQuantity = (n: number): number => Math.round(n * 1000) / 1000;

/** Said wherever the credit is shown: the allowance is the account's, not this stack's. */
export const FREE_TIER_SCOPE = 'The free tier is per account, shared with everything else in it.';
/** The marker of a figure priced with a built-in default usage value. */
export const DEFAULT_MARK = '*';
export const NOT_PRICED = 'not priced';

/**
 * `--format json`: each resource before the free tier, the resources we cannot price and why, and the account's
 * free tier as a credit of the stack total.
 */
export function costJson(report: CostReport): unknown {
  return {
    region: report.region,
    currency: report.currency,
    pricesAsOf: report.pricesAsOf,
    resources: report.resources.map((r) => ({
      logicalId: r.logicalId,
      type: r.type,
      monthlyUsd: roundUsd(r.monthlyUsd),
      lineItems: r.lineItems.map((li) => ({
        name: li.name,
        quantity: roundQuantity(li.quantity),
        unit: li.unit,
        unitUsd: li.unitUsd,
        usd: roundUsd(li.usd),
      })),
      defaultUsage: r.defaults,
      ...(r.assumedPrices ? { assumedPrices: r.assumedPrices } : {}),
    })),
    notPriced: report.notPriced.map((r) => ({ logicalId: r.logicalId, type: r.type, reason: r.reason })),
    subtotalMonthlyUsd: roundUsd(report.subtotalMonthlyUsd),
    freeTier: {
      on: report.freeTier,
      scope: 'account',
      credits: report.freeTierCredits.map((c) => ({
        name: c.name,
        unit: c.unit,
        usedQuantity: roundQuantity(c.usedQuantity),
        freeQuantity: roundQuantity(c.freeQuantity),
        creditUsd: roundUsd(c.creditUsd),
        payUsd: roundUsd(c.payUsd),
      })),
      creditUsd: roundUsd(report.freeTierCreditUsd),
    },
    volumeDiscountUsd: roundUsd(report.volumeDiscountUsd),
    totalMonthlyUsd: roundUsd(report.totalMonthlyUsd),
  };
}

function heading(report: CostReport): string {
  return (
    `${report.regionName} (${report.region}) · prices as of ${report.pricesAsOf} · free ` +
    `tier ${report.freeTier ? 'on' : 'off'}`
  );
}

export function resourceLabel(r: Pick<ResourceCost, 'logicalId' | 'origin' | 'generatedBy'>): string {
  return r.origin === 'generated'
    ? `${r.logicalId} (generated${r.generatedBy ? ` by ${r.generatedBy.logicalId}` : ''})`
    : r.logicalId;
}

/** `−$6.87`: a credit, with a real minus sign. */
export function minusUsd(usd: number, precision = 2): string {
  return `−${formatUsd(usd, precision)}`;
}

/** "Lambda compute: 400,000 of 1,500,000 GB-s free, −$6.67; $18.33 to pay". */
export function creditLine(credit: FreeTierCredit, precision = 2): string {
  return (
    `${credit.name}: ${formatQuantity(credit.freeQuantity)} of ${formatQuantity(credit.usedQuantity)} ${credit.unit} ` +
    `free, ${minusUsd(credit.creditUsd, precision)}; ${formatUsd(credit.payUsd, precision)} to pay`
  );
}

/** "Fn: monthlyRequests, averageDurationMs" for every resource priced with built-in default usage. */
function defaultsLines(report: CostReport): string[] {
  return report.resources.filter((r) => r.defaults.length > 0).map((r) => `${r.logicalId}: ${r.defaults.join(', ')}`);
}

/** How to replace a default with a figure of one's own. */
export const SET_DEFAULTS_HOW =
  `Set them in ${USAGE_FILE_PATH} (under resources.<LogicalId>, or defaults.<resource type>), or pass --usage; ` +
  `"Serverless Workbench: Create usage file" in the editor writes one with every default.`;

/**
 * The stack's closing lines after the resources: the subtotal, the volume discount and the free-tier credit when
 * there are any, and the total. [label, amount] pairs.
 */
function totalRows(report: CostReport, precision: number): [string, string][] {
  const adjusted = report.freeTierCreditUsd > 0 || report.volumeDiscountUsd > 0;
  return [
    ...(adjusted ? [['Subtotal (before the free tier)', formatUsd(report.subtotalMonthlyUsd, precision)]] : []),
    ...(report.volumeDiscountUsd > 0
      ? [['Volume tiers on the stack total', minusUsd(report.volumeDiscountUsd, precision)]]
      : []),
    ...(report.freeTierCreditUsd > 0
      ? [['Free tier credit (per account)', minusUsd(report.freeTierCreditUsd, precision)]]
      : []),
    ['Total', formatUsd(report.totalMonthlyUsd, precision)],
  ] as [string, string][];
}

/**
 * What each figure stands on, one line per setting: "Fn  MemorySize: 1024 MB — Default of parameter Mem", and
 * for a resource the stack may not create, why; a Region whose prices were assumed.
 */
function settingLines(report: CostReport): string[] {
  const width = Math.max(0, ...report.resources.map((r) => r.logicalId.length));
  return report.resources.flatMap((r) => [
    ...(r.creation ? [`${r.logicalId.padEnd(width)}  ${r.creation.summary} (${r.creation.why})`] : []),
    ...r.settings.map((s) => `${r.logicalId.padEnd(width)}  ${settingLine(s)}`),
    ...(r.assumedPrices ? [`${r.logicalId.padEnd(width)}  ${r.assumedPrices}`] : []),
  ]);
}

const monthlyText = (r: ResourceCost, precision: number): string =>
  `${formatUsd(r.monthlyUsd, precision)}${r.defaults.length > 0 ? DEFAULT_MARK : ' '}`;

const notPricedRow = (r: NotPricedResource): string[] => [resourceLabel(r), r.type, `${NOT_PRICED} `, r.reason];

/** `--format table`: one row per resource, then the total, the free tier, the settings and defaults priced. */
export function costTable(report: CostReport, precision = 2): string {
  if (report.regionProblem) return `${heading(report)}\n\n${report.regionProblem}`;
  const rows = [
    ...report.resources.map((r) => [resourceLabel(r), r.type, monthlyText(r, precision), r.drivers]),
    ...report.notPriced.map(notPricedRow),
  ];
  const header = ['Resource', 'Type', 'Monthly ', 'Drivers'];
  const totals = totalRows(report, precision).map(([label, usd]) => [label, '', `${usd} `, '']);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  // A total's label may run into the Type column: it has no type.
  const labelWidth = widths[0] + 2 + widths[1];
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => (i === 2 ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  const totalLine = ([label, , usd]: string[]): string => `${label.padEnd(labelWidth)}  ${usd.padStart(widths[2])}`;
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  const settings = settingLines(report);
  const defaults = defaultsLines(report);
  return [
    heading(report),
    '',
    line(header),
    rule,
    ...rows.map(line),
    rule,
    ...totals.map(totalLine),
    ...(report.freeTierCredits.length > 0
      ? [
          '',
          `Free tier credit (${FREE_TIER_SCOPE})`,
          ...report.freeTierCredits.map((c) => `  ${creditLine(c, precision)}`),
        ]
      : []),
    ...(defaults.length > 0
      ? [
          '',
          `${DEFAULT_MARK} Priced with default usage values:`,
          ...defaults.map((l) => `  ${l}`),
          `  ${SET_DEFAULTS_HOW}`,
        ]
      : []),
    ...(settings.length > 0 ? ['', 'Priced with:', ...settings.map((l) => `  ${l}`)] : []),
    ...(report.notes.length > 0 ? ['', ...report.notes.map((n) => `Note: ${n}`)] : []),
  ]
    .map((l) => l.trimEnd())
    .join('\n');
}

const esc = (s: string): string => s.replace(/\|/g, '\\|');

/** `--format markdown`: a pull request comment with the total up front and the line items folded away. */
export function costMarkdown(report: CostReport, precision = 2): string {
  if (report.regionProblem) return `### Monthly cost not estimated\n\n> ${report.regionProblem}`;
  const out = [
    `### Estimated monthly cost: ${formatUsd(report.totalMonthlyUsd, precision)}`,
    '',
    `_${heading(report)}_`,
    '',
    '| Resource | Type | Monthly | Drivers |',
    '|---|---|---:|---|',
    ...report.resources.map(
      (r) => `| ${esc(resourceLabel(r))} | ${r.type} | ${monthlyText(r, precision).trim()} | ${esc(r.drivers)} |`,
    ),
    ...report.notPriced.map((r) => `| ${esc(resourceLabel(r))} | ${r.type} | ${NOT_PRICED} | ${esc(r.reason)} |`),
    ...totalRows(report, precision).map(([label, usd]) =>
      label === 'Total' ? `| **Total** | | **${usd}** | |` : `| ${label} | | ${usd} | |`,
    ),
  ];
  if (report.freeTierCredits.length > 0)
    out.push('', `_${FREE_TIER_SCOPE}_`, '', ...report.freeTierCredits.map((c) => `- ${creditLine(c, precision)}`));
  const defaults = defaultsLines(report);
  if (defaults.length > 0)
    out.push('', `${DEFAULT_MARK} Priced with default usage values: ${esc(defaults.join('; '))}. ${SET_DEFAULTS_HOW}`);
  out.push(
    '',
    '<details><summary>Line items</summary>',
    '',
    '| Resource | Item | Quantity | Unit price | Cost | Formula |',
    '|---|---|---:|---:|---:|---|',
    ...report.resources.flatMap((r) =>
      r.lineItems.map(
        (li) =>
          `| ${esc(r.logicalId)} | ${esc(li.name)} | ${formatQuantity(li.quantity)} ${li.unit} ` +
          `| ${formatUnitUsd(li.unitUsd)} | ${formatUsd(li.usd, precision)} | ${esc(formulaOf(li))} |`,
      ),
    ),
    '',
    '</details>',
  );
  const settings = settingLines(report);
  if (settings.length > 0)
    out.push(
      '',
      '<details><summary>Priced with</summary>',
      '',
      ...settings.map((l) => `- ${esc(l)}`),
      '',
      '</details>',
    );
  if (report.notes.length > 0) out.push('', ...report.notes.map((n) => `> ${n}`));
  return out.join('\n');
}

/**
 * The one-line summary shown above a resource, before the free tier: `≈ $25.60/mo · 3M req × 1000 ms @ 512 MB`; a
 * "?" marks a setting priced at a default because the template's value is unknown, and a resource the stack may not
 * create says so.
 */
export function lensText(r: ResourceCost, precision = 2): string {
  const label = r.origin === 'generated' ? `${r.logicalId}: ` : '';
  const maybe = r.creation && r.creation.created === undefined ? ` · if ${r.creation.condition}` : '';
  return `≈ ${formatUsd(r.monthlyUsd, precision)}/mo · ${label}${r.drivers}${maybe}`;
}

/** "not priced · Serverless Workbench has no prices for AWS::Kinesis::Stream yet". */
export function notPricedLensText(r: NotPricedResource): string {
  return `${NOT_PRICED} · ${r.reason}`;
}

/** Each resource's figure leaves the free tier out: one account's free tier cannot be split among resources. */
const BEFORE_FREE_TIER = 'Before the free tier, which the stack total credits once for the account.';

/** How a usage figure reads: its value, where it came from, and whether it priced the resource as a default. */
function usageLine(r: ResourceCost, key: string, figure: ResourceCost['usage'][string]): string {
  return (
    `${key}: ${formatQuantity(figure.value)} — ${figure.source}` +
    `${r.defaults.includes(key) ? ' (priced with this default)' : ''}`
  );
}

/** The CodeLens tooltip: where each figure came from, which usage was a default, then what a click does. */
export function lensTooltip(r: ResourceCost): string {
  return [
    ...(r.creation ? [`${r.creation.summary} (${r.creation.why})`] : []),
    ...r.settings.map(settingLine),
    ...Object.entries(r.usage).map(([key, figure]) => usageLine(r, key, figure)),
    ...(r.defaults.length > 0 ? [`Priced with default usage: ${r.defaults.join(', ')}. ${SET_DEFAULTS_HOW}`] : []),
    ...(r.assumedPrices ? [r.assumedPrices] : []),
    BEFORE_FREE_TIER,
    'Click for the cost breakdown.',
  ].join('\n');
}

/**
 * The explorer tooltip's cost section in Markdown: the monthly figure and its drivers, each line item's share,
 * the usage assumed with where each figure came from, and the settings priced.
 */
export function costTooltipMarkdown(r: ResourceCost, precision = 2): string {
  const usd = (n: number): string => escapeMarkdown(formatUsd(n, precision));
  return [
    `**≈ ${usd(r.monthlyUsd)}/mo** · ${escapeMarkdown(r.drivers)}`,
    ...(r.creation ? ['', `_${escapeMarkdown(`${r.creation.summary} (${r.creation.why})`)}_`] : []),
    '',
    ...r.lineItems.map((l) => `- ${escapeMarkdown(l.name)}: ${usd(l.usd)}`),
    ...Object.entries(r.usage).map(([key, figure]) => `- ${escapeMarkdown(usageLine(r, key, figure))}`),
    ...r.settings.map((s) => `- ${escapeMarkdown(settingLine(s))}`),
    ...(r.assumedPrices ? ['', escapeMarkdown(r.assumedPrices)] : []),
    '',
    `_${escapeMarkdown(BEFORE_FREE_TIER)}_`,
  ].join('\n');
}

export function totalLensText(report: CostReport, precision = 2): string {
  if (report.regionProblem) return `Cost not estimated: ${report.regionProblem}`;
  const notCreated = report.resources.filter((r) => r.creation?.created === false).length;
  const priced = report.resources.length - notCreated;
  return (
    `≈ ${formatUsd(report.totalMonthlyUsd, precision)}/mo for this stack · ${priced} priced ` +
    `resources${notCreated > 0 ? ` · ${notCreated} not created` : ''}` +
    `${report.notPriced.length > 0 ? ` · ${report.notPriced.length} ${NOT_PRICED}` : ''} ` +
    `· ${report.region}${report.freeTier ? '' : ' · no free tier'}` +
    `${report.freeTierCreditUsd > 0 ? ` · free tier ${minusUsd(report.freeTierCreditUsd, precision)}` : ''}`
  );
}

/** The stack total's tooltip: the subtotal, the free tier line by line (and whose it is), and the defaults. */
export function totalLensTooltip(report: CostReport, precision = 2): string {
  if (report.regionProblem) return report.regionProblem;
  const defaults = defaultsLines(report);
  return [
    ...totalRows(report, precision).map(([label, usd]) => `${label}: ${usd}`),
    ...(report.freeTierCredits.length > 0
      ? [FREE_TIER_SCOPE, ...report.freeTierCredits.map((c) => `  ${creditLine(c, precision)}`)]
      : []),
    ...(defaults.length > 0 ? ['Priced with default usage values:', ...defaults.map((l) => `  ${l}`)] : []),
    'Click for the cost breakdown.',
  ].join('\n');
}
