// The command line as a whole process, side by side with Node starting and doing nothing: `lint` on one small
// template with an empty code cache (the first run after an install or upgrade, which also writes the cache)
// and with the cache written. The three take turns, so a busy machine slows them alike.
import { spawnSync } from 'child_process';
import { mkdtempSync, rmSync } from 'fs';
import os from 'os';
import path from 'path';
import { fileURLToPath } from 'url';
import { summarize } from './measure.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = path.join(ROOT, 'bin/serverless-workbench.js');
const TEMPLATE = path.join(ROOT, 'examples/sam-app/template.yaml');
const RUNS = 21;
/** Issue #13: a command line within 15 ms of `node -e 0` (cfn-lint takes 1.26 s on the same file). */
const OVER_NODE_TARGET_MS = 15;

function timed(args, env) {
  const start = performance.now();
  const r = spawnSync(process.execPath, args, { env: { ...process.env, ...env }, encoding: 'utf8' });
  const ms = performance.now() - start;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

export async function run() {
  // os.tmpdir() follows TMPDIR: a fresh folder is an empty cache; the warm one is written by its first run.
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'swb-bench-cli-'));
  const warmTmp = mkdtempSync(path.join(scratch, 'warm-'));
  const lint = [CLI, 'lint', TEMPLATE];
  try {
    timed(lint, { TMPDIR: warmTmp });
    const times = { node: [], cold: [], warm: [] };
    for (let i = 0; i < RUNS; i++) {
      times.node.push(timed(['-e', '0']));
      times.cold.push(timed(lint, { TMPDIR: mkdtempSync(path.join(scratch, 'cold-')) }));
      times.warm.push(timed(lint, { TMPDIR: warmTmp }));
    }
    const node = summarize(times.node);
    const cold = summarize(times.cold);
    const warm = summarize(times.warm);
    const over = (s) => `${Math.round(s.medianMs - node.medianMs)} ms more than node -e 0`;
    return [
      { name: 'node -e 0 (Node starting, for comparison)', ...node },
      { name: 'lint one small template, empty code cache', ...cold, note: over(cold) },
      {
        name: 'lint one small template, code cache written',
        ...warm,
        target: Math.round(node.medianMs + OVER_NODE_TARGET_MS),
        note: over(warm),
      },
    ];
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
