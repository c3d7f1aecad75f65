// Invocation overhead of a handler that returns at once, cold (new process) and warm (reused), median and
// p95, side by side with the npm package lambda-local running the same handler (in-process, no isolation).
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { createRequire } from 'module';
import os from 'os';
import path from 'path';
import { measureAsync } from './measure.mjs';

const require = createRequire(import.meta.url);
require('../scripts/register-ts.cjs');
const { LocalInvoker } = require('../src/core/invoke/index.ts');

/** Targets from issue #6: warm under 5 ms, cold under 200 ms for Node.js on these machines. */
const WARM_TARGET_MS = 5;
const COLD_TARGET_MS = 200;

export async function run() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'swb-bench-invoke-'));
  writeFileSync(path.join(dir, 'app.js'), 'exports.handler = async () => ({ ok: true });\n');
  const fn = {
    logicalId: 'Bench',
    functionName: 'bench',
    runtime: 'nodejs22.x',
    handler: 'app.handler',
    codeDir: dir,
    workspaceDir: dir,
    memorySizeMb: 128,
    timeoutSeconds: 3,
    architecture: 'x86_64',
    environment: {},
    region: 'us-east-1',
  };
  const invoker = new LocalInvoker();
  const rows = [];
  try {
    const warm = await measureAsync(() => invoker.invoke(fn, '{}'), { runs: 200, warmup: 10 });
    rows.push({ name: 'local invoke, warm (Node.js)', ...warm, target: WARM_TARGET_MS });
    const cold = await measureAsync(
      async () => {
        await invoker.dispose();
        const r = await invoker.invoke(fn, '{}');
        if (!r.cold) throw new Error('expected a cold start');
      },
      { runs: 20, warmup: 2 },
    );
    rows.push({ name: 'local invoke, cold (Node.js, new process)', ...cold, target: COLD_TARGET_MS });

    const lambdaLocal = require('lambda-local');
    lambdaLocal.setLogger({ log() {}, info() {}, warn() {}, error() {}, transports: [] });
    const lambdaPath = path.join(dir, 'app.js');
    const viaLambdaLocal = () => lambdaLocal.execute({ event: {}, lambdaPath, timeoutMs: 3000, verboseLevel: 0 });
    const ll = await measureAsync(viaLambdaLocal, { runs: 200, warmup: 10 });
    rows.push({
      name: 'lambda-local execute (same handler, in-process)',
      ...ll,
      note: 'peer: no process isolation, so no cold start or kill on timeout',
    });
  } finally {
    await invoker.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
