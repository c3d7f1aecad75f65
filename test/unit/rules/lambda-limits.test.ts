import {
  lambdaEphemeralStorageRange,
  lambdaMemoryRange,
  lambdaTimeoutRange,
} from '../../../src/core/rules/lambda-limits';
import { yaml } from '../helpers';
import { ruleTester, samFunction } from './rule-tester';

const fn = (...props: string[]) => samFunction('nodejs22.x', 'Handler: index.handler', ...props);

/** A SAM function whose memory is the parameter Mem, with these lines under Mem and Properties. */
const fromParameter = (parameter: string[], ...props: string[]) =>
  yaml(
    'Transform: AWS::Serverless-2016-10-31',
    'Parameters:',
    '  Mem:',
    '    Type: Number',
    ...parameter.map((p) => `    ${p}`),
    'Conditions:',
    '  Off: !Equals [a, b]',
    'Resources:',
    '  Api:',
    '    Type: AWS::Serverless::Function',
    '    Properties:',
    '      Runtime: nodejs22.x',
    ...props.map((p) => `      ${p}`),
  );
const OVERRIDE = { parameters: { Mem: { value: '20000', origin: 'samconfig.toml [default] parameter_overrides' } } };

ruleTester(lambdaMemoryRange, {
  valid: [
    { name: 'the default', text: fn() },
    { name: 'both bounds', text: fn('MemorySize: 10240') },
    { name: 'an intrinsic is not judged', text: fn('MemorySize: !Ref Memory') },
    { name: 'a parameter without a Default is unknown, not judged', text: fromParameter([], 'MemorySize: !Ref Mem') },
    { name: 'a Default in range', text: fromParameter(['Default: 1024'], 'MemorySize: !Ref Mem') },
    {
      name: 'an override in range wins over a Default out of range',
      text: fromParameter(['Default: 20000'], 'MemorySize: !Ref Mem'),
      resolution: { parameters: { Mem: { value: '512', origin: '--parameter-overrides' } } },
    },
    {
      name: 'the branch a false condition chooses',
      text: fromParameter(['Default: 1024'], 'MemorySize: !If [Off, 20000, 512]'),
    },
    {
      name: 'Managed Instances have other bounds',
      text: fn('MemorySize: 32768', 'CapacityProviderConfig:', '  Arn: arn:aws:lambda:us-east-1:1:capacity-provider:x'),
    },
  ],
  invalid: [
    {
      name: 'above the maximum',
      text: fn('MemorySize: 16384'),
      findings: [
        {
          range: '8:19-8:24',
          text: '16384',
          message: /Function 'Api': memory 16384 MB is outside the allowed 128–10,240 MB/,
        },
      ],
    },
    {
      name: 'below the minimum, quoted',
      text: fn("MemorySize: '64'"),
      findings: [{ range: '8:19-8:23', text: "'64'" }],
    },
    {
      name: 'inherited from Globals: on the Globals line, naming the function',
      text: yaml(
        'Transform: AWS::Serverless-2016-10-31',
        'Globals:',
        '  Function:',
        '    MemorySize: 20000',
        'Resources:',
        '  Api:',
        '    Type: AWS::Serverless::Function',
        '    Properties:',
        '      Runtime: nodejs22.x',
      ),
      findings: [{ range: '4:17-4:22', text: '20000', message: /set in Globals, inherited by 'Api'/ }],
    },
    {
      name: 'a parameter Default: on the reference, saying where the value came from, pointing at the Default',
      text: fromParameter(['Default: 20000'], 'MemorySize: !Ref Mem'),
      findings: [
        {
          range: '13:19-13:27',
          text: '!Ref Mem',
          related: ['20000'],
          message:
            /^Function 'Api': memory 20000 MB \(Default of parameter Mem\) is outside the allowed 128–10,240 MB\.$/,
        },
      ],
    },
    {
      name: 'an override: said to be outside the template, nothing to point at',
      text: fromParameter(['Default: 1024'], 'MemorySize: !Ref Mem'),
      resolution: OVERRIDE,
      findings: [
        {
          range: '13:19-13:27',
          text: '!Ref Mem',
          related: [],
          message:
            /memory 20000 MB \(parameter Mem from samconfig\.toml \[default\] parameter_overrides; not written in this template\) is outside/,
        },
      ],
    },
    {
      name: 'the branch a condition chooses, pointing at the condition',
      text: fromParameter(['Default: 1024'], 'MemorySize: !If [Off, 512, 20000]'),
      findings: [
        {
          range: '13:19-13:40',
          text: '!If [Off, 512, 20000]',
          related: ['Off', '!Equals [a, b]'],
          message: /memory 20000 MB \(condition Off is false\)/,
        },
      ],
    },
    {
      name: 'a function its condition leaves out is still checked: other inputs create it',
      text: fromParameter(['Default: 1024'], 'MemorySize: 20000').replace(
        '    Properties:',
        '    Condition: Off\n    Properties:',
      ),
      findings: [{ range: '14:19-14:24', text: '20000' }],
    },
    {
      name: 'CloudFormation function',
      text: yaml('Resources:', '  Fn:', '    Type: AWS::Lambda::Function', '    Properties:', '      MemorySize: 100'),
      findings: [{ range: '5:19-5:22', text: '100' }],
    },
  ],
});

ruleTester(lambdaTimeoutRange, {
  valid: [{ name: '900 s', text: fn('Timeout: 900') }],
  invalid: [
    {
      name: 'over 15 minutes',
      text: fn('Timeout: 901'),
      findings: [{ range: '8:16-8:19', text: '901', message: /timeout 901 s is outside the allowed 1–900 s/ }],
    },
    { name: 'zero', text: fn('Timeout: 0'), findings: [{ range: '8:16-8:17', text: '0' }] },
  ],
});

ruleTester(lambdaEphemeralStorageRange, {
  valid: [{ name: '10 GB', text: fn('EphemeralStorage:', '  Size: 10240') }],
  invalid: [
    {
      name: 'below 512',
      text: fn('EphemeralStorage:', '  Size: 256'),
      findings: [{ range: '9:15-9:18', text: '256', message: /512–10,240 MB/ }],
    },
  ],
});
