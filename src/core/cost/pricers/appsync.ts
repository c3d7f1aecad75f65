import { compact } from '../format';
import { flat } from '../prices';
import type { ServiceCost, ServiceInput } from '../services';

/**
 * An AppSync GraphQL API: query and mutation operations, real-time updates and connection-minutes
 * (aws.amazon.com/appsync/pricing). Caching and data sources are priced where they run.
 */
export function graphqlApiCost({ usage, sheet }: ServiceInput): ServiceCost {
  const { appSync } = sheet;
  const requests = usage.monthlyRequests.value;
  const updates = usage.monthlyRealtimeUpdates.value;
  const minutes = usage.monthlyConnectionMinutes.value;
  return {
    demands: [
      {
        name: 'Query and mutation operations',
        quantity: requests,
        unit: 'operations',
        tiers: flat(appSync.requestUsd),
        pool: 'appsync-requests',
      },
      {
        name: 'Real-time updates',
        quantity: updates,
        unit: 'updates',
        tiers: flat(appSync.realtimeUpdateUsd),
        pool: 'appsync-updates',
      },
      {
        name: 'Real-time connection minutes',
        quantity: minutes,
        unit: 'minutes',
        tiers: flat(appSync.connectionMinuteUsd),
        pool: 'appsync-minutes',
      },
    ],
    drivers: `${compact(requests)} ops · ${compact(updates)} updates · ${compact(minutes)} conn-min`,
    notes: [],
    settings: [],
  };
}
