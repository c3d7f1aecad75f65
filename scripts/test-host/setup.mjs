// Installs the offline test host: VS Code's server and web client from the `code-server` npm package, and Debian's
// Chromium to drive the web client. @vscode/test-electron downloads VS Code from Microsoft, which these machines
// cannot reach; ../shared/docs/vscode-test-host.md records why each step below is needed.
//
// Usage: node scripts/test-host/setup.mjs   (idempotent; `startHost` calls it too)
// Env: SWB_TEST_HOST_DIR shares one install between checkouts; CHROME_PATH names a Chromium to use instead.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The last code-server line that runs on Node 20; it ships VS Code 1.100.3. */
export const CODE_SERVER_VERSION = '4.100.3';
/** Native modules the server loads; `kerberos` is left unbuilt (only proxy authentication needs it). */
const NATIVE_MODULES = ['@vscode/spdlog', 'native-watchdog', 'node-pty'];
const CHROMIUM_FLAGS_DOC = '../shared/docs/vscode-test-host.md';

export function testHostDir() {
  return path.resolve(process.env.SWB_TEST_HOST_DIR ?? path.join(REPO_ROOT, '.vscode-test'));
}

function installDir() {
  return path.join(testHostDir(), `code-server-${CODE_SERVER_VERSION}`);
}

export function vscodeDir() {
  return path.join(installDir(), 'node_modules', 'code-server', 'lib', 'vscode');
}

export function serverMain() {
  return path.join(vscodeDir(), 'out', 'server-main.js');
}

/** Ensures VS Code's server and a Chromium are available; returns their paths. Prints each step it takes. */
export async function ensureTestHost({ log = console.log } = {}) {
  const started = Date.now();
  const installed = installVscodeServer(log);
  linkRipgrep(log, vscodeDir());
  const chromium = ensureChromium(log);
  if (installed) log(`test host ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { serverMain: serverMain(), vscodeDir: vscodeDir(), chromium };
}

/** Returns true when it installed something, false when the marker said the install is complete. */
function installVscodeServer(log) {
  const marker = path.join(installDir(), '.swb-setup-complete');
  if (existsSync(marker)) return false;
  return withLock(path.join(testHostDir(), '.setup-lock'), log, () => {
    if (existsSync(marker)) return false;
    const dir = installDir();
    mkdirSync(dir, { recursive: true });
    // A package.json of its own keeps npm from walking up into the repository's package.json.
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ private: true, name: 'swb-test-host' }) + '\n');
    log(`setting up the VS Code test host in ${dir} (about a minute, once)`);
    // code-server's postinstall downloads ripgrep from GitHub, so scripts stay off and we do its work below.
    npm(
      log,
      dir,
      ['install', `code-server@${CODE_SERVER_VERSION}`, '--ignore-scripts', '--no-audit', '--no-fund', '--no-save'],
      { retry: true },
    );
    const vscode = vscodeDir();
    npm(log, vscode, ['install', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'], { retry: true });
    npm(
      log,
      path.join(vscode, 'extensions'),
      ['install', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'],
      { retry: true },
    );
    // node-pty's install script runs `npx node-gyp`, which would stop to ask without npm_config_yes; JOBS=max
    // lets node-gyp compile on every core.
    npm(log, vscode, ['rebuild', ...NATIVE_MODULES], { env: { npm_config_yes: 'true', JOBS: 'max' } });
    const asar = path.join(vscode, 'node_modules.asar');
    if (!existsSync(asar)) symlinkSync('node_modules', asar);
    writeFileSync(marker, JSON.stringify({ codeServer: CODE_SERVER_VERSION, at: new Date().toISOString() }) + '\n');
    return true;
  });
}

/**
 * VS Code finds files (`workspace.findFiles`, `workspaceContains` activation) with ripgrep; the skipped
 * postinstall would have downloaded it, Debian's package replaces it.
 */
function linkRipgrep(log, vscode) {
  const target = path.join(vscode, 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg');
  if (existsSync(target)) return;
  const rg = ensureDebianPackage(log, {
    binary: '/usr/bin/rg',
    pkg: 'ripgrep',
    why: 'VS Code finds workspace files with it',
  });
  mkdirSync(path.dirname(target), { recursive: true });
  symlinkSync(rg, target);
  log(`linked ${path.relative(testHostDir(), target)} -> ${rg}`);
}

/** CHROME_PATH, else Debian's /usr/bin/chromium. */
export function ensureChromium(log = console.log) {
  if (process.env.CHROME_PATH) {
    if (!existsSync(process.env.CHROME_PATH)) throw new Error(`CHROME_PATH=${process.env.CHROME_PATH} does not exist`);
    return process.env.CHROME_PATH;
  }
  return ensureDebianPackage(log, {
    binary: '/usr/bin/chromium',
    pkg: 'chromium',
    why:
      `it drives VS Code's web client (or point CHROME_PATH at a Chromium or Chrome binary; ` +
      `see ${CHROMIUM_FLAGS_DOC})`,
  });
}

