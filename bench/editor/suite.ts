// Runs inside the real extension host for `npm run bench` (bench/editor.mjs): reads the extension's own
// activation time, then measures keystroke-to-diagnostics latency on the generated template in the workspace.
import * as fs from 'fs';
import * as vscode from 'vscode';
import type { WorkbenchApi } from '../../src/extension';

const EXTENSION_ID = 'serverless-workbench.serverless-workbench';
const EDITS = 21;

export async function run(): Promise<void> {
  const out = process.env.SWB_BENCH_OUT!;
  const result: Record<string, unknown> = {};
  try {
    const api = await vscode.extensions.getExtension<WorkbenchApi>(EXTENSION_ID)!.activate();
    result.activationMs = api.activationMs;
    if (process.env.SWB_BENCH_KEYSTROKES === '1') {
      const { toEvent, toHandOver } = await keystrokeLatencies(api);
      result.keystrokeMs = toEvent;
      result.handOverMs = toHandOver;
    }
  } catch (error) {
    result.error = String((error as Error).stack ?? error);
  }
  fs.writeFileSync(out, JSON.stringify(result));
}

/**
 * Each edit toggles a function's MemorySize between a valid value and one over Lambda's limit, and times
 * `applyEdit` → the Problems entry for that line appearing or going away (debounce included), as an extension
 * sees it (`onDidChangeDiagnostics`, which VS Code's extension host delivers through a 50 ms debounce of its own),
 * and `applyEdit` → the diagnostics of that version handed to VS Code (`DiagnosticCollection.set`, which sends them
 * to the Problems panel at once).
 */
async function keystrokeLatencies(api: WorkbenchApi): Promise<{ toEvent: number[]; toHandOver: number[] }> {
  const uri = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'template.yaml');
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document);
  // The generated workers choose their memory by condition; the edit changes the branch the condition picks.
  const written = 'MemorySize: !If [IsProd, 2048, 512]';
  const offset = document.getText().indexOf(written, document.getText().indexOf('Resources:'));
  if (offset < 0) throw new Error(`no '${written}' under Resources in the bench template`);
  const start = document.positionAt(offset + written.length - '512]'.length);
  const hasMemoryFinding = (): boolean =>
    vscode.languages.getDiagnostics(uri).some((d) => d.range.start.line === start.line);
  await waitFor(() => vscode.languages.getDiagnostics(uri).length >= 0, 10_000);
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

async function waitFor(check: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}
