import type { CostReport, ResourceCost } from './estimate';
import { formulaOf } from './pricing';
import { formatQuantity, formatUnitUsd, formatUsd } from './format';
import { escapeMarkdown } from '../outline/tooltip';
import { settingLine } from './settings';

/** Cents and below are noise from floating point; six decimals keep sub-cent line items visible. */
const roundUsd = (usd: number): number => Math.round(usd * 1e6) / 1e6;

/**
 * The `--format json` contract of the issue, key for key. `quantity` is what is charged (after the free
 * tier), so `quantity × unitUsd = usd` holds for every line; the free part is named in `name`.
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
        name:
          li.freeQuantity > 0
            ? `${li.name} (after ${formatQuantity(Math.round(li.freeQuantity * 1000) / 1000)} ${li.unit} free)`
            : li.name,
        quantity: Math.round((li.quantity - li.freeQuantity) * 1000) / 1000,
        unit: li.unit,
        unitUsd: li.unitUsd,
        usd: roundUsd(li.usd),
      })),
    })),
    totalMonthlyUsd: roundUsd(report.totalMonthlyUsd),
  };
}

function heading(report: CostReport): string {
  return (
    `${report.regionName} (${report.region}) · prices as of ${report.pricesAsOf} · free ` +
    `tier ${report.freeTier ? 'on' : 'off'}`
  );
}

function resourceLabel(r: ResourceCost): string {
  return r.origin === 'generated'
    ? `${r.logicalId} (generated${r.generatedBy ? ` by ${r.generatedBy.logicalId}` : ''})`
    : r.logicalId;
}

/**
 * What each figure stands on, one line per setting: "Fn  MemorySize: 1024 MB — Default of parameter Mem", and
 * for a resource the stack may not create, why.
 */
function settingLines(report: CostReport): string[] {
  const width = Math.max(0, ...report.resources.map((r) => r.logicalId.length));
  return report.resources.flatMap((r) => [
    ...(r.creation ? [`${r.logicalId.padEnd(width)}  ${r.creation.summary} (${r.creation.why})`] : []),
    ...r.settings.map((s) => `${r.logicalId.padEnd(width)}  ${settingLine(s)}`),
  ]);
}

/** `--format table`: one row per resource, then the total, the settings priced and what the user should know. */
export function costTable(report: CostReport, precision = 2): string {
  const rows = report.resources.map((r) => [resourceLabel(r), r.type, formatUsd(r.monthlyUsd, precision), r.drivers]);
  const header = ['Resource', 'Type', 'Monthly', 'Drivers'];
  const total = ['Total', '', formatUsd(report.totalMonthlyUsd, precision), ''];
  const widths = header.map((h, i) => Math.max(h.length, ...[...rows, total].map((row) => row[i].length)));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => (i === 2 ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  const settings = settingLines(report);
  return [
    heading(report),
    '',
    line(header),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.map(line),
    widths.map((w) => '-'.repeat(w)).join('  '),
    line(total),
    ...(settings.length > 0 ? ['', 'Priced with:', ...settings.map((l) => `  ${l}`)] : []),
    ...(report.notes.length > 0 ? ['', ...report.notes.map((n) => `Note: ${n}`)] : []),
  ].join('\n');
}

/** `--format markdown`: a pull request comment with the total up front and the line items folded away. */
export function costMarkdown(report: CostReport, precision = 2): string {
  const esc = (s: string): string => s.replace(/\|/g, '\\|');
  const out = [
    `### Estimated monthly cost: ${formatUsd(report.totalMonthlyUsd, precision)}`,
    '',
    `_${heading(report)}_`,
    '',
    '| Resource | Type | Monthly | Drivers |',
    '|---|---|---:|---|',
    ...report.resources.map(
      (r) => `| ${esc(resourceLabel(r))} | ${r.type} | ${formatUsd(r.monthlyUsd, precision)} | ${esc(r.drivers)} |`,
    ),
    `| **Total** | | **${formatUsd(report.totalMonthlyUsd, precision)}** | |`,
    '',
    '<details><summary>Line items</summary>',
    '',
    '| Resource | Item | Quantity | Free | Unit price | Cost | Formula |',
    '|---|---|---:|---:|---:|---:|---|',
    ...report.resources.flatMap((r) =>
      r.lineItems.map(
        (li) =>
          `| ${esc(r.logicalId)} | ${esc(li.name)} | ${formatQuantity(li.quantity)} ${li.unit} ` +
          `| ${li.freeQuantity > 0 ? formatQuantity(Math.round(li.freeQuantity)) : ''} ` +
          `| ${formatUnitUsd(li.unitUsd)} | ${formatUsd(li.usd, precision)} | ${esc(formulaOf(li))} |`,
      ),
    ),
    '',
    '</details>',
  ];
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
 * The one-line summary shown above a resource: `≈ $18.73/mo · 3M req × 1000 ms @ 512 MB`; a "?" marks a
 * setting priced at a default because the template's value is unknown, and a resource the stack may not
 * create says so.
 */
export function lensText(r: ResourceCost, precision = 2): string {
  const label = r.origin === 'generated' ? `${r.logicalId}: ` : '';
  const maybe = r.creation && r.creation.created === undefined ? ` · if ${r.creation.condition}` : '';
  return `≈ ${formatUsd(r.monthlyUsd, precision)}/mo · ${label}${r.drivers}${maybe}`;
}

/** The CodeLens tooltip: where each figure came from, one line per setting, then what a click does. */
export function lensTooltip(r: ResourceCost): string {
  return [
    ...(r.creation ? [`${r.creation.summary} (${r.creation.why})`] : []),
    ...r.settings.map(settingLine),
    ...Object.entries(r.usage).map(([key, figure]) => `${key}: ${formatQuantity(figure.value)} — ${figure.source}`),
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
    ...Object.entries(r.usage).map(
      ([key, figure]) => `- ${escapeMarkdown(`${key}: ${formatQuantity(figure.value)} — ${figure.source}`)}`,
    ),
    ...r.settings.map((s) => `- ${escapeMarkdown(settingLine(s))}`),
  ].join('\n');
}

export function totalLensText(report: CostReport, precision = 2): string {
  const notCreated = report.resources.filter((r) => r.creation?.created === false).length;
  const priced = report.resources.length - notCreated;
  return (
    `≈ ${formatUsd(report.totalMonthlyUsd, precision)}/mo for this stack · ${priced} priced ` +
    `resources${notCreated > 0 ? ` · ${notCreated} not created` : ''} ` +
    `· ${report.region}${report.freeTier ? '' : ' · no free tier'}`
  );
}
