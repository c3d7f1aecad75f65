import * as assert from 'assert';
import * as path from 'path';
import { deploy, syncFunctionCode, type DeployHooks, type ReviewedChangeSet } from '../../../src/core/deploy';
import { changeSetTable } from '../../../src/core/deploy/format';
import { managedBucketName } from '../../../src/core/deploy/s3-store';
import { expiredTokenReply, startFakeAws, TEST_CREDENTIALS } from '../../fakes/aws';
import { loadChild, loadForDeploy, samApp } from './workspace';

const TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Resources:
  OrdersFunction:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs22.x
      Handler: index.handler
      CodeUri: src/
  Table:
    Type: AWS::DynamoDB::Table
    Properties:
      TableName: orders
      BillingMode: PAY_PER_REQUEST
`;
const SAMCONFIG = `version = 0.1
[default.deploy.parameters]
stack_name = "orders"
region = "us-east-1"
resolve_s3 = true
capabilities = "CAPABILITY_IAM"
tags = "team=\\"orders\\""
`;
const POLL_MS = 5;

/**
 * Deploy and sync against local servers that speak S3's REST, STS's and CloudFormation's query and Lambda's
 * REST-JSON protocols (test/fakes/aws), driven by the real SDK v3 clients through endpoint overrides.
 */
describe('deploy and sync against local AWS protocol servers', function () {
  this.timeout(60_000);
  let aws: Awaited<ReturnType<typeof startFakeAws>>;
  const saved = { ...process.env };
  before(async () => {
    Object.assign(process.env, TEST_CREDENTIALS);
    delete process.env.AWS_PROFILE;
    aws = await startFakeAws();
  });
  after(async () => {
    process.env = saved;
    await aws.close();
  });

  function hooks(answer = true) {
    const seen = { progress: [] as string[], reviewed: [] as ReviewedChangeSet[], events: [] as string[] };
    const h: DeployHooks = {
      progress: (m) => seen.progress.push(m),
      confirm: async (cs) => {
        seen.reviewed.push(cs);
        return answer;
      },
      event: (e) => seen.events.push(`${e.logicalId} ${e.status}`),
    };
    return { seen, hooks: h };
  }

  const app = samApp({
    'template.yaml': TEMPLATE,
    'samconfig.toml': SAMCONFIG,
    'src/index.js': 'exports.handler = async () => 1;\n',
  });
  const file = path.join(app.dir, 'template.yaml');
  const run = (answer = true) => {
    const { template, config } = loadForDeploy(file);
    const h = hooks(answer);
    return deploy({ template, config, endpoints: aws.endpoints, loadChild, pollMs: POLL_MS }, h.hooks).then(
      (outcome) => ({
        outcome,
        template,
        ...h.seen,
      }),
    );
  };

  it('first deploy: creates the managed bucket, uploads code, reviews a CREATE change set, shows events', async () => {
    const { outcome, template, reviewed, events } = await run();
    const bucket = managedBucketName('123456789012', 'us-east-1');
    assert.equal(outcome.status, 'deployed');
    if (outcome.status !== 'deployed') return;
    assert.deepEqual([outcome.packaging.bucket, outcome.packaging.bucketCreated], [bucket, true]);
    assert.equal(aws.s3.server.count('CreateBucket'), 1);
    const [artifact] = outcome.packaging.artifacts;
    assert.equal(artifact.uploaded, true);
    assert.ok(aws.s3.object(bucket, artifact.key), 'the zip is in the bucket under its MD5');
    assert.equal(outcome.packaging.uploadedBytes, artifact.bytes);
    assert.equal(outcome.stackStatus, 'CREATE_COMPLETE');
    assert.deepEqual(changeSetTable(reviewed[0], template), [
      'Review Change Set — orders: 2 to add, 0 to modify, 0 to remove, 0 replacements (new stack)',
      'Action  Logical ID      Type                       Physical ID  Replacement  Template            Changes',
      'Add     OrdersFunction  AWS::Serverless::Function                            template.yaml:4:3',
      'Add     Table           AWS::DynamoDB::Table                                 template.yaml:10:3',
    ]);
    assert.deepEqual(events, [
      'orders CREATE_IN_PROGRESS',
      'OrdersFunction CREATE_IN_PROGRESS',
      'OrdersFunction CREATE_COMPLETE',
      'Table CREATE_IN_PROGRESS',
      'Table CREATE_COMPLETE',
      'orders CREATE_COMPLETE',
    ]);
    const stack = aws.cloudformation.stacks.get('orders')!;
    assert.deepEqual(stack.tags, { team: 'orders' });
    assert.match(
      stack.resources.get('OrdersFunction')!.definition,
      new RegExp(`"CodeUri":"s3://${bucket}/${artifact.key}"`),
    );
  });

  it('unchanged code is not uploaded again, and an unchanged template is "no changes"', async () => {
    const puts = aws.s3.server.count('PutObject');
    const { outcome } = await run();
    assert.equal(outcome.status, 'no-changes');
    if (outcome.status !== 'no-changes') return;
    assert.equal(aws.s3.server.count('PutObject'), puts);
    assert.deepEqual(
      outcome.packaging.artifacts.map((a) => a.uploaded),
      [false],
    );
    assert.equal(outcome.packaging.uploadedBytes, 0);
    assert.equal(aws.s3.server.count('CreateBucket'), 1, 'the managed bucket is created once');
  });

  it('a change set with a replacement shows Modify rows with Replacement True at the resource', async () => {
    app.write('template.yaml', TEMPLATE.replace('TableName: orders', 'TableName: orders-v2'));
    app.write('src/index.js', 'exports.handler = async () => 2;\n');
    aws.cloudformation.replaceOnChange.add('Table');
    const { outcome, reviewed, template } = await run();
    assert.equal(outcome.status, 'deployed');
    assert.deepEqual(
      reviewed[0].rows.map((r) => [r.action, r.logicalId, r.replacement, r.scope, r.details]),
      [
        [
          'Modify',
          'OrdersFunction',
          'False',
          ['Properties'],
          [{ attribute: 'Properties', name: 'CodeUri', requiresRecreation: 'Never' }],
        ],
        [
          'Modify',
          'Table',
          'True',
          ['Properties'],
          [{ attribute: 'Properties', name: 'TableName', requiresRecreation: 'Always' }],
        ],
      ],
    );
    assert.deepEqual(changeSetTable(reviewed[0], template), [
      'Review Change Set — orders: 0 to add, 2 to modify, 0 to remove, 1 replacement',
      'Action  Logical ID      Type                       Physical ID                   Replacement  Template' +
        '            Changes',
      'Modify  OrdersFunction  AWS::Serverless::Function  orders-OrdersFunction-ABCDEF  False        ' +
        'template.yaml:4:3   Properties: CodeUri',
      'Modify  Table           AWS::DynamoDB::Table       orders-Table-ABCDEF           True         ' +
        'template.yaml:10:3  Properties: TableName (requires recreation)',
    ]);
  });

  it('a failed deploy rolls back and reports the first failing resource, not the cancelled ones', async () => {
    app.write('template.yaml', TEMPLATE.replace('BillingMode: PAY_PER_REQUEST', 'BillingMode: PROVISIONED'));
    app.write('src/index.js', 'exports.handler = async () => 3;\n');
    aws.cloudformation.failResource = {
      logicalId: 'OrdersFunction',
      reason: 'Resource handler returned message: "Code storage limit exceeded."',
    };
    const { outcome, template, events } = await run();
    aws.cloudformation.failResource = undefined;
    assert.equal(outcome.status, 'failed');
    if (outcome.status !== 'failed') return;
    assert.equal(outcome.stackStatus, 'UPDATE_ROLLBACK_COMPLETE');
    assert.deepEqual(
      [outcome.firstFailure?.logicalId, outcome.firstFailure?.reason],
      ['OrdersFunction', 'Resource handler returned message: "Code storage limit exceeded."'],
    );
    assert.deepEqual(outcome.firstFailure?.span, template.resourceById.get('OrdersFunction')!.span);
    assert.ok(events.includes('Table UPDATE_FAILED'), 'the cancelled resource is still shown');
  });

  it('declining the change set deploys nothing and deletes it', async () => {
    app.write('template.yaml', TEMPLATE.replace('TableName: orders', 'TableName: orders-v3'));
    const before = aws.cloudformation.stacks.get('orders')!.resources.get('Table')!.definition;
    const { outcome } = await run(false);
    assert.equal(outcome.status, 'declined');
    assert.equal(aws.cloudformation.server.count('DeleteChangeSet'), 1);
    assert.equal(aws.cloudformation.server.count('ExecuteChangeSet'), 3);
    assert.equal(aws.cloudformation.stacks.get('orders')!.resources.get('Table')!.definition, before);
  });

  it('expired credentials stop the deploy before anything changes, with a way out', async () => {
    aws.sts.server.fail({ operation: 'GetCallerIdentity', times: 1, reply: expiredTokenReply() });
    const { outcome } = await run();
    assert.equal(outcome.status, 'error');
    if (outcome.status !== 'error') return;
    assert.equal(outcome.problem?.kind, 'expired-credentials');
    assert.equal(
      outcome.message,
      'Opening the artifact bucket: the credentials of the default credential chain are expired or invalid ' +
        '(ExpiredToken).',
    );
    assert.match(outcome.problem?.action ?? '', /aws sso login/);
  });

  it('throttled calls are retried with backoff by the SDK and the deploy goes on', async () => {
    app.write('template.yaml', TEMPLATE.replace('TableName: orders', 'TableName: orders-v4'));
    const before = aws.cloudformation.server.count('DescribeStacks');
    aws.cloudformation.reject({
      operation: 'DescribeStacks',
      times: 2,
      status: 400,
      code: 'Throttling',
      message: 'Rate exceeded',
    });
    const { outcome } = await run();
    assert.equal(outcome.status, 'deployed');
    assert.equal(aws.cloudformation.server.count('DescribeStacks') - before, 3);
  });

  it('sync code: UpdateFunctionCode with the same zip, waits for Successful, then finds nothing to send', async () => {
    const { template, config } = loadForDeploy(file);
    const physical = aws.cloudformation.stacks.get('orders')!.resources.get('OrdersFunction')!.physicalId;
    aws.lambda.addFunction(physical, Buffer.from('old zip'));
    app.write('src/index.js', 'exports.handler = async () => 5;\n');
    const request = {
      template,
      logicalId: 'OrdersFunction',
      connection: { region: config.region, endpoints: aws.endpoints },
      stackName: config.stackName,
    };
    const first = await syncFunctionCode(request);
    assert.equal(first.status, 'updated');
    assert.equal(aws.lambda.functions.get(physical)!.lastUpdateStatus, 'Successful');
    assert.ok(aws.lambda.server.count('GetFunction') >= 3, 'read before, then polled until Successful');
    const again = await syncFunctionCode(request);
    assert.deepEqual(again, { status: 'unchanged', functionName: physical });
    assert.equal(aws.lambda.server.count('UpdateFunctionCode'), 1);
  });

  it('sync code refuses when the template changed beyond the code, and offers a deploy instead', async () => {
    const deployed = aws.cloudformation.stacks.get('orders')!.templateBody!;
    assert.match(deployed, /CodeUri: "s3:\/\//, 'the stack holds the packaged template, its code in S3');
    const updates = aws.lambda.server.count('UpdateFunctionCode');
    const syncWith = async (text: string) => {
      app.write('template.yaml', text);
      app.write('src/index.js', `exports.handler = async () => ${JSON.stringify(text.length)};\n`);
      const { template, config } = loadForDeploy(file);
      return syncFunctionCode({
        template,
        logicalId: 'OrdersFunction',
        connection: { region: config.region, endpoints: aws.endpoints },
        stackName: config.stackName,
      });
    };
    const current = TEMPLATE.replace('TableName: orders', 'TableName: orders-v4');
    try {
      const memory = await syncWith(current.replace('CodeUri: src/', 'CodeUri: src/\n      MemorySize: 512'));
      assert.deepEqual(memory, {
        status: 'error',
        message:
          "The template changed since the last deploy (OrdersFunction's definition changed beyond its code): " +
          'deploy instead of syncing code.',
        deployInstead: true,
      });
      const queue = await syncWith(`${current}  Queue:\n    Type: AWS::SQS::Queue\n`);
      assert.equal(
        queue.status === 'error' && queue.message,
        'The template changed since the last deploy (resources were added Queue): deploy instead of syncing code.',
      );
      assert.equal(aws.lambda.server.count('UpdateFunctionCode'), updates, 'no code was sent');
      const codeOnly = await syncWith(current);
      assert.equal(codeOnly.status, 'updated', 'a change of code alone is synced');
      assert.ok(aws.cloudformation.server.count('GetTemplate') >= 3);
    } finally {
      app.write('template.yaml', current);
    }
  });

  it('access denied names the denied action', async () => {
    const { template, config } = loadForDeploy(file);
    aws.lambda.server.fail({
      operation: 'GetFunction',
      times: 1,
      reply: {
        status: 403,
        headers: { 'Content-Type': 'application/json', 'x-amzn-ErrorType': 'AccessDeniedException' },
        body: JSON.stringify({
          Message:
            'User: arn:aws:iam::123456789012:user/dev is not authorized to perform: lambda:GetFunction on resource: ' +
            'arn:aws:lambda:us-east-1:123456789012:function:x because no identity-based policy allows the ' +
            'lambda:GetFunction action',
        }),
      },
    });
    const outcome = await syncFunctionCode({
      template,
      logicalId: 'OrdersFunction',
      connection: { region: config.region, endpoints: aws.endpoints },
      stackName: config.stackName,
    });
    assert.equal(outcome.status, 'error');
    if (outcome.status !== 'error') return;
    assert.deepEqual([outcome.problem?.kind, outcome.problem?.deniedAction], ['access-denied', 'lambda:GetFunction']);
    assert.equal(
      outcome.problem?.action,
      'Allow lambda:GetFunction to this identity in IAM, or pick a profile that has it.',
    );
  });
});
