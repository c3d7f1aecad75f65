import { strict as assert } from 'assert';
import { describeProvenance, formatSetting } from '../../../src/core';
import type { Setting } from '../../../src/core';
import { textAt, yaml } from '../helpers';
import { fn, template } from './resolve-helpers';

const steps = (s: Setting<unknown>) => s.provenance.map((p) => `${p.origin}: ${p.description}`);

describe('Function settings resolved with provenance', () => {
  it('MemorySize: !Ref Mem with Default 1024 is 1024 MB from the Default of parameter Mem', () => {
    const t = template(
      yaml(
        'Transform: AWS::Serverless-2016-10-31',
        'Parameters:',
        '  Mem: {Type: Number, Default: 1024}',
        'Resources:',
        '  Fn:',
        '    Type: AWS::Serverless::Function',
        '    Properties: {Handler: index.handler, Runtime: nodejs22.x, CodeUri: src/, MemorySize: !Ref Mem}',
      ),
    );
    const memory = fn(t, 'Fn').memorySize;
    assert.equal(memory.value, 1024);
    assert.equal(memory.source, 'resource');
    assert.equal(describeProvenance(memory), 'Default of parameter Mem');
    assert.equal(formatSetting(memory, 'MB'), '1024 MB — Default of parameter Mem');
    assert.equal(textAt(t, memory.span), '!Ref Mem');
    assert.equal(textAt(t, memory.provenance[0].span!), '1024');
    assert.deepEqual(steps(fn(t, 'Fn').runtime!), ['literal: as written']);
    assert.equal(describeProvenance(fn(t, 'Fn').runtime!), 'as written');
    assert.deepEqual(steps(fn(t, 'Fn').timeout), ['default: Lambda default']);
    assert.equal(fn(t, 'Fn').timeout.value, 3);
  });

  it('resolves Globals MemorySize: !Ref Mem with source globals and a parameter-default step', () => {
    const t = template(
      yaml(
        'Transform: AWS::Serverless-2016-10-31',
        'Parameters:',
        '  Mem: {Type: Number, Default: 2048}',
        'Globals:',
        '  Function:',
        '    MemorySize: !Ref Mem',
        'Resources:',
        '  Fn:',
        '    Type: AWS::Serverless::Function',
        '    Properties: {Handler: index.handler, Runtime: nodejs22.x, CodeUri: src/}',
      ),
      { parameters: {} },
    );
    const memory = fn(t, 'Fn').memorySize;
    assert.equal(memory.value, 2048);
    assert.equal(memory.source, 'globals');
    assert.deepEqual(steps(memory), ['globals: Globals', 'parameter-default: Default of parameter Mem']);
    assert.equal(describeProvenance(memory), 'Default of parameter Mem, via Globals');
  });

  it('reads every setting through the evaluator: overrides, mappings, conditions, Sub', () => {
    const text = yaml(
      'Transform: AWS::Serverless-2016-10-31',
      'Parameters:',
      '  Env: {Type: String, Default: dev}',
      '  Arm: {Type: String, Default: arm64}',
      'Mappings:',
      '  Sizes:',
      '    dev: {Timeout: 10, Storage: 1024, Reserved: 5}',
      '    prod: {Timeout: 30, Storage: 2048, Reserved: 50}',
      'Conditions:',
      '  IsProd: !Equals [!Ref Env, prod]',
      'Resources:',
      '  Fn:',
      '    Type: AWS::Serverless::Function',
      '    Properties:',
      "      FunctionName: !Sub 'orders-${Env}'",
      "      Handler: !Join ['.', [index, handler]]",
      '      Runtime: !If [IsProd, python3.12, python3.13]',
      "      CodeUri: !Sub 'src/${Env}/'",
      '      Timeout: !FindInMap [Sizes, !Ref Env, Timeout]',
      '      Architectures: [!Ref Arm]',
      '      EphemeralStorage: {Size: !FindInMap [Sizes, !Ref Env, Storage]}',
      '      ReservedConcurrentExecutions: !FindInMap [Sizes, !Ref Env, Reserved]',
      '      AutoPublishAlias: !Ref Env',
      '      ProvisionedConcurrencyConfig: {ProvisionedConcurrentExecutions: !If [IsProd, 10, 1]}',
      '      Environment:',
      '        Variables:',
      '          STAGE: !Ref Env',
      '          TABLE: !Ref Table',
      '          ONLY_PROD: !If [IsProd, yes, !Ref AWS::NoValue]',
      '  Table:',
      '    Type: AWS::DynamoDB::Table',
    );
    const dev = fn(template(text), 'Fn');
    const prod = fn(template(text, { parameters: { Env: { value: 'prod', origin: '--parameter-overrides' } } }), 'Fn');
    assert.deepEqual(
      [
        dev.functionName?.value,
        dev.handler?.value,
        dev.runtime?.value,
        dev.codeUri?.value,
        dev.timeout.value,
        dev.architecture.value,
        dev.ephemeralStorage.value,
        dev.reservedConcurrency?.value,
        dev.autoPublishAlias?.value,
        dev.provisionedConcurrency?.value,
      ],
      ['orders-dev', 'index.handler', 'python3.13', 'src/dev/', 10, 'arm64', 1024, 5, 'dev', 1],
    );
    assert.deepEqual(
      [
        prod.functionName?.value,
        prod.runtime?.value,
        prod.timeout.value,
        prod.ephemeralStorage.value,
        prod.reservedConcurrency?.value,
        prod.provisionedConcurrency?.value,
      ],
      ['orders-prod', 'python3.12', 30, 2048, 50, 10],
    );
    assert.equal(
      describeProvenance(prod.timeout),
      'Mappings Sizes.prod.Timeout, parameter Env from --parameter-overrides',
    );
    assert.equal(describeProvenance(dev.runtime!), 'condition IsProd is false, Default of parameter Env');
    assert.deepEqual(
      dev.environment.map((v) => [v.name, v.resolved.value, v.resolved.unknown]),
      [
        ['STAGE', 'dev', undefined],
        ['TABLE', undefined, 'the physical ID of Table is only known after deploy'],
      ],
    );
    assert.deepEqual(
      prod.environment.map((v) => [v.name, v.resolved.value]),
      [
        ['STAGE', 'prod'],
        ['TABLE', undefined],
        ['ONLY_PROD', 'yes'],
      ],
    );
    assert.equal(textAt(template(text), dev.environment[0].value.span), '!Ref Env');
  });

  it('keeps an unresolvable value unknown with its reason instead of putting the default in its place', () => {
    const t = template(
      yaml(
        'Transform: AWS::Serverless-2016-10-31',
        'Parameters:',
        '  T: {Type: Number}',
        'Resources:',
        '  Fn:',
        '    Type: AWS::Serverless::Function',
        '    Properties: {Handler: index.handler, Runtime: nodejs22.x, CodeUri: src/, Timeout: !Ref T, ' +
          'MemorySize: lots, FunctionName: !Ref AWS::StackName}',
      ),
    );
    const f = fn(t, 'Fn');
    assert.equal(f.timeout.value, undefined);
    assert.equal(f.timeout.unknown, 'parameter T has no Default and no value was given');
    assert.equal(textAt(t, f.timeout.node!.span), '!Ref T');
    assert.equal(formatSetting(f.timeout, 's'), 'unknown — parameter T has no Default and no value was given');
    assert.equal(f.memorySize.value, undefined);
    assert.equal(f.memorySize.unknown, 'the value "lots" is not a number');
    assert.equal(f.functionName?.value, undefined);
    assert.equal(
      describeProvenance(f.functionName!),
      'unknown: AWS::StackName is chosen at deploy time (give stack_name in samconfig.toml or --stack-name)',
    );
  });

  it('treats AWS::NoValue as a property left out, so the Lambda default applies with the step that chose it', () => {
    const t = template(
      yaml(
        'Transform: AWS::Serverless-2016-10-31',
        'Parameters:',
        '  Env: {Type: String, Default: dev}',
        'Conditions:',
        '  IsProd: !Equals [!Ref Env, prod]',
        'Resources:',
        '  Fn:',
        '    Type: AWS::Lambda::Function',
        '    Properties:',
        '      Handler: index.handler',
        '      Runtime: nodejs22.x',
        '      Code: {S3Bucket: !Ref AWS::AccountId, S3Key: !Sub "code/${Env}.zip"}',
        '      MemorySize: !If [IsProd, 2048, !Ref AWS::NoValue]',
        '      Timeout: !Ref AWS::NoValue',
        '      FunctionName: !If [IsProd, orders, !Ref AWS::NoValue]',
      ),
    );
    const f = fn(t, 'Fn');
    assert.equal(f.memorySize.value, 128);
    assert.equal(f.memorySize.source, 'default');
    assert.deepEqual(steps(f.memorySize), [
      'condition: condition IsProd is false',
      'computed: Fn::Equals',
      'parameter-default: Default of parameter Env',
      'default: Lambda default',
    ]);
    assert.equal(describeProvenance(f.memorySize), 'Lambda default (condition IsProd is false)');
    assert.deepEqual(steps(f.timeout), ['default: Lambda default']);
    assert.equal(f.timeout.value, 3);
    assert.equal(f.functionName, undefined);
    assert.equal(f.codeUri?.value, 'code/dev.zip');
  });

  it('marks a resource whose condition is false as not created, with generated resources following it', () => {
    const text = yaml(
      'Transform: AWS::Serverless-2016-10-31',
      'Parameters:',
      '  Env: {Type: String, Default: dev}',
      '  Other: {Type: String}',
      'Conditions:',
      '  IsProd: !Equals [!Ref Env, prod]',
      '  Maybe: !Equals [!Ref Other, x]',
      'Resources:',
      '  ProdFn:',
      '    Type: AWS::Serverless::Function',
      '    Condition: IsProd',
      '    Properties: {Handler: index.handler, Runtime: nodejs22.x, CodeUri: src/}',
      '  Queue:',
      '    Type: AWS::SQS::Queue',
      '  MaybeQueue:',
      '    Type: AWS::SQS::Queue',
      '    Condition: Maybe',
    );
    const created = (t: ReturnType<typeof template>) => t.resources.map((r) => [r.logicalId, r.condition, r.created]);
    assert.deepEqual(created(template(text)), [
      ['ProdFn', 'IsProd', false],
      ['Queue', undefined, true],
      ['MaybeQueue', 'Maybe', undefined],
      ['ProdFnRole', 'IsProd', false],
    ]);
    const prod = template(text, {
      parameters: { Env: { value: 'prod', origin: 'setting serverlessWorkbench.parameters' } },
    });
    assert.deepEqual(
      created(prod).map((r) => r[2]),
      [true, true, undefined, true],
    );
    assert.equal(prod.functions[0].resource.created, true);
  });
});
