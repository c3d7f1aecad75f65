import { schemaRange } from '../../../src/core/rules/schema';
import { cfnResource, LAMBDA_BASE, schemaTester } from './schema/fixtures';

const fn = (...props: string[]) => cfnResource('AWS::Lambda::Function', ...LAMBDA_BASE, ...props);

schemaTester(schemaRange, {
  valid: [
    { name: 'within bounds', text: fn('MemorySize: 128', 'FunctionName: f', 'Architectures: [arm64]') },
    { name: 'a quoted number within bounds', text: fn('MemorySize: "10240"') },
    {
      name: 'an item a condition may leave out does not count towards the most',
      text: fn('Architectures:', '  - arm64', '  - !If [C, x86_64, !Ref AWS::NoValue]'),
    },
    {
      name: 'a dynamic reference is not measured',
      text: fn("FunctionName: '{{resolve:ssm:/a/very/long/parameter/name/that/is/longer/than/sixty/four/characters}}'"),
    },
  ],
  invalid: [
    {
      name: 'below the minimum',
      text: cfnResource('AWS::SQS::Queue', 'MessageRetentionPeriod: 30'),
      findings: [
        {
          range: '5:31-5:33',
          text: '30',
          message: /^Properties\.MessageRetentionPeriod of R \(AWS::SQS::Queue\) is 30; the minimum is 60\.$/,
        },
      ],
    },
    {
      name: 'above the maximum, quoted',
      text: fn('MemorySize: "20000"'),
      findings: [{ range: '8:19-8:26', text: '"20000"', message: /is 20000; the maximum is 10240/ }],
    },
    {
      name: 'too long',
      text: fn(`FunctionName: ${'f'.repeat(65)}`),
      findings: [{ range: '8:21-8:86', text: 'f'.repeat(65), message: /is 65 characters long; the maximum is 64/ }],
    },
    {
      name: 'too few items',
      text: fn('Architectures: []'),
      findings: [{ range: '8:22-8:24', text: '[]', message: /is 0 items; the minimum is 1/ }],
    },
    {
      name: 'too many items',
      text: fn('Architectures: [arm64, x86_64]'),
      findings: [{ range: '8:22-8:37', text: '[arm64, x86_64]', message: /is 2 items; the maximum is 1/ }],
    },
  ],
});
