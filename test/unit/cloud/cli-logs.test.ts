import { strict as assert } from 'assert';
import { logsCommand, sinceMs } from '../../../src/cli/logs';
import { FakeCloudFormation } from '../../fakes/aws';
import { FakeLogs } from '../../fakes/aws';
import { useTestCredentials } from './aws-env';
import { ordersStack, SAM_APP } from './fixtures';

const GROUP = '/aws/lambda/orders-service-CreateOrderFunction-AbC123';

describe('cloud: serverless-workbench logs (real SDK, endpoints from AWS_ENDPOINT_URL_<SERVICE>)', () => {
  useTestCredentials();
  let cfn: FakeCloudFormation;
  let logs: FakeLogs;
  const now = Date.now();
  before(async () => {
    cfn = await new FakeCloudFormation([ordersStack()]).start();
    logs = await new FakeLogs({
      [GROUP]: [
        { logStreamName: 's', timestamp: now - 3_600_000, message: 'an hour ago\n' },
        { logStreamName: 's', timestamp: now - 60_000, message: '2026-01-01T10:00:00.000Z\tr-9\tWARN\tslow order\n' },
      ],
    }).start();
    // The SDK's own service-specific endpoint variables: the override the editor's integration test uses too.
    process.env.AWS_ENDPOINT_URL_CLOUDFORMATION = cfn.url;
    process.env.AWS_ENDPOINT_URL_CLOUDWATCH_LOGS = logs.url;
  });
  after(async () => {
    await cfn.server.close();
    await logs.server.close();
  });

  it("prints the function's events of the last 10 minutes, found through samconfig's stack", async () => {
    const lines: string[] = [];
    const code = await logsCommand([SAM_APP, 'CreateOrderFunction'], (t) => lines.push(t));
    assert.equal(code, 0);
    assert.deepEqual(lines, [
      `${new Date(now - 60_000).toISOString()}  2026-01-01T10:00:00.000Z\tr-9\tWARN\tslow order`,
    ]);
    assert.equal(cfn.server.seen[0].input.StackName, 'orders-service');
  });

  it('prints JSON lines with the level', async () => {
    const lines: string[] = [];
    await logsCommand([SAM_APP, 'CreateOrderFunction', '--since', '2h', '--format', 'json'], (t) => lines.push(t));
    assert.deepEqual(
      lines.map((l) => [JSON.parse(l).text, JSON.parse(l).level]),
      [
        ['an hour ago', undefined],
        ['2026-01-01T10:00:00.000Z\tr-9\tWARN\tslow order', 'warn'],
      ],
    );
  });

  it('says when the function is not deployed, and refuses a bad --since', async () => {
    await assert.rejects(
      logsCommand([SAM_APP, 'ReportFunction'], () => undefined),
      /ReportFunction is not deployed in stack orders-service \(us-east-1\) yet\./,
    );
    assert.equal(sinceMs('90s'), 90_000);
    assert.throws(() => sinceMs('ten'), /--since must be a number and a unit/);
  });
});
