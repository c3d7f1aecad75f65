// npm run test:integration: runs test/integration/**/*.test.ts inside a real VS Code (the offline test host),
// first with workspace trust off, then `*.restricted.test.ts` with trust on (Restricted Mode), then
// `*.multiroot.test.ts` on a multi-root workspace of the examples' folders.
//
// Options: --verbose (server and extension host output), --grep <regexp>, --timeout <seconds per session>,
//          --workspace <folder> (default: a copy of examples/).
// Prints one line per test, the failures with their messages, and last `N passed, N failed[, N skipped]`.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SourceMap } from 'node:module';
import { parseArgs } from 'node:util';
import { clickInWebview, startHost, webviewContents } from './host.mjs';
import { ensureTestHost, REPO_ROOT } from './setup.mjs';
import {
  buildExtensionIfStale,
  bundleSuite,
  copyWorkspace,
  defaultWorkspace,
  sessionOf,
  SUITE_ENTRY,
  SUITE_OUT,
} from './suite.mjs';

/** The suite must say it started within this time, or the extension host is not running it at all. */
const SUITE_START_TIMEOUT_MS = 90_000;
const LOG_TAIL_LINES = 60;
/** Where pictures the suite asks for with `screenshot(name)` (test/integration/report.ts) are saved. */
const SCREENSHOT_DIR = path.join(REPO_ROOT, 'test-results', 'screenshots');

/** What the suite may ask the runner for (test/integration/report.ts): `<kind>-<name>.request` files. */
const REQUESTS = {
  /** A PNG of the workbench as a person sees it; answers with its path. */
  screenshot: async (page, name) => {
    const target = path.join(SCREENSHOT_DIR, `${name}.png`);
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: target });
    return target;
  },
  /** What the webviews show, as JSON (`webviewContents` in host.mjs). */
  webviews: async (page) => JSON.stringify(await webviewContents(page)),
  /** A click on the element `#<name>` of a shown webview (`clickInWebview` in host.mjs); answers clicked or absent. */
  click: async (page, name) => clickInWebview(page, name),
};

const { values: options } = parseArgs({
  options: {
    verbose: { type: 'boolean', default: false },
    grep: { type: 'string' },
    timeout: { type: 'string', default: '900' },
    workspace: { type: 'string' },
  },
});
const say = (line = '') => process.stdout.write(line + '\n');
const verbose = options.verbose ? say : () => {};

const sessions = [];
let exitCode = 1;
try {
  await buildExtensionIfStale(say);
  const testFiles = await bundleSuite();
  await ensureTestHost({ log: say }); // once, before the sessions: a missing Chromium is reported a single time
  const workspaceSource = options.workspace ? path.resolve(options.workspace) : defaultWorkspace();
  const configurations = [
    { name: 'trusted', trust: false },
    { name: 'restricted', trust: true },
    { name: 'multiroot', trust: false, multiRoot: true },
  ]
    .map((c) => ({ ...c, files: testFiles.filter((f) => sessionOf(f) === c.name) }))
    .filter((c) => c.files.length > 0);
  for (const configuration of configurations) {
    sessions.push(await runSession(configuration, workspaceSource));
  }
  exitCode = printSummary(sessions);
} catch (error) {
  say(`\nintegration tests could not run: ${error.message}`);
  exitCode = 1;
}
process.exit(exitCode);

/** One VS Code session: a fresh copy of the workspace, the suite run by the extension host, results collected. */
async function runSession({ name, trust, files, multiRoot }, workspaceSource) {
  const scratch = mkdtempSync(path.join(os.tmpdir(), `swb-integration-${name}-`));
  const reportDir = path.join(scratch, 'report');
  const removeScratch = () => rmSync(scratch, { recursive: true, force: true });
  process.once('exit', removeScratch); // also after Ctrl-C, which startHost answers by stopping and exiting
  const copy = copyWorkspace(workspaceSource, scratch);
  const workspace = multiRoot ? multiRootWorkspace(copy, scratch) : copy;
  mkdirSync(reportDir);
  const title =
    { restricted: 'Restricted Mode (workspace trust on)', multiroot: 'VS Code, multi-root workspace' }[name] ??
    'VS Code';
  say(
    `\n${title}: ${files.length} test file${files.length === 1 ? '' : 's'} ` +
      `on ${path.relative(REPO_ROOT, workspaceSource) || workspaceSource}/`,
  );

  const session = { name, results: [], error: undefined, seconds: 0 };
  const started = Date.now();
  let host;
  try {
    host = await startHost({
      workspace,
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath: SUITE_ENTRY,
      trust,
      env: {
        SWB_TEST_REPORT_DIR: reportDir,
        SWB_TEST_SUITE: name,
        ...(options.grep ? { SWB_TEST_GREP: options.grep } : {}),
      },
      onOutput: (line) => verbose(`  [server] ${line}`),
      log: say,
    });
    if (options.verbose) host.page.on('console', (message) => say(`  [browser] ${message.text()}`));
    await followSuite(host, reportDir, session, Number(options.timeout) * 1000);
  } catch (error) {
    session.error = error.message;
  } finally {
    session.seconds = (Date.now() - started) / 1000;
    const failed = session.error || session.results.some((r) => r.state === 'failed');
    if (failed && host) {
      const extensionHostLog = host.server.extensionHostLog();
      printLogTail(extensionHostLog ?? host.server.serverLog(), extensionHostLog ? 'extension host log' : 'server log');
    }
    await host?.stop();
    process.removeListener('exit', removeScratch);
    removeScratch();
  }
  return session;
}

