import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { loadTarget, LocalInvoker } from '../../../src/core/invoke';
import { yaml } from '../helpers';
import { workspace } from './fixtures';

// Each function reports what its sandbox was configured with: the time left before the deadline Lambda sets
// from the timeout, the memory size and name in its environment, and one variable of the template.
const HANDLER = [
  'exports.handler = async (event, context) => ({',
  '  remainingMs: context.getRemainingTimeInMillis(),',
  '  memory: process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,',
  '  name: process.env.AWS_LAMBDA_FUNCTION_NAME,',
  '  stage: process.env.STAGE,',
  '  region: process.env.REGION,',
  '});',
].join('\n');

const TEMPLATE = yaml(
  'Transform: AWS::Serverless-2016-10-31',
  'Parameters:',
  '  T: {Type: Number, Default: 10}',
  '  Mem: {Type: Number, Default: 1024}',
  '  Env: {Type: String, Default: dev, AllowedValues: [dev, prod]}',
  '  Stage: {Type: String, Default: dev}',
  '  Missing: {Type: Number}',
  'Mappings:',
  '  Sizes:',
  '    dev: {Timeout: 4}',
  '    prod: {Timeout: 25}',
  'Globals:',
  '  Function: {Runtime: nodejs22.x, CodeUri: src/, Handler: app.handler}',
  'Resources:',
  '  ByParameter:',
  '    Type: AWS::Serverless::Function',
  '    Properties:',
  '      Timeout: !Ref T',
  '      MemorySize: !Ref Mem',
  '      FunctionName: !Sub orders-${Stage}',
  '      Environment: {Variables: {STAGE: !Ref Stage, REGION: !Ref AWS::Region}}',
  '  ByMapping:',
  '    Type: AWS::Serverless::Function',
  '    Properties: {Timeout: !FindInMap [Sizes, !Ref Env, Timeout]}',
  '  Unknown:',
  '    Type: AWS::Serverless::Function',
  '    Properties: {Timeout: !Ref Missing}',
  '  Names:',
  '    Type: AWS::Serverless::Function',
  '    Properties: {Environment: {Variables: {ORDERS: !Ref Orders, ORDERS_ARN: !GetAtt Orders.Arn, LOOP: !Ref Ping}}}',
  '  Orders: {Type: AWS::DynamoDB::Table, Properties: {TableName: !Sub "${AWS::StackName}-orders"}}',
  '  Ping: {Type: AWS::SQS::Queue, Properties: {QueueName: !GetAtt Pong.QueueName}}',
  '  Pong: {Type: AWS::SQS::Queue, Properties: {QueueName: !GetAtt Ping.QueueName}}',
);

