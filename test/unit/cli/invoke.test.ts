import { strict as assert } from 'assert';
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { startCloudFormationStub, workspace } from '../invoke/fixtures';

const ROOT = path.resolve(__dirname, '../../..');
const CLI = path.join(ROOT, 'dist/cli.js');

function cli(args: string[], input?: string): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', input });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('serverless-workbench invoke and serve', function () {
  const ws = workspace({
    'template.yaml': [
      'Transform: AWS::Serverless-2016-10-31',
      'Globals:',
      '  Function: {Runtime: nodejs22.x, CodeUri: src/, Timeout: 1, Environment: {Variables: {TABLE: !Ref ' +
        'Orders, STAGE: !Ref Stage}}}',
      'Parameters:',
      '  Stage: {Type: String, Default: dev}',
      '  Seconds: {Type: Number, Default: 10}',
      '  Mem: {Type: Number, Default: 1024}',
      'Resources:',
      '  Configured: {Type: AWS::Serverless::Function, Properties: {Handler: app.ok, Timeout: !Ref Seconds, ' +
        'MemorySize: !Ref Mem, FunctionName: !Sub "orders-${Stage}"}}',
      '  Ok: {Type: AWS::Serverless::Function, Properties: {Handler: app.ok}}',
      '  Fails: {Type: AWS::Serverless::Function, Properties: {Handler: app.fails}}',
      '  Hangs: {Type: AWS::Serverless::Function, Properties: {Handler: app.hangs}}',
      '  Orders: {Type: AWS::DynamoDB::Table, Properties: {TableName: orders-dev}}',
    ].join('\n'),
    'src/app.js': [
      'exports.ok = async (event) => ({ event, table: process.env.TABLE, stage: process.env.STAGE });',
      "exports.fails = async () => { throw new Error('failed on purpose'); };",
      'exports.hangs = () => new Promise(() => setInterval(() => {}, 1000));',
    ].join('\n'),
    'bad.json': '{"a": 1,\n "b": ]\n}',
  });
  const template = path.join(ws.dir, 'template.yaml');
  before(function () {
    if (!fs.existsSync(CLI)) this.skip(); // `npm test` builds first; a bare `mocha` run may not have dist/
  });
  after(() => ws.cleanup());

  it('prints the documented JSON and exits 0 when the function succeeds', () => {
    const r = cli(['invoke', template, 'Ok', '--event', '-', '--format', 'json'], '{"id": 7}');
    assert.equal(r.code, 0, r.stderr);
    const json = JSON.parse(r.stdout);
    assert.deepEqual(Object.keys(json), [
      'payload',
      'functionError',
      'logs',
      'durationMs',
      'billedDurationMs',
      'maxMemoryUsedMb',
      'initDurationMs',
      'cold',
      'costUsd',
      'settings',
    ]);
    assert.deepEqual(json.settings, {
      timeoutSeconds: { value: 1, from: 'Globals' },
      memorySizeMb: { value: 128, from: 'Lambda default' },
      functionName: { value: 'Ok', from: 'not set (AWS generates one at deploy); using the logical ID' },
      architecture: { value: 'x86_64', from: 'Lambda default' },
      region: {
        value: 'us-east-1',
        from: "the invoker's default Region (no Region in samconfig, settings, flags or the AWS profile)",
      },
    });
    assert.deepEqual(
      json.payload,
      { event: { id: 7 }, table: 'orders-dev', stage: 'dev' },
      'Globals environment with !Ref resolved',
    );
    assert.equal(json.functionError, null);
    assert.equal(json.cold, true);
    assert.ok(json.billedDurationMs >= 1 && json.initDurationMs > 0 && json.costUsd > 0);
    assert.match(json.logs, /START RequestId: [\s\S]*END RequestId: [\s\S]*REPORT RequestId: /);
  });

  it('says in text what it ran with: Timeout: !Ref Seconds from --parameter-overrides, its name and Region', () => {
    const r = cli(['invoke', template, 'Configured', '--parameter-overrides', 'Seconds=2', '--region', 'eu-west-1']);
    assert.equal(r.code, 0, r.stderr);
    const said = r.stderr.split('\n').slice(0, 5);
    assert.deepEqual(said, [
      'Timeout 2 s — parameter Seconds from --parameter-overrides',
      'Memory 1024 MB — Default of parameter Mem',
      'FunctionName orders-dev — Default of parameter Stage',
      'Architecture x86_64 — Lambda default',
      'Region eu-west-1 — --region',
    ]);
    assert.match(r.stderr, /Memory Size: 1024 MB/, 'the REPORT line shows the memory it ran with');
  });

  it('exits 1 on a function error or a timeout, with the error on stderr', () => {
    const failed = cli(['invoke', template, 'Fails']);
    assert.equal(failed.code, 1);
    assert.match(failed.stderr, /Function error: Error: failed on purpose/);
    const hung = cli(['invoke', template, 'Hangs', '--format', 'json']);
    assert.equal(hung.code, 1);
    assert.match(JSON.parse(hung.stdout).functionError.errorMessage, /Task timed out after 1\.00 seconds/);
  });

  it('exits 2 on usage and I/O errors: bad event JSON with its position, unknown function, missing file', () => {
    const bad = cli(['invoke', template, 'Ok', '--event', path.join(ws.dir, 'bad.json')]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /bad\.json:2:7: invalid JSON: value expected/);
    const unknown = cli(['invoke', template, 'Nope']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /No function Nope .*functions: Configured, Ok, Fails, Hangs/);
    assert.equal(cli(['invoke', path.join(ws.dir, 'missing.yaml'), 'Ok']).code, 2);
    assert.equal(cli(['invoke', template]).code, 2);
  });

  async function serve(): Promise<{ server: ReturnType<typeof spawn>; port: number }> {
    const server = spawn(process.execPath, [CLI, 'serve', template, '--port', '0'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const port = await new Promise<number>((resolve, reject) => {
      server.stdout!.on('data', (d: Buffer) => {
        const m = /http:\/\/127\.0\.0\.1:(\d+)/.exec(d.toString());
        if (m) resolve(Number(m[1]));
      });
      server.once('exit', (code) => reject(new Error(`serve exited ${code}`)));
    });
    return { server, port };
  }

  it(
    'invokes --remote through the SDK: stack lookup in ' + 'CloudFormation, then Lambda Invoke with the log tail',
    async () => {
      const { server, port } = await serve();
      const cfn = await startCloudFormationStub((logicalId) => logicalId);
      try {
        const env = {
          ...process.env,
          AWS_ACCESS_KEY_ID: 'AKIDLOCALTEST',
          AWS_SECRET_ACCESS_KEY: 'local-secret',
          AWS_PROFILE: '',
          AWS_ENDPOINT_URL_LAMBDA: `http://127.0.0.1:${port}`,
          AWS_ENDPOINT_URL_CLOUDFORMATION: cfn.url,
        };
        const child = spawn(
          process.execPath,
          [CLI, 'invoke', template, 'Ok', '--remote', '--stack', 'shop', '--region', 'eu-west-1', '--format', 'json'],
          { cwd: ROOT, env },
        );
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d) => (stdout += d));
        child.stderr.on('data', (d) => (stderr += d));
        const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
        assert.equal(code, 0, stderr);
        assert.deepEqual(cfn.seen, ['DescribeStackResource shop Ok']);
        const json = JSON.parse(stdout);
        assert.deepEqual(json.payload.event, {});
        assert.match(json.logs, /REPORT RequestId/);
        assert.ok(json.durationMs > 0 && json.costUsd > 0);
        assert.doesNotMatch(stdout + stderr, /local-secret|AKIDLOCALTEST/, 'credentials never printed');
      } finally {
        cfn.close();
        server.kill('SIGTERM');
      }
    },
  );

  it('serves the Invoke API on loopback until interrupted, leaving no process behind', async () => {
    const { server, port } = await serve();
    const res = await fetch(`http://127.0.0.1:${port}/2015-03-31/functions/Ok/invocations`, {
      method: 'POST',
      body: '{"via":"sdk"}',
    });
    assert.equal(res.status, 200);
    assert.deepEqual(((await res.json()) as { event: unknown }).event, { via: 'sdk' });
    const runtimes = spawnSync('pgrep', ['-P', String(server.pid)], { encoding: 'utf8' }).stdout.trim();
    assert.ok(runtimes, 'a warm runtime is running under the server');
    server.kill('SIGTERM');
    const code = await new Promise<number | null>((resolve) => server.once('exit', resolve));
    assert.equal(code, 0);
    for (const pid of runtimes.split('\n').map(Number)) {
      assert.throws(() => process.kill(pid, 0), 'runtime stopped with the server');
    }
  });
});
