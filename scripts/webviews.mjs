// Webview pages run in the editor's browser, not in Node: separate bundles (script and stylesheet each),
// so the graph layout and chart libraries never weigh on the extension's own bundle. The browser tests
// build the same bundles into a temporary folder, so they always test the current source.
import { build } from 'esbuild';
import { cpSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const WEBVIEW_ENTRIES = {
  graph: 'src/webview/graph/main.ts',
  charts: 'src/webview/charts/main.ts',
  logs: 'src/webview/logs/main.ts',
  invoke: 'src/webview/invoke/main.ts',
  review: 'src/webview/review/main.ts',
};

/** MIT asks for the notice to travel with the code: the licences of what the bundles carry sit beside them. */
const LICENCES = {
  'dagre.LICENSE.txt': 'node_modules/@dagrejs/dagre/LICENSE',
  'graphlib.LICENSE.txt': 'node_modules/@dagrejs/graphlib/LICENSE',
  'chart.js.LICENSE.md': 'node_modules/chart.js/LICENSE.md',
};

export async function buildWebviews({ outdir, watch = false }) {
  mkdirSync(outdir, { recursive: true });
  for (const [name, file] of Object.entries(LICENCES)) cpSync(path.join(REPO_ROOT, file), path.join(outdir, name));
  await build({
    entryPoints: Object.fromEntries(
      Object.entries(WEBVIEW_ENTRIES).map(([name, entry]) => [name, path.join(REPO_ROOT, entry)]),
    ),
    outdir,
    bundle: true,
    platform: 'browser',
    target: 'chrome120',
    format: 'iife',
    sourcemap: watch,
    minify: !watch,
    logLevel: 'warning',
  });
}
