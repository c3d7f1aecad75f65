// How the suite talks to the web test runner (scripts/test-host/run.mjs): JSON lines appended to
// SWB_TEST_REPORT_DIR/events.jsonl as tests run, then the sentinel `done` ({failures} or {error}) once the
// suite has finished; and request files for what only the runner can do (screenshots, reading webviews).
import * as fs from 'fs';
import * as path from 'path';

export interface SuiteEvent {
  event: 'start' | 'begin' | 'test' | 'end';
  title?: string;
  file?: string;
  state?: 'passed' | 'failed' | 'skipped';
  durationMs?: number;
  message?: string;
  stack?: string;
  total?: number;
  stats?: unknown;
}

export function writeEvent(event: SuiteEvent): void {
  const dir = process.env.SWB_TEST_REPORT_DIR;
  if (dir) fs.appendFileSync(path.join(dir, 'events.jsonl'), JSON.stringify(event) + '\n');
}

/** Writes the sentinel the runner waits for; the first call wins (a crash after the end changes nothing). */
export function finishReport(outcome: { failures: number } | { error: string }): void {
  const dir = process.env.SWB_TEST_REPORT_DIR;
  if (!dir) return;
  const done = path.join(dir, 'done');
  if (fs.existsSync(done)) return; // already finished
  // Written aside and renamed: the runner polls for `done` and must never read it half-written.
  const partial = `${done}.${process.pid}.partial`;
  fs.writeFileSync(partial, JSON.stringify(outcome));
  fs.renameSync(partial, done);
}

/**
 * Asks the runner for a screenshot of the workbench as a person sees it; resolves with the PNG's path, or
 * undefined where no runner drives a browser (test-electron). Name it after what it shows: `diagnostics-panel`.
 */
export async function screenshot(name: string, timeoutMs = 15_000): Promise<string | undefined> {
  if (!/^[\w-]+$/.test(name)) throw new Error(`screenshot name "${name}" may use letters, digits, - and _ only`);
  return askRunner(`screenshot-${name}`, `screenshot "${name}"`, timeoutMs);
}

/** One webview document as the browser shows it. */
export interface WebviewContent {
  /** The document's <title>. */
  title: string;
  /** Its body's rendered text (innerText: what is laid out, not what the HTML holds). */
  text: string;
  /** Whether its frame is laid out on the page (false for a panel in a background tab). */
  visible: boolean;
}

/**
 * What every open webview shows, read by the runner from inside the browser's frames; undefined where no runner
 * drives a browser (test-electron). The extension host cannot see this: `webview.html` is only what was sent.
 */
export async function webviewContents(timeoutMs = 15_000): Promise<WebviewContent[] | undefined> {
  const answer = await askRunner('webviews-all', 'webview contents', timeoutMs);
  return answer === undefined ? undefined : (JSON.parse(answer) as WebviewContent[]);
}

/**
 * Clicks the element `#id` in whichever shown webview has it, through the browser as a person would; resolves true
 * once clicked, false when no shown webview has it, undefined where no runner drives a browser (test-electron).
 */
export async function clickInWebview(id: string, timeoutMs = 15_000): Promise<boolean | undefined> {
  if (!/^[\w-]+$/.test(id)) throw new Error(`element id "${id}" may use letters, digits, - and _ only`);
  const answer = await askRunner(`click-${id}`, `click on #${id}`, timeoutMs);
  return answer === undefined ? undefined : answer === 'clicked';
}

/** Writes `<request>.request` and waits for the runner's `<request>.done`, whose text is the answer. */
async function askRunner(request: string, what: string, timeoutMs: number): Promise<string | undefined> {
  const dir = process.env.SWB_TEST_REPORT_DIR;
  if (!dir) return undefined;
  const done = path.join(dir, `${request}.done`);
  fs.rmSync(done, { force: true }); // the answer to an earlier request of the same name
  fs.writeFileSync(path.join(dir, `${request}.request`), '');
  const deadline = Date.now() + timeoutMs;
  while (!fs.existsSync(done)) {
    if (Date.now() > deadline) throw new Error(`the test runner gave no ${what} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const answer = fs.readFileSync(done, 'utf8');
  fs.rmSync(done);
  return answer;
}
