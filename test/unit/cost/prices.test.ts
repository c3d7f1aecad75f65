import { strict as assert } from 'assert';
import { knownRegions, pricesFor, SHIPPED_PRICES, tieredCost } from '../../../src/core/cost';

describe('cost: shipped prices', () => {
  it('names its source, licence and date', () => {
    assert.match(SHIPPED_PRICES.asOf, /^\d{4}-\d{2}-\d{2}$/);
    assert.match(SHIPPED_PRICES.source, /AWS pricing pages \(aws\.amazon\.com\/<service>\/pricing\)/);
    for (const [service, prices] of Object.entries(SHIPPED_PRICES.base)) {
      assert.ok(prices.source && prices.asOf, `${service} has a source and a date`);
    }
  });

  it('covers the Regions the issue lists and the higher-priced ones', () => {
    const required = [
      'us-east-1',
      'us-east-2',
      'us-west-1',
      'us-west-2',
      'eu-west-1',
      'eu-west-2',
      'eu-central-1',
      'ap-southeast-1',
      'ap-southeast-2',
      'ap-northeast-1',
      'ap-south-1',
      'af-south-1',
      'ap-east-1',
      'eu-south-1',
      'me-south-1',
      'me-central-1',
      'ap-northeast-3',
    ];
    assert.deepEqual(
      required.filter((r) => !knownRegions().includes(r)),
      [],
    );
  });

  it('says which Regional figures are assumed equal to us-east-1', () => {
    assert.deepEqual(pricesFor('us-east-1').notes, []);
    assert.match(
      pricesFor('us-west-2').notes[0],
      /no Region-specific figures are known, so all prices are us-east-1's \(assumed equal\)/,
    );
    const london = pricesFor('eu-west-2');
    assert.deepEqual(london.regionalServices, ['lambda', 'apiGateway']);
    assert.equal(london.sheet.lambda.ephemeralStorageUsdPerGbSecond, 0.0000000358);
    assert.equal(london.sheet.lambda.requestUsd, 0.0000002, "what the Region does not override is us-east-1's");
  });

  it('walks volume tiers from an offset', () => {
    const tiers = [
      { upTo: 10, usd: 2 },
      { upTo: 20, usd: 1 },
      { upTo: null, usd: 0.5 },
    ];
    assert.equal(tieredCost(5, tiers), 10);
    assert.equal(tieredCost(15, tiers), 25);
    assert.equal(tieredCost(30, tiers), 35);
    assert.equal(tieredCost(10, tiers, 5), 5 * 2 + 5 * 1);
  });
});
