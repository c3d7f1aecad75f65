import { strict as assert } from 'assert';
import { readDeployedStack } from '../../../src/core/cloud/deployed-stack';
import { AwsCallError } from '../../../src/core/aws/errors';
import { stackNameOf } from '../../../src/core/cloud/stack-name';
import { describeDeployment, deploymentOf } from '../../../src/core/cloud/stack-view';
import { FakeCloudFormation } from '../../fakes/aws';
import { useTestCredentials } from './aws-env';
import { ACCOUNT, loadExample, ordersStack, REGION, SAM_APP } from './fixtures';

const SHOWN = [
  'CreateOrderFunction',
  'CreateOrderFunctionRole',
  'ProcessOrderFunction',
  'OrdersTable',
  'ReportFunction',
  'ServerlessRestApi',
];

describe('cloud: the deployed stack of a template (real SDK against a local CloudFormation)', () => {
  useTestCredentials();
  let cfn: FakeCloudFormation;
  const target = () => ({ region: REGION, endpoints: { cloudformation: cfn.url } });
  beforeEach(async () => {
    cfn = await new FakeCloudFormation([ordersStack()]).start();
  });
  afterEach(() => cfn.server.close());

  it("shows each of the examples' resources with its status and physical ID, from samconfig's stack_name", async () => {
    const { template, inputs } = loadExample(SAM_APP);
    const name = stackNameOf(template, inputs.resolution);
    assert.deepEqual(name, {
      value: 'orders-service',
      origin: 'samconfig.toml [default.deploy.parameters] stack_name',
    });
    const read = await readDeployedStack(target(), 'orders-service');
    assert.ok(read.exists);
    const byId = Object.fromEntries(
      template.resources
        .filter((r) => SHOWN.includes(r.logicalId))
        .map((r) => [r.logicalId, describeDeployment(deploymentOf(r, read))]),
    );
    assert.deepEqual(byId, {
      CreateOrderFunction: 'deployed: orders-service-CreateOrderFunction-AbC123',
      CreateOrderFunctionRole: 'deployed: orders-service-CreateOrderFunctionRole-Q1',
      ProcessOrderFunction: 'failed: Resource handler returned message: "Runtime nodejs12.x is not supported"',
      OrdersTable: 'in progress: orders-service-OrdersTable-7Y',
      ReportFunction: 'not deployed yet',
      ServerlessRestApi: 'deployed: abc123',
    });
    assert.equal(read.stack.account, ACCOUNT);
    assert.deepEqual(read.stack.state, { state: 'in-progress' });
    assert.deepEqual(
      read.stack.outputs.map((o) => [o.key, o.url]),
      [
        ['OrdersApiUrl', `https://abc123.execute-api.${REGION}.amazonaws.com/Prod/orders`],
        ['QueueName', undefined],
      ],
    );
    // Eight resources in pages of three: the client followed NextToken to the end.
    assert.deepEqual(
      cfn.server.seen.map((s) => `${s.operation} ${s.input.NextToken ?? ''}`.trim()),
      ['DescribeStacks', 'ListStackResources', 'ListStackResources 3', 'ListStackResources 6'],
    );
    assert.equal(read.stack.resources.size, 8);
  });

  it('says "not deployed yet" for every resource when the stack does not exist', async () => {
    const { template } = loadExample(SAM_APP);
    const read = await readDeployedStack(target(), 'orders-service-prod');
    assert.deepEqual(read, { exists: false, stackName: 'orders-service-prod', region: REGION });
    assert.equal(describeDeployment(deploymentOf(template.resources[0], read)), 'not deployed yet');
  });

  it('signs with the chosen profile, and with the default chain without one', async () => {
    await readDeployedStack({ ...target(), profile: 'dev' }, 'orders-service');
    await readDeployedStack(target(), 'orders-service');
    const keys = cfn.server.seen.map((s) =>
      s.credential?.split('/').slice(0, 1).concat(s.credential.split('/').slice(2, 4)),
    );
    assert.deepEqual(keys[0], ['AKIDDEVPROFILE', REGION, 'cloudformation']);
    assert.deepEqual(keys.at(-1), ['AKIDENVIRONMENT', REGION, 'cloudformation']);
  });

  it('retries throttled calls with backoff and succeeds', async () => {
    cfn.reject({
      code: 'Throttling',
      message: 'Rate exceeded',
      status: 400,
      times: 2,
      operation: 'DescribeStacks',
    });
    const read = await readDeployedStack(target(), 'orders-service');
    assert.ok(read.exists);
    assert.equal(cfn.server.seen.filter((s) => s.operation === 'DescribeStacks').length, 3);
  });

  it('explains throttling that outlasts the retries', async function () {
    // The SDK's own adaptive backoff over its 6 attempts (AWS_RETRY) runs for real: seconds, more on a busy machine.
    this.timeout(90_000);
    cfn.reject({ code: 'Throttling', message: 'Rate exceeded', status: 400, times: 10 });
    await assert.rejects(readDeployedStack(target(), 'orders-service'), (error: AwsCallError) => {
      assert.equal(error.problem.kind, 'throttled');
      assert.equal(
        error.problem.action,
        'Wait a moment and retry; other deployments in the account may be using the API quota.',
      );
      return true;
    });
  });

  it('says the credentials are expired, naming the profile and how to refresh them', async () => {
    cfn.reject({
      code: 'ExpiredToken',
      message: 'The security token included in the request is expired',
      status: 400,
      times: 5,
    });
    await assert.rejects(
      readDeployedStack({ ...target(), profile: 'dev' }, 'orders-service'),
      (error: AwsCallError) => {
        assert.equal(error.problem.kind, 'expired-credentials');
        assert.equal(
          error.message,
          'Reading stack orders-service: the credentials of profile "dev" are expired or invalid (ExpiredToken). ' +
            'Refresh them (for SSO: aws sso login --profile dev) or pick another profile.',
        );
        return true;
      },
    );
  });

  it('names the denied action', async () => {
    cfn.reject({
      code: 'AccessDenied',
      message:
        'User: arn:aws:iam::123456789012:user/dev is not authorized to perform: cloudformation:ListStackResources ' +
        'on resource: arn:aws:cloudformation:us-east-1:123456789012:stack/orders-service/*',
      status: 403,
      times: 1,
      operation: 'ListStackResources',
    });
    await assert.rejects(readDeployedStack(target(), 'orders-service'), (error: AwsCallError) => {
      assert.equal(error.problem.kind, 'access-denied');
      assert.equal(error.problem.deniedAction, 'cloudformation:ListStackResources');
      assert.equal(
        error.message,
        'Reading stack orders-service: access denied for cloudformation:ListStackResources (the default ' +
          'credential chain, us-east-1). Allow cloudformation:ListStackResources to this identity in IAM, or pick ' +
          'a profile that has it.',
      );
      return true;
    });
  });

  it('says the network is down when nothing listens', async () => {
    await cfn.server.close();
    await assert.rejects(readDeployedStack(target(), 'orders-service'), (error: AwsCallError) => {
      assert.equal(error.problem.kind, 'network');
      assert.match(error.message, /^Reading stack orders-service: cannot reach AWS in us-east-1 \(ECONNREFUSED\)/);
      return true;
    });
  });
});
