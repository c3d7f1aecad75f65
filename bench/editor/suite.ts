// Runs inside the real extension host for `npm run bench` (bench/editor.mjs): reads the extension's own
// activation time, measures edit-to-diagnostics latency from the extension host on the generated template in the
// workspace, then leaves the editor ready for bench/editor.mjs to type real keystrokes in the page.
import * as fs from 'fs';
import * as vscode from 'vscode';
import type { WorkbenchApi } from '../../src/extension';

const EXTENSION_ID = 'serverless-workbench.serverless-workbench';
const EDITS = 21;
/** The generated workers choose their memory by condition; the edits change the branch the condition picks. */
const WRITTEN_MEMORY = 'MemorySize: !If [IsProd, 2048, 512]';

export async function run(): Promise<void> {
  const out = process.env.SWB_BENCH_OUT!;
  const result: Record<string, unknown> = {};
  try {
    const api = await vscode.extensions.getExtension<WorkbenchApi>(EXTENSION_ID)!.activate();
    result.activationMs = api.activationMs;
    if (process.env.SWB_BENCH_KEYSTROKES === '1') {
      const { toEvent, toHandOver } = await applyEditLatencies(api);
      result.applyEditMs = toEvent;
      result.applyEditHandOverMs = toHandOver;
      await hostTyping(api, out, result);
      return;
    }
  } catch (error) {
    result.error = String((error as Error).stack ?? error);
  }
  writeWhole(out, result);
}

/**
 * Each edit toggles a function's MemorySize between a valid value and one over Lambda's limit, and times
 * `applyEdit` → the Problems entry for that line appearing or going away (debounce included), as an extension
 * sees it (`onDidChangeDiagnostics`, which VS Code's extension host delivers through a 50 ms debounce of its own),
 * and `applyEdit` → the diagnostics of that version handed to VS Code (`DiagnosticCollection.set`, which sends them
 * to the Problems panel at once). `applyEdit` itself goes to the renderer and back before the extension sees the
 * change, which a person's keystroke does not wait for: bench/editor.mjs times real keystrokes too.
 */
async function applyEditLatencies(api: WorkbenchApi): Promise<{ toEvent: number[]; toHandOver: number[] }> {
  const { document, start } = await memorySetting(api);
  const uri = document.uri;
  const hasMemoryFinding = (): boolean =>
    vscode.languages.getDiagnostics(uri).some((d) => d.range.start.line === start.line);
  const times: number[] = [];
  const handOvers: number[] = [];
  let value = '512';
  for (let i = 0; i < EDITS; i++) {
    const next = value === '512' ? '99999' : '512';
    const expectFinding = next === '99999';
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(start, start.translate(0, value.length)), next);
    const began = performance.now();
    const beganAt = Date.now();
    const changed = new Promise<void>((resolve) => {
      const sub = vscode.languages.onDidChangeDiagnostics((e) => {
        if (e.uris.some((u) => u.toString() === uri.toString()) && hasMemoryFinding() === expectFinding) {
          sub.dispose();
          resolve();
        }
      });
    });
    await vscode.workspace.applyEdit(edit);
    await Promise.race([
      changed,
      new Promise((_, reject) => setTimeout(() => reject(new Error('no diagnostics change within 5 s')), 5000)),
    ]);
    times.push(performance.now() - began);
    const published = api.diagnostics.lastAnalysis();
    if (published?.version === document.version) handOvers.push(published.publishedAt - beganAt);
    value = next;
  }
  await vscode.commands.executeCommand('workbench.action.files.revert');
  return { toEvent: times, toHandOver: handOvers };
}

/**
 * Leaves the editor ready for bench/editor.mjs to type in the page and writes `result` with where (`typing`) to
 * `out`, then lives on until it has typed (returning would end the test run and the extension host with it) and
 * writes when the diagnostics of each typed version were handed to VS Code to `<out>.handovers`.
 */
