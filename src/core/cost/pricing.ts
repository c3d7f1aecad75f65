import type { Tier } from './prices';
import { tieredCost } from './prices';
import { formatQuantity, formatUnitUsd } from './format';

/** What one resource uses of one priced dimension, before the stack-wide free tier and volume tiers. */
export interface Demand {
  readonly name: string;
  readonly quantity: number;
  readonly unit: string;
  readonly tiers: readonly Tier[];
  /** Demands in one pool share volume tiers (AWS applies them to the month's aggregate). */
  readonly pool: string;
  /** Demands in one free group share a free allowance (the Lambda free tier covers all functions of the account). */
  readonly freeGroup?: string;
  readonly note?: string;
}

/** One row of the breakdown. `usd` = (quantity − freeQuantity) × unitUsd; `formulaOf` writes that out. */
export interface LineItem {
  readonly name: string;
  readonly quantity: number;
  readonly freeQuantity: number;
  readonly unit: string;
  /** Price per unit; an average when the stack's volume crosses a tier boundary. */
  readonly unitUsd: number;
  /** True when `unitUsd` averages several volume tiers. */
  readonly tierAverage: boolean;
  readonly usd: number;
  readonly note?: string;
}

/**
 * `(1,500,000 − 400,000 free) GB-s × $0.0000166667`. Written when shown rather than when priced: the
 * engine runs on every keystroke, the breakdown only when opened.
 */
export function formulaOf(li: LineItem): string {
  const amount =
    li.freeQuantity > 0
      ? `(${formatQuantity(li.quantity)} − ${formatQuantity(li.freeQuantity)} free) ${li.unit}`
      : `${formatQuantity(li.quantity)} ${li.unit}`;
  return `${amount} × ${formatUnitUsd(li.unitUsd)}${li.tierAverage ? ' (average over volume tiers)' : ''}`;
}

/**
 * Prices the demands of the whole stack at once: free allowances are shared out in proportion to use,
 * volume tiers are applied to each pool's total, and each demand pays its share of its pool's cost.
 */
export function priceDemands(
  demandsByResource: ReadonlyMap<string, readonly Demand[]>,
  freeAllowances: ReadonlyMap<string, number>,
): Map<string, LineItem[]> {
  // Three passes over flat arrays: this runs on every keystroke for every demand of the stack.
  const all = [...demandsByResource.values()].flat();
  const groupTotals = new Map<string, number>();
  for (const d of all) if (d.freeGroup) add(groupTotals, d.freeGroup, d.quantity);
  const free = all.map((d) => {
    if (!d.freeGroup) return 0;
    const total = groupTotals.get(d.freeGroup)!;
    const allowance = Math.min(total, freeAllowances.get(d.freeGroup) ?? 0);
    return total > 0 ? (allowance * d.quantity) / total : 0;
  });
  const billable = all.map((d, i) => Math.max(0, d.quantity - free[i]));
  const poolTotals = new Map<string, number>();
  all.forEach((d, i) => add(poolTotals, d.pool, billable[i]));
  const poolRate = new Map<string, number>();
  for (const d of all) {
    if (poolRate.has(d.pool)) continue;
    const total = poolTotals.get(d.pool)!;
    poolRate.set(d.pool, total > 0 ? tieredCost(total, d.tiers) / total : d.tiers[0].usd);
  }
  const out = new Map<string, LineItem[]>();
  let i = 0;
  for (const [id, demands] of demandsByResource) {
    out.set(
      id,
      demands.map((d) => {
        const unitUsd = poolRate.get(d.pool)!;
        const item: LineItem = {
          name: d.name,
          quantity: d.quantity,
          freeQuantity: free[i],
          unit: d.unit,
          unitUsd,
          tierAverage: Math.abs(unitUsd - d.tiers[0].usd) > 1e-15,
          usd: billable[i] * unitUsd,
        };
        i++;
        return d.note ? { ...item, note: d.note } : item;
      }),
    );
  }
  return out;
}

function add(sums: Map<string, number>, key: string, value: number): void {
  sums.set(key, (sums.get(key) ?? 0) + value);
}
