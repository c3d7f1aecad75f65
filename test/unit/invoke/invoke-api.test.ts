import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as http from 'http';
import * as path from 'path';
import {
  InvokeApiServer,
  invokeRemote,
  LocalInvoker,
  localFunctionOf,
  loadFunction,
  type Target,
} from '../../../src/core/invoke';
import { EMPTY_OVERRIDES } from '../../../src/core/invoke/overrides';
import { awsProfileNames } from '../../../src/core/aws/profiles';
import { load, yaml } from '../helpers';
import { request, startCloudFormationStub, workspace } from './fixtures';

const ws = workspace({
  'template.yaml': yaml(
    'Transform: AWS::Serverless-2016-10-31',
    'Parameters:',
    '  EchoName: {Type: String, Default: Echo}',
    '  Unset: {Type: String}',
    'Resources:',
    '  Echo:',
    '    Type: AWS::Serverless::Function',
    '    Properties: {Runtime: nodejs22.x, Handler: app.echo, CodeUri: src/, MemorySize: 1024}',
    '  Fails:',
    '    Type: AWS::Serverless::Function',
    '    Properties: {Runtime: nodejs22.x, Handler: app.fails, CodeUri: src/}',
    '  Named:',
    '    Type: AWS::Serverless::Function',
    '    Properties: {Runtime: nodejs22.x, Handler: app.echo, CodeUri: src/, FunctionName: !Ref EchoName}',
    '  Unnamed:',
    '    Type: AWS::Serverless::Function',
    '    Properties: {Runtime: nodejs22.x, Handler: app.echo, CodeUri: src/, FunctionName: !Ref Unset}',
  ),
  'src/app.js': [
    "exports.echo = async (event, context) => { console.log('echoing'); return { event, client: " +
      'context.clientContext }; };',
    "exports.fails = async () => { throw new Error('nope'); };",
  ].join('\n'),
  'samconfig.toml': [
    'version = 0.1',
    '[default.deploy.parameters]',
    'stack_name = "shop"  # the stack',
    'region = "eu-central-1"',
    'capabilities = ["CAPABILITY_IAM", "CAPABILITY_AUTO_EXPAND"]',
    '[prod.deploy.parameters]',
    "stack_name = 'shop-prod'",
  ].join('\n'),
});
const template = load(fs.readFileSync(path.join(ws.dir, 'template.yaml'), 'utf8'), path.join(ws.dir, 'template.yaml'));
const targets = new Map(
  template.functions.map((v) => [v.logicalId, localFunctionOf(template, v, { overrides: EMPTY_OVERRIDES })]),
);
const notFound: Target = { ok: false, notFound: true, message: 'No function' };

function post(port: number, name: string, body: string | Buffer, headers: http.OutgoingHttpHeaders = {}) {
  return request(port, 'POST', `/2015-03-31/functions/${name}/invocations`, body, headers);
}

