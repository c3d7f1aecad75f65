import { strict as assert } from 'assert';
import { describeProvenance, formatSetting } from '../../../src/core';
import { textAt, yaml } from '../helpers';
import { template } from './resolve-helpers';

const SERVICE = yaml(
  'service: shop',
  'provider:',
  '  name: aws',
  '  runtime: nodejs20.x',
  "  stage: ${opt:stage, 'dev'}",
  '  memorySize: ${param:memory}',
  '  timeout: 10',
  '  environment:',
  '    STAGE: ${sls:stage}',
  '    TABLE: orders-${param:table}',
  'params:',
  '  prod:',
  '    memory: 2048',
  '  default:',
  '    memory: 512',
  '    table: main',
  'functions:',
  '  api-${sls:stage}:',
  '    handler: handler.api',
  'resources:',
  '  Parameters:',
  '    Size: {Type: Number, Default: 7}',
  '  Resources:',
  '    Queue${sls:stage}:',
  '      Type: AWS::SQS::Queue',
  '      Properties:',
  '        DelaySeconds: !Ref Size',
);

describe('Serverless Framework values with the chosen stage', () => {
  it('uses provider.stage (from its opt default) and params.default when no stage is given', () => {
    const t = template(SERVICE, undefined, 'serverless.yml');
    assert.equal(t.serverless?.stage, 'dev');
    const f = t.functions[0];
    assert.equal(f.displayName, 'api-dev');
    assert.equal(f.logicalId, 'ApiDashdevLambdaFunction');
    assert.equal(f.functionName?.value, 'shop-dev-api-dev');
    assert.equal(describeProvenance(f.functionName!), 'Serverless Framework default');
    assert.equal(f.memorySize.value, 512);
    assert.equal(f.memorySize.source, 'provider');
    assert.equal(formatSetting(f.memorySize, 'MB'), '512 MB — params.default.memory, via provider');
    assert.equal(textAt(t, f.memorySize.provenance[1].span!), '512');
    assert.equal(describeProvenance(f.timeout), 'provider');
    assert.deepEqual(
      f.environment.map((v) => [v.name, v.resolved.value, describeProvenance(v.resolved)]),
      [
        ['STAGE', 'dev', 'stage dev from provider.stage, via provider'],
        ['TABLE', 'orders-main', 'params.default.table, via provider'],
      ],
    );
    assert.ok(t.resourceById.has('Queuedev'));
  });

  it(
    'uses the stage given from outside: opt:stage, sls:stage, params.<stage>, logical IDs and function keys ' +
      'follow it',
    () => {
      const t = template(SERVICE, { stage: { value: 'prod', origin: '--stage' } }, 'serverless.yml');
      assert.equal(t.serverless?.stage, 'prod');
      const f = t.functions[0];
      assert.equal(f.displayName, 'api-prod');
      assert.equal(f.functionName?.value, 'shop-prod-api-prod');
      assert.equal(f.memorySize.value, 2048);
      assert.equal(describeProvenance(f.memorySize), 'params.prod.memory, via provider');
      assert.deepEqual(
        f.environment.map((v) => [v.name, v.resolved.value, describeProvenance(v.resolved)]),
        [
          ['STAGE', 'prod', 'stage prod from --stage, via provider'],
          ['TABLE', 'orders-main', 'params.default.table, via provider'],
        ],
      );
      assert.deepEqual(
        t.resources.filter((r) => r.origin === 'written').map((r) => r.logicalId),
        ['ApiDashprodLambdaFunction', 'Queueprod'],
      );
    },
  );

  it('takes --param values first, and leaves a param without any value unresolved with the reason', () => {
    const given = template(SERVICE, { parameters: { memory: { value: '4096', origin: '--param' } } }, 'serverless.yml');
    assert.equal(given.functions[0].memorySize.value, 4096);
    assert.equal(describeProvenance(given.functions[0].memorySize), 'param memory from --param, via provider');
    const missing = template(
      yaml(
        'service: shop',
        'provider: {name: aws, runtime: nodejs20.x, timeout: "${param:timeout}"}',
        'functions:',
        '  api: {handler: handler.api}',
      ),
      undefined,
      'serverless.yml',
    );
    assert.deepEqual(
      missing.serverless?.unresolvedVariables.map((u) => [u.expression, u.reason]),
      [
        [
          '${param:timeout}',
          'params.dev.timeout and params.default.timeout are not set, so its value would come from the ' +
            'Serverless Dashboard or --param',
        ],
      ],
    );
    assert.equal(missing.functions[0].timeout.value, undefined);
    assert.equal(missing.functions[0].timeout.unknown, 'the value "${param:timeout}" is not a number');
  });

  it("evaluates the service's own CloudFormation with the provider's Region", () => {
    const t = template(
      yaml(
        'service: shop',
        'provider: {name: aws, region: eu-central-1}',
        'resources:',
        '  Outputs:',
        '    Where: {Value: !Sub "${AWS::Region}/${AWS::Partition}"}',
      ),
      undefined,
      'serverless.yml',
    );
    const where = t.resolver.evaluate(t.outputs[0].value);
    assert.ok(where.known);
    assert.deepEqual(where.value, { Value: 'eu-central-1/aws' });
    assert.equal(
      describeProvenance(where),
      'AWS::Region from provider.region, AWS::Partition of Region eu-central-1 from provider.region',
    );
  });
});
