import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runFramework } from '../../../src/core/deploy';
import { isRunning } from '../../fakes/processes';

/** A stand-in for the framework's CLI: a node script in a temporary service folder. */
function fakeCli(script: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'swb-framework-'));
  fs.writeFileSync(path.join(dir, 'cli.js'), script);
  return { command: process.execPath, args: ['cli.js', 'deploy'], cwd: dir, source: 'path' as const };
}

describe('running the framework CLI', function () {
  this.timeout(20_000);

  it('passes its output through as printed, colours on, in the service folder, and reports its exit code', async () => {
    const run = fakeCli(
      `process.stdout.write('cwd ' + process.cwd() + ' colour ' + process.env.FORCE_COLOR + '\\n');
       process.stderr.write('\\x1b[31mError:\\x1b[39m\\n');
       process.exitCode = 1;`,
    );
    let printed = '';
    const exitCode = await runFramework(run, (text) => (printed += text)).exitCode;
    assert.equal(exitCode, 1);
    assert.match(
      printed,
      new RegExp(`^cwd ${fs.realpathSync(run.cwd).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} colour 1\\n`),
    );
    assert.ok(printed.endsWith('\x1b[31mError:\x1b[39m\n'), printed);
  });

  it('stops the CLI and what it started', async function () {
    if (process.platform !== 'linux') this.skip(); // reads /proc
    const run = fakeCli(
      `const child = require('child_process').spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)']);
       console.log('grandchild ' + child.pid);
       setInterval(() => {}, 1000);`,
    );
    let printed = '';
    const running = runFramework(run, (text) => (printed += text));
    while (!/grandchild \d+/.test(printed)) await new Promise((r) => setTimeout(r, 20));
    const grandchild = Number(/grandchild (\d+)/.exec(printed)?.[1]);
    assert.ok(isRunning(grandchild));
    running.stop();
    assert.equal(await running.exitCode, undefined, 'a stopped run has no exit code');
    for (let i = 0; i < 50 && isRunning(grandchild); i++) await new Promise((r) => setTimeout(r, 20));
    assert.equal(isRunning(grandchild), false, 'the process the CLI started is gone too');
  });

  it('says so when the CLI cannot start', async () => {
    let printed = '';
    const exitCode = await runFramework(
      { command: 'serverless-not-installed-here', args: ['deploy'], cwd: os.tmpdir(), source: 'path' },
      (text) => (printed += text),
    ).exitCode;
    assert.equal(exitCode, undefined);
    assert.match(printed, /^serverless-not-installed-here: spawn serverless-not-installed-here ENOENT\n$/);
  });
});
