import { strict as assert } from 'assert';
import { breakdownHtml } from '../../../src/webview/breakdown-page';
import { breakdownView, neighbouringMemorySizes, supportsArm64, whatIf, parseUsageFile } from '../../../src/core/cost';
import { load } from '../helpers';
import { estimate, fn, sam } from './helpers';

describe('cost: breakdown and what-if', () => {
  const text = sam(...fn('Fn', 'MemorySize: 512'), 'Q:', '  Type: AWS::SQS::Queue');
  const usage =
    'version: 1\nresources:\n  Fn:\n    monthlyRequests: 3000000\n    averageDurationMs: 1000\n    ' +
    'logKbPerInvocation: 0\n';

  it('shows every line item before the free tier, and the free tier as a credit of the total', () => {
    const view = breakdownView(estimate(text, usage), { title: 'Monthly cost of template.yaml', focus: 'Fn' });
    const compute = view.resources[0].lineItems[0];
    assert.deepEqual(compute, {
      name: 'Compute (x86_64)',
      quantity: '1,500,000 GB-s',
      unitPrice: '$0.0000166667 / GB-s',
      usd: compute.usd,
      costText: '$25.00',
      formula: '1,500,000 GB-s × $0.0000166667 = $25.0001',
    });
    // Fn $25.60005; Q: 1M messages × 3 requests = 3M, $1.20 (Standard, $0.40/M). Free: Lambda $6.86668, SQS 1M $0.40.
    assert.deepEqual(view.totals, [
      { label: 'Subtotal (before the free tier)', text: '$26.80' },
      { label: 'Free tier credit (per account)', text: '−$7.27' },
    ]);
    assert.equal(view.total.text, '$19.53');
    assert.deepEqual(view.freeTier, {
      scope: 'The free tier is per account, shared with everything else in it.',
      lines: [
        'Lambda compute: 400,000 of 1,500,000 GB-s free, −$6.67; $18.33 to pay',
        'Lambda requests: 1,000,000 of 3,000,000 requests free, −$0.20; $0.40 to pay',
        'SQS requests: 1,000,000 of 3,000,000 requests free, −$0.40; $0.80 to pay',
      ],
    });
    assert.equal(view.resources[1].defaults, 'Priced with default usage: monthlyMessages, averageMessageKb');
    const html = breakdownHtml(view);
    assert.match(html, /<h1>Monthly cost of template\.yaml: \$19\.53\/mo<\/h1>/);
    assert.match(html, /<section id="Fn" class="focus">/);
    assert.match(html, /<td>Free tier credit \(per account\)<\/td><td class="num">−\$7\.27<\/td>/);
    assert.match(html, /<li>Lambda compute: 400,000 of 1,500,000 GB-s free, −\$6\.67; \$18\.33 to pay<\/li>/);
    assert.match(
      html,
      /<code>monthlyMessages<\/code> = 1,000,000 <span class="source">\(default, priced with this default\)/,
    );
    assert.match(html, /<code>monthlyRequests<\/code> = 3,000,000 <span class="source">\(usage file\)<\/span>/);
    assert.ok(!/<script/i.test(html), 'no scripts in the webview');
  });

  it('lists what it cannot price, and why', () => {
    const view = breakdownView(
      estimate(
        sam(...fn('Big', 'MemorySize: 20000'), 'S:', '  Type: AWS::RDS::DBInstance', 'R:', '  Type: AWS::IAM::Role'),
      ),
      { title: 't' },
    );
    assert.deepEqual(view.notPriced, [
      {
        logicalId: 'Big',
        type: 'AWS::Serverless::Function',
        reason: "MemorySize 20000 MB is outside Lambda's 128–10,240 MB, so the function cannot deploy",
      },
      {
        logicalId: 'S',
        type: 'AWS::RDS::DBInstance',
        reason: 'Serverless Workbench has no prices for AWS::RDS::DBInstance yet',
      },
    ]);
    assert.match(
      breakdownHtml(view),
      /<td>S<\/td><td>AWS::RDS::DBInstance<\/td><td>not priced: Serverless Workbench has no/,
    );
  });

  it('escapes what comes from the template', () => {
    const html = breakdownHtml(breakdownView(estimate(sam('Q:', '  Type: AWS::SQS::Queue')), { title: '<b>x</b>' }));
    assert.ok(html.includes('&#60;b&#62;x&#60;/b&#62;'));
  });

  it('prices neighbouring memory sizes and the other architecture', () => {
    assert.deepEqual(neighbouringMemorySizes(512), [128, 256, 512, 768, 1024]);
    assert.deepEqual(neighbouringMemorySizes(10240), [6144, 8192, 10240]);
    const template = load(text);
    const { usage: u } = parseUsageFile(usage);
    const rows = whatIf(
      template,
      u,
      {},
      ['Fn'],
      [
        { label: '1024 MB', current: false, change: { memoryMb: 1024 } },
        { label: 'arm64', current: false, change: { arch: 'arm64' } },
      ],
    );
    // Each function's own figure, before the free tier: 3M × 1 s × 1 GB, and 1.5M GB-s at the arm64 rate.
    assert.ok(Math.abs(rows[0].monthlyUsd - (3_000_000 * 0.0000166667 + 0.6)) < 1e-7);
    assert.ok(Math.abs(rows[1].monthlyUsd - (1_500_000 * 0.0000133334 + 0.6)) < 1e-7);
  });

  it('knows which runtimes run on arm64', () => {
    assert.ok(supportsArm64('nodejs22.x'));
    assert.ok(supportsArm64('python3.12'));
    assert.ok(!supportsArm64('go1.x'));
    assert.ok(!supportsArm64('python3.7'));
    assert.ok(!supportsArm64(undefined));
  });
});
