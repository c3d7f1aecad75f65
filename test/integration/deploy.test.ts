import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import type { DeployOutcome } from '../../src/core/deploy';
import { managedBucketName } from '../../src/core/deploy/s3-store';
import type { ReviewState } from '../../src/vscode/deploy/review';
import { startFakeAws, TEST_CREDENTIALS } from '../fakes/aws';
import { clickInWebview, screenshot, webviewContents } from './report';
import { eventually, webviewTabs, workbench, workspaceUri } from './workbench';

const REVIEW_VIEW = 'serverlessWorkbench.changeSetReview';
/** Loading a webview document (host frame, service worker, content) took about a second here; leave room. */
const RENDER_TIMEOUT_MS = 15_000;

/** Packaging and creating the change set took up to half a minute on a busy machine. */
const CHANGE_SET_TIMEOUT_MS = 60_000;

/** The review's rows as its page laid them out and reported them back, once it has. */
async function reviewShown(): Promise<ReviewState & { rows: readonly (readonly string[])[] }> {
  await eventually('the review panel', () => webviewTabs(REVIEW_VIEW).length === 1, CHANGE_SET_TIMEOUT_MS);
  return eventually(
    'the review page to show its rows',
    async () => {
      const state = await vscode.commands.executeCommand<ReviewState | undefined>(
        'serverlessWorkbench.deploy.reviewState',
      );
      return state?.open && state.rows ? { ...state, rows: state.rows } : undefined;
    },
    RENDER_TIMEOUT_MS,
  );
}

/** The text the review panel shows in the browser when it contains `text`; undefined where no runner reads pages. */
async function reviewText(text: string): Promise<string | undefined> {
  if (!(await webviewContents())) return undefined;
  return eventually(
    `the review panel showing "${text}"`,
    async () =>
      (await webviewContents())?.find(
        (c) => c.visible && c.title.startsWith('Review Change Set') && c.text.includes(text),
      )?.text,
    RENDER_TIMEOUT_MS,
  );
}

/**
 * Deploy from the real editor against local servers that speak S3, STS, CloudFormation and Lambda's protocols
 * (test/fakes/aws). The extension's AWS clients are pointed at them with the SDK's own service-specific endpoint
 * variables (AWS_ENDPOINT_URL_S3, _STS, _CLOUDFORMATION, _LAMBDA), set here inside the extension host; nothing
 * test-only is in the product. The change set is reviewed in its panel, whose Deploy button the browser clicks.
 */
