import type { Tier } from './prices';
import type { Mutable } from '../mutable';
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

/** One row of the breakdown: what this resource uses, priced by itself, before the account's free tier. */
export interface LineItem {
  readonly name: string;
  readonly quantity: number;
  readonly unit: string;
  /** Price per unit; an average when the resource's own volume crosses a tier boundary. */
  readonly unitUsd: number;
  /** True when `unitUsd` averages several volume tiers. */
  readonly tierAverage: boolean;
  readonly usd: number;
  readonly note?: string;
}

/** A free allowance of the account (aws.amazon.com/free): what it is called and how much of it there is. */
export interface FreeAllowance {
  readonly name: string;
  readonly quantity: number;
}

/**
 * One free-tier line of the stack total: the stack's use of a free allowance, how much of it is free, the credit,
 * and what is left to pay for that use (`Lambda compute: 1,500,000 GB-s, 400,000 free: −$6.67, $18.33 to pay`).
 */
export interface FreeTierCredit {
  readonly name: string;
  readonly unit: string;
  readonly usedQuantity: number;
  readonly freeQuantity: number;
  /** What the free part would cost; subtracted from the stack total. */
  readonly creditUsd: number;
  /** What the stack pays for this use after the free part. */
  readonly payUsd: number;
}

export interface StackPricing {
  /** Each resource's line items, priced as if it were alone: another resource's change never moves them. */
  readonly lineItemsById: Map<string, LineItem[]>;
  readonly freeTierCredits: FreeTierCredit[];
  /**
   * What volume tiers save when AWS applies them to the month's aggregate instead of each resource's own use
   * (0 unless a pool's total crosses a tier boundary).
   */
  readonly volumeDiscountUsd: number;
  /** What the month costs: the resources' sum less the volume discount and the free-tier credits. */
  readonly totalUsd: number;
}

/** `1,500,000 GB-s × $0.0000166667`; written when shown rather than when priced (the engine runs per keystroke). */
export function formulaOf(li: LineItem): string {
  return `${formatQuantity(li.quantity)} ${li.unit} × ${formatUnitUsd(li.unitUsd)}${
    li.tierAverage ? ' (average over volume tiers)' : ''
  }`;
}

/**
 * Prices each resource's demands by themselves, then the stack as AWS bills the account: volume tiers on each pool's
 * total, and each free allowance shared by its pools in proportion to their use. The free tier belongs to the account,
 * so it is a credit of the stack total, never a share of one resource's figure.
 */
export function priceDemands(
  demandsByResource: ReadonlyMap<string, readonly Demand[]>,
  freeAllowances: ReadonlyMap<string, FreeAllowance>,
): StackPricing {
  const lineItemsById = new Map<string, LineItem[]>();
  const pools = new Map<string, { total: number; tiers: readonly Tier[]; freeGroup?: string; unit: string }>();
  let resourcesUsd = 0;
  for (const [id, demands] of demandsByResource) {
    lineItemsById.set(
      id,
      demands.map((d) => {
        const usd = tieredCost(d.quantity, d.tiers);
        resourcesUsd += usd;
        const pool = pools.get(d.pool);
        if (pool) pool.total += d.quantity;
        else pools.set(d.pool, { total: d.quantity, tiers: d.tiers, freeGroup: d.freeGroup, unit: d.unit });
        const unitUsd = d.quantity > 0 ? usd / d.quantity : d.tiers[0].usd;
        const item: Mutable<LineItem> = {
          name: d.name,
          quantity: d.quantity,
          unit: d.unit,
          unitUsd,
          tierAverage: Math.abs(unitUsd - d.tiers[0].usd) > 1e-15,
          usd,
        };
        if (d.note) item.note = d.note;
        return item;
      }),
    );
  }
  const groupUse = new Map<string, number>();
  for (const pool of pools.values()) if (pool.freeGroup) add(groupUse, pool.freeGroup, pool.total);
  const credits = new Map<string, Mutable<FreeTierCredit>>();
  let poolsUsd = 0;
  let totalUsd = 0;
  for (const pool of pools.values()) {
    const gross = tieredCost(pool.total, pool.tiers);
    poolsUsd += gross;
    const allowance = pool.freeGroup ? freeAllowances.get(pool.freeGroup) : undefined;
    if (!allowance || !pool.freeGroup) {
      totalUsd += gross;
      continue;
    }
    const use = groupUse.get(pool.freeGroup)!;
    const free = use > 0 ? (Math.min(use, allowance.quantity) * pool.total) / use : 0;
    const net = tieredCost(pool.total - free, pool.tiers);
    totalUsd += net;
    const credit = credits.get(pool.freeGroup);
    if (credit) {
      credit.creditUsd += gross - net;
      credit.payUsd += net;
    } else {
      credits.set(pool.freeGroup, {
        name: allowance.name,
        unit: pool.unit,
        usedQuantity: use,
        freeQuantity: Math.min(use, allowance.quantity),
        creditUsd: gross - net,
        payUsd: net,
      });
    }
  }
  return {
    lineItemsById,
    freeTierCredits: [...credits.values()].filter((c) => c.usedQuantity > 0),
    volumeDiscountUsd: Math.max(0, resourcesUsd - poolsUsd),
    totalUsd,
  };
}

function add(sums: Map<string, number>, key: string, value: number): void {
  sums.set(key, (sums.get(key) ?? 0) + value);
}
