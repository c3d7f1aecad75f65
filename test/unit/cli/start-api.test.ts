import { strict as assert } from 'assert';
import { spawn, spawnSync } from 'child_process';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const TEMPLATE = path.join(ROOT, 'test/fixtures/http-api/template.yaml');

describe('serverless-workbench start-api', function () {
  this.timeout(60000);

  it('lists the routes, answers them over HTTP, logs each request and exits 0 on SIGTERM', async () => {
    const server = spawn(process.execPath, [CLI, 'start-api', TEMPLATE, '--port', '0'], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    server.stderr.on('data', (d) => (stderr += d));
    const url = await new Promise<string>((resolve, reject) => {
      server.stdout.on('data', (d) => {
        stdout += d;
        const m = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout);
        if (m) resolve(m[1]);
      });
      server.once('exit', (code) => reject(new Error(`start-api exited ${code}: ${stderr}`)));
    });
    try {
      const res = await fetch(`${url}/items/me`);
      assert.equal(await res.text(), 'mine');
      assert.match(stdout, new RegExp(`GET {5}${url.replace(/[.]/g, '\\.')}/items/me → Mine`));
      assert.match(stdout, /function URL +http:\/\/127\.0\.0\.1:\d+\/ → Echo/);
    } finally {
      server.kill('SIGTERM');
    }
    const code = await new Promise<number | null>((resolve) => server.once('exit', resolve));
    assert.equal(code, 0);
    assert.match(stderr, /GET \/items\/me → 200 \(\d+ ms\) Mine/);
  });

  it('refuses a bad port and a missing template with exit code 2', () => {
    const badPort = spawnSync(process.execPath, [CLI, 'start-api', TEMPLATE, '--port', 'x'], { encoding: 'utf8' });
    assert.equal(badPort.status, 2);
    assert.match(badPort.stderr, /--port must be a number from 0 to 65535/);
    const missing = spawnSync(process.execPath, [CLI, 'start-api', 'nope.yaml', '--port', '0'], { encoding: 'utf8' });
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /cannot read .*nope\.yaml: ENOENT/);
  });
});