describe('deploy in VS Code', function () {
  this.timeout(180_000);
  let aws: Awaited<ReturnType<typeof startFakeAws>>;
  const saved = { ...process.env };
  const templateUri = workspaceUri('sam-app', 'template.yaml');
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
    for (const tab of webviewTabs(REVIEW_VIEW)) await vscode.window.tabGroups.close(tab);
  });

  it('reviews the change set in a panel, deploys once Deploy is clicked, then has nothing to do', async function () {
    const running = vscode.commands.executeCommand<DeployOutcome | undefined>(
      'serverlessWorkbench.deploy',
      templateUri,
    );
    const shown = await reviewShown();
    assert.equal(shown.title, 'Review Change Set — orders-service');
    assert.equal(shown.summary, '8 to add, 0 to modify, 0 to remove, 0 replacements (new stack)');
    // This CloudFormation lists resources as written (it runs no SAM transform), in the template's order.
    const add = (logicalId: string, line: number, type: string) => [
      'Add',
      `${logicalId}\ntemplate.yaml:${line}:3`,
      type,
      '',
      '',
      '',
    ];
    assert.deepEqual(shown.rows, [
      add('CreateOrderFunction', 26, 'AWS::Serverless::Function'),
      add('ProcessOrderFunction', 52, 'AWS::Serverless::Function'),
      add('ReportFunction', 69, 'AWS::Serverless::Function'),
      add('OrdersTable', 91, 'AWS::DynamoDB::Table'),
      add('OrdersQueue', 102, 'AWS::SQS::Queue'),
      add('OrdersDeadLetterQueue', 110, 'AWS::SQS::Queue'),
      add('ReportsBucket', 113, 'AWS::S3::Bucket'),
      add('NightlyExport', 122, 'AWS::Serverless::StateMachine'),
    ]);
    assert.equal(webviewTabs(REVIEW_VIEW).length, 1, 'one review panel');
    assert.equal(aws.cloudformation.stacks.get('orders-service')?.status, 'REVIEW_IN_PROGRESS', 'nothing executed yet');
    assert.equal(aws.cloudformation.server.count('ExecuteChangeSet'), 0);

    const rendered = await reviewText('8 to add');
    if (rendered === undefined) {
      // test-electron: no runner drives the browser, so nobody can press Deploy; close the review instead.
      await vscode.window.tabGroups.close(webviewTabs(REVIEW_VIEW));
      assert.equal((await running)?.status, 'declined');
      this.skip();
    }
    assert.match(rendered, /Action\s+Logical ID\s+Type\s+Physical ID\s+Replacement\s+Changes/);
    await screenshot('deploy-review');
    assert.equal(await clickInWebview('deploy'), true, 'the Deploy button is there to click');
    const outcome = await running;
    assert.equal(outcome?.status, 'deployed', JSON.stringify(outcome));
    assert.equal(aws.cloudformation.server.count('ExecuteChangeSet'), 1);
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
    await reviewText('Deployed stack orders-service: CREATE_COMPLETE.');
    await clickInWebview('close');
    await eventually('the review closed', () => webviewTabs(REVIEW_VIEW).length === 0);

    const puts = aws.s3.server.count('PutObject');
    const again = await vscode.commands.executeCommand<DeployOutcome | undefined>(
      'serverlessWorkbench.deploy',
      templateUri,
    );
    assert.equal(again?.status, 'no-changes');
    assert.equal(aws.s3.server.count('PutObject'), puts, 'unchanged code is not uploaded again');
    const none = await reviewShown();
    assert.deepEqual(
      [none.summary, none.rows],
      ['No changes: stack orders-service is already up to date with template.yaml.', []],
    );
    const noneText = await reviewText('No changes');
    assert.match(noneText ?? '', /Close/);
    assert.doesNotMatch(noneText ?? '', /Deploy\b|Cancel/, 'nothing to deploy: only Close');
    await vscode.window.tabGroups.close(webviewTabs(REVIEW_VIEW));
  });

  it('closing the review panel cancels: nothing executes and the change set is deleted', async () => {
    const original = fs.readFileSync(templateUri.fsPath, 'utf8');
    const table = aws.cloudformation.stacks.get('orders-service')?.resources.get('OrdersTable');
    assert.ok(table, 'the first test deployed the stack');
    aws.cloudformation.replaceOnChange.add('OrdersTable');
    fs.writeFileSync(
      templateUri.fsPath,
      original.replace('BillingMode: PAY_PER_REQUEST', 'BillingMode: PROVISIONED\n      TableClass: STANDARD'),
    );
    try {
      const executed = aws.cloudformation.server.count('ExecuteChangeSet');
      const deleted = aws.cloudformation.server.count('DeleteChangeSet');
      const running = vscode.commands.executeCommand<DeployOutcome | undefined>(
        'serverlessWorkbench.deploy',
        templateUri,
      );
      const shown = await reviewShown();
      assert.equal(shown.summary, '0 to add, 1 to modify, 0 to remove, 1 replacement');
      assert.deepEqual(shown.rows, [
        [
          'Modify',
          'OrdersTable\ntemplate.yaml:91:3',
          'AWS::DynamoDB::Table',
          'orders-service-OrdersTable-ABCDEF',
          '⚠ True',
          'Properties: BillingMode (requires recreation), TableClass (requires recreation)',
        ],
      ]);
      if (await reviewText('1 replacement')) {
        assert.equal(await clickInWebview('reveal-0'), true, 'OrdersTable is a link');
        const editor = await eventually('OrdersTable selected in the template', () => {
          const active = vscode.window.activeTextEditor;
          const revealed = active?.document.uri.fsPath === templateUri.fsPath && active.selection.start.line === 90;
          return revealed ? active : undefined;
        });
        assert.deepEqual([editor.selection.start.line, editor.selection.start.character], [90, 2]);
        assert.match(editor.document.getText(editor.selection), /^OrdersTable:\n {4}Type: AWS::DynamoDB::Table\n/);
        const review = webviewTabs(REVIEW_VIEW);
        assert.equal(review.length, 1, 'the review stays open');
        assert.notEqual(editor.viewColumn, review[0].group.viewColumn, 'the template opens beside the review');
      }
      await vscode.window.tabGroups.close(webviewTabs(REVIEW_VIEW));
      const outcome = await running;
      assert.equal(outcome?.status, 'declined');
      assert.equal(aws.cloudformation.server.count('ExecuteChangeSet'), executed, 'nothing executed');
      assert.equal(aws.cloudformation.server.count('DeleteChangeSet'), deleted + 1, 'the change set is deleted');
      assert.equal(aws.cloudformation.stacks.get('orders-service')?.resources.get('OrdersTable'), table);
    } finally {
      fs.writeFileSync(templateUri.fsPath, original);
      aws.cloudformation.replaceOnChange.clear();
    }
  });
});
