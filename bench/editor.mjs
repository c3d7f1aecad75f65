// Measurements in the real extension host (the offline VS Code test host): the extension's activation time
// over several fresh windows, and keystroke-to-diagnostics latency on a generated 500-resource template.
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
    let keystrokes;
    let handOvers;
    for (let i = 0; i < WINDOWS; i++) {
      const result = await session(workspace, suite, i === 0);
      if (result.error) throw new Error(result.error);
      if (typeof result.activationMs === 'number') activations.push(result.activationMs);
      keystrokes ??= result.keystrokeMs;
      handOvers ??= result.handOverMs;
    }
    const rows = [
      {
        name: `activation in the extension host (${activations.length} windows)`,
        ...summarize(activations),
        target: 50,
      },
    ];
    if (keystrokes)
      rows.push({
        name: 'keystroke → Problems panel, 500 resources',
        ...summarize(keystrokes),
        note: "includes the 150 ms debounce and the extension host's 50 ms debounce of onDidChangeDiagnostics",
      });
    if (handOvers?.length)
      rows.push({
        name: 'keystroke → diagnostics handed to VS Code, 500 resources',
        ...summarize(handOvers),
        note: 'includes the 150 ms debounce; DiagnosticCollection.set sends them to the Problems panel at once',
      });
    return rows;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

async function session(workspace, suite, keystrokes) {
  const out = path.join(path.dirname(suite), `result-${Date.now()}.json`);
  const host = await startHost({
    workspace,
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: suite,
    env: { SWB_BENCH_OUT: out, SWB_BENCH_KEYSTROKES: keystrokes ? '1' : '0' },
  });
  try {
    const deadline = Date.now() + 120_000;
    while (!existsSync(out)) {
      if (Date.now() > deadline) throw new Error('the bench suite did not report within 120 s');
      await new Promise((r) => setTimeout(r, 200));
    }
    return JSON.parse(readFileSync(out, 'utf8'));
  } finally {
    await host.stop();
  }
}
