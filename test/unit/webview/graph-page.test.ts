/// <reference lib="dom" />
// (functions passed to page.evaluate run in the page, with the DOM)
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { accessEdges } from '../../../src/core/graph/access';
import type { ArchitectureGraph } from '../../../src/core/graph/graph';
import { analyzePermissions } from '../../../src/core/permissions';
import { graphPayload, iconDataUris } from '../../../src/webview/graph-payload';
import { load } from '../helpers';
import type { OpenedPage } from './browser';
import { IMAGES_DIR, usePageHost } from './browser';
import { DARK, HIGH_CONTRAST, LIGHT } from './themes';

const REPO_ROOT = path.resolve(__dirname, '../../..');
const EXAMPLE = path.join(REPO_ROOT, 'examples/sam-app/template.yaml');

describe('architecture graph page in headless Chromium', function () {
  this.timeout(60_000);
  const pages = usePageHost();
  const template = load(fs.readFileSync(EXAMPLE, 'utf8'), EXAMPLE);
  // What the editor shows: the template plus what the permission analysis found in the handlers' code.
  const access = accessEdges(
    analyzePermissions(template, { readFile: (f) => (fs.existsSync(f) ? fs.readFileSync(f, 'utf8') : undefined) }),
  );
  const payload = graphPayload(
    template,
    'examples/sam-app/template.yaml',
    iconDataUris(path.join(REPO_ROOT, 'media/icons')),
    access,
  );
  const shownByDefault = (graph: ArchitectureGraph): number => graph.nodes.filter((n) => !n.detail).length;

  const open = (theme = LIGHT): Promise<OpenedPage> => pages.host.open('graph', payload, theme);
  const transformOf = (p: OpenedPage): Promise<string | null> => p.page.locator('.viewport').getAttribute('transform');

  it(
    'draws every resource of the model and the queue ' + 'feeding its function, under a strict CSP, all local',
    async () => {
      const p = await open();
      assert.equal(await p.page.locator('.node').count(), shownByDefault(payload.graph));
      assert.equal(await p.page.locator('.node[data-id="ProcessOrderFunction"] image').count(), 1, 'a service icon');
      assert.equal(
        await p.page
          .locator('path.edge[data-from="OrdersQueue"][data-to="ProcessOrderFunction"][data-kind="event"]')
          .count(),
        1,
      );
      assert.equal(
        await p.page
          .locator('path.edge[data-from="ReportFunction"][data-to="ReportsBucket"][data-kind="code-call"]')
          .count(),
        1,
      );
      const csp = await p.page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
      assert.match(csp ?? '', /default-src 'none'/);
      assert.match(csp ?? '', /script-src 'nonce-[^']+'/);
      assert.deepEqual(p.leaks, [], 'no request leaves the page');
      assert.deepEqual(p.errors, [], 'no script error or CSP violation');
      await p.page.close();
    },
  );

  it('shows generated resources when asked, and hides them again', async () => {
    const p = await open();
    await p.page.getByLabel('Show generated resources').check();
    assert.equal(await p.page.locator('.node').count(), payload.graph.nodes.length);
    assert.equal(await p.page.locator('.node[data-id="CreateOrderFunctionRole"]').count(), 1);
    await p.page.getByLabel('Show generated resources').uncheck();
    assert.equal(await p.page.locator('.node[data-id="CreateOrderFunctionRole"]').count(), 0);
    await p.page.close();
  });

  it('asks the editor to reveal a clicked node and highlights what the editor selects', async () => {
    const p = await open();
    await p.page.locator('.node[data-id="OrdersTable"]').click();
    assert.deepEqual(await p.posted(), [{ type: 'reveal', id: 'OrdersTable' }]);
    await p.page.evaluate(() => window.postMessage({ type: 'highlight', id: 'ReportFunction' }, '*'));
    await p.page.locator('.node.selected[data-id="ReportFunction"]').waitFor();
    assert.equal(await p.page.locator('.node.selected').count(), 1);
    await p.page.close();
  });

  it('keeps zoom and pan when the template changes', async () => {
    const p = await open();
    const box = (await p.page.locator('svg.canvas').boundingBox())!;
    await p.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await p.page.mouse.wheel(0, -300);
    const zoomed = await transformOf(p);
    const edited = {
      ...payload,
      graph: { ...payload.graph, nodes: payload.graph.nodes.filter((n) => n.id !== 'ReportsBucket') },
    };
    await p.page.evaluate((m) => window.postMessage(m, '*'), { type: 'graph', payload: edited });
    await p.page.locator('.node[data-id="ReportsBucket"]').waitFor({ state: 'detached' });
    assert.equal(await transformOf(p), zoomed);
    await p.page.close();
  });

  it('exports a stand-alone SVG with the icons inside, and a PNG', async () => {
    const p = await open(DARK);
    await p.page.getByRole('button', { name: 'Export SVG' }).click();
    await p.page.getByRole('button', { name: 'Export PNG' }).click();
    await p.page.waitForFunction(() => (window as unknown as { __posted: unknown[] }).__posted.length === 2);
    const [svg, png] = (await p.posted()) as { format: string; data: string }[];
    assert.equal(svg.format, 'svg');
    assert.match(svg.data, /^<svg[^>]+xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.match(svg.data, /data:image\/svg\+xml;base64/);
    assert.doesNotMatch(svg.data, /var\(--vscode/, 'colours are resolved, not theme variables');
    assert.match(png.data, /^data:image\/png;base64,/);
    assert.ok(png.data.length > 10_000, 'the PNG has content');
    await p.page.close();
  });

  it('outlines every node in the contrast border colour in a high contrast theme', async () => {
    const p = await open(HIGH_CONTRAST);
    const box = p.page.locator('.node[data-id="OrdersTable"] .box');
    const style = await box.evaluate((e) => ({
      stroke: getComputedStyle(e).stroke,
      width: getComputedStyle(e).strokeWidth,
    }));
    assert.deepEqual(style, { stroke: 'rgb(111, 195, 223)', width: '2px' });
    await p.page.close();
  });

  for (const [name, theme] of [
    ['light', LIGHT],
    ['dark', DARK],
  ] as const) {
    it(`renders in the ${name} theme (docs/images/graph-${name}.png)`, async () => {
      const p = await open(theme);
      const background = await p.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      assert.equal(background, name === 'light' ? 'rgb(255, 255, 255)' : 'rgb(31, 31, 31)');
      await p.page.screenshot({ path: path.join(IMAGES_DIR, `graph-${name}.png`) });
      await p.page.close();
    });
  }
});