/** A `.code-workspace` whose folders are the workspace's subfolders (examples/sam-app, examples/serverless-app). */
function multiRootWorkspace(workspace, scratch) {
  const folders = readdirSync(workspace, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
    .map((e) => ({ path: path.join(workspace, e.name) }));
  const file = path.join(scratch, 'examples.code-workspace');
  writeFileSync(file, JSON.stringify({ folders }, null, 2));
  return file;
}

/**
 * Tails events.jsonl, prints each result, answers the suite's requests (screenshots, webview contents), and returns at
 * the sentinel or throws.
 */
async function followSuite(host, reportDir, session, timeoutMs) {
  const eventsFile = path.join(reportDir, 'events.jsonl');
  const doneFile = path.join(reportDir, 'done');
  const deadline = Date.now() + timeoutMs;
  const startDeadline = Date.now() + Math.min(SUITE_START_TIMEOUT_MS, timeoutMs);
  let consumed = 0;
  let startedSuite = false;
  let running;
  for (;;) {
    const finished = existsSync(doneFile); // read before the events, so none written before it is missed
    const text = existsSync(eventsFile) ? readFileSync(eventsFile, 'utf8') : '';
    const complete = text.slice(0, text.lastIndexOf('\n') + 1);
    for (const line of complete.slice(consumed).split('\n').filter(Boolean)) {
      const event = JSON.parse(line);
      if (event.event === 'start') startedSuite = true;
      if (event.event === 'begin') running = event.title;
      if (event.event === 'test') {
        session.results.push(event);
        printResult(event);
      }
    }
    consumed = complete.length;
    await serveRequests(host.page, reportDir);
    if (finished) {
      const outcome = JSON.parse(readFileSync(doneFile, 'utf8'));
      if (outcome.error) throw new Error(`the suite stopped with an error:\n${outcome.error}`);
      return;
    }
    if (!startedSuite && Date.now() > startDeadline) {
      throw new Error(
        `the extension host did not start the suite within ${Math.min(SUITE_START_TIMEOUT_MS, timeoutMs) / 1000} s`,
      );
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs / 1000} s${running ? ` while running "${running}"` : ''}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function serveRequests(page, reportDir) {
  for (const file of readdirSync(reportDir)) {
    const match = /^([a-z]+)-([\w-]+)\.request$/.exec(file);
    if (!match || !Object.hasOwn(REQUESTS, match[1])) continue;
    rmSync(path.join(reportDir, file));
    const answer = await REQUESTS[match[1]](page, match[2]);
    // Written aside and renamed, so the suite never reads half an answer.
    const done = path.join(reportDir, `${match[1]}-${match[2]}.done`);
    writeFileSync(`${done}.partial`, answer);
    renameSync(`${done}.partial`, done);
  }
}

function printResult(result) {
  const duration = result.durationMs >= 100 ? ` (${result.durationMs} ms)` : '';
  const mark = { passed: '✓', failed: '✗', skipped: '-' }[result.state];
  say(`  ${mark} ${result.title}${result.state === 'skipped' ? ' (skipped)' : duration}`);
}

function printLogTail(file, what) {
  if (!file || !existsSync(file)) return;
  const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
  say(`\n--- last ${Math.min(LOG_TAIL_LINES, lines.length)} lines of the ${what} (${file}) ---`);
  for (const line of lines.slice(-LOG_TAIL_LINES)) say(line);
  say('--- end of log ---');
}

function printSummary(all) {
  const results = all.flatMap((s) => s.results);
  const count = (state) => results.filter((r) => r.state === state).length;
  const failures = results.filter((r) => r.state === 'failed');
  if (failures.length > 0) say('\nFailures:');
  failures.forEach((failure, index) => {
    say(`\n  ${index + 1}) ${failure.title}${failure.file ? `  [${failure.file.replace(/\.js$/, '.ts')}]` : ''}`);
    const stack = sourceMappedStack(failure.stack ?? failure.message ?? '').split('\n');
    for (const line of stack.slice(0, 12)) say(`     ${line}`);
  });
  for (const session of all.filter((s) => s.error)) say(`\n${session.name} session failed: ${session.error}`);
  say(`\n(${all.map((s) => `${s.name} session ${s.seconds.toFixed(1)} s`).join(', ')})`);
  const skipped = count('skipped');
  say(`${count('passed')} passed, ${count('failed')} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
  return failures.length > 0 || all.some((s) => s.error) ? 1 : 0;
}

/**
 * The extension host prints stack frames in the bundled suite (out/test/integration/x.test.js:88:26); point them
 * at the TypeScript line instead, from the bundles' inline source maps.
 */
function sourceMappedStack(stack) {
  const maps = new Map();
  const mapOf = (file) => {
    if (!maps.has(file)) {
      const inline = /sourceMappingURL=data:application\/json;base64,(\S+)\s*$/.exec(readFileSync(file, 'utf8'));
      maps.set(file, inline ? new SourceMap(JSON.parse(Buffer.from(inline[1], 'base64').toString())) : undefined);
    }
    return maps.get(file);
  };
  const frame = /(?:[^\s(]*\/)?out\/test\/integration\/([^\s():]+\.js):(\d+):(\d+)/g;
  return stack.replace(frame, (whole, name, line, column) => {
    const file = path.join(SUITE_OUT, name);
    const entry = existsSync(file) ? mapOf(file)?.findEntry(Number(line) - 1, Number(column) - 1) : undefined;
    if (!entry?.originalSource) return whole;
    const source = path.relative(REPO_ROOT, path.resolve(SUITE_OUT, entry.originalSource));
    return `${source}:${entry.originalLine + 1}:${entry.originalColumn + 1}`;
  });
}
