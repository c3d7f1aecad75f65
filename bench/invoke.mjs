// Invocation overhead of a handler that returns at once, cold (new process) and warm (reused), median and
// p95, side by side with the npm package lambda-local running the same handler (in-process, no isolation).
import { spawnSync } from 'child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { createRequire } from 'module';
import os from 'os';
import path from 'path';
import { measureAsync, measureInterleaved } from './measure.mjs';

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
    rows.push(...wholeProcess(dir));
  } finally {
    await invoker.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

/**
 * What a user waits for at the terminal: the `invoke` command line against lambda-local's, on the same trivial
 * handler, each a whole new process, taking turns so a busy machine slows both alike.
 */
function wholeProcess(dir) {
  const cli = path.join(ROOT, 'bin', 'serverless-workbench.js');
  if (!existsSync(path.join(ROOT, 'dist', 'cli.js')))
    return [{ name: 'invoke CLI', note: 'skipped: run npm run build' }];
  writeFileSync(
    path.join(dir, 'template.yaml'),
    [
      'Transform: AWS::Serverless-2016-10-31',
      'Resources:',
      '  Bench:',
      '    Type: AWS::Serverless::Function',
      '    Properties: {Runtime: nodejs20.x, Handler: app.handler, CodeUri: .}',
    ].join('\n'),
  );
  writeFileSync(path.join(dir, 'event.json'), '{}');
  const run = (args) => () => {
    const r = spawnSync(process.execPath, args, { cwd: dir, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  };
  const lambdaLocalCli = path.join(ROOT, 'node_modules', 'lambda-local', 'build', 'cli.js');
  const [ours, peer] = measureInterleaved(
    [
      run([cli, 'invoke', 'template.yaml', 'Bench', '--event', 'event.json', '--format', 'json']),
      run([lambdaLocalCli, '-l', 'app.js', '-h', 'handler', '-e', 'event.json', '--verboselevel', '0']),
    ],
    { runs: 15, warmup: 2 },
  );
  return [
    { name: 'invoke CLI, whole process (serverless-workbench invoke)', ...ours, target: peer.medianMs },
    { name: 'lambda-local CLI, whole process (same handler)', ...peer, note: 'peer' },
  ];
}
