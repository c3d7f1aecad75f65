/// <reference lib="dom" />
// (functions passed to page.evaluate run in the page, with the DOM)
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { breakdownView, estimateCost, EMPTY_USAGE } from '../../../src/core/cost';
import { breakdownHtml } from '../../../src/webview/breakdown-page';
import { graphPayload, iconDataUris } from '../../../src/webview/graph-payload';
import type { ResultPayload } from '../../../src/webview/invoke/protocol';
import { load } from '../helpers';
import { IMAGES_DIR, usePageHost } from './browser';
import { DARK, HIGH_CONTRAST, LIGHT } from './themes';

const REPO_ROOT = path.resolve(__dirname, '../../..');
const EXAMPLE = path.join(REPO_ROOT, 'examples/sam-app/template.yaml');
const THEMES = [
  ['light', LIGHT],
  ['dark', DARK],
  ['high-contrast', HIGH_CONTRAST],
] as const;

/** Two invocations of the example's function as the result panel receives them. */
const RESULTS: ResultPayload = {
  shown: 'b',
  entries: [
    {
      id: 'b',
      at: Date.UTC(2026, 0, 1, 12, 0, 5),
      function: 'CreateOrderFunction',
      mode: 'local',
      summary: 'Duration 12.4 ms · billed 13 ms · 71 MB of 512 MB · $0.0000003',
      response: JSON.stringify({ statusCode: 400, body: '{"message":"quantity must be a positive integer"}' }, null, 2),
      responseIsJson: true,
      logs: [
        'START RequestId: 6f1c Version: $LATEST',
        '2026-01-01T12:00:05.001Z\t6f1c\tINFO\tcreating order',
        '2026-01-01T12:00:05.002Z\t6f1c\tWARN\t{"message":"quantity rejected","quantity":0}',
        '2026-01-01T12:00:05.003Z\t6f1c\tERROR\tValidationError: quantity must be a positive integer',
        'END RequestId: 6f1c',
        'REPORT RequestId: 6f1c\tDuration: 12.40 ms\tBilled Duration: 13 ms\tMemory Size: 512 MB',
      ].join('\n'),
    },
    {
      id: 'a',
      at: Date.UTC(2026, 0, 1, 12, 0, 0),
      function: 'CreateOrderFunction',
      mode: 'local',
      summary: 'Duration 180 ms · billed 181 ms · cold start 240 ms',
      response: '{}',
      responseIsJson: true,
      logs: '',
    },
  ],
};

describe('result panel, graph and breakdown in three themes, in headless Chromium', function () {
  this.timeout(60_000);
  const pages = usePageHost();
  const template = load(fs.readFileSync(EXAMPLE, 'utf8'), EXAMPLE);

  it('shows the response pretty-printed, the log by level, and a dropdown of recent invocations', async () => {
    const p = await pages.host.open('invoke', RESULTS, LIGHT, { width: 900, height: 600 });
    assert.deepEqual(await p.page.locator('#history option').count(), 2);
    assert.equal(await p.page.locator('.response pre').innerText(), RESULTS.entries[0].response);
    assert.deepEqual(await p.page.locator('.log-lines li').evaluateAll((e) => e.map((li) => li.className)), [
      'level-platform',
      'level-info',
      'level-warn json',
      'level-error',
      'level-platform',
      'level-platform',
    ]);
    assert.equal(
      await p.page.locator('.log-lines li.json').innerText(),
      '{\n  "message": "quantity rejected",\n  "quantity": 0\n}',
    );
    const colour = (selector: string) => p.page.locator(selector).evaluate((e) => getComputedStyle(e).color);
    assert.notEqual(await colour('.log-lines .level-error'), await colour('.log-lines .level-info'));
    await p.page.locator('#copy').click();
    await p.page.locator('#save-event').click();
    await p.page.locator('#history').selectOption('a');
    assert.deepEqual(await p.posted(), [
      { type: 'copy', id: 'b' },
      { type: 'saveAsEvent', id: 'b' },
      { type: 'select', id: 'a' },
    ]);
    assert.equal(await p.page.locator('.response pre').innerText(), '{}');
    assert.deepEqual(p.leaks, []);
    assert.deepEqual(p.errors, []);
    await p.page.close();
  });

  for (const [name, theme] of THEMES) {
    it(`pictures the result panel, graph and breakdown in the ${name} theme`, async () => {
      const result = await pages.host.open('invoke', RESULTS, theme, { width: 900, height: 520 });
      await result.page.screenshot({ path: path.join(IMAGES_DIR, `invoke-result-${name}.png`) });
      await result.page.close();

      const payload = graphPayload(
        template,
        'examples/sam-app/template.yaml',
        iconDataUris(path.join(REPO_ROOT, 'media/icons')),
      );
      const graph = await pages.host.open('graph', payload, theme, { width: 1000, height: 640 });
      // graph-page.test.ts pictures the light and dark graphs; the high contrast one is this test's.
      if (theme === HIGH_CONTRAST) await graph.page.screenshot({ path: path.join(IMAGES_DIR, `graph-${name}.png`) });
      await graph.page.close();

      const view = breakdownView(estimateCost(template, EMPTY_USAGE), {
        title: 'Monthly cost of sam-app/template.yaml',
      });
      const html = breakdownHtml(view, pages.host.origin, {
        src: `${pages.host.origin}/charts.js`,
        nonce: 'test-nonce',
      });
      const breakdown = await pages.host.openHtml(html, theme, { width: 1000, height: 760 });
      await breakdown.page.locator('canvas').waitFor();
      await breakdown.page.screenshot({ path: path.join(IMAGES_DIR, `cost-breakdown-${name}.png`) });
      assert.deepEqual(breakdown.errors, []);
      await breakdown.page.close();
    });
  }
});