describe('Invoke API server (sam local start-lambda compatible)', () => {
  const invoker = new LocalInvoker();
  const server = new InvokeApiServer({
    invoker,
    resolve: (name) => targets.get(name) ?? targets.get(name.replace(/^shop-(\w+)-AbC123$/, '$1')) ?? notFound,
  });
  let port = 0;
  before(async () => {
    port = await server.start();
  });
  after(async () => {
    await server.close();
    await invoker.dispose();
    ws.cleanup();
  });

  it('answers RequestResponse with the result, the version and a base64 log tail when asked', async () => {
    const clientContext = Buffer.from(JSON.stringify({ custom: { who: 'test' } })).toString('base64');
    const r = await post(port, 'Echo', '{"a":1}', { 'X-Amz-Log-Type': 'Tail', 'X-Amz-Client-Context': clientContext });
    assert.equal(r.status, 200);
    assert.deepEqual(JSON.parse(r.body), { event: { a: 1 }, client: { custom: { who: 'test' } } });
    assert.equal(r.headers['x-amz-executed-version'], '$LATEST');
    assert.equal(r.headers['x-amz-function-error'], undefined);
    const tail = Buffer.from(String(r.headers['x-amz-log-result']), 'base64').toString();
    assert.match(tail, /echoing[\s\S]*REPORT RequestId: \S+\tDuration: [\d.]+ ms/);
  });

  it('marks a failed function with X-Amz-Function-Error: Unhandled and the error body', async () => {
    const r = await post(port, 'arn:aws:lambda:us-east-1:123456789012:function:Fails:$LATEST', '{}');
    assert.equal(r.status, 200);
    assert.equal(r.headers['x-amz-function-error'], 'Unhandled');
    assert.equal(JSON.parse(r.body).errorMessage, 'nope');
  });

  it('answers Event with 202 and DryRun with 204', async () => {
    assert.equal((await post(port, 'Echo', '{}', { 'X-Amz-Invocation-Type': 'Event' })).status, 202);
    const dry = await post(port, 'Echo', '{}', { 'X-Amz-Invocation-Type': 'DryRun' });
    assert.equal(dry.status, 204);
  });

  it('answers with the service error shapes: unknown function, bad JSON, too large', async () => {
    const missing = await post(port, 'Nope', '{}');
    assert.equal(missing.status, 404);
    assert.equal(missing.headers['x-amzn-errortype'], 'ResourceNotFoundException');
    assert.match(
      JSON.parse(missing.body).message,
      /Function not found: arn:aws:lambda:us-east-1:123456789012:function:Nope/,
    );
    const bad = await post(port, 'Echo', '{"a":');
    assert.equal(bad.status, 400);
    assert.equal(bad.headers['x-amzn-errortype'], 'InvalidRequestContentException');
    const big = await post(port, 'Echo', Buffer.alloc(1024 * 1024 + 1, 0x20), { 'X-Amz-Invocation-Type': 'Event' });
    assert.equal(big.status, 413);
    assert.equal(big.headers['x-amzn-errortype'], 'RequestTooLargeException');
  });

  it('refuses to bind anywhere but loopback', async () => {
    const open = new InvokeApiServer({ invoker, resolve: () => notFound, host: '0.0.0.0' });
    await assert.rejects(open.start(), /binds to loopback only/);
  });

  describe('remote invoke through the AWS SDK against this endpoint', () => {
    let cfn: Awaited<ReturnType<typeof startCloudFormationStub>>;
    const saved = { ...process.env };
    before(async () => {
      Object.assign(process.env, { AWS_ACCESS_KEY_ID: 'AKIDLOCALTEST', AWS_SECRET_ACCESS_KEY: 'local-secret' });
      delete process.env.AWS_PROFILE;
      cfn = await startCloudFormationStub((logicalId) => `shop-${logicalId}-AbC123`);
    });
    after(() => {
      process.env = saved;
      cfn.close();
    });

    it('finds the physical name in the stack from samconfig.toml and invokes it with LogType Tail', async () => {
      const found = loadFunction(path.join(ws.dir, 'template.yaml'), 'Echo');
      assert.ok(found.ok);
      const defaults = {
        stackName: found.inputs.resolution.stackName?.value,
        region: found.inputs.resolution.region?.value,
      };
      assert.deepEqual(
        { stack: defaults.stackName, region: defaults.region },
        { stack: 'shop', region: 'eu-central-1' },
      );
      const view = template.functions.find((f) => f.logicalId === 'Echo')!;
      const r = await invokeRemote({
        template,
        view,
        payload: '{"remote":true}',
        region: defaults.region!,
        stackName: defaults.stackName,
        endpoints: { lambda: `http://127.0.0.1:${port}`, cloudformation: cfn.url },
      });
      assert.deepEqual(cfn.seen, ['DescribeStackResource shop Echo']);
      assert.equal(r.functionName, 'shop-Echo-AbC123');
      assert.deepEqual(JSON.parse(r.payload).event, { remote: true });
      assert.equal(r.functionError, undefined);
      assert.ok(r.durationMs > 0, 'duration read from the REPORT line of the tail');
      assert.equal(r.memorySizeMb, 1024);
      assert.ok(r.billedDurationMs >= Math.ceil(r.durationMs));
      assert.match(r.logs, /echoing/);
      assert.ok(r.costUsd > 0);
    });

    it(
      'names the deployed function by FunctionName: !Ref ' + 'P as the model resolves it, and says where from',
      async () => {
        const view = template.functions.find((f) => f.logicalId === 'Named')!;
        const r = await invokeRemote({
          template,
          view,
          payload: '{}',
          region: 'eu-central-1',
          stackName: 'shop',
          endpoints: { lambda: `http://127.0.0.1:${port}`, cloudformation: cfn.url },
        });
        assert.equal(r.functionName, 'Echo');
        assert.deepEqual(r.settings.functionName, {
          value: 'Echo',
          from: 'Default of parameter EchoName',
          line: 'FunctionName Echo — Default of parameter EchoName',
        });
        assert.ok(!cfn.seen.some((c) => c.endsWith(' Named')), 'no stack lookup, and never the logical ID');
      },
    );

    it('says FunctionName is unknown and looks the function up in the stack instead', async () => {
      const view = template.functions.find((f) => f.logicalId === 'Unnamed')!;
      const common = {
        template,
        view,
        payload: '{}',
        region: 'eu-central-1',
        endpoints: { lambda: `http://127.0.0.1:${port}`, cloudformation: cfn.url },
      };
      const r = await invokeRemote({ ...common, stackName: 'shop' });
      assert.equal(cfn.seen.at(-1), 'DescribeStackResource shop Unnamed');
      assert.equal(r.functionName, 'shop-Unnamed-AbC123');
      assert.equal(
        r.settings.functionName.line,
        'FunctionName unknown (parameter Unset has no Default and no value was given); the physical ID of ' +
          'Unnamed in stack shop: shop-Unnamed-AbC123',
      );
      await assert.rejects(
        invokeRemote(common),
        /FunctionName is unknown \(parameter Unset has no Default and no value was given\), and there is no stack name/,
      );
    });

    it('reports a remote function error with its type, and refuses a payload over 6 MB before sending', async () => {
      const view = template.functions.find((f) => f.logicalId === 'Fails')!;
      const common = {
        template,
        view,
        region: 'eu-central-1',
        explicitName: 'Fails',
        endpoints: { lambda: `http://127.0.0.1:${port}` },
      };
      const r = await invokeRemote({ ...common, payload: '{}' });
      assert.deepEqual(r.functionError, { errorType: 'Error', errorMessage: 'nope' });
      await assert.rejects(
        invokeRemote({ ...common, payload: 'x'.repeat(6 * 1024 * 1024 + 1) }),
        /at most 6291456 bytes/,
      );
    });
  });
});

describe('AWS profile names for the picker', () => {
  it('lists profiles from config and credentials headers, without anything else from the files', () => {
    const home = workspace({
      '.aws/config':
        '[default]\nregion = eu-west-1\n[profile dev]\nregion = us-east-1\n[sso-session corp]\nsso_start_url = ' +
        'https://x\n',
      '.aws/credentials': '[ci]\naws_access_key_id = AKIDEXAMPLE\naws_secret_access_key = secret\n',
    });
    try {
      const names = awsProfileNames(home.dir, {});
      assert.deepEqual(names, ['ci', 'default', 'dev']);
      assert.ok(!JSON.stringify(names).includes('AKID'));
    } finally {
      home.cleanup();
    }
  });
});
