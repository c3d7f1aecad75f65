import {
  lambdaEnvReservedName,
  lambdaEnvSize,
  lambdaFunctionName,
  lambdaLayersCount,
  lambdaReservedConcurrency,
  provisionedConcurrencyWithoutAlias,
  snapstartIncompatible,
} from '../../../src/core/rules/lambda-config';
import { yaml } from '../helpers';
import { ruleTester, samFunction, withCondition, withSections } from './rule-tester';

const fn = (...props: string[]) => samFunction('python3.12', ...props);

ruleTester(lambdaEnvSize, {
  valid: [{ name: '4,096 bytes exactly', text: fn('Environment:', '  Variables:', `    K: ${'v'.repeat(4095)}`) }],
  invalid: [
    {
      name: 'a value from a parameter Default counts as it resolves',
      text: withSections(
        fn('Environment:', '  Variables:', '    K: !Ref Big'),
        'Parameters:',
        '  Big:',
        '    Type: String',
        `    Default: ${'v'.repeat(4096)}`,
      ),
      findings: [{ range: '12:9-12:18', text: 'Variables', message: /4,097 bytes/ }],
    },
    {
      name: 'one byte over',
      text: fn('Environment:', '  Variables:', `    K: ${'v'.repeat(4096)}`),
      findings: [{ range: '8:9-8:18', text: 'Variables', message: /4,097 bytes.*Lambda allows 4,096/ }],
    },
  ],
});

ruleTester(lambdaEnvReservedName, {
  valid: [{ name: 'ordinary names', text: fn('Environment:', '  Variables:', '    APP_REGION: eu-west-1') }],
  invalid: [
    {
      name: 'AWS_REGION',
      text: fn('Environment:', '  Variables:', '    AWS_REGION: eu-west-1'),
      findings: [{ range: '9:11-9:21', text: 'AWS_REGION', message: /reserved by Lambda/ }],
    },
  ],
});

ruleTester(lambdaLayersCount, {
  valid: [{ name: 'five layers', text: fn('Layers: [a, b, c, d, e]') }],
  invalid: [
    {
      name: 'six, from Globals and the function together',
      text: yaml(
        'Transform: AWS::Serverless-2016-10-31',
        'Globals:',
        '  Function:',
        '    Layers: [a, b, c]',
        'Resources:',
        '  Api:',
        '    Type: AWS::Serverless::Function',
        '    Properties:',
        '      Layers: [d, e, f]',
      ),
      findings: [{ range: '9:22-9:23', text: 'f', message: /uses 6 layers.*This is layer 6/ }],
    },
  ],
});

ruleTester(lambdaFunctionName, {
  valid: [
    { name: '64 characters', text: fn(`FunctionName: ${'a'.repeat(64)}`) },
    { name: 'a Sub is not judged', text: fn("FunctionName: !Sub '${AWS::StackName}-x'") },
  ],
  invalid: [
    {
      name: '65 characters',
      text: fn(`FunctionName: ${'a'.repeat(65)}`),
      findings: [{ range: '7:21-7:86', text: 'a'.repeat(65), message: /has 65 characters; Lambda allows 64/ }],
    },
    {
      name: 'a dot and a space',
      text: fn("FunctionName: 'my.fn name'"),
      findings: [{ range: '7:21-7:33', text: "'my.fn name'", message: /contains '\. '/ }],
    },
  ],
});

/** Function A reserves the parameter R (Default `reserved`), function B reserves 500. */
const reservingTwo = (reserved: number) =>
  yaml(
    'Transform: AWS::Serverless-2016-10-31',
    'Parameters:',
    '  R:',
    '    Type: Number',
    `    Default: ${reserved}`,
    'Conditions:',
    '  Off: !Equals [a, b]',
    'Resources:',
    '  A:',
    '    Type: AWS::Serverless::Function',
    '    Properties:',
    '      ReservedConcurrentExecutions: !Ref R',
    '  B:',
    '    Type: AWS::Serverless::Function',
    '    Properties:',
    '      ReservedConcurrentExecutions: 500',
  );

ruleTester(lambdaReservedConcurrency, {
  valid: [
    {
      name: 'a function a false condition leaves out reserves nothing from the total',
      text: withCondition(reservingTwo(600), 'A', 'Off'),
    },
    { name: '900 of 1,000', text: fn('ReservedConcurrentExecutions: 900') },
    {
      name: 'a raised account limit',
      text: fn('ReservedConcurrentExecutions: 1500'),
      inputs: { accountConcurrency: 2000 },
    },
  ],
  invalid: [
    {
      name: 'a parameter Default over the limit, said and pointed at',
      text: reservingTwo(950),
      findings: [
        {
          range: '12:37-12:43',
          text: '!Ref R',
          related: ['950'],
          message: /reserves 950 \(Default of parameter R\) concurrent executions/,
        },
        { range: '16:37-16:40', text: '500', message: /adds up to 1450/ },
      ],
      inputs: { accountConcurrency: 1000 },
    },
    {
      name: '901 of 1,000',
      text: fn('ReservedConcurrentExecutions: 901'),
      findings: [{ range: '7:37-7:40', text: '901', message: /at most 900 can be reserved/ }],
    },
    {
      name: 'two functions adding up',
      text: yaml(
        'Resources:',
        '  A:',
        '    Type: AWS::Lambda::Function',
        '    Properties:',
        '      ReservedConcurrentExecutions: 500',
        '  B:',
        '    Type: AWS::Lambda::Function',
        '    Properties:',
        '      ReservedConcurrentExecutions: 450',
      ),
      findings: [{ range: '9:37-9:40', text: '450', message: /adds up to 950 with Function 'B'/ }],
    },
  ],
});

ruleTester(snapstartIncompatible, {
  valid: [
    { name: 'Python 3.12', text: fn('SnapStart:', '  ApplyOn: PublishedVersions') },
    { name: 'ApplyOn None', text: fn('Runtime: nodejs22.x', 'SnapStart:', '  ApplyOn: None') },
  ],
  invalid: [
    {
      name: 'with EFS and large /tmp',
      text: fn(
        'SnapStart:',
        '  ApplyOn: PublishedVersions',
        'FileSystemConfigs: []',
        'EphemeralStorage:',
        '  Size: 1024',
      ),
      findings: [
        { range: '7:7-7:16', text: 'SnapStart', message: /EFS/ },
        { range: '7:7-7:16', text: 'SnapStart', message: /512 MB of ephemeral storage/ },
      ],
    },
  ],
});

ruleTester(provisionedConcurrencyWithoutAlias, {
  valid: [
    {
      name: 'with an alias',
      text: fn('AutoPublishAlias: live', 'ProvisionedConcurrencyConfig:', '  ProvisionedConcurrentExecutions: 5'),
    },
  ],
  invalid: [
    {
      name: 'without one',
      text: fn('ProvisionedConcurrencyConfig:', '  ProvisionedConcurrentExecutions: 5'),
      findings: [{ range: '7:7-7:35', text: 'ProvisionedConcurrencyConfig', message: /no AutoPublishAlias/ }],
    },
  ],
});
