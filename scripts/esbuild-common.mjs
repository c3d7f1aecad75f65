// esbuild options shared by the bundles (scripts/build.mjs) and the benchmark that measures the bundled core.
import { fileURLToPath } from 'url';

export function commonOptions({ watch = false } = {}) {
  return {
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: true,
    minify: !watch,
    logLevel: 'warning',
    external: ['vscode', 'esbuild'],
    // jsonc-parser's default entry is UMD with dynamic requires that esbuild cannot follow; its ESM build bundles.
    mainFields: ['module', 'main'],
    alias: {
      // yaml's Node build reads process.env.LOG_TOKENS for every token its parser sees, a call into the
      // runtime that costs a fifth of a large template's model build (bench/model.mjs); its browser build
      // is the same code and version without that debug hook.
      yaml: fileURLToPath(new URL('../node_modules/yaml/browser/index.js', import.meta.url)),
    },
  };
}
