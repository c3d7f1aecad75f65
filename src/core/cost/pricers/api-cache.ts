import { mapAt } from '../../model/nodes';
import type { SettingReader } from '../../model/resolve/setting';
import { IMPLICIT_REST_API } from '../../model/sam/api';
import type { Resource, Template } from '../../model/template';
import type { Demand } from '../pricing';
import type { PriceSheet } from '../prices';
import { flat, HOURS_PER_MONTH } from '../prices';
import type { ServiceCost, ServiceInput } from '../services';
import type { PricedSetting } from '../settings';
import { assumptionNote, BOOLEAN, pricedSetting, propertySetting } from '../settings';

/** The cache size API Gateway uses when `CacheClusterSize` is not given (AWS::ApiGateway::Stage reference). */
const DEFAULT_CACHE_GB = '0.5';

/** `CacheClusterSize` as text, written as a string (`'6.1'`) or a number (`6.1`). */
const CACHE_SIZE: SettingReader<string> = {
  read: (value) => (typeof value === 'number' ? String(value) : typeof value === 'string' ? value : undefined),
  expected: 'a cache size in GB',
};

export interface CachePricing {
  readonly demands: Demand[];
  readonly settings: PricedSetting[];
  readonly drivers: string;
}

/**
 * The hourly cache of a REST API stage (`CacheClusterEnabled`, `CacheClusterSize` on an `AWS::ApiGateway::Stage` or
 * an `AWS::Serverless::Api`), billed every hour it exists whatever the traffic (aws.amazon.com/api-gateway/pricing).
 */
export function cachePricing(template: Template, api: Resource, sheet: PriceSheet): CachePricing {
  const resource = withCacheSettings(template, api);
  const enabled = propertySetting(template, resource, ['CacheClusterEnabled'], BOOLEAN);
  if (!enabled) return { demands: [], settings: [], drivers: '' };
  const settings = [pricedSetting('CacheClusterEnabled', enabled, undefined, 'priced without a cache')];
  if (enabled.value !== true) return { demands: [], settings, drivers: '' };
  const sizeSetting = propertySetting(template, resource, ['CacheClusterSize'], CACHE_SIZE);
  const prices = sheet.apiGateway.cacheUsdPerHour;
  const offered = (size: string | undefined): string | undefined =>
    size === undefined ? undefined : Object.keys(prices).find((gb) => Number(gb) === Number(size));
  const size = offered(sizeSetting?.value) ?? DEFAULT_CACHE_GB;
  let note: string | undefined;
  if (sizeSetting) {
    const priced = pricedSetting('CacheClusterSize', sizeSetting, 'GB', `priced at ${DEFAULT_CACHE_GB} GB`);
    settings.push(priced);
    note =
      assumptionNote(priced) ??
      (offered(sizeSetting.value) === undefined
        ? `CacheClusterSize ${sizeSetting.value} is not a size API Gateway offers ` +
          `(${Object.keys(prices)
            .sort((a, b) => Number(a) - Number(b))
            .join(', ')} GB); priced at ${DEFAULT_CACHE_GB} GB.`
        : undefined);
  }
  return {
    demands: [
      {
        name: `Cache (${size} GB)`,
        quantity: HOURS_PER_MONTH,
        unit: 'hours',
        tiers: flat(prices[size]),
        pool: `apigw-cache-${size}`,
        note,
      },
    ],
    settings,
    drivers: `cache ${size} GB`,
  };
}

/**
 * SAM's implicit `ServerlessRestApi` is generated without properties: `Globals.Api` configures it (SAM developer
 * guide, "Globals section of the AWS SAM template"), its cache included.
 */
function withCacheSettings(template: Template, api: Resource): Resource {
  if (api.origin !== 'generated' || api.logicalId !== IMPLICIT_REST_API) return api;
  const globals = mapAt(mapAt(template.root, 'Globals'), 'Api');
  return globals ? { ...api, properties: globals } : api;
}

/** A written `AWS::ApiGateway::Stage` with `CacheClusterEnabled`: its cache (its API's requests are on the API). */
export function apiStageCost({ template, resource, sheet }: ServiceInput): ServiceCost {
  const cache = cachePricing(template, resource, sheet);
  return { demands: cache.demands, drivers: cache.drivers || 'no cache', notes: [], settings: cache.settings };
}
