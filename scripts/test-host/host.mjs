// A real VS Code for tests, screenshots, benchmarks and `npm start`: VS Code's own server (from code-server's npm
// package) on loopback, and its web client in headless Chromium driven by playwright-core.
//
//   const host = await startHost({ workspace, extensionDevelopmentPath, extensionTestsPath });
//   try { await host.page.screenshot({ path }) } finally { await host.stop() }
//
// `startServer` is the server alone (for a person's own browser); `startHost` adds the browser.
// See ../shared/docs/vscode-test-host.md for what each flag is for.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureTestHost } from './setup.mjs';

/** The server looks up an extension gallery at start; a closed loopback port makes that fail at once, offline. */
const LOOPBACK_GALLERY = JSON.stringify({
  serviceUrl: 'http://127.0.0.1:9/gallery',
  itemUrl: 'http://127.0.0.1:9/item',
  resourceUrlTemplate: 'http://127.0.0.1:9/r',
});
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // No host name resolves: the workbench is on the 127.0.0.1 literal, and webview resources on
  // *.vscode-resource.vscode-cdn.net are answered by the webview's service worker, so a request that would
  // leave the machine fails at once instead (on a machine with internet too).
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];
const SERVER_START_TIMEOUT_MS = 30_000;

/**
 * Starts VS Code's server on a free 127.0.0.1 port with fresh user-data, server-data and extensions folders.
 * - `userSettings` are written to the user's settings.json. Workspace trust is off unless `trust: true`
 *   (then the folder opens untrusted, in Restricted Mode, without the startup prompt).
 * - `env` is added to the server's environment; the extension host inherits it (our suite reads its options there).
 * - `install`: .vsix files installed into the fresh extensions folder before the server starts.
 * - `dataDir`: keep user data there (across runs) instead of a temporary folder.
 * - `port`: a fixed port instead of a free one.
 * - `onOutput(line)`: the server's log lines (default: dropped; pass console.log for --verbose).
 */
