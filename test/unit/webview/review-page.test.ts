/// <reference lib="dom" />
// (functions passed to page.evaluate run in the page, with the DOM)
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { ChangeRow } from '../../../src/core/deploy';
import { noChangesReview, reviewOf } from '../../../src/core/deploy/review';
import type { ReviewPageData } from '../../../src/webview/review/protocol';
import { load } from '../helpers';
import { IMAGES_DIR, usePageHost } from './browser';
import { DARK, LIGHT } from './themes';

const REPO_ROOT = path.resolve(__dirname, '../../..');
const EXAMPLE = path.join(REPO_ROOT, 'examples/sam-app/template.yaml');
const SUBTITLE = 'sam-app/template.yaml to stack orders-service in us-east-1';

describe('change set review page in headless Chromium', function () {
  this.timeout(60_000);
  const pages = usePageHost();
  const template = load(fs.readFileSync(EXAMPLE, 'utf8'), EXAMPLE);
  const at = (logicalId: string) => ({ span: template.resourceById.get(logicalId)!.span });
  /** An update of the example as CloudFormation would describe it: one of each action, a table replaced. */
  const rows: ChangeRow[] = [
    {
      action: 'Modify',
      logicalId: 'OrdersTable',
      resourceType: 'AWS::DynamoDB::Table',
      physicalId: 'orders-service-OrdersTable-7Y2K',
      replacement: 'True',
      scope: ['Properties'],
      details: [{ attribute: 'Properties', name: 'TableName', requiresRecreation: 'Always' }],
      ...at('OrdersTable'),
    },
    {
      action: 'Modify',
      logicalId: 'CreateOrderFunction',
      resourceType: 'AWS::Lambda::Function',
      physicalId: 'orders-service-CreateOrderFunction-AbC123',
      replacement: 'False',
      scope: ['Properties', 'Tags'],
      details: [
        { attribute: 'Properties', name: 'Code', requiresRecreation: 'Never' },
        { attribute: 'Properties', name: 'MemorySize', requiresRecreation: 'Never' },
        { attribute: 'Tags' },
      ],
      ...at('CreateOrderFunction'),
    },
    {
      action: 'Add',
      logicalId: 'ReportsBucket',
      resourceType: 'AWS::S3::Bucket',
      scope: [],
      details: [],
      ...at('ReportsBucket'),
    },
    {
      action: 'Remove',
      logicalId: 'LegacyExportQueue',
      resourceType: 'AWS::SQS::Queue',
      physicalId: 'https://sqs.us-east-1.amazonaws.com/123456789012/legacy-export',
      scope: [],
      details: [],
    },
  ];
  const data: ReviewPageData = {
    review: reviewOf({ stackName: 'orders-service', changeSetId: 'cs', mode: 'UPDATE', rows }, template),
    subtitle: SUBTITLE,
  };

  it('lays out one row per change, reports them, and deploys only when Deploy is pressed', async () => {
    const p = await pages.host.open('review', data, LIGHT, { width: 1100, height: 420 });
    assert.equal(await p.page.locator('h1').innerText(), 'Review Change Set — orders-service');
    assert.equal(await p.page.locator('.summary').innerText(), '1 to add, 2 to modify, 1 to remove, 1 replacement');
    const cells = await p.page
      .locator('table.changes tbody tr')
      .evaluateAll((trs) => trs.map((tr) => Array.from((tr as HTMLTableRowElement).cells, (c) => c.innerText)));
    assert.deepEqual(cells, [
      [
        'Modify',
        'OrdersTable\ntemplate.yaml:91:3',
        'AWS::DynamoDB::Table',
        'orders-service-OrdersTable-7Y2K',
        '⚠ True',
        'Properties: TableName (requires recreation)',
      ],
      [
        'Modify',
        'CreateOrderFunction\ntemplate.yaml:26:3',
        'AWS::Lambda::Function',
        'orders-service-CreateOrderFunction-AbC123',
        'False',
        'Properties: Code, MemorySize; Tags',
      ],
      ['Add', 'ReportsBucket\ntemplate.yaml:113:3', 'AWS::S3::Bucket', '', '', ''],
      [
        'Remove',
        'LegacyExportQueue\nnot in the template',
        'AWS::SQS::Queue',
        'https://sqs.us-east-1.amazonaws.com/123456789012/legacy-export',
        '',
        '',
      ],
    ]);
    assert.equal(await p.page.locator('tr.action-remove a').count(), 0, 'a removed resource has no link');
    const colour = (selector: string) =>
      p.page
        .locator(selector)
        .first()
        .evaluate((e) => getComputedStyle(e).color);
    const [added, modified, removed, replaced] = await Promise.all(
      ['.action-add td.action', '.action-modify td.action', '.action-remove td.action', '.replacement-true'].map(
        colour,
      ),
    );
    assert.deepEqual(
      [added, modified, removed, replaced],
      ['rgb(88, 124, 12)', 'rgb(137, 85, 3)', 'rgb(173, 7, 7)', 'rgb(191, 136, 3)'],
      "the theme's added, modified, deleted and warning colours",
    );
    assert.equal(await p.page.evaluate(() => document.activeElement?.id), 'deploy', 'Deploy has the keyboard focus');
    assert.deepEqual(await p.posted(), [{ type: 'shown', rows: cells }], 'nothing but what it shows, yet');

    await p.page.keyboard.press('Shift+Tab'); // from Deploy back to the last link: every row is reachable by keyboard
    assert.equal(await p.page.evaluate(() => document.activeElement?.textContent), 'ReportsBucket');
    await p.page.keyboard.press('Enter');
    await p.page.locator('#deploy').click();
    assert.deepEqual((await p.posted()).slice(1), [{ type: 'reveal', index: 2 }, { type: 'deploy' }]);
    assert.equal(await p.page.locator('button').count(), 0, 'pressed once: no second deploy');
    assert.equal(await p.page.locator('.status').innerText(), 'Deploying…');
    await p.page.evaluate(() =>
      window.postMessage({ type: 'status', text: 'Deployed stack orders-service: UPDATE_COMPLETE.', final: true }, '*'),
    );
    await p.page.locator('#close').waitFor();
    assert.equal(await p.page.locator('.status').innerText(), 'Deployed stack orders-service: UPDATE_COMPLETE.');
    assert.deepEqual(p.leaks, []);
    assert.deepEqual(p.errors, []);
    await p.page.close();
  });

  it('Escape cancels, and an empty change set offers only Close', async () => {
    const p = await pages.host.open('review', data, LIGHT);
    await p.page.keyboard.press('Escape');
    assert.deepEqual((await p.posted()).slice(1), [{ type: 'cancel' }]);
    await p.page.close();

    const none = await pages.host.open(
      'review',
      { review: noChangesReview('orders-service', template), subtitle: SUBTITLE },
      LIGHT,
    );
    assert.equal(
      await none.page.locator('.summary').innerText(),
      'No changes: stack orders-service is already up to date with template.yaml.',
    );
    assert.equal(await none.page.locator('table').count(), 0);
    assert.deepEqual(await none.page.locator('button').allInnerTexts(), ['Close']);
    await none.page.locator('#close').click();
    assert.deepEqual(await none.posted(), [{ type: 'shown', rows: [] }, { type: 'close' }]);
    await none.page.close();
  });

  for (const [name, theme] of [
    ['light', LIGHT],
    ['dark', DARK],
  ] as const) {
    it(`pictures the review in the ${name} theme`, async () => {
      const p = await pages.host.open('review', data, theme, { width: 1100, height: 330 });
      await p.page.screenshot({ path: path.join(IMAGES_DIR, `deploy-review-${name}.png`) });
      assert.deepEqual(p.errors, []);
      await p.page.close();
    });
  }
});
