import type { CostReport } from './estimate';
import { formatUsd } from './format';
import { NOT_PRICED, resourceLabel } from './render';

/** One resource in a cost diff: its monthly figure before and after (undefined where it is absent or not priced). */
export interface CostDiffRow {
  readonly logicalId: string;
  readonly label: string;
  readonly type: string;
  readonly change: 'added' | 'removed' | 'changed' | 'unchanged';
  readonly beforeUsd?: number;
  readonly afterUsd?: number;
  readonly deltaUsd: number;
  /** Why a side has no figure: "not priced: ..." */
  readonly beforeNote?: string;
  readonly afterNote?: string;
}

export interface CostDiff {
  readonly before: CostReport;
  readonly after: CostReport;
  readonly rows: readonly CostDiffRow[];
  readonly deltaUsd: number;
}

/** Below a hundredth of a cent a month, a change is float noise, not a change. */
const NOISE_USD = 1e-6;

/**
 * Two estimates of a stack, resource by resource (matched by logical ID), with the free-tier credit and the total:
 * what a pull request changes in the monthly bill.
 */
export function costDiff(before: CostReport, after: CostReport): CostDiff {
  type Figure = { label: string; type: string; usd?: number; note?: string };
  const figures = (report: CostReport): Map<string, Figure> =>
    new Map<string, Figure>([
      ...report.resources.map(
        (r) => [r.logicalId, { label: resourceLabel(r), type: r.type, usd: r.monthlyUsd }] as const,
      ),
      ...report.notPriced.map(
        (r) => [r.logicalId, { label: resourceLabel(r), type: r.type, note: `${NOT_PRICED}: ${r.reason}` }] as const,
      ),
    ]);
  const old = figures(before);
  const now = figures(after);
  const ids = [...now.keys(), ...[...old.keys()].filter((id) => !now.has(id))];
  const rows = ids.map((id): CostDiffRow => {
    const b = old.get(id);
    const a = now.get(id);
    const deltaUsd = (a?.usd ?? 0) - (b?.usd ?? 0);
    const change = !b
      ? 'added'
      : !a
        ? 'removed'
        : Math.abs(deltaUsd) > NOISE_USD || a.type !== b.type
          ? 'changed'
          : 'unchanged';
    const side = a ?? b!;
    return {
      logicalId: id,
      label: side.label,
      type: side.type,
      change,
      ...(b?.usd !== undefined ? { beforeUsd: b.usd } : {}),
      ...(a?.usd !== undefined ? { afterUsd: a.usd } : {}),
      deltaUsd,
      ...(b?.note ? { beforeNote: b.note } : {}),
      ...(a?.note ? { afterNote: a.note } : {}),
    };
  });
  return { before, after, rows, deltaUsd: after.totalMonthlyUsd - before.totalMonthlyUsd };
}

/** `+$12.34`, `−$2.00`, `$0.00`. */
export function signedUsd(usd: number, precision = 2): string {
  const text = formatUsd(Math.abs(usd), precision);
  if (text === formatUsd(0, precision)) return text;
  return `${usd > 0 ? '+' : '−'}${text}`;
}

const cell = (usd: number | undefined, note: string | undefined, precision: number): string =>
  usd !== undefined ? formatUsd(usd, precision) : note ? NOT_PRICED : '—';

/** The rows worth showing: what changed, was added or removed. */
const shown = (diff: CostDiff): CostDiffRow[] => diff.rows.filter((r) => r.change !== 'unchanged');

function stackRows(diff: CostDiff, precision: number): string[][] {
  const credit = (report: CostReport): string =>
    report.freeTierCreditUsd > 0 ? `−${formatUsd(report.freeTierCreditUsd, precision)}` : formatUsd(0, precision);
  const rows: string[][] = [];
  if (diff.before.freeTierCreditUsd > 0 || diff.after.freeTierCreditUsd > 0)
    rows.push([
      'Free tier credit (per account)',
      credit(diff.before),
      credit(diff.after),
      signedUsd(diff.before.freeTierCreditUsd - diff.after.freeTierCreditUsd, precision),
    ]);
  if (diff.before.volumeDiscountUsd > 0 || diff.after.volumeDiscountUsd > 0)
    rows.push([
      'Volume tiers on the stack total',
      `−${formatUsd(diff.before.volumeDiscountUsd, precision)}`,
      `−${formatUsd(diff.after.volumeDiscountUsd, precision)}`,
      signedUsd(diff.before.volumeDiscountUsd - diff.after.volumeDiscountUsd, precision),
    ]);
  rows.push([
    'Total',
    formatUsd(diff.before.totalMonthlyUsd, precision),
    formatUsd(diff.after.totalMonthlyUsd, precision),
    signedUsd(diff.deltaUsd, precision),
  ]);
  return rows;
}

