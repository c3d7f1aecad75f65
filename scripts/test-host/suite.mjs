// What both integration runners (run.mjs: offline web host, run-electron.mjs: @vscode/test-electron) share:
// an up-to-date extension bundle, the bundled suite, and a scratch copy of the workspace the tests open.
import { cpSync, existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { REPO_ROOT } from './setup.mjs';

const SUITE_SOURCE = path.join(REPO_ROOT, 'test', 'integration');
export const SUITE_OUT = path.join(REPO_ROOT, 'out', 'test', 'integration');
/** The module whose `run()` the extension host calls. */
export const SUITE_ENTRY = path.join(SUITE_OUT, 'index.js');

/**
 * The session a test file runs in: `*.restricted.test.ts` with workspace trust on (Restricted Mode),
 * `*.multiroot.test.ts` in a multi-root workspace, the rest in the examples folder.
 */
export function sessionOf(file) {
  return /\.(restricted|multiroot)\.test\.ts$/.exec(file)?.[1] ?? 'trusted';
}

export function defaultWorkspace() {
  const examples = path.join(REPO_ROOT, 'examples');
  return existsSync(examples) ? examples : path.join(REPO_ROOT, 'test', 'fixtures', 'workspace');
}

/** `npm test` has just built; a direct `npm run test:integration` after editing src/ has not. */
export async function buildExtensionIfStale(say) {
  const bundle = path.join(REPO_ROOT, 'dist', 'extension.js');
  const newestSource = Math.max(
    newestMtime(path.join(REPO_ROOT, 'src')),
    statSync(path.join(REPO_ROOT, 'package.json')).mtimeMs,
  );
  if (existsSync(bundle) && statSync(bundle).mtimeMs >= newestSource) return;
  say('building the extension (dist/ is older than src/)');
  await import(pathToFileURL(path.join(REPO_ROOT, 'scripts', 'build.mjs')).href);
}

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/**
 * Bundles index.ts and each test file on its own into out/test/integration/. `vscode` is the extension host's
 * module and mocha is loaded from node_modules at run time (the suite runs in the server's Node extension host,
 * so node modules resolve normally); everything else, including src/ modules the tests import, is bundled.
 */
export async function bundleSuite() {
  const tests = listFiles(SUITE_SOURCE).filter((f) => f.endsWith('.test.ts'));
  if (tests.length === 0) throw new Error(`no tests in ${path.relative(REPO_ROOT, SUITE_SOURCE)}/**/*.test.ts`);
  rmSync(SUITE_OUT, { recursive: true, force: true });
  await build({
    entryPoints: [path.join(SUITE_SOURCE, 'index.ts'), ...tests],
    outdir: SUITE_OUT,
    outbase: SUITE_SOURCE,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    external: ['vscode', 'mocha', 'mocha/*'],
    mainFields: ['module', 'main'],
    logLevel: 'error',
  });
  return tests;
}

function listFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? listFiles(full) : [full];
  });
}

/** Tests create and edit files; a scratch copy keeps examples/ clean even when a test dies half-way. */
export function copyWorkspace(source, scratchDir) {
  const workspace = path.join(scratchDir, path.basename(source));
  cpSync(source, workspace, { recursive: true, filter: (file) => path.basename(file) !== 'node_modules' });
  return workspace;
}
