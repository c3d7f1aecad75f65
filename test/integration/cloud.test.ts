import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import { FakeCloudFormation } from '../fakes/aws';
import { FakeLogs } from '../fakes/aws';
import { ordersStack } from '../unit/cloud/fixtures';
import { screenshot, webviewContents } from './report';
import { eventually, findItem, webviewTabs, workbench, workspaceUri } from './workbench';

const GROUP = '/aws/lambda/orders-service-CreateOrderFunction-AbC123';

/**
 * The deployed side against local CloudFormation and CloudWatch Logs servers. The extension's AWS clients are
 * pointed at them with the SDK's own service-specific endpoint variables (AWS_ENDPOINT_URL_CLOUDFORMATION,
 * AWS_ENDPOINT_URL_CLOUDWATCH_LOGS), set in this extension host before the first call; nothing test-only is in
 * the product.
 */
describe('deployed stack and logs in VS Code', () => {
  const template = () => workspaceUri('sam-app', 'template.yaml');
  const saved = { ...process.env };
  let cfn: FakeCloudFormation;
  let logs: FakeLogs;
  before(async () => {
    cfn = await new FakeCloudFormation([ordersStack()]).start();
    logs = await new FakeLogs({
      [GROUP]: [{ logStreamName: 's1', timestamp: Date.now() - 1_000, message: 'START RequestId: r-1\n' }],
    }).start();
    for (const key of Object.keys(process.env)) if (key.startsWith('AWS_')) delete process.env[key];
    Object.assign(process.env, {
      AWS_ACCESS_KEY_ID: 'AKIDINTEGRATION',
      AWS_SECRET_ACCESS_KEY: 'integration-secret',
      AWS_CONFIG_FILE: '/nonexistent/aws-config',
      AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/aws-credentials',
      AWS_ENDPOINT_URL_CLOUDFORMATION: cfn.url,
      AWS_ENDPOINT_URL_CLOUDWATCH_LOGS: logs.url,
    });
  });
  after(async () => {
    process.env = saved;
    (await workbench()).cloud.forget();
    await cfn.server.close();
    await logs.server.close();
  });

  it('reads the stack only when "Deployed stack" is expanded, then shows statuses and physical IDs', async () => {
    const api = await workbench();
    const stackItem = await eventually('the Deployed stack node', () => findItem(api, template(), 'Deployed stack'));
    assert.equal(api.explorer.getTreeItem(stackItem).description, 'expand to read');
    assert.equal(cfn.server.seen.length, 0, 'no AWS call before the user opens the node');
    api.explorer.expanded(stackItem);
    const describe = async (label: string) => {
      const item = await findItem(api, template(), label);
      return item && String(api.explorer.getTreeItem(item).description);
    };
    await eventually(
      'the deployed state',
      async () => (await describe('CreateOrderFunction'))?.includes('deployed'),
      15_000,
    );
    assert.match(String(await describe('CreateOrderFunction')), /deployed: orders-service-CreateOrderFunction-AbC123/);
    assert.match(String(await describe('ProcessOrderFunction')), /failed: Resource handler returned message/);
    assert.match(String(await describe('OrdersTable')), /in progress: orders-service-OrdersTable-7Y/);
    assert.match(String(await describe('ReportFunction')), /not deployed yet/);
    assert.equal(await describe('LegacyTopic'), 'only in the stack — will be deleted on next deploy');
    const node = await findItem(api, template(), 'Deployed stack');
    assert.equal(api.explorer.getTreeItem(node!).description, 'orders-service · us-east-1 · in progress');
    const output = await findItem(api, template(), 'OrdersApiUrl');
    const link = api.explorer.getTreeItem(output!).command;
    assert.deepEqual(
      [link?.command, link?.arguments],
      ['serverlessWorkbench.cloud.openOutput', ['https://abc123.execute-api.us-east-1.amazonaws.com/Prod/orders']],
    );
    assert.deepEqual(
      cfn.server.seen.map((s) => s.operation),
      ['DescribeStacks', 'ListStackResources', 'ListStackResources', 'ListStackResources'],
    );
    await screenshot('cloud-deployed-stack');
  });

  it('copies the ARN and refreshes on demand', async () => {
    const ref = { templateUri: template(), logicalId: 'CreateOrderFunction' };
    const arn = await vscode.commands.executeCommand('serverlessWorkbench.cloud.copyArn', ref);
    assert.equal(arn, 'arn:aws:lambda:us-east-1:123456789012:function:orders-service-CreateOrderFunction-AbC123');
    assert.equal(await vscode.env.clipboard.readText(), arn);
    const calls = cfn.server.seen.length;
    cfn.stacks.get('orders-service')!.resources.get('OrdersTable')!.status = 'UPDATE_COMPLETE';
    await vscode.commands.executeCommand('serverlessWorkbench.cloud.refresh', template());
    assert.ok(cfn.server.seen.length > calls);
    const api = await workbench();
    const table = await findItem(api, template(), 'OrdersTable');
    assert.match(String(api.explorer.getTreeItem(table!).description), /deployed: orders-service-OrdersTable-7Y/);
  });

  it('Tail Logs opens the log view and shows an event that arrives after it opened', async () => {
    const panel = (await vscode.commands.executeCommand('serverlessWorkbench.cloud.tailLogs', {
      templateUri: template(),
      logicalId: 'CreateOrderFunction',
    })) as vscode.WebviewPanel;
    assert.ok(panel, 'the command returns its panel');
    await eventually('the log view tab', () => webviewTabs('serverlessWorkbench.logs').length === 1);
    await eventually('a first poll', () => logs.server.seen.some((s) => s.operation === 'FilterLogEvents'), 15_000);
    logs.append(GROUP, {
      logStreamName: 's1',
      timestamp: Date.now(),
      message: '2026-01-01T10:00:00.000Z\tr-1\tERROR\t{"order":42,"message":"payment declined"}\n',
    });
    const shown = await eventually(
      'the new event in the log view',
      async () => {
        const pages = await webviewContents();
        if (!pages) return 'no browser here';
        return pages.find((p) => p.text.includes('"payment declined"'))?.text;
      },
      20_000,
    );
    if (shown !== 'no browser here') {
      assert.match(shown, /START RequestId: r-1/);
      assert.match(shown, /"order": 42,/, 'JSON pretty-printed');
      assert.match(
        shown,
        /Polling every 2 s \(Live Tail's streaming host is not reachable through the custom endpoint http:\/\/127\.0\.0\.1:\d+/,
      );
      await screenshot('cloud-log-view');
    }
    panel.dispose();
    const polls = logs.server.seen.length;
    await new Promise((r) => setTimeout(r, 2_500)); // one poll interval and a half: the tail stopped with its view
    assert.equal(logs.server.seen.length, polls);
  });
});
