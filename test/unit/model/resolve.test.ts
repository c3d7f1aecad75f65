import { strict as assert } from 'assert';
import { describeProvenance } from '../../../src/core';
import { yaml } from '../helpers';
import { output, summary, template } from './resolve-helpers';

const SAMCONFIG = 'samconfig.toml [default] parameter_overrides';

/** A template whose outputs exercise one resolution source each. */
const TEXT = yaml(
  "AWSTemplateFormatVersion: '2010-09-09'",
  'Transform: AWS::LanguageExtensions',
  'Parameters:',
  '  Mem:',
  '    Type: Number',
  '    Default: 1024',
  '  Env:',
  '    Type: String',
  '    Default: dev',
  '  Subnets:',
  '    Type: CommaDelimitedList',
  '    Default: "a, b,c"',
  '  Secret:',
  '    Type: String',
  '    NoEcho: true',
  '  FromSsm:',
  '    Type: AWS::SSM::Parameter::Value<String>',
  '    Default: /app/name',
  'Mappings:',
  '  EnvMap:',
  '    dev: {Memory: 512}',
  '    prod: {Memory: 2048}',
  'Conditions:',
  '  IsProd: !Equals [!Ref Env, prod]',
  '  IsDev: !Not [!Condition IsProd]',
  '  Either: !Or [!Condition IsProd, !Equals [!Ref Secret, x]]',
  '  NeedsSecret: !And [!Condition IsDev, !Equals [!Ref Secret, x]]',
  'Resources:',
  '  Table:',
  '    Type: AWS::DynamoDB::Table',
  'Outputs:',
  '  Mem: {Value: !Ref Mem}',
  '  Env: {Value: !Ref Env}',
  '  Subnets: {Value: !Ref Subnets}',
  '  Secret: {Value: !Ref Secret}',
  '  FromSsm: {Value: !Ref FromSsm}',
  '  Mapped: {Value: !FindInMap [EnvMap, !Ref Env, Memory]}',
  '  MappedDefault: {Value: !FindInMap [EnvMap, staging, Memory, {DefaultValue: 256}]}',
  '  MappedMissing: {Value: !FindInMap [EnvMap, staging, Memory]}',
  '  Branch: {Value: !If [IsProd, big, small]}',
  '  UnknownBranch: {Value: !If [NeedsSecret, a, b]}',
  '  Region: {Value: !Ref AWS::Region}',
  '  Partition: {Value: !Ref AWS::Partition}',
  '  Suffix: {Value: !Ref AWS::URLSuffix}',
  '  Account: {Value: !Ref AWS::AccountId}',
  '  Stack: {Value: !Ref AWS::StackName}',
  "  Sub: {Value: !Sub '${Env}-${AWS::Region}-${!Literal}'}",
  "  SubVars: {Value: !Sub ['${Name}:${Mem}', {Name: !Join ['', [app, '-', !Ref Env]]}]}",
  '  SubAttr: {Value: !Sub "${Table.Arn}"}',
  "  Join: {Value: !Join [',', [!Ref Env, 1, x]]}",
  '  Select: {Value: !Select [1, !Ref Subnets]}',
  '  SelectOut: {Value: !Select [5, !Ref Subnets]}',
  "  Split: {Value: !Split ['-', a-b-c]}",
  "  Length: {Value: {'Fn::Length': !Ref Subnets}}",
  '  LengthOfList: {Value: !Length [!Ref Subnets, x]}',
  '  Json: {Value: !ToJsonString {Env: !Ref Env, N: [1, true]}}',
  '  Base64: {Value: !Base64 hi}',
  '  TableRef: {Value: !Ref Table}',
  '  TableAtt: {Value: !GetAtt Table.Arn}',
  '  Nothing: {Value: !Ref Missing}',
  '  AZs: {Value: !GetAZs ""}',
  '  Imported: {Value: !ImportValue shared-vpc}',
  '  List: {Value: [a, !Ref AWS::NoValue, !If [IsDev, c, !Ref AWS::NoValue]]}',
  '  Dropped: {Value: !If [IsProd, x, !Ref AWS::NoValue]}',
  "  SubNoValue: {Value: !Sub 'a${AWS::NoValue}'}",
);

