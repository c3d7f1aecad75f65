import type { PriceSheet, Tier } from './prices';

/**
 * Reading the AWS Price List Query API (GetProducts, FormatVersion aws_v1) into our price sheet. Used by
 * `npm run update-prices`, never by the extension. Response format: AWS Price List Query API
 * reference, GetProducts: each `PriceList` item is a JSON string `{product: {productFamily, attributes}, terms:
 * {OnDemand:
 * {<sku>.<term>: {priceDimensions: {<rate>: {beginRange, endRange, unit, pricePerUnit: {USD}}}}}}}`.
 */
export interface PriceListRow {
  readonly sku: string;
  readonly productFamily: string;
  readonly attributes: Readonly<Record<string, string>>;
  /** On-demand price dimensions sorted by beginRange; `endRange` null for "Inf". */
  readonly dimensions: readonly {
    readonly beginRange: number;
    readonly endRange: number | null;
    readonly unit: string;
    readonly usd: number;
  }[];
}

export function parsePriceListItem(item: string): PriceListRow {
  const json = JSON.parse(item) as {
    product?: { sku?: string; productFamily?: string; attributes?: Record<string, string> };
    terms?: {
      OnDemand?: Record<
        string,
        {
          priceDimensions?: Record<
            string,
            { beginRange?: string; endRange?: string; unit?: string; pricePerUnit?: { USD?: string } }
          >;
        }
      >;
    };
  };
  const dimensions = Object.values(json.terms?.OnDemand ?? {})
    .flatMap((term) => Object.values(term.priceDimensions ?? {}))
    .map((d) => ({
      beginRange: Number(d.beginRange ?? 0),
      endRange: d.endRange === undefined || d.endRange === 'Inf' ? null : Number(d.endRange),
      unit: d.unit ?? '',
      usd: Number(d.pricePerUnit?.USD ?? NaN),
    }))
    .filter((d) => Number.isFinite(d.usd))
    .sort((a, b) => a.beginRange - b.beginRange);
  return {
    sku: json.product?.sku ?? '',
    productFamily: json.product?.productFamily ?? '',
    attributes: json.product?.attributes ?? {},
    dimensions,
  };
}

/** Volume tiers of a row; free bands ($0) are dropped because the free tier is applied separately. */
export function tiersOf(row: PriceListRow): Tier[] {
  return row.dimensions.filter((d) => d.usd > 0).map((d) => ({ upTo: d.endRange, usd: d.usd }));
}

/** The price of a row with one paid band (the first paid one when a free band precedes it). */
export function priceOf(row: PriceListRow): number | undefined {
  return row.dimensions.find((d) => d.usd > 0)?.usd;
}

/**
 * Usage types are prefixed by Region outside us-east-1 (and sometimes inside: `USE1-ApiGatewayRequest`),
 * so they are matched by suffix.
 */
export function matchesUsageType(usagetype: string | undefined, suffix: string): boolean {
  return (
    usagetype !== undefined &&
    (usagetype === suffix || usagetype.endsWith(`-${suffix}`)) &&
    !usagetype.startsWith('Global-')
  );
}

export interface PriceQuery {
  /** Where the result goes in the price sheet. */
  readonly path: readonly string[];
  readonly serviceCode: string;
  /** TERM_MATCH filters besides the Region. */
  readonly filters: Readonly<Record<string, string>>;
  readonly usageTypeSuffix: string;
  readonly shape: 'price' | 'tiers';
}

const lambda = (path: string[], group: string, suffix: string, shape: 'price' | 'tiers' = 'price'): PriceQuery => ({
  path: ['lambda', ...path],
  serviceCode: 'AWSLambda',
  filters: { group },
  usageTypeSuffix: suffix,
  shape,
});
const by = (
  service: string,
  serviceCode: string,
  key: string,
  suffix: string,
  shape: 'price' | 'tiers' = 'price',
  filters: Record<string, string> = {},
): PriceQuery => ({ path: [service, key], serviceCode, filters, usageTypeSuffix: suffix, shape });

