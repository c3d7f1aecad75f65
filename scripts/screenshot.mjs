// Regenerates the pictures of the workbench on examples/ in docs/images/ (re-run after UI changes:
// node scripts/screenshot.mjs):
// - explorer.png: the Serverless Workbench view open, a function expanded and its definition selected;
// - cost-breakdown.png: the breakdown panel opened from a function's cost CodeLens, beside the template.
import path from 'node:path';
import { startHost, waitForWorkbench, webviewContents } from './test-host/host.mjs';
import { REPO_ROOT } from './test-host/setup.mjs';

const OUTPUT = path.join(REPO_ROOT, 'docs', 'images', 'explorer.png');
const COST_BREAKDOWN_OUTPUT = path.join(REPO_ROOT, 'docs', 'images', 'cost-breakdown.png');
/** Wide enough for the breakdown's table (quantity, free tier, unit price, cost, formula) beside the template. */
const COST_BREAKDOWN_VIEWPORT = { width: 1600, height: 900 };
const FUNCTION_SHOWN = 'CreateOrderFunction';
/** Wide enough for a function's runtime, memory and timeout beside its name. */
const SIDE_BAR_WIDTH = 470;

await import('./build.mjs');
const host = await startHost({
  workspace: path.join(REPO_ROOT, 'examples'),
  extensionDevelopmentPath: REPO_ROOT,
  viewport: { width: 1280, height: 800 },
  // No notification about the repository around examples/, no minimap: the picture is about the tree.
  userSettings: {
    'git.openRepositoryInParentFolders': 'never',
    'editor.minimap.enabled': false,
    'window.commandCenter': false,
  },
  log: console.log,
});
try {
  const { page } = host;
  await waitForWorkbench(page);
  await page.locator('.activitybar a[aria-label^="Serverless Workbench"]').click();
  await widenSideBar(page, SIDE_BAR_WIDTH);
  const tree = page
    .locator('.pane-body')
    .filter({ has: page.locator('[role="tree"]') })
    .last();
  const row = (label) => tree.locator('.monaco-list-row', { hasText: label }).first();
  await row('Functions').waitFor({ timeout: 20_000 });
  await expand(row('Functions'));
  await expand(row(FUNCTION_SHOWN));
  await row(FUNCTION_SHOWN).click(); // reveals the function's definition in the template
  await page.locator('.editor-instance .monaco-editor').first().waitFor();
  await page.mouse.move(200, 740); // below the tree's last row: no hover tooltip in the picture
  await page.waitForTimeout(1500); // let the editor's highlighting and the tree's icons settle
  await page.screenshot({ path: OUTPUT });
  console.log(`wrote ${path.relative(REPO_ROOT, OUTPUT)}`);
  await costBreakdownPicture(page);
} finally {
  await host.stop();
}

/** Continues from the explorer picture: the template is open at FUNCTION_SHOWN, whose cost CodeLens a person clicks. */
async function costBreakdownPicture(page) {
  await page.setViewportSize(COST_BREAKDOWN_VIEWPORT);
  await page.keyboard.press('Control+B'); // the side bar off: the template and the panel share the width
  const lens = page.locator('.codelens-decoration a', { hasText: /^≈ \$[\d.]+\/mo · / }).first();
  await lens.click({ timeout: 20_000 });
  const deadline = Date.now() + 20_000;
  while (!(await webviewContents(page)).some((c) => c.visible && c.text.includes(FUNCTION_SHOWN))) {
    if (Date.now() > deadline) throw new Error('the cost breakdown did not render in its webview within 20 s');
    await page.waitForTimeout(100);
  }
  // no hover in the picture
  await page.mouse.move(COST_BREAKDOWN_VIEWPORT.width / 2, COST_BREAKDOWN_VIEWPORT.height - 10);
  await page.waitForTimeout(500);
  await page.screenshot({ path: COST_BREAKDOWN_OUTPUT });
  console.log(`wrote ${path.relative(REPO_ROOT, COST_BREAKDOWN_OUTPUT)}`);
}

async function expand(row) {
  if ((await row.getAttribute('aria-expanded')) === 'false') await row.locator('.monaco-tl-twistie').click();
}

/** Drags the sash between the side bar and the editor so the tree's descriptions are not cut off. */
async function widenSideBar(page, width) {
  const box = await page.locator('.part.sidebar').boundingBox();
  if (!box) return;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width, y);
  await page.mouse.down();
  await page.mouse.move(width, y, { steps: 5 });
  await page.mouse.up();
}
