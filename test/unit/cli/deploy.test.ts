import * as assert from 'assert';
import * as path from 'path';
import { deployCommand, syncCommand } from '../../../src/cli/deploy';
import { startFakeAws, TEST_CREDENTIALS } from '../../fakes/aws';
import { samApp } from '../deploy/workspace';

describe('serverless-workbench deploy and sync', function () {
  this.timeout(60_000);
  let aws: Awaited<ReturnType<typeof startFakeAws>>;
  const saved = { ...process.env };
  const stderr = process.stderr.write;
  before(async () => {
    aws = await startFakeAws();
    aws.cloudformation.eventsPerCall = 100;
    Object.assign(process.env, TEST_CREDENTIALS, aws.variables);
    delete process.env.AWS_PROFILE;
    process.stderr.write = () => true;
  });
  after(async () => {
    process.stderr.write = stderr;
    process.env = saved;
    await aws.close();
  });

  const app = samApp({
    'template.yaml':
      'Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n' +
      '    Properties: { CodeUri: src/, Runtime: nodejs22.x, Handler: index.handler, FunctionName: cli-fn }\n',
    'samconfig.toml': '[default.deploy.parameters]\nregion = "eu-west-1"\nresolve_s3 = true\n',
    'src/index.js': 'exports.handler = async () => 1;\n',
  });
  const template = path.join(app.dir, 'template.yaml');

  it('deploys with --no-confirm and prints the outcome as JSON', async () => {
    const lines: string[] = [];
    const code = await deployCommand([template, '--stack-name', 'cli-stack', '--no-confirm', '--format', 'json'], (t) =>
      lines.push(t),
    );
    assert.equal(code, 0);
    const printed = JSON.parse(lines.join('\n'));
    assert.equal(printed.status, 'deployed');
    assert.equal(printed.summary, 'Deployed stack cli-stack: CREATE_COMPLETE.');
    assert.deepEqual(
      printed.changeSet.rows.map((r: { action: string; logicalId: string }) => `${r.action} ${r.logicalId}`),
      ['Add Fn'],
    );
  });

  it('sync sends the changed code of a function whose FunctionName the template fixes', async () => {
    aws.lambda.addFunction('cli-fn', Buffer.from('old'));
    const lines: string[] = [];
    const code = await syncCommand([template, '--stack-name', 'cli-stack', '--function', 'Fn'], (t) => lines.push(t));
    assert.equal(code, 0);
    assert.match(lines[0], /^Fn \(cli-fn\): updated, \d+ bytes, \d+ ms$/);
  });

  it('without a stack name it says where to put one', async () => {
    await assert.rejects(
      deployCommand([template, '--no-confirm'], () => undefined),
      {
        message: 'No stack name: pass --stack-name or add stack_name to samconfig.toml.',
      },
    );
  });
});