/** "Monthly cost will increase by $12.34 (+66%), from $18.73 to $31.07". */
export function diffHeadline(diff: CostDiff, precision = 2): string {
  const { before, after, deltaUsd } = diff;
  const from = `${formatUsd(before.totalMonthlyUsd, precision)} to ${formatUsd(after.totalMonthlyUsd, precision)}`;
  if (signedUsd(deltaUsd, precision) === formatUsd(0, precision))
    return `Monthly cost does not change (${formatUsd(after.totalMonthlyUsd, precision)})`;
  const percent =
    before.totalMonthlyUsd > 0
      ? ` (${deltaUsd > 0 ? '+' : '−'}${Math.round((Math.abs(deltaUsd) / before.totalMonthlyUsd) * 100)}%)`
      : '';
  const direction = deltaUsd > 0 ? 'increase' : 'decrease';
  return `Monthly cost will ${direction} by ${formatUsd(Math.abs(deltaUsd), precision)}${percent}, from ${from}`;
}

const unchangedLine = (diff: CostDiff): string[] => {
  const unchanged = diff.rows.length - shown(diff).length;
  return unchanged > 0 ? [`${unchanged} resource${unchanged === 1 ? '' : 's'} unchanged.`] : [];
};

/** `cost diff --format table`. */
export function costDiffTable(diff: CostDiff, precision = 2): string {
  const header = ['Resource', 'Type', 'Before', 'After', 'Change'];
  const rows = shown(diff).map((r) => [
    r.label,
    r.type,
    cell(r.beforeUsd, r.beforeNote, precision),
    cell(r.afterUsd, r.afterNote, precision),
    `${signedUsd(r.deltaUsd, precision)}${r.change === 'changed' ? '' : ` (${r.change})`}`,
  ]);
  const totals = stackRows(diff, precision).map(([label, ...rest]) => [label, '', ...rest]);
  const widths = header.map((h, i) => Math.max(h.length, ...[...rows, ...totals].map((row) => row[i].length)));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => (i >= 2 ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [
    diffHeadline(diff, precision),
    '',
    line(header),
    rule,
    ...rows.map(line),
    rule,
    ...totals.map(line),
    ...['', ...unchangedLine(diff)],
  ]
    .join('\n')
    .trimEnd();
}

/** `cost diff --format markdown`: a pull-request comment, like Infracost's. */
export function costDiffMarkdown(diff: CostDiff, precision = 2): string {
  const esc = (s: string): string => s.replace(/\|/g, '\\|');
  const notes = shown(diff).flatMap((r) => [r.beforeNote, r.afterNote].filter(Boolean).map((n) => `${r.label}: ${n}`));
  return [
    `### ${diffHeadline(diff, precision)}`,
    '',
    '| Resource | Type | Before | After | Change |',
    '|---|---|---:|---:|---:|',
    ...shown(diff).map(
      (r) =>
        `| ${esc(r.label)} | ${r.type} | ${cell(r.beforeUsd, r.beforeNote, precision)} ` +
        `| ${cell(r.afterUsd, r.afterNote, precision)} | ${signedUsd(r.deltaUsd, precision)}` +
        `${r.change === 'changed' ? '' : ` (${r.change})`} |`,
    ),
    ...stackRows(diff, precision).map(([label, b, a, d]) =>
      label === 'Total' ? `| **Total** | | **${b}** | **${a}** | **${d}** |` : `| ${label} | | ${b} | ${a} | ${d} |`,
    ),
    '',
    ...unchangedLine(diff).map((l) => `_${l}_`),
    ...notes.map((n) => `> ${esc(n)}`),
    '',
    `_${diff.after.regionName} (${diff.after.region}) · prices as of ${diff.after.pricesAsOf} · resources before the ` +
      `free tier; the free tier is per account, shared with everything else in it._`,
  ].join('\n');
}

const round = (usd: number | undefined): number | undefined =>
  usd === undefined ? undefined : Math.round(usd * 1e6) / 1e6;

/** `cost diff --format json`. */
export function costDiffJson(diff: CostDiff): unknown {
  return {
    region: diff.after.region,
    currency: diff.after.currency,
    pricesAsOf: diff.after.pricesAsOf,
    resources: diff.rows.map((r) => ({
      logicalId: r.logicalId,
      type: r.type,
      change: r.change,
      beforeMonthlyUsd: round(r.beforeUsd) ?? null,
      afterMonthlyUsd: round(r.afterUsd) ?? null,
      deltaMonthlyUsd: round(r.deltaUsd),
      ...(r.beforeNote ? { beforeNote: r.beforeNote } : {}),
      ...(r.afterNote ? { afterNote: r.afterNote } : {}),
    })),
    freeTierCreditUsd: { before: round(diff.before.freeTierCreditUsd), after: round(diff.after.freeTierCreditUsd) },
    totalMonthlyUsd: { before: round(diff.before.totalMonthlyUsd), after: round(diff.after.totalMonthlyUsd) },
    deltaMonthlyUsd: round(diff.deltaUsd),
  };
}
