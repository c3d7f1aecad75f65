import { strict as assert } from 'assert';
import * as path from 'path';
import { failedForCredentials, loadTarget, LocalInvoker, profileCredentials } from '../../../src/core/invoke';
import { yaml } from '../helpers';
import { fn, workspace } from './fixtures';

describe('Credentials and environment of local invokes', () => {
  const ws = workspace({
    credentials: ['[dev]', 'aws_access_key_id = AKIDDEVPROFILE', 'aws_secret_access_key = dev-secret'].join('\n'),
    config: '',
    'app.js':
      'exports.handler = async () => ({ id: process.env.AWS_ACCESS_KEY_ID, ' +
      'secret: process.env.AWS_SECRET_ACCESS_KEY, ' +
      'token: process.env.AWS_SESSION_TOKEN ?? null, profile: process.env.AWS_PROFILE ?? null, ' +
      'stage: process.env.STAGE, table: process.env.TABLE });',
    'template.yaml': yaml(
      'Transform: AWS::Serverless-2016-10-31',
      'Resources:',
      '  Api:',
      '    Type: AWS::Serverless::Function',
      '    Properties:',
      '      Runtime: nodejs22.x',
      '      Handler: app.handler',
      '      CodeUri: .',
      '      Environment: {Variables: {STAGE: dev, TABLE: from-template}}',
    ),
    '.serverless-workbench/env.json': JSON.stringify({ Parameters: { STAGE: 'workspace' } }),
    'local-env.json': JSON.stringify({ Api: { TABLE: 'from-env-vars' } }),
  });
  const saved = { ...process.env };
  before(() => {
    Object.assign(process.env, {
      AWS_SHARED_CREDENTIALS_FILE: path.join(ws.dir, 'credentials'),
      AWS_CONFIG_FILE: path.join(ws.dir, 'config'),
      AWS_SESSION_TOKEN: 'shell-token',
      AWS_PROFILE: 'shell',
    });
  });
  after(() => {
    process.env = saved;
    ws.cleanup();
  });

  it("gives the function the chosen profile's credentials as Lambda's variables, not the shell's", async () => {
    const found = await profileCredentials('dev');
    assert.ok(found.ok);
    const invoker = new LocalInvoker();
    try {
      const r = await invoker.invoke({ ...fn(ws.dir, {}), credentials: found.credentials }, '{}');
      const seen = JSON.parse(r.payload);
      assert.deepEqual(
        { id: seen.id, secret: seen.secret, token: seen.token, profile: seen.profile },
        { id: 'AKIDDEVPROFILE', secret: 'dev-secret', token: null, profile: null },
      );
      assert.ok(!r.logs.includes('dev-secret'), 'the secret is never logged');
    } finally {
      await invoker.dispose();
    }
  });

  it('says what to do for a profile that has no credentials', async () => {
    const found = await profileCredentials('missing');
    assert.ok(!found.ok);
    assert.match(found.message, /^No credentials for AWS profile missing: .*aws sso login --profile missing\)\.$/);
  });

  it('recognises the SDK errors of a function that found no credentials', () => {
    assert.ok(failedForCredentials({ errorType: 'CredentialsProviderError', errorMessage: 'Could not load' }));
    assert.ok(failedForCredentials({ errorType: 'NoCredentialsError', errorMessage: 'Unable to locate credentials' }));
    assert.ok(!failedForCredentials({ errorType: 'AccessDeniedException', errorMessage: 'not authorized' }));
    assert.ok(!failedForCredentials(undefined));
  });

  it("applies an --env-vars file in SAM CLI's env.json format over the workspace's env.json", () => {
    const target = loadTarget(path.join(ws.dir, 'template.yaml'), 'Api', {
      envVarsFile: path.join(ws.dir, 'local-env.json'),
    });
    assert.ok(target.ok);
    assert.equal(target.fn.environment.STAGE, 'workspace');
    assert.equal(target.fn.environment.TABLE, 'from-env-vars');
    const missing = loadTarget(path.join(ws.dir, 'template.yaml'), 'Api', {
      envVarsFile: path.join(ws.dir, 'no.json'),
    });
    assert.deepEqual(missing, { ok: false, message: `Cannot read ${path.join(ws.dir, 'no.json')}: ENOENT` });
  });
});

describe('Region of local invokes from the chosen AWS profile', () => {
  const ws = workspace({
    config: ['[default]', 'region = us-west-2', '[profile dev]', 'output = json', 'region = eu-central-1'].join('\n'),
    'app.js': 'exports.handler = async () => [process.env.AWS_REGION, process.env.AWS_DEFAULT_REGION];',
    'template.yaml': yaml(
      'Transform: AWS::Serverless-2016-10-31',
      'Resources:',
      '  Api:',
      '    Type: AWS::Serverless::Function',
      '    Properties: {Runtime: nodejs22.x, Handler: app.handler, CodeUri: .}',
    ),
  });
  const template = path.join(ws.dir, 'template.yaml');
  const saved = process.env.AWS_CONFIG_FILE;
  before(() => {
    process.env.AWS_CONFIG_FILE = path.join(ws.dir, 'config');
  });
  after(() => {
    if (saved === undefined) delete process.env.AWS_CONFIG_FILE;
    else process.env.AWS_CONFIG_FILE = saved;
    ws.cleanup();
  });

  it("runs with the profile's region as AWS_REGION and AWS_DEFAULT_REGION, and says where it came from", async () => {
    const target = loadTarget(template, 'Api', { profile: 'dev' });
    assert.ok(target.ok);
    assert.equal(target.fn.region, 'eu-central-1');
    assert.equal(target.settings.region.from, `the region of AWS profile dev (${path.join(ws.dir, 'config')})`);
    const invoker = new LocalInvoker();
    try {
      const r = await invoker.invoke(target.fn, '{}');
      assert.deepEqual(JSON.parse(r.payload), ['eu-central-1', 'eu-central-1']);
    } finally {
      await invoker.dispose();
    }
    const byDefault = loadTarget(template, 'Api', { profile: 'default' });
    assert.ok(byDefault.ok);
    assert.equal(byDefault.fn.region, 'us-west-2', 'the [default] section is the default profile');
  });

  it('keeps a Region the user gave over the profile, and the default when the profile sets none', () => {
    const given = loadTarget(template, 'Api', {
      profile: 'dev',
      given: { region: { value: 'ap-south-1', origin: '--region' } },
    });
    assert.ok(given.ok);
    assert.equal(given.fn.region, 'ap-south-1');
    const none = loadTarget(template, 'Api', { profile: 'other' });
    assert.ok(none.ok);
    assert.equal(none.fn.region, 'us-east-1');
  });
});