export async function startServer({
  port: requestedPort = 0,
  userSettings = {},
  trust = false,
  env = {},
  install = [],
  dataDir,
  onOutput = () => {},
  log = () => {},
} = {}) {
  const { serverMain } = await ensureTestHost({ log });
  const root = dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'swb-vscode-'));
  const dirs = {
    userData: path.join(root, 'user-data'),
    serverData: path.join(root, 'server-data'),
    extensions: path.join(root, 'extensions'),
  };
  for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });
  writeUserSettings(dirs.userData, { ...trustSettings(trust), ...userSettings });
  const dirArgs = [
    '--user-data-dir',
    dirs.userData,
    '--server-data-dir',
    dirs.serverData,
    '--extensions-dir',
    dirs.extensions,
  ];
  const serverEnv = { ...process.env, EXTENSIONS_GALLERY: LOOPBACK_GALLERY, ...env };
  for (const vsix of install) await installExtension(serverMain, dirArgs, serverEnv, vsix, onOutput);

  const args = [
    serverMain,
    '--host',
    '127.0.0.1',
    '--port',
    String(requestedPort),
    '--without-connection-token',
    '--accept-server-license-terms',
    '--disable-telemetry',
    ...dirArgs,
  ];
  // Its own process group, so stopping it also ends the extension host, pty host and file watcher it forks.
  const server = spawn(process.execPath, args, { env: serverEnv, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let stopped = false;
  const killGroup = (signal) => {
    try {
      process.kill(-server.pid, signal);
    } catch {
      /* already gone */
    }
  };
  const exited = new Promise((resolve) => server.once('exit', resolve));
  const removeData = () => {
    if (!dataDir) rmSync(root, { recursive: true, force: true });
  };
  const onExit = () => {
    // the process is ending without stop(): only synchronous work is possible
    killGroup('SIGKILL');
    removeData();
  };
  process.once('exit', onExit);

  const stop = async () => {
    if (stopped) return;
    stopped = true;
    process.removeListener('exit', onExit);
    killGroup('SIGTERM');
    const timer = setTimeout(() => killGroup('SIGKILL'), 3000);
    await exited;
    clearTimeout(timer);
    killGroup('SIGKILL'); // children that outlived the server
    removeData();
  };

  try {
    const port = await listeningPort(server, onOutput);
    return {
      port,
      dirs,
      stop,
      /** The workbench URL for a folder, with an extension under development and a test suite if given. */
      url: ({ workspace, extensionDevelopmentPath, extensionTestsPath } = {}) =>
        workbenchUrl(port, { workspace, extensionDevelopmentPath, extensionTestsPath }),
      /** The newest extension host log (the suite's errors and our extension's console output land there). */
      extensionHostLog: () => newestLog(path.join(dirs.userData, 'logs'), /^exthost\d*$/, 'remoteexthost.log'),
      /** The server's own log, for when no extension host started. */
      serverLog: () => newestLog(path.join(dirs.userData, 'logs'), null, 'remoteagent.log'),
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * Starts the server and opens the workbench in headless Chromium on `workspace`, with the extension at
 * `extensionDevelopmentPath` loaded from source and, if given, the suite at `extensionTestsPath` run by the
 * extension host. Returns `{ page, browser, server, url, stop }`; `stop()` always ends both, and so do
 * SIGINT, SIGTERM and an exception that ends the process.
 */
export async function startHost({
  workspace,
  extensionDevelopmentPath,
  extensionTestsPath,
  viewport = { width: 1440, height: 900 },
  ...serverOptions
}) {
  const { chromium: executablePath } = await ensureTestHost({ log: serverOptions.log });
  const server = await startServer(serverOptions);
  let browser;
  const stop = async () => {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    await browser?.close().catch(() => {});
    await server.stop();
  };
  const onSignal = (signal) => {
    stop().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const { chromium } = await import('playwright-core');
    // Our signal handlers stop browser and server in order; playwright's own would exit before the server stops.
    browser = await chromium.launch({
      executablePath,
      headless: true,
      args: CHROMIUM_ARGS,
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
    const page = await browser.newPage({ viewport });
    const url = server.url({ workspace, extensionDevelopmentPath, extensionTestsPath });
    await page.goto(url);
    return { page, browser, server, url, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Waits until the workbench has rendered its activity bar (the extension host starts shortly after). */
export async function waitForWorkbench(page, timeoutMs = 30_000) {
  await page.locator('.monaco-workbench .activitybar').waitFor({ state: 'visible', timeout: timeoutMs });
}

/**
 * VS Code's web build loads webview documents from `webviewContentExternalBaseUrlTemplate` (vscode-cdn.net),
 * which an offline machine cannot reach; code-server's server instead hands the workbench a `webviewEndpoint` on
 * its own static route (/stable-<commit>/static/out/vs/workbench/contrib/webview/browser/pre/), and its pre/index.html
 * accepts a parent on the same host name. So webviews render on loopback as they are; this reads what they show.
 */
const WEBVIEW_HOST_FRAME = /\/webview\/browser\/pre\/index\.html\?/;

/**
 * The documents our webviews (panels and views) currently show: `{ title, text, visible }` each, read from inside
 * their frames, which only the browser side can. Frames still loading or being replaced are left out.
 */
export async function webviewContents(page) {
  const contents = [];
  for (const frame of page.frames()) {
    const host = frame.parentFrame();
    if (!host || !WEBVIEW_HOST_FRAME.test(host.url())) continue;
    try {
      // The host keeps the shown document in #active-frame and loads the next one hidden in #pending-frame.
      if ((await (await frame.frameElement()).getAttribute('id')) !== 'active-frame') continue;
      const { title, text } = await frame.evaluate(() => ({
        title: document.title,
        text: document.body?.innerText ?? '',
      }));
      contents.push({ title, text, visible: await (await host.frameElement()).isVisible() });
    } catch {
      // detached while we read it: a document being replaced
    }
  }
  return contents;
}

/**
 * Clicks the element with id `id` in the visible webview document that has one, as a person would (Playwright
 * scrolls it into view and waits until it takes clicks); answers `clicked`, or `absent` when no shown document has it.
 */
export async function clickInWebview(page, id) {
  for (const frame of page.frames()) {
    const host = frame.parentFrame();
    if (!host || !WEBVIEW_HOST_FRAME.test(host.url())) continue;
    try {
      if ((await (await frame.frameElement()).getAttribute('id')) !== 'active-frame') continue;
      if (!(await (await host.frameElement()).isVisible())) continue;
      const target = frame.locator(`#${id}`);
      if ((await target.count()) === 0) continue;
      await target.click({ timeout: 5_000 });
      return 'clicked';
    } catch {
      // detached while we looked: a document being replaced
    }
  }
  return 'absent';
}

function workbenchUrl(port, { workspace, extensionDevelopmentPath, extensionTestsPath }) {
  const remote = (file) => `vscode-remote://127.0.0.1:${port}${path.resolve(file)}`;
  // VS Code's web embedding reads development options from `payload`; the server ignores them on its command line.
  const payload = [];
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  const query = new URLSearchParams();
  if (workspace) query.set(workspace.endsWith('.code-workspace') ? 'workspace' : 'folder', path.resolve(workspace));
  if (payload.length > 0) query.set('payload', JSON.stringify(payload));
  return `http://127.0.0.1:${port}/?${query}`;
}

function trustSettings(trust) {
  return trust
    ? { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never' }
    : { 'security.workspace.trust.enabled': false };
}

function writeUserSettings(userDataDir, settings) {
  const file = path.join(userDataDir, 'User', 'settings.json');
  mkdirSync(path.dirname(file), { recursive: true });
  let existing = {};
  try {
    existing = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    /* first run */
  }
  // Auto-save off: a test's unsaved edit must stay unsaved, as the features under test read the buffer.
  writeFileSync(
    file,
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'telemetry.telemetryLevel': 'off',
        'files.autoSave': 'off',
        ...existing,
        ...settings,
      },
      null,
      2,
    ),
  );
}

/** Reads the server's output until it says which port it bound; passes every line on to `onOutput`. */
function listeningPort(server, onOutput) {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(
      () => fail(new Error(`VS Code server did not start within ${SERVER_START_TIMEOUT_MS / 1000} s`)),
      SERVER_START_TIMEOUT_MS,
    );
    const fail = (error) => {
      clearTimeout(timer);
      reject(new Error(`${error.message}\n${output.split('\n').slice(-20).join('\n')}`));
    };
    const onData = (chunk) => {
      const text = chunk.toString();
      output += text;
      for (const line of text.split('\n')) if (line.trim()) onOutput(line);
      const match = /Extension host agent listening on (\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    server.stdout.on('data', onData);
    server.stderr.on('data', onData);
    server.once('exit', (code, signal) =>
      fail(new Error(`VS Code server exited during start (${signal ?? `exit ${code}`})`)),
    );
    server.once('error', fail);
  });
}

function installExtension(serverMain, dirArgs, env, vsix, onOutput) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [serverMain, ...dirArgs, '--install-extension', vsix, '--force'], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const collect = (chunk) => {
      output += chunk;
      for (const line of chunk.toString().split('\n')) if (line.trim()) onOutput(line);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 && !/Failed Installing/i.test(output)
        ? resolve()
        : reject(new Error(`installing ${vsix} into the VS Code server failed:\n${output.trim()}`)),
    );
  });
}

/** The newest `fileName` under logs/<session>/[<subdir matching subdirPattern>/]. */
function newestLog(logsDir, subdirPattern, fileName) {
  const candidates = [];
  const visit = (dir, depth) => {
    let entries = [];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && depth < 3) visit(full, depth + 1);
      else if (entry.name === fileName && (!subdirPattern || subdirPattern.test(path.basename(dir))))
        candidates.push(full);
    }
  };
  visit(logsDir, 0);
  candidates.sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  return candidates[0];
}
