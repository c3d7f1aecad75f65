import { strict as assert } from 'assert';
import { EMPTY_USAGE, estimateCost } from '../../../src/core/cost';
import { load, yaml } from '../helpers';
import { assertUsd, estimate, fn, item, resource, sam, typed } from './helpers';

// Unit prices: aws.amazon.com/kinesis/data-streams/pricing and aws.amazon.com/cloudwatch/pricing (us-east-1).
// 1 GB = 1,048,576 KB; a month is 730 hours = 30.4167 days.

describe('cost: Kinesis Data Streams', () => {
  it('provisioned: shard-hours and 25 KB PUT payload units', () => {
    const report = estimate(
      sam(...typed('S', 'AWS::Kinesis::Stream', 'ShardCount: 4')),
      'version: 1\nresources:\n  S:\n    monthlyRecords: 10000000\n    averageRecordKb: 30\n',
    );
    // 4 shards × 730 h × $0.015 = $43.80
    assertUsd(item(report, 'S', /Shard hours/).usd, 43.8);
    // a 30 KB record is 2 units of 25 KB: 20,000,000 units × $0.000000014 = $0.28
    assertUsd(item(report, 'S', /PUT payload units/).usd, 0.28);
    assert.equal(resource(report, 'S').drivers, '4 shards · 10M records');
  });

  it('provisioned without ShardCount is priced at one shard, and says so', () => {
    const report = estimate(sam(...typed('S', 'AWS::Kinesis::Stream')));
    assertUsd(item(report, 'S', /Shard hours/).usd, 730 * 0.015); // $10.95, as Infracost's golden case
    assert.match(item(report, 'S', /Shard hours/).note ?? '', /ShardCount is not given; priced at 1 shard/);
  });

  it('on demand: stream-hours, data in rounded up to 1 KB and data out per consumer', () => {
    const report = estimate(
      sam(...typed('S', 'AWS::Kinesis::Stream', 'StreamModeDetails:', '  StreamMode: ON_DEMAND')),
      'version: 1\nresources:\n  S:\n    monthlyRecords: 100000000\n    averageRecordKb: 4.5\n    consumers: 2\n',
    );
    // 730 h × $0.04 = $29.20
    assertUsd(item(report, 'S', /stream hours/).usd, 29.2);
    // 4.5 KB is billed as 5 KB: 100M × 5 KB = 500,000,000 KB = 476.837158203125 GB × $0.08 = $38.14697265625
    assertUsd(item(report, 'S', /Data in/).usd, 38.14697265625);
    // two consumers read it all: 953.67431640625 GB × $0.04 = $38.14697265625
    assertUsd(item(report, 'S', /Data out \(2 consumers\)/).usd, 38.14697265625);
    assertUsd(resource(report, 'S').monthlyUsd, 105.4939453125);
  });

  it('us-east-2 has the same Kinesis prices (no Region-specific figures, assumed equal to us-east-1)', () => {
    const report = estimate(sam(...typed('S', 'AWS::Kinesis::Stream', 'ShardCount: 4')), 'version: 1\n', {
      region: 'us-east-2',
    });
    assertUsd(item(report, 'S', /Shard hours/).usd, 43.8); // Infracost's us-east-2 golden case: 2,920 h = $43.80
    assert.match(report.notes.join('\n'), /all other prices are us-east-1's \(assumed equal\)/);
  });
});

describe('cost: CloudWatch Logs log groups', () => {
  const group = (...props: string[]): string => sam(...typed('G', 'AWS::Logs::LogGroup', ...props));
  const tenGb = 'version: 1\nresources:\n  G:\n    monthlyIngestedGb: 10\n';

  it('ingestion per GB and storage for what RetentionInDays keeps', () => {
    const report = estimate(group('RetentionInDays: 14'), tenGb);
    assertUsd(item(report, 'G', /Ingestion \(Standard/).usd, 10 * 0.5); // $5.00
    // 14 days of 10 GB a month: 10 × 14 / 30.4167 = 4.6027 GB-month × $0.03 = $0.1381
    assertUsd(item(report, 'G', /Storage \(14 days kept\)/).usd, ((10 * 14) / (730 / 24)) * 0.03);
    assert.equal(resource(report, 'G').drivers, '10 GB/month · 14 days');
  });

  it('a group that never expires is priced as a year of logs, and says it keeps growing', () => {
    const report = estimate(group(), tenGb);
    // 10 GB × 365 / 30.4167 = 120 GB-month × $0.03 = $3.60
    assertUsd(item(report, 'G', /never expires/).usd, 3.6);
    assert.match(item(report, 'G', /never expires/).note ?? '', /RetentionInDays is not set/);
    assert.match(resource(report, 'G').notes.join('\n'), /grow by 10 GB every month/);
  });

  it('Infrequent Access class ingests at $0.25/GB', () => {
    const report = estimate(group('LogGroupClass: INFREQUENT_ACCESS', 'RetentionInDays: 30'), tenGb);
    assertUsd(item(report, 'G', /Infrequent Access/).usd, 10 * 0.25); // $2.50
  });

  it('eu-central-1 uses its own ingestion price ($0.63/GB)', () => {
    const report = estimate(group('RetentionInDays: 14'), `${tenGb}region: eu-central-1\n`);
    assertUsd(item(report, 'G', /Ingestion/).usd, 10 * 0.63); // $6.30
  });

  it("a function's log group stores the function's logs with its retention; ingestion stays on the function", () => {
    const report = estimate(
      sam(
        ...fn('Fn'),
        ...typed('G', 'AWS::Logs::LogGroup', 'LogGroupName: !Sub /aws/lambda/${Fn}', 'RetentionInDays: 7'),
      ),
      // 1,048,576 invocations × 1 KB = 1 GB of logs a month
      'version: 1\nfreeTier: false\nresources:\n  Fn:\n    monthlyRequests: 1048576\n    logKbPerInvocation: 1\n',
    );
    assertUsd(item(report, 'Fn', /Logs ingestion/).usd, 0.5); // 1 GB × $0.50 (first Lambda log tier)
    assert.ok(!resource(report, 'Fn').lineItems.some((li) => /storage/i.test(li.name)), 'no second storage line');
    assert.match(resource(report, 'Fn').notes.join('\n'), /Stored logs are priced on its log group G/);
    // 1 GB × 7 / 30.4167 = 0.2301 GB-month × $0.03 = $0.0069
    assertUsd(resource(report, 'G').monthlyUsd, ((1 * 7) / (730 / 24)) * 0.03);
    assert.ok(
      !resource(report, 'G').lineItems.some((li) => /Ingestion/.test(li.name)),
      'ingestion is not counted twice',
    );
    assert.deepEqual(resource(report, 'G').defaults, [], "the function's figures are set, so the group's are too");
  });

  it("a function's log group that follows the function's default usage says its figure is priced with defaults", () => {
    const report = estimate(
      sam(...fn('Fn'), ...typed('G', 'AWS::Logs::LogGroup', 'LogGroupName: !Sub /aws/lambda/${Fn}')),
    );
    assert.deepEqual(resource(report, 'G').defaults, ['Fn.monthlyRequests', 'Fn.logKbPerInvocation']);
    assert.deepEqual(resource(report, 'Fn').defaults.slice(0, 2), ['monthlyRequests', 'averageDurationMs']);
  });

  it("the framework's function log groups keep logs for the function's or the provider's logRetentionInDays", () => {
    const report = estimateCost(
      load(
        yaml(
          'service: shop',
          'provider:',
          '  name: aws',
          '  runtime: nodejs20.x',
          '  logRetentionInDays: 14',
          'functions:',
          '  hello:',
          '    handler: h.hello',
          '  keep:',
          '    handler: h.keep',
          '    logRetentionInDays: 3',
        ),
        'serverless.yml',
      ),
      EMPTY_USAGE,
    );
    // 1M invocations × 1 KB (the defaults) = 0.95367431640625 GB a month
    const gb = 1_000_000 / 1_048_576;
    assertUsd(resource(report, 'HelloLogGroup').monthlyUsd, ((gb * 14) / (730 / 24)) * 0.03);
    assertUsd(resource(report, 'KeepLogGroup').monthlyUsd, ((gb * 3) / (730 / 24)) * 0.03);
    assert.deepEqual(resource(report, 'KeepLogGroup').settings, [
      { name: 'logRetentionInDays', text: '3 days — functions.keep.logRetentionInDays' },
    ]);
  });

  it("finds a function's log group by LoggingConfig.LogGroup and by the function's fixed name", () => {
    const report = estimate(
      sam(
        ...fn('A', 'LoggingConfig:', '  LogGroup: !Ref AGroup'),
        ...typed('AGroup', 'AWS::Logs::LogGroup', 'RetentionInDays: 1'),
        ...fn('B', 'FunctionName: orders-b'),
        ...typed('BGroup', 'AWS::Logs::LogGroup', 'LogGroupName: /aws/lambda/orders-b', 'RetentionInDays: 1'),
      ),
    );
    assert.match(resource(report, 'A').notes.join('\n'), /priced on its log group AGroup/);
    assert.match(resource(report, 'B').notes.join('\n'), /priced on its log group BGroup/);
  });
});
