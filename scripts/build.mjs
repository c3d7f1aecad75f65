// Bundles the extension and the CLI with esbuild. `vscode` stays external: the editor provides it.
// `esbuild` stays external too: the invoker compiles TypeScript handlers with it at run time (native binary).
import { build } from 'esbuild';
import { cpSync } from 'fs';
import { commonOptions } from './esbuild-common.mjs';

const common = commonOptions({ watch: process.argv.includes('--watch') });
await Promise.all([
  // The banner marks when the host starts evaluating our bundle, so activation time includes module loading.
  build({
    ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js',
    banner: { js: 'globalThis.__swbLoadStart = performance.now();' },
    // Features loaded on first use come from their own bundles below, not from this one.
    define: { SWB_FEATURE_BUNDLES: 'true' },
  }),
  // The local invoker (src/vscode/invoke/core.ts loads it on the first invocation).
  build({ ...common, entryPoints: ['src/core/invoke/index.ts'], outfile: 'dist/invoke.js' }),
  build({ ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js' }),
  // The AWS SDK, loaded only on the first remote invocation (src/core/invoke/remote/sdk.ts).
  build({ ...common, mainFields: ['main'], entryPoints: ['src/core/invoke/remote/aws-sdk-bundle.ts'], outfile: 'dist/aws-sdk-bundle.js' }),
]);
// The runtime clients run inside function processes, as files (src/core/invoke/executables.ts: clientPath).
cpSync('src/core/invoke/clients', 'dist/clients', { recursive: true });
