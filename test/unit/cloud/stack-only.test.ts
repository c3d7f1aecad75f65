import { strict as assert } from 'assert';
import type { DeployedStack } from '../../../src/core/cloud';
import { describeStackOnly, resourcesOnlyInStack } from '../../../src/core/cloud';
import { resourceState, stackState } from '../../../src/core/cloud/status';
import { load, yaml } from '../helpers';
import { loadExample, ordersStack, SAM_APP } from './fixtures';

/** A stack as `readDeployedStack` returns it, from the fake's description of one. */
function stackOf(resources: readonly { logicalId: string; type: string; status: string }[]): DeployedStack {
  return {
    name: 'orders-service',
    id: ordersStack().id,
    region: 'us-east-1',
    status: 'UPDATE_COMPLETE',
    state: stackState('UPDATE_COMPLETE'),
    outputs: [],
    resources: new Map(resources.map((r) => [r.logicalId, { ...r, state: resourceState(r.status) }])),
  };
}

/** What the explorer lists under "Deployed stack" for resources the template does not make. */
function onlyInStack(template: ReturnType<typeof load>, stack: DeployedStack): [string, string][] {
  return resourcesOnlyInStack(template, stack).map((r) => [r.deployed.logicalId, describeStackOnly(r)]);
}

describe('cloud: resources only the deployed stack has', () => {
  it("lists the example stack's removed topic and SAM's previous API deployment as deleted by the next deploy", () => {
    const { template } = loadExample(SAM_APP);
    assert.deepEqual(onlyInStack(template, stackOf(ordersStack().resources)), [
      ['LegacyTopic', 'only in the stack — will be deleted on next deploy'],
      // SAM names a deployment by a hash of the API's definition, which changed since that deploy.
      ['ServerlessRestApiDeployment47fc2d5f9d', 'only in the stack — will be deleted on next deploy'],
    ]);
  });

  it('matches the IDs a deploy completes (a Serverless function version); lists nothing the template makes', () => {
    const service = load(
      yaml(
        'service: greeter',
        'provider:',
        '  name: aws',
        '  runtime: nodejs20.x',
        'functions:',
        '  hello:',
        '    handler: h.run',
      ),
      'serverless.yml',
    );
    const stack = stackOf([
      { logicalId: 'HelloLambdaFunction', type: 'AWS::Lambda::Function', status: 'UPDATE_COMPLETE' },
      {
        logicalId: 'HelloLambdaVersionQx8Bz2MV0ESxiFv1L4Lz2Yg7kVbqRP1SXqwHpAKUs',
        type: 'AWS::Lambda::Version',
        status: 'CREATE_COMPLETE',
      },
      { logicalId: 'ServerlessDeploymentBucket', type: 'AWS::S3::Bucket', status: 'CREATE_COMPLETE' },
      { logicalId: 'GoodbyeLambdaFunction', type: 'AWS::Lambda::Function', status: 'CREATE_COMPLETE' },
      { logicalId: 'GoodbyeLogGroup', type: 'AWS::Logs::LogGroup', status: 'DELETE_IN_PROGRESS' },
    ]);
    assert.deepEqual(onlyInStack(service, stack), [
      ['GoodbyeLambdaFunction', 'only in the stack — will be deleted on next deploy'],
      ['GoodbyeLogGroup', 'only in the stack — DELETE_IN_PROGRESS'],
    ]);
  });

  it('does not promise a deletion when a macro, a plugin or a loop known at deploy may still make it', () => {
    const stack = stackOf([{ logicalId: 'AlarmTopic', type: 'AWS::SNS::Topic', status: 'CREATE_COMPLETE' }]);
    const cases: [string, ReturnType<typeof load>][] = [
      [
        'the transform AlarmMacro',
        load(
          yaml(
            'Transform: [AWS::Serverless-2016-10-31, AlarmMacro]',
            'Resources:',
            '  Queue:',
            '    Type: AWS::SQS::Queue',
          ),
        ),
      ],
      [
        'a Fn::Transform macro',
        load(
          yaml(
            'Resources:',
            '  Queue:',
            '    Type: AWS::SQS::Queue',
            '    Properties:',
            "      'Fn::Transform':",
            '        Name: AWS::Include',
            '        Parameters: { Location: s3://bucket/queue.yaml }',
          ),
        ),
      ],
      [
        'the plugin serverless-plugin-aws-alerts',
        load(
          yaml('service: greeter', 'provider:', '  name: aws', 'plugins:', '  - serverless-plugin-aws-alerts'),
          'serverless.yml',
        ),
      ],
    ];
    for (const [from, template] of cases)
      assert.deepEqual(onlyInStack(template, stack), [['AlarmTopic', `only in the stack — may come from ${from}`]]);
  });
});
