import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { findOnPath } from '../executables';
import { pythonCommand } from '../interpreters';
import { installItYourself, runtimeSdkDir, runtimeSdkModules, runtimeSdkOf, type RuntimeSdk } from './sdk';

/** What one fetch needs: the SDK, the packages, and where they go. */
export interface SdkFetch {
  readonly runtime: string;
  readonly sdk: RuntimeSdk;
  readonly packages: readonly string[];
  /** The cache folder for this SDK version (holds `node_modules` or `site-packages`). */
  readonly dir: string;
}

/** Puts `fetch.packages` into `fetch.dir`; throws with the tool's own reason when it cannot. */
export type SdkInstaller = (fetch: SdkFetch) => Promise<void>;

export interface EnsureSdkOptions {
  /** Asked once per fetch, before anything is downloaded; false leaves the cache as it is. */
  readonly consent: (fetch: SdkFetch) => Promise<boolean>;
  /** Runs the download under a progress report saying what is fetched (a notification, a line on stderr). */
  readonly withProgress?: (message: string, download: () => Promise<void>) => Promise<void>;
  /** How the user allows fetching where they answered no, e.g. "run again with --fetch-sdk". */
  readonly howToAllow?: string;
  /** The function's code folder, named in the advice to install the package there instead. */
  readonly codeDir: string;
  readonly installer?: SdkInstaller;
  readonly env?: NodeJS.ProcessEnv;
}

export type SdkOutcome =
  | { readonly ok: true; readonly modules: string; readonly fetched: readonly string[] }
  | { readonly ok: false; readonly message: string };

/** A registry download of the SDK's packages and their dependencies; npm and pip give up long before on their own. */
const INSTALL_TIMEOUT_MS = 5 * 60_000;
/** How often a waiting process looks whether another one's install has finished. */
const LOCK_POLL_MS = 250;

/**
 * Makes the runtime's SDK packages importable from the per-user cache: nothing to do when they are there,
 * else, with the user's consent, fetched from the package registry (one install at a time per SDK version,
 * across processes). An unknown runtime, a refusal or a failed download answers with what to install instead.
 */
export async function ensureRuntimeSdk(
  runtime: string,
  packages: readonly string[],
  options: EnsureSdkOptions,
): Promise<SdkOutcome> {
  const sdk = runtimeSdkOf(runtime);
  const named = packages.join(', ');
  if (!sdk)
    return {
      ok: false,
      message: `${named} is not part of a runtime Serverless Workbench can provide locally (${runtime}).`,
    };
  const env = options.env ?? process.env;
  const modules = runtimeSdkModules(sdk, env);
  const wanted = packages.filter((pkg) => !isInstalled(sdk, modules, pkg));
  if (wanted.length === 0) return { ok: true, modules, fetched: [] };
  const fetch: SdkFetch = { runtime, sdk, packages: wanted, dir: runtimeSdkDir(sdk, env) };
  const instead = wanted.map((pkg) => installItYourself(sdk, pkg, options.codeDir)).join('; or ');
  const provided = `${namesVerb(wanted)} part of the ${runtime} runtime in Lambda (${sdk.name})`;
  const allow = options.howToAllow ?? "allow Serverless Workbench to fetch the runtime's SDK";
  if (!(await options.consent(fetch)))
    return {
      ok: false,
      message: `${provided} and not installed here: ${allow}, or ${instead}.`,
    };
  try {
    await withInstallLock(fetch.dir, async () => {
      const still = wanted.filter((pkg) => !isInstalled(sdk, modules, pkg));
      if (still.length === 0) return;
      const download = () => (options.installer ?? defaultInstaller)({ ...fetch, packages: still });
      const message = `Fetching ${still.join(', ')} (${sdk.name} ${sdk.version}) from ${sdk.registry}`;
      await (options.withProgress ? options.withProgress(message, download) : download());
    });
  } catch (error) {
    return {
      ok: false,
      message:
        `${provided}, and it could not be fetched from ${sdk.registry} (${(error as Error).message}): ` + `${instead}.`,
    };
  }
  const missing = wanted.filter((pkg) => !isInstalled(sdk, modules, pkg));
  if (missing.length > 0)
    return { ok: false, message: `${provided}; the install finished without ${missing.join(', ')}: ${instead}.` };
  return { ok: true, modules, fetched: wanted };
}

