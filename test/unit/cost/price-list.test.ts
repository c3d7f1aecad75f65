import { strict as assert } from 'assert';
import {
  matchesUsageType,
  overridesOf,
  parsePriceListItem,
  priceOf,
  sheetFromPriceList,
  tiersOf,
} from '../../../src/core/cost/price-list';
import type { PriceListRow, PriceQuery } from '../../../src/core/cost/price-list';
import { pricesFor } from '../../../src/core/cost';

/** One GetProducts `PriceList` item in the documented aws_v1 format (aws-facts.md §D, AWS Price List Query API). */
function priceListItem(
  sku: string,
  attributes: Record<string, string>,
  bands: [begin: string, end: string, usd: string][],
): string {
  const term = `${sku}.JRTCKXETXF`;
  return JSON.stringify({
    product: { productFamily: 'Serverless', attributes: { servicecode: 'AWSLambda', ...attributes }, sku },
    serviceCode: 'AWSLambda',
    terms: {
      OnDemand: {
        [term]: {
          offerTermCode: 'JRTCKXETXF',
          sku,
          effectiveDate: '2025-10-01T00:00:00Z',
          termAttributes: {},
          priceDimensions: Object.fromEntries(
            bands.map(([beginRange, endRange, usd], i) => [
              `${term}.RATE${i}`,
              {
                rateCode: `${term}.RATE${i}`,
                description: 'AWS Lambda',
                unit: 'Lambda-GB-Second',
                beginRange,
                endRange,
                appliesTo: [],
                pricePerUnit: { USD: usd },
              },
            ]),
          ),
        },
      },
    },
    version: '20251001',
    publicationDate: '2025-10-01T00:00:00Z',
  });
}

const durationX86 = priceListItem(
  'TG3M4CAGBA3NYQBH',
  { regionCode: 'us-east-1', group: 'AWS-Lambda-Duration', usagetype: 'Lambda-GB-Second' },
  [
    ['15000000000', 'Inf', '0.0000133334000'],
    ['0', '6000000000', '0.0000166667000'],
    ['6000000000', '15000000000', '0.0000150000000'],
  ],
);

describe('cost: AWS Price List parsing (npm run update-prices)', () => {
  it('reads the tiers of a GetProducts item in order, "Inf" as open-ended', () => {
    const row = parsePriceListItem(durationX86);
    assert.equal(row.attributes.group, 'AWS-Lambda-Duration');
    assert.deepEqual(tiersOf(row), [
      { upTo: 6e9, usd: 0.0000166667 },
      { upTo: 1.5e10, usd: 0.000015 },
      { upTo: null, usd: 0.0000133334 },
    ]);
  });

  it('skips free bands for a single price (DynamoDB provisioned capacity has one)', () => {
    const row = parsePriceListItem(
      priceListItem('X', { usagetype: 'USE2-ReadCapacityUnit-Hrs' }, [
        ['0', '18600', '0.0000000000'],
        ['18600', 'Inf', '0.0001300000'],
      ]),
    );
    assert.equal(priceOf(row), 0.00013);
  });

  it('matches usage types with or without a Region prefix, never the free-tier rows', () => {
    assert.ok(matchesUsageType('Lambda-GB-Second', 'Lambda-GB-Second'));
    assert.ok(matchesUsageType('EUW2-Lambda-GB-Second', 'Lambda-GB-Second'));
    assert.ok(matchesUsageType('USE1-ApiGatewayHttpRequest', 'ApiGatewayHttpRequest'));
    assert.ok(!matchesUsageType('Global-Lambda-GB-Second', 'Lambda-GB-Second'));
    assert.ok(!matchesUsageType('Lambda-GB-Second-ARM', 'Lambda-GB-Second'));
  });

  it('builds a Region sheet from answers, keeps and lists what the API did not answer', async () => {
    const shipped = pricesFor('us-east-1').sheet;
    const requests = parsePriceListItem(
      priceListItem('R', { regionCode: 'eu-west-2', group: 'AWS-Lambda-Requests', usagetype: 'EUW2-Request' }, [
        ['0', 'Inf', '0.0000002500'],
      ]),
    );
    const asked: string[] = [];
    const fetchProducts = async (
      serviceCode: string,
      region: string,
      filters: Readonly<Record<string, string>>,
    ): Promise<PriceListRow[]> => {
      asked.push(`${serviceCode} ${region} ${JSON.stringify(filters)}`);
      return filters.group === 'AWS-Lambda-Requests' ? [requests] : [];
    };
    const queries: PriceQuery[] = [
      {
        path: ['lambda', 'requestUsd'],
        serviceCode: 'AWSLambda',
        filters: { group: 'AWS-Lambda-Requests' },
        usageTypeSuffix: 'Request',
        shape: 'price',
      },
      {
        path: ['lambda', 'ephemeralStorageUsdPerGbSecond'],
        serviceCode: 'AWSLambda',
        filters: { group: 'AWS-Lambda-Storage-Duration' },
        usageTypeSuffix: 'Lambda-Storage-GB-Second',
        shape: 'price',
      },
    ];
    const { sheet, missing } = await sheetFromPriceList(fetchProducts, 'eu-west-2', shipped, queries);
    assert.equal(sheet.lambda.requestUsd, 0.00000025);
    assert.equal(sheet.lambda.ephemeralStorageUsdPerGbSecond, shipped.lambda.ephemeralStorageUsdPerGbSecond);
    assert.deepEqual(missing, ['lambda.ephemeralStorageUsdPerGbSecond (AWSLambda Lambda-Storage-GB-Second)']);
    assert.deepEqual(asked, [
      'AWSLambda eu-west-2 {"group":"AWS-Lambda-Requests"}',
      'AWSLambda eu-west-2 {"group":"AWS-Lambda-Storage-Duration"}',
    ]);
    assert.deepEqual(overridesOf(shipped, sheet), { lambda: { requestUsd: 0.00000025 } });
  });
});