describe('Resolving template values', () => {
  const t = template(TEXT);

  it("gives a parameter's Default, typed by the parameter, with where it came from", () => {
    assert.deepEqual(summary(output(t, 'Mem')), {
      value: 1024,
      steps: ['parameter-default: Default of parameter Mem'],
    });
    assert.deepEqual(summary(output(t, 'Env')), {
      value: 'dev',
      steps: ['parameter-default: Default of parameter Env'],
    });
    assert.deepEqual(summary(output(t, 'Subnets')), {
      value: ['a', 'b', 'c'],
      steps: ['parameter-default: Default of parameter Subnets'],
    });
    const e = output(t, 'Mem');
    assert.ok(e.known);
    assert.equal(t.text.slice(e.provenance[0].span!.start, e.provenance[0].span!.end), '1024');
  });

  it('prefers an override to the Default, and names where the override was given', () => {
    const overridden = template(TEXT, {
      parameters: {
        Env: { value: 'prod', origin: SAMCONFIG },
        Secret: { value: 'x', origin: '--parameter-overrides' },
      },
    });
    assert.deepEqual(summary(output(overridden, 'Env')), {
      value: 'prod',
      steps: [`override: parameter Env from ${SAMCONFIG}`],
    });
    assert.equal(describeProvenance(output(overridden, 'Secret')), 'parameter Secret from --parameter-overrides');
    assert.deepEqual(summary(output(overridden, 'Mapped')), {
      value: 2048,
      steps: ['mapping: Mappings EnvMap.prod.Memory', `override: parameter Env from ${SAMCONFIG}`],
    });
  });

  it(
    'says a parameter without Default and value is unknown, NoEcho or not, and that SSM parameters are read at ' +
      'deploy time',
    () => {
      assert.deepEqual(summary(output(t, 'Secret')), {
        unknown: 'parameter Secret has no Default and no value was given',
      });
      assert.deepEqual(summary(output(t, 'FromSsm')), {
        unknown: 'parameter FromSsm is read from SSM Parameter Store at deploy time',
      });
    },
  );

  it('looks up mappings, with the LanguageExtensions DefaultValue when the keys are missing', () => {
    assert.deepEqual(summary(output(t, 'Mapped')), {
      value: 512,
      steps: ['mapping: Mappings EnvMap.dev.Memory', 'parameter-default: Default of parameter Env'],
    });
    assert.deepEqual(summary(output(t, 'MappedDefault')), {
      value: 256,
      steps: ['mapping: DefaultValue of Fn::FindInMap (Mappings has no EnvMap.staging.Memory)'],
    });
    assert.deepEqual(summary(output(t, 'MappedMissing')), { unknown: 'Mappings has no EnvMap.staging.Memory' });
  });

  it('chooses the Fn::If branch of a decided condition, and says why a condition cannot be decided', () => {
    assert.deepEqual(summary(output(t, 'Branch')), {
      value: 'small',
      steps: [
        'condition: condition IsProd is false',
        'computed: Fn::Equals',
        'parameter-default: Default of parameter Env',
      ],
    });
    assert.equal(describeProvenance(output(t, 'Branch')), 'condition IsProd is false, Default of parameter Env');
    assert.deepEqual(summary(output(t, 'UnknownBranch')), {
      unknown: 'condition NeedsSecret cannot be decided: parameter Secret has no Default and no value was given',
    });
    assert.equal(t.resolver.condition('IsDev').value, true);
    // An Or with one true operand is true whatever the other one is.
    assert.equal(
      template(TEXT, { parameters: { Env: { value: 'prod', origin: SAMCONFIG } } }).resolver.condition('Either').value,
      true,
    );
    assert.equal(t.resolver.condition('Either').value, undefined);
    assert.equal(t.resolver.condition('NoSuch').reason, 'NoSuch is not a condition of this template');
  });

  it(
    'gives pseudo parameters from the inputs, derives the partition from the Region, and says how to set a ' +
      'missing Region',
    () => {
      assert.deepEqual(summary(output(t, 'Region')), {
        unknown:
          'AWS::Region is unknown: the deploy Region was not given (set region in samconfig.toml, the ' +
          'serverlessWorkbench.invoke.region setting, or --region)',
      });
      assert.deepEqual(summary(output(t, 'Partition')), {
        unknown:
          'AWS::Partition follows the Region, and the deploy Region was not given (set region in samconfig.toml, ' +
          'the serverlessWorkbench.invoke.region setting, or --region)',
      });
      assert.deepEqual(summary(output(t, 'Account')), {
        unknown: 'AWS::AccountId is the deploying account, known only at deploy time',
      });
      const china = template(TEXT, {
        region: { value: 'cn-north-1', origin: 'samconfig.toml [default] region' },
        stackName: { value: 'app', origin: '--stack-name' },
      });
      assert.deepEqual(summary(output(china, 'Region')), {
        value: 'cn-north-1',
        steps: ['pseudo: AWS::Region from samconfig.toml [default] region'],
      });
      assert.deepEqual(summary(output(china, 'Partition')), {
        value: 'aws-cn',
        steps: ['pseudo: AWS::Partition of Region cn-north-1 from samconfig.toml [default] region'],
      });
      assert.equal((output(china, 'Suffix') as { value: unknown }).value, 'amazonaws.com.cn');
      assert.equal((output(china, 'Stack') as { value: unknown }).value, 'app');
      const govCloud = template(TEXT, { region: { value: 'us-gov-west-1', origin: 'setting' } });
      assert.equal((output(govCloud, 'Partition') as { value: unknown }).value, 'aws-us-gov');
      assert.equal(
        (
          output(template(TEXT, { region: { value: 'eu-west-1', origin: 'setting' } }), 'Partition') as {
            value: unknown;
          }
        ).value,
        'aws',
      );
    },
  );

  it(
    'computes Sub (both forms, escapes), Join, Select, ' + 'Split, Length, ToJsonString and Base64 from known parts',
    () => {
      const known = template(TEXT, { region: { value: 'eu-west-1', origin: 'setting serverlessWorkbench.region' } });
      assert.deepEqual(summary(output(known, 'Sub')), {
        value: 'dev-eu-west-1-${Literal}',
        steps: [
          'computed: Fn::Sub',
          'parameter-default: Default of parameter Env',
          'pseudo: AWS::Region from setting serverlessWorkbench.region',
        ],
      });
      assert.deepEqual(summary(output(t, 'SubVars')), {
        value: 'app-dev:1024',
        steps: [
          'computed: Fn::Sub',
          'computed: Fn::Join',
          'parameter-default: Default of parameter Env',
          'parameter-default: Default of parameter Mem',
        ],
      });
      assert.deepEqual(summary(output(t, 'Join')), {
        value: 'dev,1,x',
        steps: ['computed: Fn::Join', 'parameter-default: Default of parameter Env'],
      });
      assert.deepEqual(summary(output(t, 'Select')), {
        value: 'b',
        steps: ['computed: Fn::Select', 'parameter-default: Default of parameter Subnets'],
      });
      assert.deepEqual(summary(output(t, 'SelectOut')), {
        unknown: 'Fn::Select index 5 is outside the list of 3 items',
      });
      assert.deepEqual(summary(output(t, 'Split')), { value: ['a', 'b', 'c'], steps: ['computed: Fn::Split'] });
      assert.deepEqual(summary(output(t, 'Length')), {
        value: 3,
        steps: ['computed: Fn::Length', 'parameter-default: Default of parameter Subnets'],
      });
      assert.deepEqual(summary(output(t, 'LengthOfList')), {
        value: 2,
        steps: ['computed: Fn::Length', 'parameter-default: Default of parameter Subnets'],
      });
      assert.deepEqual(summary(output(t, 'Json')), {
        value: '{"Env":"dev","N":[1,true]}',
        steps: ['computed: Fn::ToJsonString', 'parameter-default: Default of parameter Env'],
      });
      assert.equal((output(t, 'Base64') as { value: unknown }).value, 'aGk=');
    },
  );

  it('says resource IDs and attributes are only known after deploy, and names what is not in the template', () => {
    assert.deepEqual(summary(output(t, 'TableRef')), {
      unknown: 'the physical ID of Table is only known after deploy',
    });
    assert.deepEqual(summary(output(t, 'TableAtt')), { unknown: 'Table.Arn is only known after deploy' });
    assert.deepEqual(summary(output(t, 'SubAttr')), { unknown: 'Table.Arn is only known after deploy' });
    assert.deepEqual(summary(output(t, 'Nothing')), {
      unknown: 'Missing is not a parameter or resource of this template',
    });
    assert.deepEqual(summary(output(t, 'AZs')), {
      unknown: "Fn::GetAZs lists the Region's Availability Zones, which AWS answers at deploy time",
    });
    assert.deepEqual(summary(output(t, 'Imported')), {
      unknown: "Fn::ImportValue reads another stack's export at deploy time",
    });
    const e = output(t, 'TableRef');
    assert.ok(!e.known);
    assert.equal(t.text.slice(e.span.start, e.span.end), '!Ref Table');
  });

  it('evaluates AWS::NoValue as left out, with the steps that chose it, and not as text inside Fn::Sub', () => {
    const dropped = output(t, 'Dropped');
    assert.deepEqual(summary(dropped), {
      absent: [
        'condition: condition IsProd is false',
        'computed: Fn::Equals',
        'parameter-default: Default of parameter Env',
      ],
    });
    assert.equal(describeProvenance(dropped), 'left out (condition IsProd is false)');
    assert.deepEqual(summary(output(t, 'SubNoValue')), {
      unknown: '${AWS::NoValue} in Fn::Sub is AWS::NoValue, which cannot be part of a text',
    });
  });

  it('drops AWS::NoValue items from lists', () => {
    assert.deepEqual(summary(output(t, 'List')), {
      value: ['a', 'c'],
      steps: [
        'condition: condition IsDev is true',
        'computed: Fn::Not',
        'condition: condition IsProd is false',
        'computed: Fn::Equals',
        'parameter-default: Default of parameter Env',
      ],
    });
  });
});