describe('invoke runs with the settings the model resolves, and says where each came from', function () {
  this.timeout(30000);
  const ws = workspace({ 'template.yaml': TEMPLATE, 'src/app.js': HANDLER });
  const template = path.join(ws.dir, 'template.yaml');
  const samconfig = path.join(ws.dir, 'samconfig.toml');
  const envFile = path.join(ws.dir, '.serverless-workbench', 'env.json');
  const invoker = new LocalInvoker();
  afterEach(() => {
    fs.rmSync(samconfig, { force: true });
    fs.rmSync(path.dirname(envFile), { recursive: true, force: true });
  });
  after(async () => {
    await invoker.dispose();
    ws.cleanup();
  });

  it('Timeout: !Ref T and MemorySize: !Ref Mem run with their Defaults, in the sandbox itself', async () => {
    const t = loadTarget(template, 'ByParameter');
    assert.ok(t.ok, t.ok ? '' : t.message);
    assert.equal(t.fn.timeoutSeconds, 10);
    assert.equal(t.fn.memorySizeMb, 1024);
    assert.equal(t.settings.timeoutSeconds.line, 'Timeout 10 s — Default of parameter T');
    assert.equal(t.settings.memorySizeMb.line, 'Memory 1024 MB — Default of parameter Mem');
    const result = await invoker.invoke(t.fn, '{}');
    const seen = JSON.parse(result.payload);
    // The deadline the runtime receives is the configured 10 s from when it took the event; Lambda's 3 s
    // default would leave at most 3000 ms, however fast or slow the machine runs the handler.
    assert.ok(seen.remainingMs > 3000 && seen.remainingMs <= 10000, `remaining ${seen.remainingMs} ms`);
    assert.equal(seen.memory, '1024');
    assert.equal(result.memorySizeMb, 1024);
  });

  it('a parameter override from samconfig.toml reaches the environment and the function name, said', async () => {
    fs.writeFileSync(
      samconfig,
      ['version = 0.1', '[default.deploy.parameters]', 'parameter_overrides = "Stage=prod"'].join('\n'),
    );
    const t = loadTarget(template, 'ByParameter');
    assert.ok(t.ok, t.ok ? '' : t.message);
    assert.equal(t.fn.environment.STAGE, 'prod');
    assert.equal(t.fn.functionName, 'orders-prod');
    assert.equal(
      t.settings.functionName.line,
      'FunctionName orders-prod — parameter Stage from samconfig.toml [default.deploy.parameters] parameter_overrides',
    );
    assert.equal(
      t.settings.functionName.from,
      'parameter Stage from samconfig.toml [default.deploy.parameters] parameter_overrides',
    );
    const seen = JSON.parse((await invoker.invoke(t.fn, '{}')).payload);
    assert.deepEqual([seen.stage, seen.name], ['prod', 'orders-prod']);
  });

  it('takes the Region for AWS::Region from the inputs, else its own default, and says which', () => {
    const mine = loadTarget(template, 'ByParameter');
    assert.ok(mine.ok);
    assert.equal(mine.fn.environment.REGION, 'us-east-1');
    assert.equal(
      mine.settings.region.line,
      "Region us-east-1 — the invoker's default Region (no Region in samconfig, settings, flags or the AWS profile)",
    );
    const given = loadTarget(template, 'ByParameter', {
      given: { region: { value: 'eu-west-1', origin: '--region' } },
    });
    assert.ok(given.ok);
    assert.deepEqual(
      [given.fn.region, given.fn.environment.REGION, given.settings.region.line],
      ['eu-west-1', 'eu-west-1', 'Region eu-west-1 — --region'],
    );
  });

  it('Timeout: !FindInMap follows the parameter that keys the mapping', () => {
    const dev = loadTarget(template, 'ByMapping');
    assert.ok(dev.ok);
    assert.equal(dev.fn.timeoutSeconds, 4);
    assert.equal(
      dev.settings.timeoutSeconds.line,
      'Timeout 4 s — Mappings Sizes.dev.Timeout, Default of parameter Env',
    );
    const prod = loadTarget(template, 'ByMapping', {
      given: { parameterOverrides: { Env: { value: 'prod', origin: '--parameter-overrides' } } },
    });
    assert.ok(prod.ok);
    assert.equal(prod.fn.timeoutSeconds, 25);
    assert.equal(
      prod.settings.timeoutSeconds.from,
      'Mappings Sizes.prod.Timeout, parameter Env from --parameter-overrides',
    );
  });

  it("names resources through the model's evaluator, with local stand-ins said, and stops at a cycle of names", () => {
    const t = loadTarget(template, 'Names', { given: { region: { value: 'eu-west-1', origin: '--region' } } });
    assert.ok(t.ok);
    assert.deepEqual(t.fn.environment, {
      ORDERS: 'local-orders',
      ORDERS_ARN: 'arn:aws:dynamodb:eu-west-1:123456789012:table/local-orders',
      LOOP: '',
    });
    assert.deepEqual(t.notes, [
      'ORDERS=local-orders: "local" stands in for AWS::StackName (give stack_name in samconfig.toml or --stack).',
      'ORDERS_ARN=arn:aws:dynamodb:eu-west-1:123456789012:table/local-orders: "local" stands in for ' +
        'AWS::StackName (give stack_name in samconfig.toml or --stack); the ARN of Orders is made locally (Region ' +
        'eu-west-1, placeholder account 123456789012).',
      'LOOP is empty: the physical ID of Ping is only known after deploy. Set it in .serverless-workbench/env.json.',
    ]);
  });

  it("an unknown timeout runs with Lambda's default and says so; env.json References can give it", () => {
    const t = loadTarget(template, 'Unknown');
    assert.ok(t.ok);
    assert.equal(t.fn.timeoutSeconds, 3);
    assert.equal(
      t.settings.timeoutSeconds.line,
      "Timeout unknown (parameter Missing has no Default and no value was given); using Lambda's default 3 s",
    );
    assert.equal(
      t.settings.functionName.line,
      'FunctionName not set (AWS generates one at deploy); using the logical ID Unknown',
    );
    fs.mkdirSync(path.dirname(envFile), { recursive: true });
    fs.writeFileSync(envFile, JSON.stringify({ References: { Missing: '12' } }));
    const given = loadTarget(template, 'Unknown');
    assert.ok(given.ok);
    assert.equal(given.fn.timeoutSeconds, 12);
    assert.equal(
      given.settings.timeoutSeconds.line,
      'Timeout 12 s — parameter Missing from .serverless-workbench/env.json References',
    );
  });
});
