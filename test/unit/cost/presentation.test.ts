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

  it('shows every line item with quantity, free tier, unit price, cost and formula', () => {
    const view = breakdownView(estimate(text, usage), { title: 'Monthly cost of template.yaml', focus: 'Fn' });
    const compute = view.resources[0].lineItems[0];
    assert.deepEqual(compute, {
      name: 'Compute (x86_64)',
      quantity: '1,500,000 GB-s',
      free: '400,000 GB-s',
      unitPrice: '$0.0000166667 / GB-s',
      usd: compute.usd,
      costText: '$18.33',
      formula: '(1,500,000 − 400,000 free) GB-s × $0.0000166667 = $18.3334',
    });
    assert.equal(view.total.text, '$19.53');
    const html = breakdownHtml(view);
    assert.match(html, /<h1>Monthly cost of template\.yaml: \$19\.53\/mo<\/h1>/);
    assert.match(html, /<section id="Fn" class="focus">/);
    assert.match(html, /<td class="num">400,000 GB-s<\/td>/);
    assert.match(html, /<code>monthlyRequests<\/code> = 3,000,000 <span class="source">\(usage file\)<\/span>/);
    assert.ok(!/<script/i.test(html), 'no scripts in the webview');
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
    assert.ok(Math.abs(rows[0].monthlyUsd - (2_600_000 * 0.0000166667 + 0.4)) < 1e-7);
    assert.ok(Math.abs(rows[1].monthlyUsd - (1_100_000 * 0.0000133334 + 0.4)) < 1e-7);
  });

  it('knows which runtimes run on arm64', () => {
    assert.ok(supportsArm64('nodejs22.x'));
    assert.ok(supportsArm64('python3.12'));
    assert.ok(!supportsArm64('go1.x'));
    assert.ok(!supportsArm64('python3.7'));
    assert.ok(!supportsArm64(undefined));
  });
});
