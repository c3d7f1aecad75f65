// Measurements in the real extension host (the offline VS Code test host): the extension's activation time
// over several fresh windows, and on a generated 500-resource template the latency from an edit to its Problems:
// from `applyEdit` in the extension host (bench/editor/suite.ts), and from a real keystroke in the page to the error
// squiggle and the Problems panel's row, timed on the renderer's clock as the user sees them.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import os from 'os';
import path from 'path';
import { fileURLToPath } from 'url';
import { build } from 'esbuild';
import { generateSamTemplate } from './generate.mjs';
import { summarize } from './measure.mjs';
import { startHost } from '../scripts/test-host/host.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WINDOWS = 5;
/** Backspace and `2` in turn, an even number so the text ends as it began. */
const TYPED_KEYSTROKES = 22;
/** A keystroke whose result the page has not shown within this time fails the run. */
const KEYSTROKE_TIMEOUT_MS = 10_000;

export async function run() {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'swb-bench-'));
  try {
    const suite = path.join(scratch, 'suite', 'index.js');
    await build({
      entryPoints: [path.join(ROOT, 'bench/editor/suite.ts')],
      outfile: suite,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: ['vscode'],
      logLevel: 'error',
    });
    const workspace = path.join(scratch, 'workspace');
    await import('fs').then((fs) => fs.mkdirSync(workspace));
    writeFileSync(path.join(workspace, 'template.yaml'), generateSamTemplate(500));
    const activations = [];
    let edits;
    for (let i = 0; i < WINDOWS; i++) {
      const result = await session(workspace, suite, i === 0);
      if (result.error) throw new Error(result.error);
      if (typeof result.activationMs === 'number') activations.push(result.activationMs);
      if (result.typed) edits = result;
    }
    const rows = [
      {
        name: `activation in the extension host (${activations.length} windows)`,
        ...summarize(activations),
        target: 50,
      },
    ];
    /** A latency row on the 500-resource template. */
    const latency = (what, samples, note, target) => ({
      name: `${what}, 500 resources`,
      ...summarize(samples),
      ...(target ? { target } : {}),
      note,
    });
    if (edits) {
      const { typed } = edits;
      rows.push(
        latency(
          'keystroke in the editor → Problems panel row',
          typed.problems,
          "keydown to the DOM's change, renderer clock; includes the 150 ms debounce and VS Code's 64 ms one in the " +
            'Problems view (markersView.ts): 214 ms before any work',
          200,
        ),
        latency(
          'keystroke in the editor → error squiggle',
          typed.squiggle,
          "keydown to the DOM's change, renderer clock; includes the 150 ms debounce",
        ),
        latency(
          'keystroke in the editor → diagnostics handed to VS Code',
          typed.handOver,
          "keydown in the page to DiagnosticCollection.set in the extension host, on Date.now()'s clock; the analysis " +
            `had run while the debounce waited for ${typed.readyAhead} of ${typed.pressedAt.length} keystrokes`,
        ),
        latency(
          "keystroke's change event in the extension host → diagnostics handed to VS Code",
          typed.changeToHandOver,
          "the extension's part: onDidChangeTextDocument to DiagnosticCollection.set, the 150 ms debounce included",
          200,
        ),
        latency(
          'keystroke in the editor → its change event in the extension host',
          typed.reachedHost,
          "VS Code's part before the extension hears of the keystroke (web client in headless Chromium here)",
        ),
        latency(
          'applyEdit in the extension host → onDidChangeDiagnostics',
          edits.applyEditMs,
          "for comparison: applyEdit's round trip to the renderer, the 150 ms debounce, the host's 50 ms debounce",
        ),
      );
    }
    if (edits?.applyEditHandOverMs.length)
      rows.push(
        latency(
          'applyEdit in the extension host → diagnostics handed to VS Code',
          edits.applyEditHandOverMs,
          "for comparison: applyEdit's round trip to the renderer and the 150 ms debounce",
        ),
      );
    return rows;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

async function session(workspace, suite, edits) {
  const out = path.join(path.dirname(suite), `result-${Date.now()}.json`);
  const host = await startHost({
    workspace,
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: suite,
    env: { SWB_BENCH_OUT: out, SWB_BENCH_KEYSTROKES: edits ? '1' : '0' },
  });
  try {
    const result = await reported(out);
    if (result.typing) {
      const typed = await typeKeystrokes(host.page, result.typing.line);
      writeFileSync(`${out}.done`, '');
      // Keystroke i made the document's version `typing.version + i + 1`.
      const { handedOverAt, readyAhead, changedAt } = await reported(`${out}.handovers`);
      const versions = typed.pressedAt.map((_, i) => result.typing.version + i + 1);
      const known = (ms) => !Number.isNaN(ms);
      result.typed = {
        ...typed,
        handOver: versions.map((v, i) => handedOverAt[v] - typed.pressedAt[i]).filter(known),
        reachedHost: versions.map((v, i) => changedAt[v] - typed.pressedAt[i]).filter(known),
        changeToHandOver: versions.map((v) => handedOverAt[v] - changedAt[v]).filter(known),
        readyAhead: versions.filter((v) => readyAhead[v] === true).length,
      };
    }
    return result;
  } finally {
    await host.stop();
  }
}

/** The JSON the suite writes to `file`, once it is there. */
async function reported(file) {
  const deadline = Date.now() + 120_000;
  while (!existsSync(file)) {
    if (Date.now() > deadline) throw new Error(`the bench suite did not write ${path.basename(file)} within 120 s`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return JSON.parse(readFileSync(file, 'utf8'));
}

/**
 * Types in the editor the suite left focused with the cursor after a worker's `512`: Backspace (`51`, an error on
 * that line) and `2` (`512`, none) in turn, each once the page shows the previous one's result. Answers the
 * milliseconds from each keydown to the squiggle and to the Problems panel's row showing its result, and when
 * each keydown happened (`pressedAt`, Date.now()'s clock).
 */
async function typeKeystrokes(page, line) {
  await page.evaluate(installKeystrokeProbe);
  // The suite waited for the extension to hand its diagnostics over; the page shows them a moment later.
  await page.waitForFunction((l) => !Object.values(globalThis.swbKeystrokeProbe.shows(l)).some(Boolean), line);
  const focused = await page.evaluate(() => Boolean(document.activeElement?.closest('.part.editor .monaco-editor')));
  if (!focused) throw new Error('the editor does not have the focus: keystrokes would go elsewhere');
  const typed = { squiggle: [], problems: [], pressedAt: [] };
  for (let i = 0; i < TYPED_KEYSTROKES; i++) {
    const error = i % 2 === 0;
    await page.evaluate(([l, e, t]) => globalThis.swbKeystrokeProbe.arm(l, e, t), [line, error, KEYSTROKE_TIMEOUT_MS]);
    await page.keyboard.press(error ? 'Backspace' : '2');
    const times = await page.evaluate(() => globalThis.swbKeystrokeProbe.pending);
    typed.squiggle.push(times.squiggle);
    typed.problems.push(times.problems);
    typed.pressedAt.push(times.pressedAt);
  }
  return typed;
}

/**
 * Runs in the page (the workbench's renderer). `shows(line)` says what the user sees of an error on a line: the
 * editor's squiggle and the Problems panel's row. `arm(line, error)` then times the next keydown (its event's time
 * stamp, when the key reached the page) to each of them showing an error on that line (`error`) or none, at the
 * DOM mutation that shows it (painted at the next frame, within 16 ms); `pending` resolves to those times and the
 * keydown's time on Date.now()'s clock.
 */
function installKeystrokeProbe() {
  const views = {
    // Monaco draws a line's markers as `.squiggly-<severity>` decorations in that line's div of the view overlays,
    // which sits at the same height as the line's number in the margin.
    squiggle: (line) => {
      const number = [...document.querySelectorAll('.part.editor .margin-view-overlays .line-numbers')].find(
        (n) => n.textContent === String(line),
      );
      const top = number?.parentElement.style.top;
      const overlay = [...document.querySelectorAll('.part.editor .view-overlays > div')].find(
        (o) => o.style.top === top,
      );
      return Boolean(overlay?.querySelector('.squiggly-error'));
    },
    problems: (line) =>
      [...document.querySelectorAll('.markers-panel .monaco-list-row')].some((row) => {
        const label = row.getAttribute('aria-label') ?? '';
        return label.startsWith('Error:') && label.includes(` at line ${line} and character `);
      }),
  };
  const probe = {
    shows: (line) => Object.fromEntries(Object.entries(views).map(([name, shows]) => [name, shows(line)])),
    arm(line, error, timeoutMs) {
      const already = Object.entries(probe.shows(line)).filter(([, shown]) => shown === error);
      if (already.length > 0) throw new Error(`${already.map(([name]) => name)} already shows the next state`);
      probe.pending = new Promise((resolve, reject) => {
        const times = {};
        let pressedAt;
        const check = () => {
          if (pressedAt === undefined) return;
          const now = performance.now();
          for (const [name, shows] of Object.entries(views))
            if (times[name] === undefined && shows(line) === error) times[name] = now - pressedAt;
          if (Object.keys(times).length < Object.keys(views).length) return;
          finish();
          resolve({ ...times, pressedAt: performance.timeOrigin + pressedAt });
        };
        const observer = new MutationObserver(check);
        const timer = setTimeout(() => {
          finish();
          reject(new Error(`the page did not show the keystroke's result within ${timeoutMs} ms`));
        }, timeoutMs);
        const finish = () => {
          observer.disconnect();
          clearTimeout(timer);
        };
        document.addEventListener('keydown', (event) => (pressedAt = event.timeStamp), { capture: true, once: true });
        for (const part of document.querySelectorAll('.part.editor, .part.panel'))
          observer.observe(part, { subtree: true, childList: true, attributes: true, characterData: true });
      });
    },
  };
  globalThis.swbKeystrokeProbe = probe;
}
