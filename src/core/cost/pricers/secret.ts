import { itemsOf, valueOf } from '../../model/nodes';
import { compact } from '../format';
import { flat } from '../prices';
import type { ServiceCost, ServiceInput } from '../services';

/**
 * A Secrets Manager secret: a monthly fee per secret, each Region it is replicated to counting as one more, and a
 * price per API call (aws.amazon.com/secrets-manager/pricing).
 */
export function secretCost({ resource, usage, sheet }: ServiceInput): ServiceCost {
  const { secretsManager } = sheet;
  const replicas = itemsOf(valueOf(resource.properties, 'ReplicaRegions')).length;
  const requests = usage.monthlyRequests.value;
  return {
    demands: [
      {
        name: replicas > 0 ? `Secret (1 + ${replicas} replica${replicas === 1 ? '' : 's'})` : 'Secret',
        quantity: 1 + replicas,
        unit: 'secret-months',
        tiers: flat(secretsManager.secretMonthUsd),
        pool: 'secrets',
      },
      {
        name: 'API calls',
        quantity: requests,
        unit: 'calls',
        tiers: flat(secretsManager.apiCallUsd),
        pool: 'secrets-api-calls',
      },
    ],
    drivers: `${1 + replicas} secret${replicas > 0 ? 's' : ''} · ${compact(requests)} calls`,
    notes: [],
    settings: [],
  };
}
