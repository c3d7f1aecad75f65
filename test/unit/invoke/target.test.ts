import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { loadTarget, LocalInvoker, localResolutionOf, suggestEvents } from '../../../src/core/invoke';
import { EMPTY_OVERRIDES, readOverrides } from '../../../src/core/invoke/overrides';
import { workspace } from './fixtures';

const TEMPLATE = [
  'Transform: AWS::Serverless-2016-10-31',
  'Parameters:',
  '  Stage: {Type: String, Default: dev}',
  '  ApiKey: {Type: String}',
  'Mappings:',
  '  Sizes: {dev: {batch: "5"}}',
  'Globals:',
  '  Function:',
  '    Runtime: nodejs22.x',
  '    MemorySize: 512',
  '    Environment: {Variables: {STAGE: !Ref Stage, SHARED: from-globals}}',
  'Resources:',
  '  Api:',
  '    Type: AWS::Serverless::Function',
  '    Properties:',
  '      CodeUri: src/',
  '      Handler: app.handler',
  '      Timeout: 7',
  '      Architectures: [arm64]',
  '      Environment:',
  '        Variables:',
  '          TABLE: !Ref Orders',
  '          TABLE_ARN: !GetAtt Orders.Arn',
  '          QUEUE_URL: !Ref Jobs',
  '          QUEUE_ARN: !GetAtt Jobs.Arn',
  '          TOPIC: !Ref Alerts',
  '          URL: !Sub "https://${AWS::Region}.example.com/${Stage}/${Orders}"',
  '          JOINED: !Join [":", [a, !Ref Stage]]',
  '          BATCH: !FindInMap [Sizes, !Ref Stage, batch]',
  '          KEY: !Ref ApiKey',
  '          SHARED: from-function',
  '          IMPORTED: !ImportValue other-stack-output',
  '  Image: {Type: AWS::Serverless::Function, Properties: {PackageType: Image, ImageUri: x}}',
  '  NoRuntime: {Type: AWS::Lambda::Function, Properties: {Handler: a.b, Code: {ZipFile: "x"}}}',
  '  Orders: {Type: AWS::DynamoDB::Table, Properties: {TableName: orders-table}}',
  '  Jobs: {Type: AWS::SQS::Queue}',
  '  Alerts: {Type: AWS::SNS::Topic, Properties: {TopicName: alerts}}',
].join('\n');