/**
 * Every price the sheet holds that the Price List can answer, with its service code and usage type
 * (AWS Price List Query API; the usage types were read off its answers, Kinesis's and KMS's off Infracost's filters
 * for the same API). Prices without a query (Step Functions Express, SNS FIFO, API Gateway cache sizes, Secrets
 * Manager, AppSync, Cognito, data transfer, Logs Infrequent Access, the free tiers, metering sizes) are kept from the
 * shipped data.
 */
export const PRICE_QUERIES: readonly PriceQuery[] = [
  lambda(['requestUsd'], 'AWS-Lambda-Requests', 'Request'),
  lambda(['durationUsdPerGbSecond', 'x86_64'], 'AWS-Lambda-Duration', 'Lambda-GB-Second', 'tiers'),
  lambda(['durationUsdPerGbSecond', 'arm64'], 'AWS-Lambda-Duration-ARM', 'Lambda-GB-Second-ARM', 'tiers'),
  lambda(
    ['provisionedConcurrencyUsdPerGbSecond', 'x86_64'],
    'AWS-Lambda-Provisioned-Concurrency',
    'Lambda-Provisioned-Concurrency',
  ),
  lambda(
    ['provisionedConcurrencyUsdPerGbSecond', 'arm64'],
    'AWS-Lambda-Provisioned-Concurrency-ARM',
    'Lambda-Provisioned-Concurrency-ARM',
  ),
  lambda(
    ['provisionedDurationUsdPerGbSecond', 'x86_64'],
    'AWS-Lambda-Duration-Provisioned',
    'Lambda-Provisioned-GB-Second',
  ),
  lambda(
    ['provisionedDurationUsdPerGbSecond', 'arm64'],
    'AWS-Lambda-Duration-Provisioned-ARM',
    'Lambda-Provisioned-GB-Second-ARM',
  ),
  lambda(['ephemeralStorageUsdPerGbSecond'], 'AWS-Lambda-Storage-Duration', 'Lambda-Storage-GB-Second'),
  by('apiGateway', 'AmazonApiGateway', 'restUsdPerRequest', 'ApiGatewayRequest', 'tiers'),
  by('apiGateway', 'AmazonApiGateway', 'httpUsdPerRequest', 'ApiGatewayHttpRequest', 'tiers'),
  by('apiGateway', 'AmazonApiGateway', 'websocketUsdPerMessage', 'ApiGatewayMessage', 'tiers'),
  by('apiGateway', 'AmazonApiGateway', 'websocketUsdPerConnectionMinute', 'ApiGatewayMinute'),
  by('dynamodb', 'AmazonDynamoDB', 'onDemandUsdPerReadRequestUnit', 'ReadRequestUnits'),
  by('dynamodb', 'AmazonDynamoDB', 'onDemandUsdPerWriteRequestUnit', 'WriteRequestUnits'),
  by('dynamodb', 'AmazonDynamoDB', 'provisionedUsdPerRcuHour', 'ReadCapacityUnit-Hrs'),
  by('dynamodb', 'AmazonDynamoDB', 'provisionedUsdPerWcuHour', 'WriteCapacityUnit-Hrs'),
  by('dynamodb', 'AmazonDynamoDB', 'storageUsdPerGbMonth', 'TimedStorage-ByteHrs'),
  by('sqs', 'AWSQueueService', 'standardUsdPerRequest', 'Requests-Tier1', 'tiers'),
  by('sqs', 'AWSQueueService', 'fifoUsdPerRequest', 'Requests-FIFO-Tier1', 'tiers'),
  by('sns', 'AmazonSNS', 'publishUsd', 'Requests-Tier1'),
  by('eventBridge', 'AWSEvents', 'customEventUsd', 'Event-64K-Chunks'),
  by('stepFunctions', 'AmazonStates', 'standardUsdPerTransition', 'StateTransition'),
  by('s3', 'AmazonS3', 'storageUsdPerGbMonth', 'TimedStorage-ByteHrs', 'tiers', { volumeType: 'Standard' }),
  by('s3', 'AmazonS3', 'putUsdPerRequest', 'Requests-Tier1'),
  by('s3', 'AmazonS3', 'getUsdPerRequest', 'Requests-Tier2'),
  by('logs', 'AmazonCloudWatch', 'ingestionUsdPerGb', 'DataProcessing-Bytes'),
  by('logs', 'AmazonCloudWatch', 'lambdaIngestionUsdPerGb', 'VendedLog-Bytes', 'tiers'),
  by('logs', 'AmazonCloudWatch', 'storageUsdPerGbMonth', 'TimedStorage-ByteHrs'),
  by('nat', 'AmazonEC2', 'hourUsd', 'NatGateway-Hours', 'price', { productFamily: 'NAT Gateway' }),
  by('nat', 'AmazonEC2', 'gbProcessedUsd', 'NatGateway-Bytes', 'price', { productFamily: 'NAT Gateway' }),
  by('kinesis', 'AmazonKinesis', 'provisionedShardHourUsd', 'Storage-ShardHour'),
  by('kinesis', 'AmazonKinesis', 'putPayloadUnitUsd', 'PutRequestPayloadUnits'),
  by('kinesis', 'AmazonKinesis', 'onDemandStreamHourUsd', 'OnDemand-StreamHour'),
  by('kinesis', 'AmazonKinesis', 'onDemandDataInUsdPerGb', 'OnDemand-BilledIncomingBytes'),
  by('kinesis', 'AmazonKinesis', 'onDemandDataOutUsdPerGb', 'OnDemand-BilledOutgoingBytes'),
  by('kms', 'awskms', 'keyMonthUsd', 'KMS-Keys'),
  by('kms', 'awskms', 'requestUsd', 'KMS-Requests'),
  by('kms', 'awskms', 'asymmetricRequestUsd', 'KMS-Requests-Asymmetric'),
];

