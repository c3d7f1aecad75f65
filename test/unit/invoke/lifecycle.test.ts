import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import { LocalInvoker } from '../../../src/core/invoke';
import { alive, fn, pidsAfterParentKilled, waitUntil, workspace } from './fixtures';

describe('Lambda limits and process cleanup', function () {
  const ws = workspace({
    'app.js': [
      'exports.spin = () => { for (;;) {} };',
      'exports.exits = async () => { process.exit(2); };',
      'exports.exitsZero = async () => { process.exit(0); };',
      "exports.leaks = async () => { require('child_process').spawn('sleep', ['600'], { stdio: 'ignore' }); setInterval(() => {}, 1000); return process.pid; };",
      "exports.hog = async () => { const keep = []; for (;;) { keep.push(Buffer.alloc(8 * 1024 * 1024, 1)); await new Promise((r) => setImmediate(r)); } };",
      "exports.big = async () => 'x'.repeat(7 * 1024 * 1024);",
      'exports.slow = async () => { await new Promise((r) => setTimeout(r, 10000)); return 1; };',
      'exports.small = async () => { const b = Buffer.alloc(30 * 1024 * 1024, 1); return b.length; };',
    ].join('\n'),
  });
  const invoker = new LocalInvoker();
  after(async () => {
    await invoker.dispose();
    ws.cleanup();
  });

  it('kills a handler that loops forever when the timeout passes, with Lambda\'s message', async () => {
    const f = fn(ws.dir, { handler: 'app.spin', logicalId: 'Spin', timeoutSeconds: 1 });
    const r = await invoker.invoke(f, '{}');
    assert.equal(r.timedOut, true);
    assert.equal(r.functionError?.errorType, 'Sandbox.Timedout');
    assert.match(r.functionError?.errorMessage ?? '', /Task timed out after 1\.00 seconds/);
    assert.match(r.logs, new RegExp(`\\S+Z ${r.requestId} Task timed out after 1.00 seconds`));
    assert.ok(r.durationMs >= 1000 && r.durationMs < 1500, `${r.durationMs}`);
    assert.deepEqual(invoker.livePids(), [], 'the environment is gone');
    const next = await invoker.invoke(f, '{}');
    assert.equal(next.cold, true, 'after a timeout the next invocation starts cold');
  });

  it('reports process.exit as Runtime.ExitError and leaves nothing running', async () => {
    const r = await invoker.invoke(fn(ws.dir, { handler: 'app.exits', logicalId: 'Exits' }), '{}');
    assert.deepEqual(r.functionError, { errorType: 'Runtime.ExitError', errorMessage: `RequestId: ${r.requestId} Error: Runtime exited with error: exit status 2` });
    const zero = await invoker.invoke(fn(ws.dir, { handler: 'app.exitsZero', logicalId: 'ExitsZero' }), '{}');
    assert.match(zero.functionError?.errorMessage ?? '', /Runtime exited without providing a reason/);
    assert.deepEqual(invoker.livePids(), []);
  });

  it('kills what a handler started (its process group) when the environment is disposed', async () => {
    const local = new LocalInvoker();
    const r = await local.invoke(fn(ws.dir, { handler: 'app.leaks', logicalId: 'Leaks' }), '{}');
    const pid = Number(r.payload);
    assert.ok(alive(pid), 'warm after answering, as in Lambda');
    const sleepers = () => spawnSync('pgrep', ['-g', String(pid)], { encoding: 'utf8' }).stdout.trim().split('\n').filter(Boolean);
    assert.ok(sleepers().length >= 2, 'runtime and its sleep child share the group');
    await local.dispose();
    assert.ok(await waitUntil(() => !alive(pid) && sleepers().length === 0), 'runtime and child are both gone');
  });

  it('enforces MemorySize: a handler that keeps allocating is stopped, and max memory is reported', async () => {
    const r = await invoker.invoke(fn(ws.dir, { handler: 'app.hog', logicalId: 'Hog', memorySizeMb: 128, timeoutSeconds: 20 }), '{}');
    assert.ok(['Runtime.OutOfMemory', 'Runtime.ExitError'].includes(r.functionError?.errorType ?? ''), r.payload);
    assert.ok(r.durationMs < 15000, 'stopped long before the timeout');
    assert.deepEqual(invoker.livePids(), []);
    const ok = await invoker.invoke(fn(ws.dir, { handler: 'app.small', logicalId: 'Small', memorySizeMb: 512 }), '{}');
    assert.equal(ok.payload, String(30 * 1024 * 1024));
    assert.ok(ok.maxMemoryUsedMb! >= 30 && ok.maxMemoryUsedMb! <= 512, `max memory ${ok.maxMemoryUsedMb}`);
    assert.match(ok.logs, new RegExp(`Memory Size: 512 MB\\tMax Memory Used: ${ok.maxMemoryUsedMb} MB`));
  });

  it('gives Function.ResponseSizeTooLarge for a response over 6 MB and stays warm', async () => {
    const f = fn(ws.dir, { handler: 'app.big', logicalId: 'Big' });
    const r = await invoker.invoke(f, '{}');
    assert.equal(r.functionError?.errorType, 'Function.ResponseSizeTooLarge');
    assert.match(r.functionError?.errorMessage ?? '', /exceeded maximum allowed payload size \(6291456 bytes\)/);
    assert.equal(invoker.isWarm(f), true);
  });

  it('stops at once when cancelled', async () => {
    const local = new LocalInvoker();
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 300);
    const r = await local.invoke(fn(ws.dir, { handler: 'app.slow', logicalId: 'Slow', timeoutSeconds: 30 }), '{}', { signal: controller.signal });
    assert.equal(r.functionError?.errorType, 'Invocation.Cancelled');
    assert.ok(r.durationMs < 2000);
    assert.deepEqual(local.livePids(), []);
  });

  it('leaves no process behind when the invoking process itself is killed', async () => {
    // A parent that starts a looping handler with a long timeout, then dies without cleaning up.
    const pids = await pidsAfterParentKilled(`inv.invoke(${JSON.stringify(fn(ws.dir, { handler: 'app.spin', logicalId: 'Orphan', timeoutSeconds: 600 }))}, '{}')`);
    assert.equal(pids.length, 1);
    assert.ok(await waitUntil(() => !alive(pids[0]), 3000), `runtime ${pids[0]} outlived its parent`);
  });
});
