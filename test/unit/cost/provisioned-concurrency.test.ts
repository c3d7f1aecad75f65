import { strict as assert } from 'assert';
import { yaml } from '../helpers';
import { assertUsd, estimate, fn, item, resource, sam } from './helpers';

// Unit prices: aws.amazon.com/lambda/pricing (us-east-1): provisioned concurrency $0.0000041667 per GB-s (x86_64),
// $0.0000033334 (arm64), billed for every second it is configured whether or not it serves invocations.

/** A CloudFormation function with a version and an alias that provisions `instances` of it. */
const cloudFormation = (memoryProps: string[], instances: string, on: 'Alias' | 'Version' = 'Alias'): string =>
  yaml(
    'Resources:',
    '  Fn:',
    '    Type: AWS::Lambda::Function',
    '    Properties:',
    '      Runtime: nodejs22.x',
    '      Handler: index.handler',
    '      Role: arn:aws:iam::123456789012:role/r',
    '      Code: { ZipFile: "exports.handler = async () => 1" }',
    ...memoryProps.map((p) => `      ${p}`),
    '  Version:',
    '    Type: AWS::Lambda::Version',
    '    Properties:',
    '      FunctionName: !Ref Fn',
    ...(on === 'Version'
      ? ['      ProvisionedConcurrencyConfig:', `        ProvisionedConcurrentExecutions: ${instances}`]
      : []),
    ...(on === 'Alias'
      ? [
          '  Live:',
          '    Type: AWS::Lambda::Alias',
          '    Properties:',
          '      FunctionName: !GetAtt Fn.Arn',
          '      FunctionVersion: !GetAtt Version.Version',
          '      Name: live',
          '      ProvisionedConcurrencyConfig:',
          `        ProvisionedConcurrentExecutions: ${instances}`,
        ]
      : []),
  );

describe('cost: provisioned concurrency', () => {
  it('on an AWS::Lambda::Alias, at the memory of the function its FunctionName names, all month', () => {
    const report = estimate(cloudFormation(['MemorySize: 2048'], '10'));
    // 10 × 2 GB × 730 h × 3,600 s = 52,560,000 GB-s × $0.0000041667 = $219.001752
    assertUsd(resource(report, 'Live').monthlyUsd, 219.001752);
    assert.equal(resource(report, 'Live').drivers, '10 provisioned × 2048 MB · 730 h');
    assert.match(resource(report, 'Live').notes.join('\n'), /Invocations are priced on Fn at the on-demand rate/);
    assert.ok(!report.resources.some((r) => r.logicalId === 'Version'), 'a version without it costs nothing');
  });

  it('on an AWS::Lambda::Version, arm64, for the hours the usage file gives', () => {
    const report = estimate(
      cloudFormation(['MemorySize: 1024', 'Architectures: [arm64]'], '4', 'Version'),
      'version: 1\nresources:\n  Version:\n    provisionedHours: 200\n',
    );
    // 4 × 1 GB × 200 h × 3,600 s = 2,880,000 GB-s × $0.0000033334 = $9.600192
    assertUsd(item(report, 'Version', /Provisioned concurrency \(4 × 1024 MB, arm64, 200 h\)/).usd, 9.600192);
  });

  it("a FunctionName outside the template is priced at Lambda's default 128 MB, and says so", () => {
    const report = estimate(
      yaml(
        'Resources:',
        '  Live:',
        '    Type: AWS::Lambda::Alias',
        '    Properties:',
        '      FunctionName: some-other-function',
        '      FunctionVersion: "3"',
        '      Name: live',
        '      ProvisionedConcurrencyConfig:',
        '        ProvisionedConcurrentExecutions: 2',
      ),
    );
    // 2 × 0.125 GB × 730 h × 3,600 s = 657,000 GB-s × $0.0000041667 = $2.7375219
    assertUsd(resource(report, 'Live').monthlyUsd, 2.7375219);
    assert.match(item(report, 'Live', /Provisioned/).note ?? '', /does not name a function of this template/);
  });

  it("SAM's ProvisionedConcurrencyConfig follows provisionedHours; SAM's generated alias is not priced twice", () => {
    const report = estimate(
      sam(
        ...fn(
          'Fn',
          'MemorySize: 1024',
          'AutoPublishAlias: live',
          'ProvisionedConcurrencyConfig:',
          '  ProvisionedConcurrentExecutions: 5',
        ),
      ),
      'version: 1\nresources:\n  Fn:\n    provisionedHours: 100\n',
    );
    // 5 × 1 GB × 100 h × 3,600 s = 1,800,000 GB-s × $0.0000041667 = $7.50006
    assertUsd(item(report, 'Fn', /Provisioned concurrency/).usd, 7.50006);
    assert.deepEqual(
      report.resources.map((r) => r.logicalId),
      ['Fn'],
    );
    assert.deepEqual(resource(report, 'Fn').usage.provisionedHours, { value: 100, source: 'usage file' });
  });

  it('provisionedHours defaults to 730, stated as a default', () => {
    const report = estimate(cloudFormation(['MemorySize: 512'], '1'));
    const live = resource(report, 'Live');
    assert.deepEqual(live.usage.provisionedHours, { value: 730, source: 'default', builtInDefault: true });
    assert.deepEqual(live.defaults, ['provisionedHours'], 'the figure is marked as priced with a default');
  });
});