/** The question to ask before fetching, naming what, from where, and into which folder. */
export function fetchQuestion(fetch: SdkFetch): string {
  return (
    `${namesVerb(fetch.packages)} part of the ${fetch.runtime} runtime in Lambda, not of the function. ` +
    `Fetch ${fetch.sdk.name} ${fetch.sdk.version} packages from ${fetch.sdk.registry} into ` +
    `${fetch.dir} (shared by all your workspaces) and run the function again?`
  );
}

function namesVerb(packages: readonly string[]): string {
  return `${packages.join(', ')} ${packages.length > 1 ? 'are' : 'is'}`;
}

function isInstalled(sdk: RuntimeSdk, modules: string, pkg: string): boolean {
  return sdk.family === 'nodejs'
    ? fs.existsSync(path.join(modules, pkg, 'package.json'))
    : fs.existsSync(path.join(modules, pkg, '__init__.py'));
}

/** The registry's requirement: the runtime's version exactly, or its newest release under `<major>.x`. */
export function packageSpec(sdk: RuntimeSdk, pkg: string): string {
  const major = /^(\d+)\.x$/.exec(sdk.version)?.[1];
  if (sdk.family === 'nodejs')
    // Not every client is published at every SDK version: the newest one not newer than the runtime's.
    return major ? `${pkg}@${major}` : `${pkg}@<=${sdk.version}`;
  return major ? `${pkg}>=${major},<${Number(major) + 1}` : `${pkg}==${sdk.version}`;
}

/**
 * npm into `<dir>/node_modules`, recorded in the cache's own package.json (an install of one package with
 * --no-save would prune the ones fetched before); pip into `<dir>/site-packages`. No install scripts run.
 */
const defaultInstaller: SdkInstaller = async (fetch) => {
  fs.mkdirSync(fetch.dir, { recursive: true });
  const specs = fetch.packages.map((pkg) => packageSpec(fetch.sdk, pkg));
  if (fetch.sdk.family === 'nodejs') {
    const manifest = path.join(fetch.dir, 'package.json');
    if (!fs.existsSync(manifest)) fs.writeFileSync(manifest, '{ "private": true }\n');
    const npm = findOnPath(['npm']);
    if (!npm) throw new Error('npm is not on PATH');
    await run(npm, [
      'install',
      '--prefix',
      fetch.dir,
      '--ignore-scripts',
      '--no-audit',
      '--no-fund',
      '--save-exact',
      ...specs,
    ]);
    return;
  }
  const python = pythonCommand(fetch.runtime);
  if (!python) throw new Error('no Python on PATH to run pip');
  await run(python, [
    '-m',
    'pip',
    'install',
    '--target',
    path.join(fetch.dir, 'site-packages'),
    '--no-input',
    '--disable-pip-version-check',
    '--quiet',
    ...specs,
  ]);
};

function run(command: string, args: readonly string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      stdio: ['ignore', 'ignore', 'pipe'],
      timeout: INSTALL_TIMEOUT_MS,
      shell: process.platform === 'win32' && command.endsWith('.cmd'),
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0) return resolve();
      const reason = stderr.trim().split('\n').filter(Boolean).slice(-1)[0];
      reject(
        new Error(
          `${path.basename(command)} ${signal ? `was stopped (${signal})` : `exited with ${code}`}` +
            (reason ? `: ${reason}` : ''),
        ),
      );
    });
  });
}

/**
 * One install per cache folder at a time, across processes: a lock folder (mkdir is atomic), stale after the
 * install timeout.
 */
async function withInstallLock(dir: string, work: () => Promise<void>): Promise<void> {
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  const lock = `${dir}.lock`;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (isStale(lock)) fs.rmSync(lock, { recursive: true, force: true });
      else await new Promise((r) => setTimeout(r, LOCK_POLL_MS));
    }
  }
  try {
    await work();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

function isStale(lock: string): boolean {
  try {
    return Date.now() - fs.statSync(lock).mtimeMs > INSTALL_TIMEOUT_MS;
  } catch {
    return false;
  }
}
