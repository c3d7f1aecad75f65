import PRICE_DATA from '../../../data/prices.json';

/** One band of a volume-tiered price: `usd` per unit up to `upTo` units a month (cumulative; null = no end). */
export interface Tier {
  readonly upTo: number | null;
  readonly usd: number;
}

type Architecture = 'x86_64' | 'arm64';

/** The prices of one Region, in the shape of `data/prices.json`'s `base`. */
export interface PriceSheet {
  readonly lambda: {
    readonly requestUsd: number;
    readonly durationUsdPerGbSecond: Readonly<Record<Architecture, readonly Tier[]>>;
    readonly provisionedConcurrencyUsdPerGbSecond: Readonly<Record<Architecture, number>>;
    readonly provisionedDurationUsdPerGbSecond: Readonly<Record<Architecture, number>>;
    readonly ephemeralStorageUsdPerGbSecond: number;
    readonly freeTier: { readonly requests: number; readonly gbSeconds: number };
  };
  readonly apiGateway: {
    readonly restUsdPerRequest: readonly Tier[];
    readonly httpUsdPerRequest: readonly Tier[];
    readonly httpMeteringKb: number;
    readonly websocketUsdPerMessage: readonly Tier[];
    readonly websocketMeteringKb: number;
    readonly websocketUsdPerConnectionMinute: number;
    /** Hourly price of a stage cache by its `CacheClusterSize` ("0.5" … "237" GB). */
    readonly cacheUsdPerHour: Readonly<Record<string, number>>;
  };
  readonly dynamodb: {
    readonly onDemandUsdPerReadRequestUnit: number;
    readonly onDemandUsdPerWriteRequestUnit: number;
    readonly provisionedUsdPerRcuHour: number;
    readonly provisionedUsdPerWcuHour: number;
    readonly storageUsdPerGbMonth: number;
    readonly freeTier: { readonly storageGb: number; readonly rcu: number; readonly wcu: number };
  };
  readonly sqs: {
    readonly standardUsdPerRequest: readonly Tier[];
    readonly fifoUsdPerRequest: readonly Tier[];
    readonly chunkKb: number;
    readonly freeTier: { readonly requests: number };
  };
  readonly sns: {
    readonly publishUsd: number;
    readonly fifoPublishUsd: number;
    readonly fifoPayloadUsdPerGb: number;
    readonly chunkKb: number;
    readonly freeTier: { readonly publishes: number };
  };
  readonly eventBridge: { readonly customEventUsd: number; readonly chunkKb: number };
  readonly stepFunctions: {
    readonly standardUsdPerTransition: number;
    readonly expressUsdPerRequest: number;
    readonly expressDurationUsdPerGbSecond: readonly Tier[];
    readonly expressMemoryChunkMb: number;
    readonly expressDurationRoundMs: number;
    readonly freeTier: { readonly transitions: number };
  };
  readonly s3: {
    readonly storageUsdPerGbMonth: readonly Tier[];
    readonly putUsdPerRequest: number;
    readonly getUsdPerRequest: number;
  };
  readonly logs: {
    readonly ingestionUsdPerGb: number;
    readonly lambdaIngestionUsdPerGb: readonly Tier[];
    readonly storageUsdPerGbMonth: number;
    readonly infrequentAccessIngestionUsdPerGb: number;
  };
  readonly nat: { readonly hourUsd: number; readonly gbProcessedUsd: number };
  readonly kinesis: {
    readonly provisionedShardHourUsd: number;
    readonly putPayloadUnitUsd: number;
    readonly putPayloadUnitKb: number;
    readonly onDemandStreamHourUsd: number;
    readonly onDemandDataInUsdPerGb: number;
    readonly onDemandDataOutUsdPerGb: number;
    readonly onDemandRecordRoundKb: number;
  };
  readonly kms: {
    readonly keyMonthUsd: number;
    readonly requestUsd: number;
    readonly asymmetricRequestUsd: number;
    readonly freeTier: { readonly requests: number };
  };
  readonly secretsManager: { readonly secretMonthUsd: number; readonly apiCallUsd: number };
  readonly appSync: {
    readonly requestUsd: number;
    readonly realtimeUpdateUsd: number;
    readonly connectionMinuteUsd: number;
  };
  readonly cognito: {
    readonly liteUsdPerMau: readonly Tier[];
    readonly essentialsUsdPerMau: number;
    readonly plusUsdPerMau: number;
    readonly freeTier: { readonly maus: number };
  };
  readonly dataTransfer: {
    readonly internetOutUsdPerGb: readonly Tier[];
    readonly freeTier: { readonly gb: number };
  };
}