describe('local function settings from the template', () => {
  const ws = workspace({ 'template.yaml': TEMPLATE, 'src/app.js': 'exports.handler = async () => process.env;' });
  const template = path.join(ws.dir, 'template.yaml');
  after(() => ws.cleanup());

  it('merges Globals, resolves intrinsics where the template allows, and says what it guessed', () => {
    const t = loadTarget(template, 'Api', { given: { region: { value: 'eu-west-1', origin: '--region' } } });
    assert.ok(t.ok);
    assert.equal(t.fn.memorySizeMb, 512);
    assert.equal(t.fn.timeoutSeconds, 7);
    assert.equal(t.fn.architecture, 'arm64');
    assert.equal(t.fn.codeDir, path.join(ws.dir, 'src'));
    assert.deepEqual(t.fn.environment, {
      STAGE: 'dev',
      SHARED: 'from-function',
      TABLE: 'orders-table',
      TABLE_ARN: 'arn:aws:dynamodb:eu-west-1:123456789012:table/orders-table',
      QUEUE_URL: 'https://sqs.eu-west-1.amazonaws.com/123456789012/Jobs',
      QUEUE_ARN: 'arn:aws:sqs:eu-west-1:123456789012:Jobs',
      TOPIC: 'arn:aws:sns:eu-west-1:123456789012:alerts',
      URL: 'https://eu-west-1.example.com/dev/orders-table',
      JOINED: 'a:dev',
      BATCH: '5',
      KEY: '',
      IMPORTED: '',
    });
    assert.ok(
      t.notes.some((n) =>
        /^QUEUE_URL=.*Jobs has no QueueName in the template; AWS generates one, so the logical ID stands in for it/.test(
          n,
        ),
      ),
      t.notes.join('\n'),
    );
    assert.ok(
      t.notes.some((n) =>
        /^KEY is empty: parameter ApiKey has no Default and no value was given\. Set it in \.serverless-workbench\/env\.json/.test(
          n,
        ),
      ),
    );
    assert.ok(
      t.notes.some((n) => /^IMPORTED is empty: Fn::ImportValue reads another stack's export at deploy time/.test(n)),
    );
  });

  it('takes values that only exist in AWS from .serverless-workbench/env.json', () => {
    fs.mkdirSync(path.join(ws.dir, '.serverless-workbench'), { recursive: true });
    fs.writeFileSync(
      path.join(ws.dir, '.serverless-workbench/env.json'),
      JSON.stringify({
        Parameters: { SHARED: 'for-all' },
        Api: { IMPORTED: 'imported-value' },
        References: { ApiKey: 'secret-key', Jobs: 'https://sqs.example/real-queue' },
      }),
    );
    const t = loadTarget(template, 'Api');
    assert.ok(t.ok);
    assert.equal(t.fn.environment.KEY, 'secret-key');
    assert.equal(t.fn.environment.QUEUE_URL, 'https://sqs.example/real-queue');
    assert.equal(t.fn.environment.SHARED, 'for-all');
    assert.equal(t.fn.environment.IMPORTED, 'imported-value');
    fs.writeFileSync(path.join(ws.dir, '.serverless-workbench/env.json'), '{"Api": {"A": 1,}}');
    assert.match(readOverrides(ws.dir).problem ?? '', /env\.json:1:17: invalid JSON: property name expected/);
    const broken = loadTarget(template, 'Api');
    assert.ok(
      !broken.ok && /env\.json:1:17: invalid JSON/.test(broken.message),
      'a broken overrides file stops the run with its position',
    );
    fs.rmSync(path.join(ws.dir, '.serverless-workbench/env.json'));
  });

  it('explains functions it cannot run instead of failing later', async () => {
    const image = loadTarget(template, 'Image');
    assert.ok(!image.ok && /container image function; running images needs Docker/.test(image.message));
    const noRuntime = loadTarget(template, 'NoRuntime');
    assert.ok(!noRuntime.ok && /NoRuntime in template\.yaml has no Runtime/.test(noRuntime.message));
    const t = loadTarget(template, 'Api');
    assert.ok(t.ok);
    const r = await new LocalInvoker().invoke({ ...t.fn, codeDir: path.join(ws.dir, 'gone') }, '{}');
    assert.equal(r.functionError?.errorType, 'Runtime.InvalidEntrypoint');
    assert.match(r.functionError?.errorMessage ?? '', /code folder .*gone does not exist/);
  });
});

describe('Serverless Framework functions', () => {
  const file = path.resolve(__dirname, '../../../examples/serverless-app/serverless.yml');

  it(
    'are found by their name in serverless.yml, with the ' + "framework's deployed name, provider settings and events",
    () => {
      const t = loadTarget(file, 'notify');
      assert.ok(t.ok, t.ok ? '' : t.message);
      assert.equal(t.fn.functionName, 'notifications-dev-notify');
      assert.equal(t.fn.region, 'eu-west-1');
      assert.equal(t.fn.timeoutSeconds, 20);
      assert.equal(t.fn.memorySizeMb, 256);
      assert.equal(t.fn.handler, 'src/notify.handler');
      const [sqs] = suggestEvents(
        t.view,
        localResolutionOf(t.template, { overrides: EMPTY_OVERRIDES }),
        t.fn.functionName,
      );
      assert.equal(
        (sqs.payload as { Records: { eventSourceARN: string }[] }).Records[0].eventSourceARN,
        'arn:aws:sqs:eu-west-1:123456789012:NotifyQueue',
      );
    },
  );
});