/** GetProducts for one service and Region with TERM_MATCH filters, all pages, parsed. */
export type FetchProducts = (
  serviceCode: string,
  region: string,
  filters: Readonly<Record<string, string>>,
) => Promise<PriceListRow[]>;

/**
 * One Region's sheet from the Price List: every query answered replaces the shipped figure; the rest keep
 * it and are listed in `missing`, so a usage type AWS renamed is reported instead of priced at zero.
 */
export async function sheetFromPriceList(
  fetchProducts: FetchProducts,
  region: string,
  shipped: PriceSheet,
  queries: readonly PriceQuery[] = PRICE_QUERIES,
): Promise<{ sheet: PriceSheet; missing: string[] }> {
  const sheet = structuredClone(shipped) as unknown as Record<string, unknown>;
  const missing: string[] = [];
  for (const query of queries) {
    const rows = (await fetchProducts(query.serviceCode, region, query.filters)).filter((r) =>
      matchesUsageType(r.attributes.usagetype, query.usageTypeSuffix),
    );
    const value = rows.length === 0 ? undefined : query.shape === 'tiers' ? tiersOf(rows[0]) : priceOf(rows[0]);
    if (value === undefined || (Array.isArray(value) && value.length === 0)) {
      missing.push(`${query.path.join('.')} (${query.serviceCode} ${query.usageTypeSuffix})`);
      continue;
    }
    setPath(sheet, query.path, value);
  }
  return { sheet: sheet as unknown as PriceSheet, missing };
}

/** The figures of `sheet` that differ from `base`, per service, as `data/prices.json` stores a Region. */
export function overridesOf(base: PriceSheet, sheet: PriceSheet): Record<string, unknown> {
  const diff = (a: unknown, b: unknown): unknown => {
    if (
      typeof a === 'object' &&
      a !== null &&
      !Array.isArray(a) &&
      typeof b === 'object' &&
      b !== null &&
      !Array.isArray(b)
    ) {
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(b)) {
        const d = diff((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]);
        if (d !== undefined) out[key] = d;
      }
      return Object.keys(out).length > 0 ? out : undefined;
    }
    return JSON.stringify(a) === JSON.stringify(b) ? undefined : b;
  };
  return (diff(base, sheet) as Record<string, unknown> | undefined) ?? {};
}

function setPath(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  node[path[path.length - 1]] = value;
}
