import { strict as assert } from 'assert';
import { assertUsd, estimate, fn, item, resource, sam, typed } from './helpers';

// Unit prices (us-east-1): aws.amazon.com/kms/pricing, aws.amazon.com/secrets-manager/pricing,
// aws.amazon.com/appsync/pricing, aws.amazon.com/cognito/pricing, aws.amazon.com/api-gateway/pricing and
// aws.amazon.com/ec2/pricing/on-demand (Data Transfer).

describe('cost: KMS keys and Secrets Manager secrets', () => {
  it('a KMS key: $1 a month, symmetric requests at $0.03 per 10,000 after 20,000 free', () => {
    const report = estimate(
      sam(...typed('Key', 'AWS::KMS::Key', 'EnableKeyRotation: true')),
      'version: 1\nresources:\n  Key:\n    monthlyRequests: 50000\n',
    );
    assertUsd(item(report, 'Key', /^Key$/).usd, 1);
    // 50,000 × $0.000003 = $0.15 before the free tier; the account's 20,000 free leave 30,000 = $0.09 to pay
    assertUsd(item(report, 'Key', /Requests \(symmetric rate\)/).usd, 0.15);
    assertUsd(report.totalMonthlyUsd, 1.09);
    const credit = report.freeTierCredits.find((c) => c.name === 'KMS requests');
    assert.deepEqual(credit && [credit.usedQuantity, credit.freeQuantity, credit.unit], [50_000, 20_000, 'requests']);
    assert.match(resource(report, 'Key').notes.join('\n'), /rotation adds a key-month fee/);
  });

  it('an asymmetric RSA_4096 key: $0.15 per 10,000 requests', () => {
    const report = estimate(
      sam(...typed('Key', 'AWS::KMS::Key', 'KeySpec: RSA_4096', 'KeyUsage: SIGN_VERIFY')),
      'version: 1\nfreeTier: false\nresources:\n  Key:\n    monthlyRequests: 100000\n',
    );
    // 100,000 × $0.000015 = $1.50, plus the $1 key
    assertUsd(resource(report, 'Key').monthlyUsd, 2.5);
  });

  it('a secret with two replica Regions is three secrets, plus $0.05 per 10,000 calls', () => {
    const report = estimate(
      sam(
        ...typed(
          'S',
          'AWS::SecretsManager::Secret',
          'ReplicaRegions:',
          '  - Region: eu-west-1',
          '  - Region: ap-southeast-1',
        ),
      ),
      'version: 1\nresources:\n  S:\n    monthlyRequests: 100000\n',
    );
    assertUsd(item(report, 'S', /Secret \(1 \+ 2 replicas\)/).usd, 3 * 0.4); // $1.20
    assertUsd(item(report, 'S', /API calls/).usd, 100_000 * 0.000005); // $0.50
  });
});

describe('cost: AppSync and Cognito user pools', () => {
  it('AppSync: operations, real-time updates and connection minutes', () => {
    const report = estimate(
      sam(...typed('Gql', 'AWS::AppSync::GraphQLApi', 'Name: orders', 'AuthenticationType: API_KEY')),
      'version: 1\nresources:\n  Gql:\n    monthlyRequests: 5000000\n    monthlyRealtimeUpdates: 2000000\n' +
        '    monthlyConnectionMinutes: 10000000\n',
    );
    // 5M × $4.00 + 2M × $2.00 + 10M × $0.08 per million = $20 + $4 + $0.80
    assertUsd(resource(report, 'Gql').monthlyUsd, 24.8);
  });

  it('Cognito Essentials (the default tier): $0.015 per MAU after 10,000 free', () => {
    const report = estimate(
      sam(...typed('Pool', 'AWS::Cognito::UserPool')),
      'version: 1\nresources:\n  Pool:\n    monthlyActiveUsers: 50000\n',
    );
    assertUsd(resource(report, 'Pool').monthlyUsd, 50_000 * 0.015); // $750 before the free tier
    assertUsd(report.totalMonthlyUsd, (50_000 - 10_000) * 0.015); // $600 after the account's free 10,000
    const credit = report.freeTierCredits.find((c) => c.name === 'Cognito monthly active users');
    assert.deepEqual(credit && [credit.usedQuantity, credit.freeQuantity, credit.unit], [50_000, 10_000, 'MAUs']);
    assert.equal(resource(report, 'Pool').drivers, '50K MAU (Essentials)');
  });

  it('Cognito Lite walks its volume bands; Plus has no free tier', () => {
    const lite = estimate(
      sam(...typed('Pool', 'AWS::Cognito::UserPool', 'UserPoolTier: LITE')),
      'version: 1\nresources:\n  Pool:\n    monthlyActiveUsers: 150000\n',
    );
    // The bands start after the free 10,000. Before the free tier, 150,000 go through them: 90,000 × $0.0055 = $495
    // and 60,000 × $0.0046 = $276, $771. After it, 140,000 paid: 10,001–100,000 at $0.0055 (90,000 = $495) and
    // 100,001–150,000 at $0.0046 (50,000 = $230), $725.
    assertUsd(resource(lite, 'Pool').monthlyUsd, 771);
    assertUsd(lite.totalMonthlyUsd, 725);
    const plus = estimate(
      sam(...typed('Pool', 'AWS::Cognito::UserPool', 'UserPoolTier: PLUS')),
      'version: 1\nresources:\n  Pool:\n    monthlyActiveUsers: 5000\n',
    );
    assertUsd(resource(plus, 'Pool').monthlyUsd, 5000 * 0.02); // $100
  });
});

