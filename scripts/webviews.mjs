// Webview pages run in the editor's browser, not in Node: separate bundles (script and stylesheet each),
// so the graph layout and chart libraries never weigh on the extension's own bundle. The browser tests
// build the same bundles into a temporary folder, so they always test the current source.
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const WEBVIEW_ENTRIES = {
  graph: 'src/webview/graph/main.ts',
  charts: 'src/webview/charts/main.ts',
};

export async function buildWebviews({ outdir, watch = false }) {
  await build({
    entryPoints: Object.fromEntries(Object.entries(WEBVIEW_ENTRIES).map(([name, entry]) => [name, path.join(REPO_ROOT, entry)])),
    outdir, bundle: true, platform: 'browser', target: 'chrome120', format: 'iife',
    sourcemap: watch, minify: !watch, logLevel: 'warning',
  });
}
