import { strict as assert } from 'assert';
import { notPricedLensText, totalLensText } from '../../../src/core/cost';
import { assertUsd, estimate, fn, item, resource, sam, typed } from './helpers';

describe('cost: API Gateway, DynamoDB, SQS, SNS, EventBridge, Step Functions, S3, NAT', () => {
  it('REST API: $3.50 per million, and the next tier beyond 333 million', () => {
    const one = estimate(sam(...typed('Api', 'AWS::Serverless::Api', 'StageName: prod')));
    assertUsd(resource(one, 'Api').monthlyUsd, 3.5);
    const big = estimate(
      sam(...typed('Api', 'AWS::ApiGateway::RestApi')),
      'version: 1\nresources:\n  Api:\n    monthlyRequests: 400000000\n',
    );
    assertUsd(resource(big, 'Api').monthlyUsd, 333e6 * 0.0000035 + 67e6 * 0.0000028); // $1,353.10
  });

  it('HTTP API: $1.00 per million, metered in 512 KB steps', () => {
    const report = estimate(
      sam(...typed('Http', 'AWS::Serverless::HttpApi')),
      'version: 1\nresources:\n  Http:\n    monthlyRequests: 2000000\n    averageResponseKb: 600\n',
    );
    assertUsd(resource(report, 'Http').monthlyUsd, 4_000_000 * 0.000001);
    assert.equal(resource(report, 'Http').drivers, '2M req (HTTP API) × 2 metering units');
  });

  it('WebSocket API: messages and connection minutes', () => {
    const report = estimate(
      sam(...typed('Ws', 'AWS::ApiGatewayV2::Api', 'ProtocolType: WEBSOCKET')),
      'version: 1\nresources:\n  Ws:\n    monthlyRequests: 2000000\n    monthlyConnectionMinutes: 3000000\n',
    );
    assertUsd(resource(report, 'Ws').monthlyUsd, 2.0 + 0.75);
  });

  it('DynamoDB on demand after the November 2024 cut, with 25 GB of storage free', () => {
    const report = estimate(
      sam(...typed('T', 'AWS::DynamoDB::Table', 'BillingMode: PAY_PER_REQUEST')),
      'version: 1\nresources:\n  T:\n    monthlyReads: 10000000\n    monthlyWrites: 2000000\n    storageGb: 30\n',
    );
    assertUsd(item(report, 'T', /reads/).usd, 1.25);
    assertUsd(item(report, 'T', /writes/).usd, 1.25);
    assertUsd(item(report, 'T', /Storage/).usd, 30 * 0.25); // before the free tier
    assertUsd(report.totalMonthlyUsd, 1.25 + 1.25 + 5 * 0.25); // 25 GB of the account's storage free
  });

  it('DynamoDB provisioned capacity, all month, 25 RCU and 25 WCU free', () => {
    const report = estimate(
      sam(
        ...typed(
          'T',
          'AWS::DynamoDB::Table',
          'ProvisionedThroughput:',
          '  ReadCapacityUnits: 50',
          '  WriteCapacityUnits: 30',
        ),
      ),
    );
    assertUsd(item(report, 'T', /read capacity/).usd, 50 * 730 * 0.00013); // $4.745 before the free tier
    assertUsd(item(report, 'T', /write capacity/).usd, 30 * 730 * 0.00065); // $14.235
    // 25 RCU and 25 WCU (and the 1 GB stored) are free for the account: $2.3725 + $2.3725.
    assertUsd(report.totalMonthlyUsd, (50 - 25) * 730 * 0.00013 + (30 - 25) * 730 * 0.00065);
    assert.equal(resource(report, 'T').drivers, '50 RCU · 30 WCU · 1 GB');
  });

  it('DynamoDB in eu-central-1 uses its own prices', () => {
    const report = estimate(
      sam(...typed('T', 'AWS::DynamoDB::Table', 'BillingMode: PAY_PER_REQUEST')),
      'version: 1\nregion: eu-central-1\nresources:\n  T:\n    storageGb: 30\n',
    );
    assert.equal(report.region, 'eu-central-1');
    assertUsd(report.totalMonthlyUsd, 0.1525 + 0.7625 + 5 * 0.306); // $2.445 after 25 GB free
  });

  it('SQS: three requests per 64 KB chunk, 1M free; FIFO at $0.50', () => {
    const standard = estimate(
      sam(...typed('Q', 'AWS::SQS::Queue')),
      'version: 1\nresources:\n  Q:\n    monthlyMessages: 1000000\n    averageMessageKb: 100\n',
    );
    assertUsd(resource(standard, 'Q').monthlyUsd, 6_000_000 * 0.0000004); // $2.40 before the free tier
    assertUsd(standard.totalMonthlyUsd, (6_000_000 - 1_000_000) * 0.0000004); // $2.00
    const fifo = estimate(
      sam(...typed('Q', 'AWS::SQS::Queue', 'FifoQueue: true')),
      'version: 1\nresources:\n  Q:\n    monthlyMessages: 1000000\n',
    );
    assertUsd(fifo.totalMonthlyUsd, (3_000_000 - 1_000_000) * 0.0000005); // $1.00
  });

  it('SNS publishes with 1M free; EventBridge custom events', () => {
    const report = estimate(
      sam(...typed('Topic', 'AWS::SNS::Topic'), ...typed('Bus', 'AWS::Events::EventBus', 'Name: orders')),
      'version: 1\nresources:\n  Topic:\n    monthlyPublishes: 3000000\n  Bus:\n    monthlyEvents: 2000000\n',
    );
    assertUsd(resource(report, 'Topic').monthlyUsd, 3 * 0.5); // before the free tier
    assertUsd(resource(report, 'Bus').monthlyUsd, 2.0);
    assertUsd(report.totalMonthlyUsd, 2 * 0.5 + 2.0); // 1M publishes free
  });

  it('Step Functions Standard: transitions after 4,000 free, at the us-west-1 rate there', () => {
    const text = sam(...typed('Sm', 'AWS::Serverless::StateMachine', 'DefinitionUri: sm.asl.json'));
    assertUsd(estimate(text).totalMonthlyUsd, 96_000 * 0.000025); // $2.40
    assertUsd(estimate(text, 'version: 1\n', { region: 'us-west-1' }).totalMonthlyUsd, 96_000 * 0.0000279);
  });

  it('Step Functions Express: requests and 64 MB of duration rounded up to 100 ms', () => {
    const report = estimate(
      sam(...typed('Sm', 'AWS::Serverless::StateMachine', 'Type: EXPRESS')),
      'version: 1\nresources:\n  Sm:\n    monthlyExecutions: 1000000\n    averageDurationMs: 250\n',
    );
    assertUsd(item(report, 'Sm', /duration/).usd, 1_000_000 * 0.3 * (64 / 1024) * 0.00001667);
    assertUsd(item(report, 'Sm', /requests/).usd, 1.0);
  });

  it('S3 Standard storage, PUT and GET requests', () => {
    const report = estimate(
      sam(...typed('B', 'AWS::S3::Bucket')),
      'version: 1\nresources:\n  B:\n    storageGb: 100\n    monthlyPuts: 100000\n    monthlyGets: 1000000\n',
    );
    assertUsd(resource(report, 'B').monthlyUsd, 2.3 + 0.5 + 0.4);
  });

  it('NAT gateway in the template: hours and data, and no second gateway for VPC functions', () => {
    const report = estimate(
      sam(
        ...typed('Nat', 'AWS::EC2::NatGateway', 'SubnetId: subnet-1'),
        ...fn('F', 'VpcConfig:', '  SubnetIds: [subnet-1]'),
      ),
      'version: 1\nresources:\n  Nat:\n    monthlyGbProcessed: 10\n',
    );
    assertUsd(resource(report, 'Nat').monthlyUsd, 730 * 0.045 + 10 * 0.045); // $33.30
    assert.ok(!resource(report, 'F').lineItems.some((li) => /NAT gateway hours/.test(li.name)));
    assertUsd(
      resource(
        estimate(sam(...typed('Nat', 'AWS::EC2::NatGateway')), 'version: 1\n', { region: 'ap-southeast-1' }),
        'Nat',
      ).monthlyUsd,
      730 * 0.059,
    );
  });

  it('leaves resources that cost nothing by themselves out of the report', () => {
    const report = estimate(sam(...typed('Role', 'AWS::IAM::Role'), ...typed('Q', 'AWS::SQS::Queue')));
    assert.deepEqual(
      report.resources.map((r) => r.logicalId),
      ['Q'],
    );
  });

  it('refuses a Region that does not exist, with the one meant, and the Regions of other partitions', () => {
    const queue = sam(...typed('Q', 'AWS::SQS::Queue'));
    const typo = estimate(queue, 'version: 1\n', { region: 'us-est-1' });
    assert.equal(typo.regionProblem, "Unknown Region 'us-est-1'; did you mean us-east-1?");
    assert.deepEqual([typo.resources, typo.totalMonthlyUsd], [[], 0]);
    assert.equal(totalLensText(typo), "Cost not estimated: Unknown Region 'us-est-1'; did you mean us-east-1?");
    assert.match(
      estimate(queue, 'version: 1\n', { region: 'xx-fake-1' }).regionProblem!,
      /^Unknown Region 'xx-fake-1' \(Regions: us-east-1, /,
    );
    assert.equal(
      estimate(queue, 'version: 1\n', { region: 'cn-north-1' }).regionProblem,
      'Region cn-north-1 is in the AWS China (aws-cn) partition; Serverless Workbench prices only the commercial aws ' +
        'partition (its prices differ and are not shipped).',
    );
    assert.match(estimate(queue, 'version: 1\n', { region: 'us-gov-west-1' }).regionProblem!, /AWS GovCloud \(US\)/);
  });

  it("says on each resource whose prices it assumed where a Region has none of a service's own", () => {
    const text = sam(...typed('Q', 'AWS::SQS::Queue'), ...fn('F'));
    const canada = estimate(text, 'version: 1\n', { region: 'ca-central-1' });
    assert.equal(
      resource(canada, 'Q').assumedPrices,
      "us-east-1's prices assumed for sqs (none shipped for ca-central-1)",
    );
    assert.match(canada.notes[0], /No prices for Region ca-central-1: us-east-1 prices are used instead/);
    const capeTown = estimate(text, 'version: 1\n', { region: 'af-south-1' });
    assert.equal(
      resource(capeTown, 'F').assumedPrices,
      "us-east-1's prices assumed for logs, nat (none shipped for af-south-1)",
    );
    assert.equal(resource(estimate(text), 'F').assumedPrices, undefined);
  });

  it('lists a resource it cannot price with why, and leaves out what costs nothing by itself', () => {
    const report = estimate(
      sam(
        ...typed('Db', 'AWS::RDS::DBInstance', 'Engine: postgres'),
        ...typed('Cache', 'AWS::ElastiCache::CacheCluster', 'Engine: redis'),
        ...typed('Nested', 'AWS::Serverless::Application', 'Location: app.yaml'),
        ...typed('Perm', 'AWS::Lambda::Permission', 'Action: lambda:InvokeFunction'),
        ...typed('Sub', 'AWS::SNS::Subscription', 'Protocol: sqs'),
        ...fn('Big', 'MemorySize: 20000'),
        ...fn('Small', 'MemorySize: 64'),
      ),
    );
    assert.deepEqual(
      report.notPriced.map((r) => `${r.logicalId}: ${r.reason}`),
      [
        'Db: Serverless Workbench has no prices for AWS::RDS::DBInstance yet',
        'Cache: Serverless Workbench has no prices for AWS::ElastiCache::CacheCluster yet',
        'Nested: a nested stack: estimate its own template for the cost of its resources',
        "Big: MemorySize 20000 MB is outside Lambda's 128–10,240 MB, so the function cannot deploy",
        "Small: MemorySize 64 MB is outside Lambda's 128–10,240 MB, so the function cannot deploy",
      ],
    );
    assert.deepEqual(report.resources, []);
    assert.equal(
      notPricedLensText(report.notPriced[0]),
      'not priced · Serverless Workbench has no prices for AWS::RDS::DBInstance yet',
    );
    assert.match(totalLensText(report), / · 5 not priced · /);
  });
});