describe('cost: API Gateway caching and data transfer out', () => {
  it("a SAM Api's cache is billed by the hour at its size", () => {
    const report = estimate(
      sam(
        ...typed(
          'Api',
          'AWS::Serverless::Api',
          'StageName: prod',
          'CacheClusterEnabled: true',
          "CacheClusterSize: '6.1'",
        ),
      ),
    );
    assertUsd(item(report, 'Api', /Cache \(6.1 GB\)/).usd, 730 * 0.2); // $146.00
    assert.equal(resource(report, 'Api').drivers, '1M req (REST) · cache 6.1 GB');
  });

  it('an AWS::ApiGateway::Stage cache: 0.5 GB by default, 237 GB as Infracost prices it', () => {
    const report = estimate(
      sam(
        ...typed('Small', 'AWS::ApiGateway::Stage', 'RestApiId: abc', 'StageName: a', 'CacheClusterEnabled: true'),
        ...typed(
          'Big',
          'AWS::ApiGateway::Stage',
          'RestApiId: abc',
          'StageName: b',
          'CacheClusterEnabled: true',
          'CacheClusterSize: 237',
        ),
        ...typed('Plain', 'AWS::ApiGateway::Stage', 'RestApiId: abc', 'StageName: c'),
      ),
    );
    assertUsd(resource(report, 'Small').monthlyUsd, 14.6); // 730 h × $0.02 (Infracost golden: $14.60)
    assertUsd(resource(report, 'Big').monthlyUsd, 2774); // 730 h × $3.80 (Infracost golden: $2,774.00)
    assert.ok(!report.resources.some((r) => r.logicalId === 'Plain'), 'a stage without a cache costs nothing');
  });

  it("Globals.Api's cache is priced on SAM's implicit ServerlessRestApi", () => {
    const report = estimate(
      [
        'Transform: AWS::Serverless-2016-10-31',
        'Globals:',
        '  Api:',
        '    CacheClusterEnabled: true',
        "    CacheClusterSize: '1.6'",
        'Resources:',
        ...fn('Fn', 'Events:', '  Get:', '    Type: Api', '    Properties: { Path: /, Method: get }').map(
          (l) => `  ${l}`,
        ),
        '',
      ].join('\n'),
    );
    // 1M requests × $3.50 per million + 730 h × $0.038 = $3.50 + $27.74
    assertUsd(resource(report, 'ServerlessRestApi').monthlyUsd, 31.24);
  });

  it('a CacheClusterSize API Gateway does not offer is priced at 0.5 GB, and says so', () => {
    const report = estimate(
      sam(
        ...typed('S', 'AWS::ApiGateway::Stage', 'RestApiId: abc', 'CacheClusterEnabled: true', 'CacheClusterSize: 7'),
      ),
    );
    assertUsd(resource(report, 'S').monthlyUsd, 14.6);
    assert.equal(
      item(report, 'S', /Cache/).note,
      'CacheClusterSize 7 is not a size API Gateway offers (0.5, 1.6, 6.1, 13.5, 28.4, 58.2, 118, 237 GB); ' +
        'priced at 0.5 GB.',
    );
  });

  it('data out to the internet: tiered, the first 100 GB of the account free, shared by APIs and function URLs', () => {
    const report = estimate(
      sam(...typed('Http', 'AWS::Serverless::HttpApi'), ...fn('Fn', 'FunctionUrlConfig:', '  AuthType: NONE')),
      'version: 1\nresources:\n  Http:\n    monthlyDataOutGb: 5000\n  FnUrl:\n    monthlyDataOutGb: 15000\n',
    );
    // Each priced alone, before the free tier: the API's 5,000 GB × $0.09 = $450.00; the URL's 10,240 × $0.09 +
    // 4,760 × $0.085 = $921.60 + $404.60 = $1,326.20.
    assertUsd(item(report, 'Http', /Data transfer out/).usd, 450);
    assertUsd(item(report, 'FnUrl', /Data transfer out/).usd, 1326.2);
    // The account's 20,000 GB through the tiers: $921.60 + 9,760 × $0.085 = $1,751.20, $25.00 under the sum alone;
    // 100 GB free off the top leaves 19,900 GB = $921.60 + 9,660 × $0.085 = $1,742.70, a credit of $8.50.
    assertUsd(report.volumeDiscountUsd, 25);
    const credit = report.freeTierCredits.find((c) => c.name === 'Data transfer out to the internet');
    assert.deepEqual(credit && { used: credit.usedQuantity, free: credit.freeQuantity, unit: credit.unit }, {
      used: 20_000,
      free: 100,
      unit: 'GB',
    });
    assertUsd(credit!.creditUsd, 8.5);
    assertUsd(credit!.payUsd, 1742.7);
  });

  it('data out in ap-southeast-1 costs $0.12/GB for the first 10 TB', () => {
    const report = estimate(
      sam(...typed('Http', 'AWS::Serverless::HttpApi')),
      'version: 1\nregion: ap-southeast-1\nresources:\n  Http:\n    monthlyDataOutGb: 1000\n',
    );
    assertUsd(item(report, 'Http', /Data transfer out/).usd, 1000 * 0.12); // $120.00 before the free tier
    const credit = report.freeTierCredits.find((c) => c.name === 'Data transfer out to the internet');
    assertUsd(credit!.payUsd, (1000 - 100) * 0.12); // $108.00 after the account's free 100 GB
  });

  it('without monthlyDataOutGb an API says data out is not included', () => {
    const report = estimate(sam(...typed('Api', 'AWS::Serverless::Api', 'StageName: prod')));
    assert.match(resource(report, 'Api').notes.join('\n'), /Data sent to the internet is not included/);
    assertUsd(resource(report, 'Api').monthlyUsd, 3.5);
  });
});
