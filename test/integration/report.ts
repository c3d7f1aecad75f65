// How the suite talks to the web test runner (scripts/test-host/run.mjs): JSON lines appended to
// SWB_TEST_REPORT_DIR/events.jsonl as tests run, then the sentinel `done` ({failures} or {error}) once the
// suite has finished; and request files for what only the runner can do (screenshots).
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
  try {
    fs.writeFileSync(path.join(dir, 'done'), JSON.stringify(outcome), { flag: 'wx' });
  } catch {
    // already finished
  }
}

/**
 * Asks the runner for a screenshot of the workbench as a person sees it; resolves with the PNG's path, or
 * undefined where no runner drives a browser (test-electron). Name it after what it shows: `diagnostics-panel`.
 */
export async function screenshot(name: string, timeoutMs = 15_000): Promise<string | undefined> {
  const dir = process.env.SWB_TEST_REPORT_DIR;
  if (!dir) return undefined;
  if (!/^[\w-]+$/.test(name)) throw new Error(`screenshot name "${name}" may use letters, digits, - and _ only`);
  const done = path.join(dir, `screenshot-${name}.done`);
  fs.writeFileSync(path.join(dir, `screenshot-${name}.request`), '');
  const deadline = Date.now() + timeoutMs;
  while (!fs.existsSync(done)) {
    if (Date.now() > deadline) throw new Error(`the test runner took no screenshot "${name}" within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return fs.readFileSync(done, 'utf8');
}
