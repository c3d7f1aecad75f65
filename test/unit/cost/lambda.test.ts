import { strict as assert } from 'assert';
import { creditLine, lensText } from '../../../src/core/cost';
import { assertUsd, estimate, fn, item, resource, sam } from './helpers';

const briefUsage =
  'version: 1\nresources:\n  Fn:\n    monthlyRequests: 3000000\n    averageDurationMs: 1000\n    ' +
  'logKbPerInvocation: 0\n';

describe('cost: Lambda', () => {
  it("prices the product brief's function before the free tier, and credits the free tier on the stack total", () => {
    const report = estimate(sam(...fn('Fn', 'MemorySize: 512')), briefUsage);
    const compute = item(report, 'Fn', /^Compute/);
    assert.equal(compute.quantity, 1_500_000);
    assert.equal(compute.unitUsd, 0.0000166667);
    assertUsd(compute.usd, 1_500_000 * 0.0000166667); // $25.00005
    assert.equal(compute.formula, '1,500,000 GB-s × $0.0000166667');
    assertUsd(item(report, 'Fn', /^Requests/).usd, 3_000_000 * 0.0000002); // $0.60
    assertUsd(resource(report, 'Fn').monthlyUsd, 25.60005);
    assert.equal(lensText(resource(report, 'Fn')), '≈ $25.60/mo · 3M req × 1000 ms @ 512 MB');
    // The brief's figures: 1,100,000 GB-s × $0.0000166667 = $18.33 compute and 2M × $0.20/M = $0.40 requests.
    assert.deepEqual(
      report.freeTierCredits.map((c) => creditLine(c)),
      [
        'Lambda compute: 400,000 of 1,500,000 GB-s free, −$6.67; $18.33 to pay',
        'Lambda requests: 1,000,000 of 3,000,000 requests free, −$0.20; $0.40 to pay',
      ],
    );
    assertUsd(report.freeTierCredits[0].payUsd, 1_100_000 * 0.0000166667); // $18.33337
    assertUsd(report.freeTierCredits[1].payUsd, 0.4);
    assertUsd(report.subtotalMonthlyUsd, 25.60005);
    assertUsd(report.freeTierCreditUsd, 400_000 * 0.0000166667 + 0.2); // $6.86668
    assertUsd(report.totalMonthlyUsd, 18.73337);
  });

  it('charges every GB-second and request without the free tier', () => {
    const report = estimate(sam(...fn('Fn', 'MemorySize: 512')), briefUsage, { freeTier: false });
    assertUsd(report.totalMonthlyUsd, 1_500_000 * 0.0000166667 + 3_000_000 * 0.0000002); // $25.60005
    assert.deepEqual(report.freeTierCredits, []);
    assert.equal(report.freeTierCreditUsd, 0);
  });

  it('prices arm64 at its own rate', () => {
    const report = estimate(sam(...fn('Fn', 'MemorySize: 512', 'Architectures: [arm64]')), briefUsage);
    assertUsd(item(report, 'Fn', /^Compute \(arm64\)/).usd, 1_500_000 * 0.0000133334); // $20.0001
    assertUsd(report.totalMonthlyUsd, 1_100_000 * 0.0000133334 + 0.4); // $14.66674 + $0.40
  });

  it("credits the free tier once for the account: one function's figure does not move when another changes", () => {
    const usage =
      'version: 1\ndefaults:\n  AWS::Serverless::Function:\n    averageDurationMs: 125\n    logKbPerInvocation: ' +
      '0\nresources:\n  A:\n    monthlyRequests: 3000000\n  B:\n    monthlyRequests: 1000000\n';
    const three = (bMemory: number): string =>
      sam(...fn('A', 'MemorySize: 1024'), ...fn('B', `MemorySize: ${bMemory}`), ...fn('C', 'MemorySize: 512'));
    const report = estimate(three(1024), usage);
    // A: 3M × 0.125 s × 1 GB = 375,000 GB-s = $6.25001 + 3M requests $0.60. B: 125,000 GB-s + 1M requests.
    // C (defaults, 1M requests): 1M × 0.125 s × 0.5 GB = 62,500 GB-s.
    assertUsd(resource(report, 'A').monthlyUsd, 375_000 * 0.0000166667 + 0.6);
    assertUsd(resource(report, 'B').monthlyUsd, 125_000 * 0.0000166667 + 0.2);
    assertUsd(resource(report, 'C').monthlyUsd, 62_500 * 0.0000166667 + 0.2);
    // 562,500 GB-s and 5M requests in all: 400,000 GB-s and 1M requests free.
    assertUsd(report.freeTierCreditUsd, 400_000 * 0.0000166667 + 1_000_000 * 0.0000002);
    assertUsd(report.totalMonthlyUsd, 162_500 * 0.0000166667 + 4_000_000 * 0.0000002);
    const after = estimate(three(3008), usage);
    assert.equal(resource(after, 'A').monthlyUsd, resource(report, 'A').monthlyUsd);
    assert.equal(resource(after, 'C').monthlyUsd, resource(report, 'C').monthlyUsd);
    assertUsd(resource(after, 'B').monthlyUsd, 1_000_000 * 0.125 * (3008 / 1024) * 0.0000166667 + 0.2);
  });

  it('applies volume tiers to the stack total across a tier boundary (6 billion GB-s) as a stack line', () => {
    const usage =
      'version: 1\nfreeTier: false\ndefaults:\n  AWS::Serverless::Function:\n    monthlyRequests: 3500000000\n   ' +
      ' averageDurationMs: 1000\n    logKbPerInvocation: 0\n';
    const report = estimate(sam(...fn('A', 'MemorySize: 1024'), ...fn('B', 'MemorySize: 1024')), usage);
    // Alone, each function's 3.5e9 GB-s stays in the first tier: $58,333.45 of compute each.
    const a = item(report, 'A', /^Compute/);
    assertUsd(a.usd, 3.5e9 * 0.0000166667);
    assert.ok(!/average over volume tiers/.test(a.formula));
    // Together, 7e9 GB-s: 6e9 at $0.0000166667 + 1e9 at $0.000015 = $115,000.20, $1,666.70 less.
    assertUsd(report.volumeDiscountUsd, 2 * 3.5e9 * 0.0000166667 - 115_000.2);
    assertUsd(report.totalMonthlyUsd, 115_000.2 + 7e9 * 0.0000002);
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
    assertUsd(report.totalMonthlyUsd, 1_100_000 * 0.0000221 + 0.4); // $24.71 after the free tier
    assert.equal(report.regionName, 'Africa (Cape Town)');
    assert.match(
      report.notes.join('\n'),
      /Region-specific figures for lambda; all other prices are us-east-1's \(assumed equal\)/,
    );
  });

  it('states the defaults it used: 1M requests and 100 ms', () => {
    const r = resource(estimate(sam(...fn('Fn'))), 'Fn');
    assert.deepEqual(r.usage.monthlyRequests, { value: 1_000_000, source: 'default', builtInDefault: true });
    assert.deepEqual(r.usage.averageDurationMs, { value: 100, source: 'default', builtInDefault: true });
    assert.equal(r.drivers, '1M req × 100 ms @ 128 MB');
    // The NAT figure is a default too, but a function outside a VPC does not read it.
    assert.deepEqual(r.defaults, ['monthlyRequests', 'averageDurationMs', 'logKbPerInvocation']);
  });

  it('counts one NAT gateway for functions in a VPC when the template has none', () => {
    const vpc = ['VpcConfig:', '  SubnetIds: [subnet-1]', '  SecurityGroupIds: [sg-1]'];
    const report = estimate(sam(...fn('A', ...vpc), ...fn('B', ...vpc)));
    assertUsd(item(report, 'A', /NAT gateway hours/).usd, 730 * 0.045);
    assert.ok(!resource(report, 'B').lineItems.some((li) => /NAT/.test(li.name)), 'counted once');
  });
});
