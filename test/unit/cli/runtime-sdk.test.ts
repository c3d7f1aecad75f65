import { strict as assert } from 'assert';
import { spawn, spawnSync, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import table from '../../../data/lambda-runtime-sdks.json';
import { startFakeNpmRegistry, type FakeNpmRegistry } from '../../fakes/npm-registry';
import { yaml } from '../helpers';
import { workspace } from '../invoke/fixtures';

const ROOT = path.resolve(__dirname, '../../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const V3_VERSION = table.sdks.find((sdk) => sdk.imports.includes('@aws-sdk/*'))!.version;
/** A client no real registry has, published by the local registry at the runtime's SDK version. */
const CLIENT = '@aws-sdk/client-workbench-cli';

/**
 * `start-api --fetch-sdk` and `serve --fetch-sdk`: a handler importing a runtime-provided client it lacks gets it from
 * the registry (a local one here) on the first request, and the server answers without a restart.
 */
describe('serverless-workbench start-api and serve --fetch-sdk', function () {
  this.timeout(120000);
  const ws = workspace({
    'template.yaml': yaml(
      'Transform: AWS::Serverless-2016-10-31',
      'Resources:',
      '  Items:',
      '    Type: AWS::Serverless::Function',
      '    Properties:',
      '      Runtime: nodejs22.x',
      '      Handler: app.handler',
      '      CodeUri: src/',
      '      Events: {Get: {Type: HttpApi, Properties: {Path: /items, Method: GET}}}',
    ),
    'src/app.js':
      `const { from } = require('${CLIENT}');\n` + 'exports.handler = async () => ({ statusCode: 200, body: from });\n',
  });
  const template = path.join(ws.dir, 'template.yaml');
  let registry: FakeNpmRegistry;
  let cache = '';
  const running: ChildProcess[] = [];
  before(async function () {
    if (!fs.existsSync(CLI)) this.skip(); // `npm test` builds first; a bare `mocha` run may not have dist/
    if (spawnSync('npm', ['--version']).status !== 0) this.skip(); // the fetch runs npm
    registry = await startFakeNpmRegistry([
      { name: CLIENT, version: V3_VERSION, files: { 'index.js': "exports.from = 'the local registry';" } },
    ]);
  });
  beforeEach(() => (cache = fs.mkdtempSync(path.join(os.tmpdir(), 'swb-cli-sdk-'))));
  afterEach(() => {
    for (const child of running.splice(0)) child.kill('SIGTERM');
    fs.rmSync(cache, { recursive: true, force: true });
  });
  after(async () => {
    await registry?.close();
    ws.cleanup();
  });

  /** Starts the command and resolves with its URL once it prints one; stderr accumulates in `stderr()`. */
  async function start(args: string[]): Promise<{ url: string; stderr: () => string }> {
    const child = spawn(process.execPath, [CLI, ...args, '--port', '0'], {
      cwd: ws.dir,
      env: {
        ...process.env,
        SERVERLESS_WORKBENCH_SDK_CACHE: cache,
        SERVERLESS_WORKBENCH_FETCH_SDK: '',
        npm_config_registry: registry.url,
        npm_config_cache: path.join(cache, 'npm'),
      },
    });
    running.push(child);
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (d) => {
        stdout += d;
        const m = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout);
        if (m) resolve(m[1]);
      });
      child.once('exit', (code) => reject(new Error(`exited ${code}: ${stderr}`)));
    });
    return { url, stderr: () => stderr };
  }

  it('start-api --fetch-sdk fetches the client on the first request and serves every request after it', async () => {
    const server = await start(['start-api', template, '--fetch-sdk']);
    for (let i = 0; i < 2; i++) {
      const res = await fetch(`${server.url}/items`);
      assert.equal(res.status, 200, server.stderr());
      assert.equal(await res.text(), 'the local registry');
    }
    assert.ok(
      server
        .stderr()
        .includes(
          `Fetching ${CLIENT} (AWS SDK for JavaScript v3 ${V3_VERSION}) from npm; then the function runs again.`,
        ),
      server.stderr(),
    );
    assert.equal(registry.requests.filter((r) => r === CLIENT).length, 1, 'one download for both requests');
    assert.ok(fs.existsSync(path.join(cache, 'nodejs', V3_VERSION, 'node_modules', CLIENT, 'index.js')));
  });

  it('start-api without --fetch-sdk answers 500 and says how to allow it or what to install', async () => {
    const before = registry.requests.length;
    const server = await start(['start-api', template]);
    const res = await fetch(`${server.url}/items`);
    assert.equal(res.status, 500);
    assert.ok(
      server
        .stderr()
        .includes(
          `hint: ${CLIENT} is part of the nodejs22.x runtime in Lambda (AWS SDK for JavaScript v3) and not installed ` +
            `here: start the server again with --fetch-sdk (or SERVERLESS_WORKBENCH_FETCH_SDK=1) to fetch it, or ` +
            `install it in the function's folder (cd ${path.join(ws.dir, 'src')} && npm install ${CLIENT}).`,
        ),
      server.stderr(),
    );
    assert.equal(registry.requests.length, before, 'nothing was fetched');
  });

  it('serve --fetch-sdk answers the Invoke API with the payload of the run after the fetch', async () => {
    const server = await start(['serve', template, '--fetch-sdk']);
    const res = await fetch(`${server.url}/2015-03-31/functions/Items/invocations`, { method: 'POST', body: '{}' });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('x-amz-function-error'), null, server.stderr());
    assert.deepEqual(await res.json(), { statusCode: 200, body: 'the local registry' });
  });
});