/** Returns `binary`, installing Debian's `pkg` with apt-get when it is missing and we are root. */
function ensureDebianPackage(log, { binary, pkg, why }) {
  if (existsSync(binary)) return binary;
  if (process.getuid?.() !== 0 || !hasCommand('apt-get')) {
    throw new Error(
      `${binary} is missing: ${why}.\nInstall it with:  sudo apt-get update && sudo apt-get install -y ${pkg}`,
    );
  }
  log(`installing Debian ${pkg} (${why})`);
  if (!aptListsFresh) {
    run(log, 'apt-get', ['update'], {});
    aptListsFresh = true;
  }
  run(log, 'apt-get', ['install', '-y', '--no-install-recommends', pkg], {
    env: { DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (!existsSync(binary)) throw new Error(`apt-get install ${pkg} finished but ${binary} is still missing`);
  return binary;
}
let aptListsFresh = false;

function hasCommand(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

function npm(log, cwd, args, { env = {}, retry = false } = {}) {
  try {
    run(log, 'npm', args, { cwd, env });
  } catch (error) {
    if (!retry) throw error;
    log(`retrying once: ${String(error.message).split('\n')[0]}`);
    run(log, 'npm', args, { cwd, env });
  }
}

/** Runs a command, showing only its output's tail when it fails, so a healthy setup prints one line per step. */
function run(log, command, args, { cwd = REPO_ROOT, env = {} }) {
  const started = Date.now();
  log(
    `$ ${command} ${args.join(' ')}${cwd === REPO_ROOT ? '' : `   (in ${path.relative(testHostDir(), cwd) || '.'})`}`,
  );
  const result = spawnSync(command, args, {
    cwd,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  if (result.status !== 0) {
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim().split('\n').slice(-30).join('\n');
    throw new Error(
      `${command} ${args.join(' ')} failed (${result.error?.message ?? `exit ${result.status}`}) in ${cwd}:\n${output}`,
    );
  }
  log(`  done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** A directory lock so two checkouts sharing SWB_TEST_HOST_DIR do not install into the same folder at once. */
function withLock(lockDir, log, work) {
  mkdirSync(path.dirname(lockDir), { recursive: true });
  const staleAfterMs = 10 * 60_000;
  for (let waitedMs = 0; ; waitedMs += 1000) {
    try {
      mkdirSync(lockDir);
      writeFileSync(path.join(lockDir, 'pid'), String(process.pid));
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      if (Date.now() - statSync(lockDir).mtimeMs > staleAfterMs || !lockHolderAlive(lockDir)) {
        rmSync(lockDir, { recursive: true, force: true });
        continue;
      }
      if (waitedMs === 0) log(`waiting for another setup of ${path.dirname(lockDir)} to finish`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1000);
    }
  }
  try {
    return work();
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}

function lockHolderAlive(lockDir) {
  let pid;
  try {
    pid = Number(readFileSync(path.join(lockDir, 'pid'), 'utf8'));
  } catch {
    return Date.now() - statSync(lockDir).mtimeMs < 10_000; // the holder may not have written its pid yet
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const host = await ensureTestHost();
    console.log(`VS Code server: ${host.serverMain}\nChromium: ${host.chromium}`);
  } catch (error) {
    console.error(`test host setup failed: ${error.message}`);
    process.exit(1);
  }
}
