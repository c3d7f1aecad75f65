import { strict as assert } from 'assert';
import { spawn, spawnSync } from 'child_process';
import * as path from 'path';
import { RuntimeApiServer } from '../../../src/core/invoke/runtime-api';
import { LocalInvoker } from '../../../src/core/invoke';
import { alive, fn, hasPython, pidsAfterParentKilled, waitUntil, workspace } from './fixtures';

const ROOT = path.resolve(__dirname, '../../..');

describe('Lambda limits and process cleanup', function () {
  const ws = workspace({
    'app.js': [
      'exports.spin = () => { for (;;) {} };',
      'exports.exits = async () => { process.exit(2); };',
      'exports.exitsZero = async () => { process.exit(0); };',
      "exports.leaks = async () => { require('child_process').spawn('sleep', ['600'], { stdio: 'ignore' }); " +
        'setInterval(() => {}, 1000); return process.pid; };',
      'exports.hog = async () => { const keep = []; for (;;) { keep.push(Buffer.alloc(8 * 1024 * 1024, 1)); ' +
        'await new Promise((r) => setImmediate(r)); } };',
      "exports.big = async () => 'x'.repeat(7 * 1024 * 1024);",
      "exports.hangs = async () => { console.log('waiting forever'); setInterval(() => {}, 1000); return new " +
        'Promise(() => {}); };',
      'exports.small = async () => { const b = Buffer.alloc(30 * 1024 * 1024, 1); return b.length; };',
      // The helper says when its 150 MB are resident, so the check does not depend on how loaded the machine is.
      "exports.helper = async () => { const c = require('child_process').spawn(process.execPath, ['-e', 'const b " +
        '= Buffer.alloc(150 * 1024 * 1024, 1); console.log("ready"); setTimeout(() => b, 5000)\'], { stdio: ' +
        "['ignore', 'pipe', 'ignore'] }); await new Promise((r) => c.stdout.once('data', r)); await new " +
        "Promise((r) => setTimeout(r, 100)); return 'done'; };",
    ].join('\n'),
  });
  const invoker = new LocalInvoker();
  after(async () => {
    await invoker.dispose();
    ws.cleanup();
  });

  it("kills a handler that loops forever when the timeout passes, with Lambda's message", async () => {
    const f = fn(ws.dir, { handler: 'app.spin', logicalId: 'Spin', timeoutSeconds: 1 });
    const r = await invoker.invoke(f, '{}');
    assert.equal(r.timedOut, true);
    assert.equal(r.functionError?.errorType, 'Sandbox.Timedout');
    assert.match(r.functionError?.errorMessage ?? '', /Task timed out after 1\.00 seconds/);
    assert.match(r.logs, new RegExp(`\\S+Z ${r.requestId} Task timed out after 1.00 seconds`));
    // It ran the whole timeout; how soon after it the kill lands depends on the machine, and is not checked.
    assert.ok(r.durationMs >= 1000, `${r.durationMs}`);
    assert.deepEqual(invoker.livePids(), [], 'the environment is gone');
    const next = await invoker.invoke(f, '{}');
    assert.equal(next.cold, true, 'after a timeout the next invocation starts cold');
  });

  it('reports process.exit as Runtime.ExitError and leaves nothing running', async () => {
    const r = await invoker.invoke(fn(ws.dir, { handler: 'app.exits', logicalId: 'Exits' }), '{}');
    assert.deepEqual(r.functionError, {
      errorType: 'Runtime.ExitError',
      errorMessage: `RequestId: ${r.requestId} Error: Runtime exited with error: exit status 2`,
    });
    const zero = await invoker.invoke(fn(ws.dir, { handler: 'app.exitsZero', logicalId: 'ExitsZero' }), '{}');
    assert.match(zero.functionError?.errorMessage ?? '', /Runtime exited without providing a reason/);
    assert.deepEqual(invoker.livePids(), []);
  });

  it('kills what a handler started (its process group) when the environment is disposed', async () => {
    const local = new LocalInvoker();
    const r = await local.invoke(fn(ws.dir, { handler: 'app.leaks', logicalId: 'Leaks' }), '{}');
    const pid = Number(r.payload);
    assert.ok(alive(pid), 'warm after answering, as in Lambda');
    const sleepers = () =>
      spawnSync('pgrep', ['-g', String(pid)], { encoding: 'utf8' })
        .stdout.trim()
        .split('\n')
        .filter(Boolean);
    assert.ok(sleepers().length >= 2, 'runtime and its sleep child share the group');
    await local.dispose();
    assert.ok(await waitUntil(() => !alive(pid) && sleepers().length === 0), 'runtime and child are both gone');
  });

  it('enforces MemorySize: a handler that keeps allocating is stopped, and max memory is reported', async () => {
    const r = await invoker.invoke(
      fn(ws.dir, { handler: 'app.hog', logicalId: 'Hog', memorySizeMb: 128, timeoutSeconds: 20 }),
      '{}',
    );
    assert.ok(['Runtime.OutOfMemory', 'Runtime.ExitError'].includes(r.functionError?.errorType ?? ''), r.payload);
    assert.equal(r.timedOut, false, 'stopped for its memory, before the timeout');
    assert.deepEqual(invoker.livePids(), []);
    const ok = await invoker.invoke(fn(ws.dir, { handler: 'app.small', logicalId: 'Small', memorySizeMb: 512 }), '{}');
    assert.equal(ok.payload, String(30 * 1024 * 1024));
    assert.ok(ok.maxMemoryUsedMb! >= 30 && ok.maxMemoryUsedMb! <= 512, `max memory ${ok.maxMemoryUsedMb}`);
    assert.match(ok.logs, new RegExp(`Memory Size: 512 MB\\tMax Memory Used: ${ok.maxMemoryUsedMb} MB`));
  });

  it('counts the memory of processes a handler starts, as Lambda counts the whole environment', async () => {
    const r = await invoker.invoke(
      fn(ws.dir, { handler: 'app.helper', logicalId: 'Helper', memorySizeMb: 1024, timeoutSeconds: 30 }),
      '{}',
    );
    assert.equal(r.payload, '"done"', r.logs);
    assert.ok(r.maxMemoryUsedMb! > 150, `max memory ${r.maxMemoryUsedMb} MB includes the 150 MB helper`);
  });

  it('gives Function.ResponseSizeTooLarge for a response over 6 MB and stays warm', async () => {
    const f = fn(ws.dir, { handler: 'app.big', logicalId: 'Big' });
    const r = await invoker.invoke(f, '{}');
    assert.equal(r.functionError?.errorType, 'Function.ResponseSizeTooLarge');
    assert.match(r.functionError?.errorMessage ?? '', /exceeded maximum allowed payload size \(6291556 bytes\)/);
    assert.equal(invoker.isWarm(f), true);
  });

  it('stops at once when cancelled', async () => {
    const local = new LocalInvoker();
    const controller = new AbortController();
    // Cancelled once the handler runs; it never returns, so only the cancellation can end it before the timeout.
    const onLog = (text: string) => text.includes('waiting forever') && controller.abort();
    const f = fn(ws.dir, { handler: 'app.hangs', logicalId: 'Hangs', timeoutSeconds: 600 });
    const r = await local.invoke(f, '{}', { signal: controller.signal, onLog });
    assert.equal(r.functionError?.errorType, 'Invocation.Cancelled');
    assert.deepEqual(local.livePids(), []);
  });

  it('leaves no process behind when the invoking process itself is killed', async () => {
    // A parent that starts a looping handler with a long timeout, then dies without cleaning up.
    const pids = await pidsAfterParentKilled(
      `inv.invoke(${JSON.stringify(fn(ws.dir, { handler: 'app.spin', logicalId: 'Orphan', timeoutSeconds: 600 }))}, ` +
        `'{}')`,
    );
    assert.equal(pids.length, 1);
    assert.ok(await waitUntil(() => !alive(pids[0]), 5000), `runtime ${pids[0]} outlived its parent`);
  });

  it('ends a runtime whose parent died before the runtime even started (the race a loaded machine loses)', async () => {
    const server = new RuntimeApiServer();
    const address = await server.start();
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const deadParent = Number(gone.stdout);
    try {
      const runtime = spawn(
        process.execPath,
        [path.join(ROOT, 'src/core/invoke/clients/node-runtime.cjs'), ws.dir, `--parent-pid=${deadParent}`],
        {
          env: { ...process.env, AWS_LAMBDA_RUNTIME_API: address, _HANDLER: 'app.spin' },
          stdio: 'ignore',
          detached: true,
        },
      );
      const ended = await new Promise<NodeJS.Signals | null>((resolve) =>
        runtime.once('exit', (_, signal) => resolve(signal)),
      );
      assert.equal(ended, 'SIGKILL', 'the runtime killed its own process group');
    } finally {
      await server.close();
    }
  });

  it('leaves no Python or custom runtime behind when the invoking process is killed', async function () {
    if (!hasPython) this.skip(); // python3 is needed to run Python functions
    const py = workspace({
      'app.py': 'def spin(event, context):\n    while True:\n        pass\n',
      bootstrap: '#!/bin/sh\nsleep 600\n',
    });
    try {
      for (const f of [
        fn(py.dir, { runtime: 'python3.12', handler: 'app.spin', logicalId: 'PyOrphan', timeoutSeconds: 600 }),
        fn(py.dir, { runtime: 'provided.al2023', logicalId: 'CustomOrphan', timeoutSeconds: 600 }),
      ]) {
        const [pid] = await pidsAfterParentKilled(`inv.invoke(${JSON.stringify(f)}, '{}')`);
        assert.ok(await waitUntil(() => !alive(pid), 5000), `${f.logicalId}: runtime ${pid} outlived its parent`);
        assert.equal(
          spawnSync('pgrep', ['-g', String(pid)]).status,
          1,
          `${f.logicalId}: nothing left in its process group`,
        );
      }
    } finally {
      py.cleanup();
    }
  });
});
