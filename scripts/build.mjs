// Bundles the extension and the CLI with esbuild. `vscode` stays external: the editor provides it.
import { build } from 'esbuild';
import { buildWebviews } from './webviews.mjs';

const watch = process.argv.includes('--watch');
const common = {
  bundle: true, platform: 'node', target: 'node20', format: 'cjs',
  sourcemap: true, minify: !watch, logLevel: 'warning',
  external: ['vscode'],
  // jsonc-parser's default entry is UMD with dynamic requires that esbuild cannot follow; its ESM build bundles.
  mainFields: ['module', 'main'],
};
await Promise.all([
  build({ ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js' }),
  build({ ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js' }),
]);

await buildWebviews({ outdir: 'dist/webview', watch });
