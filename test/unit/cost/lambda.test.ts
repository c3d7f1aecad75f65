import { strict as assert } from 'assert';
import { lensText } from '../../../src/core/cost';
import { assertUsd, estimate, fn, item, resource, sam } from './helpers';

const briefUsage =
  'version: 1\nresources:\n  Fn:\n    monthlyRequests: 3000000\n    averageDurationMs: 1000\n    ' +
  'logKbPerInvocation: 0\n';

describe('cost: Lambda', () => {
  it("prices the product brief's function: 512 MB, 3M invocations of 1 s, free tier on", () => {
    const report = estimate(sam(...fn('Fn', 'MemorySize: 512')), briefUsage);
    const compute = item(report, 'Fn', /^Compute/);
    assert.equal(compute.quantity, 1_500_000);
    assert.equal(compute.freeQuantity, 400_000);
    assert.equal(compute.unitUsd, 0.0000166667);
    assertUsd(compute.usd, 1_100_000 * 0.0000166667); // $18.33337
    assert.equal(compute.formula, '(1,500,000 − 400,000 free) GB-s × $0.0000166667');
    assertUsd(item(report, 'Fn', /^Requests/).usd, 0.4);
    assertUsd(report.totalMonthlyUsd, 18.73337);
    assert.equal(lensText(resource(report, 'Fn')), '≈ $18.73/mo · 3M req × 1000 ms @ 512 MB');
  });

  it('charges every GB-second and request without the free tier', () => {
    const report = estimate(sam(...fn('Fn', 'MemorySize: 512')), briefUsage, { freeTier: false });
    assertUsd(report.totalMonthlyUsd, 1_500_000 * 0.0000166667 + 3_000_000 * 0.0000002); // $25.60005
    assert.equal(item(report, 'Fn', /^Compute/).freeQuantity, 0);
  });

  it('prices arm64 at its own rate', () => {
    const report = estimate(sam(...fn('Fn', 'MemorySize: 512', 'Architectures: [arm64]')), briefUsage);
    assertUsd(item(report, 'Fn', /^Compute \(arm64\)/).usd, 1_100_000 * 0.0000133334); // $14.66674
    assertUsd(report.totalMonthlyUsd, 14.66674 + 0.4);
  });

  it('shares the free tier between functions in proportion to their use', () => {
    const usage =
      'version: 1\ndefaults:\n  AWS::Serverless::Function:\n    averageDurationMs: 125\n    logKbPerInvocation: ' +
      '0\nresources:\n  A:\n    monthlyRequests: 3000000\n  B:\n    monthlyRequests: 1000000\n';
    const report = estimate(sam(...fn('A', 'MemorySize: 1024'), ...fn('B', 'MemorySize: 1024')), usage);
    // 375,000 GB-s (A) + 125,000 GB-s (B) = 500,000; the 400,000 free are shared 3:1.
    assert.equal(item(report, 'A', /^Compute/).freeQuantity, 300_000);
    assert.equal(item(report, 'B', /^Compute/).freeQuantity, 100_000);
    assertUsd(report.totalMonthlyUsd, 100_000 * 0.0000166667 + 3_000_000 * 0.0000002);
  });

  it('applies volume tiers to the stack total across a tier boundary (6 billion GB-s)', () => {
    const usage =
      'version: 1\nfreeTier: false\ndefaults:\n  AWS::Serverless::Function:\n    monthlyRequests: 3500000000\n   ' +
      ' averageDurationMs: 1000\n    logKbPerInvocation: 0\n';
    const report = estimate(sam(...fn('A', 'MemorySize: 1024'), ...fn('B', 'MemorySize: 1024')), usage);
    // 7e9 GB-s in total: 6e9 at $0.0000166667 + 1e9 at $0.000015 = $115,000.20, half each.
    const a = item(report, 'A', /^Compute/);
    assertUsd(a.usd, 115_000.2 / 2);
    assertUsd(a.unitUsd, 115_000.2 / 7e9);
    assert.match(a.formula, /average over volume tiers/);
  });

  it('bills ephemeral storage above 512 MB', () => {
    const usage =
      'version: 1\nfreeTier: false\nresources:\n  Fn:\n    monthlyRequests: 1000000\n    averageDurationMs: ' +
      '1000\n    logKbPerInvocation: 0\n';
    const report = estimate(sam(...fn('Fn', 'MemorySize: 512', 'EphemeralStorage:', '  Size: 10240')), usage);
    const storage = item(report, 'Fn', /^Ephemeral storage/);
    assert.equal(storage.quantity, 9_500_000); // 1M × 1 s × 9.5 GB
    assertUsd(storage.usd, 9_500_000 * 0.0000000309); // $0.29355
    assert.ok(
      !estimate(sam(...fn('Fn', 'MemorySize: 512')), usage).resources[0].lineItems.some((li) =>
        /Ephemeral/.test(li.name),
      ),
      'no storage line at 512 MB',
    );
  });

  it('bills provisioned concurrency all month and leaves it out of the free tier', () => {
    const usage =
      'version: 1\nresources:\n  Fn:\n    monthlyRequests: 1000000\n    averageDurationMs: 100\n    ' +
      'logKbPerInvocation: 0\n';
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
      usage,
    );
    assertUsd(item(report, 'Fn', /^Provisioned concurrency/).usd, 5 * 1 * 730 * 3600 * 0.0000041667); // $54.750438
    assertUsd(item(report, 'Fn', /^Compute on provisioned/).usd, 100_000 * 0.0000097222);
    assertUsd(item(report, 'Fn', /^Requests/).usd, 0.2);
    assert.match(resource(report, 'Fn').drivers, /5 provisioned/);
  });

  it('prices CloudWatch Logs ingestion and a month of storage from logKbPerInvocation', () => {
    const report = estimate(
      sam(...fn('Fn')),
      'version: 1\nresources:\n  Fn:\n    monthlyRequests: 1048576\n    logKbPerInvocation: 1\n',
    );
    assertUsd(item(report, 'Fn', /Logs ingestion/).usd, 1 * 0.5); // 1,048,576 KB = 1 GB
    assertUsd(item(report, 'Fn', /Logs storage/).usd, 1 * 0.03);
  });

  it('uses a Region with other Lambda prices (af-south-1)', () => {
    const report = estimate(sam(...fn('Fn', 'MemorySize: 512')), briefUsage, { region: 'af-south-1' });
    assertUsd(report.totalMonthlyUsd, 1_100_000 * 0.0000221 + 0.4); // $24.71
    assert.equal(report.regionName, 'Africa (Cape Town)');
    assert.match(
      report.notes.join('\n'),
      /Region-specific figures for lambda; all other prices are us-east-1's \(assumed equal\)/,
    );
  });

  it('states the defaults it used: 1M requests and 100 ms', () => {
    const r = resource(estimate(sam(...fn('Fn'))), 'Fn');
    assert.deepEqual(r.usage.monthlyRequests, { value: 1_000_000, source: 'default' });
    assert.deepEqual(r.usage.averageDurationMs, { value: 100, source: 'default' });
    assert.equal(r.drivers, '1M req × 100 ms @ 128 MB');
  });

  it('counts one NAT gateway for functions in a VPC when the template has none', () => {
    const vpc = ['VpcConfig:', '  SubnetIds: [subnet-1]', '  SecurityGroupIds: [sg-1]'];
    const report = estimate(sam(...fn('A', ...vpc), ...fn('B', ...vpc)));
    assertUsd(item(report, 'A', /NAT gateway hours/).usd, 730 * 0.045);
    assert.ok(!resource(report, 'B').lineItems.some((li) => /NAT/.test(li.name)), 'counted once');
  });
});
