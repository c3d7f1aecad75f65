import type { Demand } from '../pricing';
import type { PriceSheet } from '../prices';
import type { ServiceCost, ServiceInput } from '../services';
import type { ResolvedUsage } from '../wiring';
import { compact } from '../format';

/**
 * Data sent to the internet (`monthlyDataOutGb`), billed at the Region's EC2 data transfer tiers with the account's
 * first 100 GB a month free (aws.amazon.com/ec2/pricing/on-demand, Data Transfer). Without a figure it is left out,
 * and the note says so.
 */
export function dataOutPricing(usage: ResolvedUsage, sheet: PriceSheet): { demands: Demand[]; notes: string[] } {
  const gb = usage.monthlyDataOutGb.value;
  if (gb <= 0)
    return {
      demands: [],
      notes: ['Data sent to the internet is not included; set monthlyDataOutGb in the usage file to include it.'],
    };
  return {
    demands: [
      {
        name: 'Data transfer out to the internet',
        quantity: gb,
        unit: 'GB',
        tiers: sheet.dataTransfer.internetOutUsdPerGb,
        pool: 'internet-out',
        freeGroup: 'internet-out',
      },
    ],
    notes: [],
  };
}

/** A function URL: its invocations are priced on the function; what it sends back to callers is priced here. */
export function functionUrlCost({ usage, sheet }: ServiceInput): ServiceCost {
  const { demands, notes } = dataOutPricing(usage, sheet);
  return {
    demands,
    drivers: `${compact(usage.monthlyDataOutGb.value)} GB out`,
    notes: [
      'Requests through the URL are priced as invocations of its function; the URL adds no request fee.',
      ...notes,
    ],
    settings: [],
  };
}