export type ServiceKey = keyof PriceSheet;

interface RegionEntry {
  readonly name: string;
  readonly overrides?: { readonly [S in ServiceKey]?: unknown };
  readonly sources?: { readonly [S in ServiceKey]?: string };
}

/** The shape of `data/prices.json` (and of what `npm run update-prices` writes). */
export interface PriceData {
  readonly asOf: string;
  readonly currency: string;
  readonly baseRegion: string;
  readonly source: string;
  readonly base: { readonly [S in ServiceKey]: PriceSheet[S] & { readonly asOf?: string; readonly source?: string } };
  readonly regions: { readonly [region: string]: RegionEntry };
}

/** A Region's prices and what the user should know about where they come from. */
export interface RegionPrices {
  readonly region: string;
  readonly regionName: string;
  readonly sheet: PriceSheet;
  readonly asOf: string;
  /** Services with figures of their own in this Region (the rest are us-east-1's, assumed equal). */
  readonly regionalServices: readonly ServiceKey[];
  /** Said wherever the prices are shown: fallbacks and assumptions. */
  readonly notes: readonly string[];
}

export const DEFAULT_REGION = 'us-east-1';

export const SHIPPED_PRICES = PRICE_DATA as unknown as PriceData;

/** Hours in a billing month, as AWS's calculators and pricing pages count them. */
export const HOURS_PER_MONTH = 730;
/** AWS bills 1 KB = 1,024 bytes and 1 GB = 1,024 MB (as the AWS pricing pages count them). */
export const KB_PER_GB = 1024 * 1024;
export const MB_PER_GB = 1024;

const cache = new WeakMap<PriceData, Map<string, RegionPrices>>();

/** The prices for a Region: us-east-1's with the Region's known differences; an unknown Region falls back visibly. */
export function pricesFor(region: string, data: PriceData = SHIPPED_PRICES): RegionPrices {
  let byRegion = cache.get(data);
  if (!byRegion) cache.set(data, (byRegion = new Map()));
  const known = byRegion.get(region);
  if (known) return known;
  const built = buildRegion(region, data);
  byRegion.set(region, built);
  return built;
}

export function knownRegions(data: PriceData = SHIPPED_PRICES): string[] {
  return Object.keys(data.regions);
}

function buildRegion(region: string, data: PriceData): RegionPrices {
  const entry = data.regions[region];
  if (!entry) {
    const base = pricesFor(data.baseRegion, data);
    return {
      ...base,
      region,
      regionName: region,
      notes: [
        `No prices for Region ${region}: us-east-1 prices are used instead (known ` +
          `Regions: ${knownRegions(data).join(', ')}).`,
      ],
    };
  }
  const overrides = entry.overrides ?? {};
  const sheet = deepMerge(data.base, overrides) as unknown as PriceSheet;
  const regionalServices = Object.keys(overrides) as ServiceKey[];
  const notes =
    region === data.baseRegion || regionalServices.length === Object.keys(data.base).length
      ? []
      : [
          regionalServices.length === 0
            ? `${entry.name}: no Region-specific figures are known, so all prices are us-east-1's (assumed equal).`
            : `${entry.name}: Region-specific figures for ${regionalServices.join(', ')}; all other prices are ` +
              `us-east-1's (assumed equal).`,
        ];
  return { region, regionName: entry.name, sheet, asOf: data.asOf, regionalServices, notes };
}

/** Objects merge key by key; arrays and numbers replace (a tier list is overridden whole). */
function deepMerge(base: unknown, override: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(override)) return override === undefined ? base : override;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) out[key] = deepMerge(base[key], value);
  return out;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A flat price as a one-band tier list, so every line item is priced the same way. */
export function flat(usd: number): readonly Tier[] {
  return [{ upTo: null, usd }];
}

/**
 * Cost of `quantity` units billed after `offset` units already used this month, walking the bands.
 * Tiers apply to the month's aggregate, so callers price the stack's total and share it out.
 */
export function tieredCost(quantity: number, tiers: readonly Tier[], offset = 0): number {
  let remaining = quantity;
  let position = offset;
  let usd = 0;
  let bandStart = 0;
  for (const tier of tiers) {
    const bandEnd = tier.upTo ?? Infinity;
    if (position < bandEnd && remaining > 0) {
      const inBand = Math.min(remaining, bandEnd - Math.max(position, bandStart));
      usd += inBand * tier.usd;
      remaining -= inBand;
      position += inBand;
    }
    bandStart = bandEnd;
  }
  return usd;
}
