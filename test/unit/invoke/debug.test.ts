import { strict as assert } from 'assert';
import { spawn } from 'child_process';
import * as net from 'net';
import { LocalInvoker } from '../../../src/core/invoke';
import { alive, fn, pidsAfterParentKilled, request, waitUntil, workspace } from './fixtures';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

describe('debug locally (Node.js inspector)', function () {
  const ws = workspace({
    'ts/app.ts':
      'export const handler = async (event: { n: number }): Promise<number> => {\n  return event.n + 1;\n};\n',
  });
  after(() => ws.cleanup());

  it(
    'starts the function paused under the inspector on loopback, with no timeout, and answers once a debugger ' +
      'lets it go',
    async () => {
      const port = await freePort();
      const invoker = new LocalInvoker();
      const f = fn(`${ws.dir}/ts`, { logicalId: 'Debugged', workspaceDir: ws.dir, timeoutSeconds: 1 });
      let ready = false;
      const running = invoker.debug(f, '{"n":41}', { debugPort: port, onDebuggerReady: () => (ready = true) });
      let settled = false;
      void running.then(() => (settled = true));
      assert.ok(await waitUntil(() => ready), 'the editor is told to attach');
      let targets: { url: string }[] = [];
      assert.ok(
        await waitUntil(() => {
          void request(port, 'GET', '/json/list').then(
            (r) => (targets = JSON.parse(r.body)),
            () => undefined,
          );
          return targets.length > 0;
        }, 5000),
        'an inspector target is listed',
      );
      assert.match(targets[0].url, /node-runtime\.cjs$/);
      await new Promise((r) => setTimeout(r, 1500));
      // Paused before the handler loads: still waiting, and the 1 s timeout does not apply while debugging.
      assert.equal(settled, false, 'nothing ran before the debugger attached');
      const debuggerCli = spawn(process.execPath, ['inspect', `127.0.0.1:${port}`], {
        stdio: ['pipe', 'ignore', 'ignore'],
      });
      debuggerCli.stdin.write('cont\n');
      const result = await running;
      debuggerCli.kill();
      assert.equal(result.functionError, undefined, result.logs);
      assert.equal(result.payload, '42');
      assert.deepEqual(invoker.livePids(), [], 'the debug environment is not kept');
    },
  );

  it('leaves no process behind when the editor dies while the function waits for the debugger', async () => {
    const port = await freePort();
    const f = fn(`${ws.dir}/ts`, { logicalId: 'DebugOrphan', workspaceDir: ws.dir });
    const pids = await pidsAfterParentKilled(`inv.debug(${JSON.stringify(f)}, '{}', { debugPort: ${port} })`);
    assert.equal(pids.length, 1);
    assert.ok(await waitUntil(() => !alive(pids[0]), 3000), `debug runtime ${pids[0]} outlived its parent`);
  });
});
