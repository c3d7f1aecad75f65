// The integration suite's entry point: the extension host loads this module and calls `run()`, both under
// @vscode/test-electron (npm run test:electron) and in the offline web test host (npm run test:integration).
// For the web test host it also writes its progress to SWB_TEST_REPORT_DIR, because nothing else carries the
// extension host's results back to the runner.
import * as fs from 'fs';
import * as path from 'path';
import type MochaType from 'mocha';
import { finishReport, writeEvent, type SuiteEvent } from './report';

// mocha's package entry is an ES module; its CommonJS build loads in every extension host (Node and Electron).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Mocha: typeof MochaType = require('mocha/lib/mocha.cjs');

/**
 * Tests named `*.restricted.test.*` run in a separate session with workspace trust enabled (Restricted Mode),
 * `*.multiroot.test.*` in one on a multi-root workspace; SWB_TEST_SUITE says which session this is.
 */
const SESSION = /\.(restricted|multiroot)\.test\.js$/;

export async function run(): Promise<void> {
  try {
    const failures = await runMocha();
    finishReport({ failures });
    if (failures > 0) throw new Error(`${failures} integration test${failures === 1 ? '' : 's'} failed`);
  } catch (error) {
    // A test file that throws while loading never reaches mocha's 'end': say so rather than leave the runner waiting.
    finishReport({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    throw error;
  }
}

async function runMocha(): Promise<number> {
  const session = process.env.SWB_TEST_SUITE ?? 'trusted';
  const reporting = Boolean(process.env.SWB_TEST_REPORT_DIR);
  const mocha = new Mocha({
    ui: 'bdd',
    timeout: 20_000, // as for the unit tests (.mocharc.json)
    color: false,
    // test-electron shows the extension host's console; the web runner prints its own report from the events.
    reporter: 'spec',
    ...(process.env.SWB_TEST_GREP ? { grep: process.env.SWB_TEST_GREP } : {}),
  });
  for (const file of testFiles(__dirname)) {
    if ((SESSION.exec(file)?.[1] ?? 'trusted') === session) mocha.addFile(file);
  }
  return new Promise<number>((resolve) => {
    const runner = mocha.run(resolve);
    if (reporting) followRunner(runner);
  });
}

function followRunner(runner: MochaType.Runner): void {
  const test = (t: MochaType.Test, extra: Partial<SuiteEvent> = {}) =>
    writeEvent({
      event: 'test',
      title: t.fullTitle(),
      file: t.file && path.basename(t.file),
      durationMs: t.duration,
      ...extra,
    });
  runner.on('start', () => writeEvent({ event: 'start', total: runner.total }));
  runner.on('test', (t) => writeEvent({ event: 'begin', title: t.fullTitle() }));
  runner.on('pass', (t) => test(t, { state: 'passed' }));
  runner.on('pending', (t) => test(t, { state: 'skipped' }));
  runner.on('fail', (t, error: Error) => {
    const event = {
      title: t.fullTitle(),
      state: 'failed' as const,
      message: error?.message ?? String(error),
      stack: error?.stack,
    };
    if (t.type === 'test') test(t as MochaType.Test, event);
    else writeEvent({ event: 'test', ...event }); // a failing hook: mocha reports it under the hook's title
  });
  runner.on('end', () => writeEvent({ event: 'end', stats: runner.stats }));
}

function testFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return testFiles(full);
      return entry.name.endsWith('.test.js') ? [full] : [];
    })
    .sort();
}
