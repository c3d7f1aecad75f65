import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import type { DeployOutcome } from '../../src/core/deploy';
import { managedBucketName } from '../../src/core/deploy/s3-store';
import { startFakeAws, TEST_CREDENTIALS } from '../fakes/aws';
import { eventually, workbench, workspaceUri } from './workbench';

/**
 * Deploy from the real editor against local servers that speak S3, STS, CloudFormation and Lambda's protocols
 * (test/fakes/aws). The extension's AWS clients are pointed at them with the SDK's own service-specific endpoint
 * variables (AWS_ENDPOINT_URL_S3, _STS, _CLOUDFORMATION, _LAMBDA), set here inside the extension host; nothing
 * test-only is in the product.
 */
describe('deploy in VS Code', function () {
  this.timeout(180_000);
  let aws: Awaited<ReturnType<typeof startFakeAws>>;
  const saved = { ...process.env };
  before(async () => {
    await workbench();
    aws = await startFakeAws();
    // Every event at the first poll: the suite checks the flow, not CloudFormation's pace.
    aws.cloudformation.eventsPerCall = 100;
    Object.assign(process.env, TEST_CREDENTIALS, aws.variables);
    delete process.env.AWS_PROFILE;
  });
  after(async () => {
    process.env = saved;
    await aws?.close();
  });

  it('deploys the example after the change set is reviewed and confirmed, then finds nothing more to do', async () => {
    const templateUri = workspaceUri('sam-app', 'template.yaml');
    const running = vscode.commands.executeCommand<DeployOutcome | undefined>(
      'serverlessWorkbench.deploy',
      templateUri,
    );
    await eventually('the change set review', () => aws.cloudformation.changeSets.size === 1, 60_000);
    assert.equal(aws.cloudformation.stacks.get('orders-service')?.status, 'REVIEW_IN_PROGRESS', 'nothing executed yet');
    // The review's first item is "Deploy N change(s)": accepting it is the user's confirmation.
    await eventually(
      'the review accepted',
      async () => {
        await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
        return aws.cloudformation.server.count('ExecuteChangeSet') === 1;
      },
      20_000,
    );
    const outcome = await running;
    assert.equal(outcome?.status, 'deployed', JSON.stringify(outcome));
    assert.equal(aws.cloudformation.stacks.get('orders-service')?.status, 'CREATE_COMPLETE');
    assert.ok(aws.s3.buckets.has(managedBucketName('123456789012', 'us-east-1')), 'the managed bucket was created');
    assert.deepEqual([...aws.cloudformation.stacks.get('orders-service')!.resources.keys()].sort(), [
      'CreateOrderFunction',
      'NightlyExport',
      'OrdersDeadLetterQueue',
      'OrdersQueue',
      'OrdersTable',
      'ProcessOrderFunction',
      'ReportFunction',
      'ReportsBucket',
    ]);
    const puts = aws.s3.server.count('PutObject');
    const again = await vscode.commands.executeCommand<DeployOutcome | undefined>(
      'serverlessWorkbench.deploy',
      templateUri,
    );
    assert.equal(again?.status, 'no-changes');
    assert.equal(aws.s3.server.count('PutObject'), puts, 'unchanged code is not uploaded again');
  });
});
