// `npm run update-prices`: regenerates data/prices.json from the AWS Price List Query API (GetProducts).
// Needs AWS credentials with pricing:GetProducts and network access; it has NOT been run against AWS from
// this repository (no account here). The parsing it relies on is unit-tested in test/unit/cost/price-list.test.ts.
//
// Usage: npm run update-prices [-- --regions us-east-1,eu-west-1] [-- --dry-run]
import { createRequire } from 'module';
import { readFileSync, writeFileSync } from 'fs';

const require = createRequire(import.meta.url);
require('./register-ts.cjs');
const { parsePriceListItem, sheetFromPriceList, overridesOf } = require('../src/core/cost/price-list.ts');
const { pricesFor } = require('../src/core/cost/prices.ts');

const DATA = new URL('../data/prices.json', import.meta.url);
// The Price List API answers in us-east-1, eu-central-1 and ap-south-1 (AWS pricing pages); the prices are global.
const PRICING_ENDPOINT_REGION = 'us-east-1';

const args = process.argv.slice(2);
const dryRun = args.includes('--dry-run');
const regionsArg = args[args.indexOf('--regions') + 1];

const data = JSON.parse(readFileSync(DATA, 'utf8'));
const regions = args.includes('--regions') && regionsArg ? regionsArg.split(',') : Object.keys(data.regions);

let sdk;
try {
  // Loaded here, not at the top: the SDK is a devDependency the extension never ships.
  sdk = await import('@aws-sdk/client-pricing');
} catch (error) {
  console.error(`update-prices: @aws-sdk/client-pricing is not installed (npm install): ${error.message}`);
  process.exit(2);
}
const { PricingClient, GetProductsCommand } = sdk;
const client = new PricingClient({ region: PRICING_ENDPOINT_REGION });

const cache = new Map();
async function fetchProducts(serviceCode, region, filters) {
  const key = JSON.stringify([serviceCode, region, filters]);
  if (!cache.has(key))
    cache.set(
      key,
      (async () => {
        const Filters = [
          { Type: 'TERM_MATCH', Field: 'regionCode', Value: region },
          ...Object.entries(filters).map(([Field, Value]) => ({ Type: 'TERM_MATCH', Field, Value })),
        ];
        const rows = [];
        let NextToken;
        do {
          const page = await client.send(
            new GetProductsCommand({
              ServiceCode: serviceCode,
              Filters,
              FormatVersion: 'aws_v1',
              MaxResults: 100,
              NextToken,
            }),
          );
          rows.push(
            ...(page.PriceList ?? []).map((item) =>
              parsePriceListItem(typeof item === 'string' ? item : JSON.stringify(item)),
            ),
          );
          NextToken = page.NextToken;
        } while (NextToken);
        return rows;
      })(),
    );
  return cache.get(key);
}

const stripMeta = (service) =>
  Object.fromEntries(Object.entries(service).filter(([k]) => k !== 'asOf' && k !== 'source'));
const withoutMeta = (sheet) => Object.fromEntries(Object.entries(sheet).map(([k, v]) => [k, stripMeta(v)]));
const shippedBase = withoutMeta(data.base);

let failures = 0;
const base = await sheetFromPriceList(fetchProducts, data.baseRegion, shippedBase);
report(data.baseRegion, base.missing);
const today = new Date().toISOString().slice(0, 10);
const next = structuredClone(data);
for (const [service, prices] of Object.entries(base.sheet)) {
  next.base[service] = {
    asOf: today,
    source: `AWS Price List Query API GetProducts (${data.baseRegion}), ${today}`,
    ...prices,
  };
}
for (const region of regions) {
  if (region === data.baseRegion) continue;
  // What the API does not answer keeps the Region's previous figure (its override, else the new base).
  const previous = data.regions[region] ? withoutMeta(pricesFor(region, data).sheet) : base.sheet;
  const { sheet, missing } = await sheetFromPriceList(fetchProducts, region, previous);
  report(region, missing);
  const overrides = overridesOf(base.sheet, sheet);
  next.regions[region] = {
    name: data.regions[region]?.name ?? region,
    ...(Object.keys(overrides).length > 0
      ? {
          overrides,
          sources: Object.fromEntries(
            Object.keys(overrides).map((s) => [s, `AWS Price List Query API GetProducts, ${today}`]),
          ),
        }
      : {}),
  };
}
next.asOf = today;
next.source =
  `AWS Price List Query API (GetProducts, ${PRICING_ENDPOINT_REGION} endpoint), ${today}; figures the API did ` +
  `not answer are kept from the previous file.`;
if (dryRun) console.log(JSON.stringify(next, null, 2));
else writeFileSync(DATA, `${JSON.stringify(next, null, 2)}\n`);
console.error(
  `update-prices: ${regions.length} Regions, ${failures} figures kept from the previous ` +
    `file${dryRun ? ' (dry run, nothing written)' : ''}.`,
);

function report(region, missing) {
  failures += missing.length;
  for (const m of missing)
    console.error(`update-prices: ${region}: no Price List answer for ${m}; kept the previous figure`);
}