async function hostTyping(api: WorkbenchApi, out: string, result: Record<string, unknown>): Promise<void> {
  const editor = await prepareTyping(api);
  const handOvers = recordHandOvers(api, editor.document);
  const typing = { line: editor.selection.active.line + 1, version: editor.document.version };
  writeWhole(out, { ...result, typing });
  await until(() => fs.existsSync(`${out}.done`), 'bench/editor.mjs did not finish typing');
  handOvers.dispose();
  writeWhole(`${out}.handovers`, {
    handedOverAt: Object.fromEntries(handOvers.byVersion),
    readyAhead: Object.fromEntries(handOvers.readyAhead),
    changedAt: Object.fromEntries(handOvers.changedAt),
  });
}

/**
 * Opens the Problems panel below the template, as someone fixing problems works, and leaves the cursor right
 * after the first worker's `512` in the focused editor, once the Problems of that text are handed to VS Code.
 * There bench/editor.mjs types: Backspace gives `51`, under Lambda's 128 MB minimum (an error on that line), and
 * `2` gives `512` back.
 */
async function prepareTyping(api: WorkbenchApi): Promise<vscode.TextEditor> {
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  const { document, start } = await memorySetting(api);
  const cursor = start.translate(0, '512'.length);
  const editor = await vscode.window.showTextDocument(document, { selection: new vscode.Range(cursor, cursor) });
  editor.revealRange(editor.selection, vscode.TextEditorRevealType.InCenter);
  await analysed(api, document);
  return editor;
}

/**
 * When the diagnostics of each later version of the document were handed to VS Code (Date.now(), the clock the
 * page's keydown time stamps can be compared with), whether their analysis had run while the debounce waited, and
 * when the extension host was told of each version (the change event every extension's work starts from).
 * Each hand-over is followed by an onDidChangeDiagnostics within 50 ms, long before the harness types the next
 * keystroke, so reading the last analysis then sees every one.
 */
function recordHandOvers(
  api: WorkbenchApi,
  document: vscode.TextDocument,
): vscode.Disposable & {
  byVersion: Map<number, number>;
  readyAhead: Map<number, boolean>;
  changedAt: Map<number, number>;
} {
  const byVersion = new Map<number, number>();
  const readyAhead = new Map<number, boolean>();
  const changedAt = new Map<number, number>();
  const subscription = vscode.Disposable.from(
    vscode.languages.onDidChangeDiagnostics(() => {
      const last = api.diagnostics.lastAnalysis();
      if (last?.uri !== document.uri.toString() || last.version === undefined) return;
      byVersion.set(last.version, last.publishedAt);
      readyAhead.set(last.version, last.readyAhead);
    }),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === document) changedAt.set(document.version, Date.now());
    }),
  );
  return Object.assign(subscription, { byVersion, readyAhead, changedAt });
}

/** The template shown in the editor and its analysis handed to VS Code, and where the first worker's `512` starts. */
async function memorySetting(api: WorkbenchApi): Promise<{ document: vscode.TextDocument; start: vscode.Position }> {
  const uri = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'template.yaml');
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document);
  const text = document.getText();
  const offset = text.indexOf(WRITTEN_MEMORY, text.indexOf('Resources:'));
  if (offset < 0) throw new Error(`no '${WRITTEN_MEMORY}' under Resources in the bench template`);
  await analysed(api, document);
  return { document, start: document.positionAt(offset + WRITTEN_MEMORY.length - '512]'.length) };
}

/** Until the extension has handed VS Code the diagnostics of the document's current text. */
async function analysed(api: WorkbenchApi, document: vscode.TextDocument): Promise<void> {
  await until(() => api.diagnostics.lastAnalysis()?.version === document.version, 'no analysis of the template');
}

async function until(check: () => boolean, failure: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`${failure} within 120 s`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The harness reads a file as soon as it exists: it appears whole (renamed into place), never half written. */
function writeWhole(file: string, value: unknown): void {
  fs.writeFileSync(`${file}.partial`, JSON.stringify(value));
  fs.renameSync(`${file}.partial`, file);
}
