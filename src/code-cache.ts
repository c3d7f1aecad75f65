import { createHash } from 'crypto';
import * as fs from 'fs';
import { createRequire } from 'module';
import * as os from 'os';
import * as path from 'path';
import * as vm from 'vm';

/**
 * Requires one of our CommonJS bundles with V8's code cache, so that a command line or the extension starts without
 * parsing and compiling the bundle again. The cache is written once the bundle has run for a while (`writeWhen`:
 * when a command line exits, some seconds after the extension's activation), so it holds the functions compiled on
 * the way and not only the top level (Node's `vm.Script`: "createCachedData"). This works the same on Node 20 and
 * later; `module.enableCompileCache()` exists only from Node 22.1.
 *
 * The cache lives in the temporary folder, never in the installed package, which may not be writable. Its file
 * name carries a hash of the bundle's text and of the Node version, so an upgraded bundle or Node never meets an
 * old cache. A cache that is missing, unreadable, rejected by V8 (corrupt, or from other V8 flags) or in a folder
 * another user could write is ignored, and the bundle is compiled from its text as `require` would.
 */
export function requireWithCodeCache(file: string, writeWhen: CacheWriteMoment = atExit): unknown {
  const source = fs.readFileSync(file, 'utf8');
  const cacheFile = cacheFileOf(file, source);
  const cachedData = cacheFile === undefined ? undefined : readIfPresent(cacheFile);
  // Node's own CommonJS wrapper, on the bundle's first line, so that line and column numbers stay the same.
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const script = new vm.Script(wrapped, {
    filename: file,
    cachedData,
    // What a dynamic import() in the bundle resolves with, as under require (Node 20.17 and later; ours use require).
    importModuleDynamically: vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  if (cacheFile !== undefined && (cachedData === undefined || script.cachedDataRejected)) {
    writeWhen(() => writeAtomically(cacheFile, script.createCachedData()));
  }
  const module = { exports: {} as unknown };
  const run = script.runInThisContext() as CommonJsWrapper;
  run.call(module.exports, module.exports, createRequire(file), module, file, path.dirname(file));
  return module.exports;
}

/** Calls `write` when the bundle has compiled what a typical run needs. */
export type CacheWriteMoment = (write: () => void) => void;

/** A command line's: when its process exits, after the command ran. */
export const atExit: CacheWriteMoment = (write) => process.once('exit', write);

/**
 * Long enough after loading for activation and the first analysis of the open template (or a chunk's first requests)
 * to have compiled their functions, which then come from the cache in the next window; short enough that a window
 * opened briefly writes it.
 */
const CACHE_WRITE_DELAY_MS = 3000;

/** The extension's: a while after loading, since the extension host is stopped rather than exited. */
export const aWhileAfterLoading: CacheWriteMoment = (write) => setTimeout(write, CACHE_WRITE_DELAY_MS).unref();

type CommonJsWrapper = (
  exports: unknown,
  require: NodeJS.Require,
  module: { exports: unknown },
  filename: string,
  dirname: string,
) => void;

/** The cache file for this bundle text, or undefined when there is no private folder to keep it in. */
export function cacheFileOf(file: string, source: string): string | undefined {
  const folder = privateCacheFolder();
  if (folder === undefined) return undefined;
  // The path is part of the key: two checkouts with the same bundle text must not share compiled code, whose script
  // name (and so where its relative imports resolve) is the first one's.
  const hash = createHash('sha256').update(process.version).update('\0').update(file).update('\0').update(source);
  const key = hash.digest('hex').slice(0, CACHE_KEY_LENGTH);
  return path.join(folder, `${path.basename(file, '.js')}-${key}.v8cache`);
}

/** Enough of the hash that two bundles never share a name by chance. */
const CACHE_KEY_LENGTH = 32;
/** Only the owner may read, write or list the cache folder, or read and write a cache file. */
const PRIVATE_FOLDER_MODE = 0o700;
const PRIVATE_FILE_MODE = 0o600;
/** Permission bits that let a group or other users write into a folder. */
const WRITABLE_BY_OTHERS = 0o022;

/**
 * `<tmp>/serverless-workbench-<user id>`, created readable and writable by this user only. Code cache is code: a
 * folder another user could write into (a shared /tmp where someone made it first) is not used at all.
 */
function privateCacheFolder(): string | undefined {
  const uid = process.getuid?.();
  try {
    const folder = path.join(os.tmpdir(), `serverless-workbench-${uid ?? os.userInfo().username}`);
    fs.mkdirSync(folder, { mode: PRIVATE_FOLDER_MODE, recursive: true });
    const stat = fs.lstatSync(folder);
    const isPrivate =
      stat.isDirectory() && (uid === undefined || stat.uid === uid) && (stat.mode & WRITABLE_BY_OTHERS) === 0;
    return isPrivate ? folder : undefined;
  } catch {
    return undefined;
  }
}

function readIfPresent(file: string): Buffer | undefined {
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Through a temporary name, so that a process starting at the same moment never reads half a file. */
function writeAtomically(file: string, data: Buffer): void {
  const partial = `${file}.${process.pid}.partial`;
  try {
    fs.writeFileSync(partial, data, { mode: PRIVATE_FILE_MODE });
    fs.renameSync(partial, file);
  } catch {
    fs.rmSync(partial, { force: true });
  }
}
