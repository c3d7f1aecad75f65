/// <reference lib="dom" />
// (functions passed to page.evaluate run in the page, with the DOM)
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { breakdownHtml } from '../../../src/webview/breakdown-page';
import { breakdownView, estimateCost, memoryCurve, parseUsageFile } from '../../../src/core/cost';
import type { ChartPageData } from '../../../src/webview/charts/protocol';
import { load } from '../helpers';
import { IMAGES_DIR, usePageHost } from './browser';
import { DARK, LIGHT } from './themes';

const REPO_ROOT = path.resolve(__dirname, '../../..');
const EXAMPLE = path.join(REPO_ROOT, 'examples/sam-app/template.yaml');
/** A month of traffic for the example app, as its usage file would say it (the pictures in the README). */
const USAGE = `version: 1
resources:
  CreateOrderFunction: { monthlyRequests: 4000000, averageDurationMs: 180 }
  ProcessOrderFunction: { monthlyRequests: 4000000, averageDurationMs: 420 }
  ReportFunction: { monthlyRequests: 300000, averageDurationMs: 1600 }
  OrdersTable: { monthlyWrites: 8000000, monthlyReads: 12000000, storageGb: 25 }
`;

describe('cost pictures in headless Chromium', function () {
  this.timeout(60_000);
  const pages = usePageHost();
  const template = load(fs.readFileSync(EXAMPLE, 'utf8'), EXAMPLE);
  const { usage, problems } = parseUsageFile(USAGE);

  before(() => {
    assert.deepEqual(problems, []);
  });

  describe('memory/cost curve', () => {
    const curve = memoryCurve(template, usage, {}, 'ReportFunction')!;
    const data: ChartPageData = {
      kind: 'memory-curve',
      title: 'ReportFunction: monthly cost and duration by memory size',
      curve,
    };

    it('draws the curve with its model named, and offers each point as a MemorySize', async () => {
      const p = await pages.host.open('charts', data, LIGHT, { width: 1000, height: 620 });
      assert.equal(await p.page.locator('.curve-chart canvas').count(), 1);
      assert.match(await p.page.locator('.model').innerText(), /1,769 MB/);
      assert.match(await p.page.locator('.model').innerText(), /1600 ms at 1024 MB \(usage file\)/);
      await p.page.getByText('Figures').click();
      const rows = p.page.locator('tbody tr');
      assert.equal(await rows.count(), new Set(curve.points.map((x) => x.memoryMb)).size);
      assert.equal(await p.page.locator('tr.current td').first().innerText(), '1,024');
      await p.page.getByTitle('Set MemorySize to 2048 MB').last().click();
      assert.deepEqual(await p.posted(), [
        { type: 'setMemory', functionId: 'ReportFunction', memoryMb: 2048, arch: 'arm64' },
      ]);
      assert.deepEqual(p.leaks, []);
      assert.deepEqual(p.errors, []);
      await p.page.close();
    });

    it('offers the point clicked on the chart', async () => {
      const p = await pages.host.open('charts', data, DARK, { width: 1000, height: 620 });
      const box = (await p.page.locator('.curve-chart canvas').boundingBox())!;
      await p.page.mouse.click(box.x + box.width * 0.5, box.y + box.height * 0.5);
      // Chart.js handles pointer events on the next animation frame.
      await p.page.waitForFunction(() => (window as unknown as { __posted: unknown[] }).__posted.length > 0);
      const [message] = (await p.posted()) as { type: string; memoryMb: number }[];
      assert.equal(message?.type, 'setMemory');
      assert.ok(message.memoryMb >= 128 && message.memoryMb <= 10240);
      await p.page.close();
    });

    it('looks right in the dark theme (docs/images/memory-curve.png)', async () => {
      const p = await pages.host.open('charts', data, DARK, { width: 1000, height: 540 });
      await p.page.locator('.curve-chart').screenshot({ path: path.join(IMAGES_DIR, 'memory-curve.png') });
      await p.page.close();
    });
  });

  describe('breakdown chart', () => {
    const view = breakdownView(estimateCost(template, usage), { title: 'Monthly cost of sam-app/template.yaml' });
    const html = (origin: string): string =>
      breakdownHtml(view, origin, { src: `${origin}/charts.js`, nonce: 'test-nonce' });

    it("stacks each resource's line items above the table, under a CSP that runs only its script", async () => {
      const p = await pages.host.openHtml(html(pages.host.origin), LIGHT, { width: 1000, height: 760 });
      assert.equal(await p.page.locator('#cost-chart canvas').count(), 1);
      const label = await p.page.locator('#cost-chart canvas').getAttribute('aria-label');
      assert.match(label ?? '', /ProcessOrderFunction/);
      const csp = await p.page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
      assert.match(csp ?? '', /script-src 'nonce-test-nonce'/);
      assert.equal(await p.page.locator('section h2 button.curve').count(), 3, 'a curve button on each function');
      await p.page.screenshot({ path: path.join(IMAGES_DIR, 'cost-breakdown.png') });
      await p.page.locator('#ReportFunction button.curve').click();
      assert.deepEqual(await p.posted(), [{ type: 'showMemoryCurve', functionId: 'ReportFunction' }]);
      assert.deepEqual(p.leaks, []);
      assert.deepEqual(p.errors, []);
      await p.page.close();
    });
  });
});
