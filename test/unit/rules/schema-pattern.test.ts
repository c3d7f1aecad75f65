import { schemaPattern } from '../../../src/core/rules/schema';
import { withSections } from './rule-tester';
import { cfnResource, schemaTester } from './schema/fixtures';

const fn = (...props: string[]) => cfnResource('AWS::Lambda::Function', 'Code:', '  ZipFile: x', ...props);

schemaTester(schemaPattern, {
  valid: [
    { name: 'a matching ARN', text: fn('Role: arn:aws:iam::123456789012:role/service-role/app') },
    {
      name: 'GetAtt is only known after deploy',
      text: fn('Role: !GetAtt R2.Arn').replace('Resources:\n', 'Resources:\n  R2:\n    Type: AWS::IAM::Role\n'),
    },
    {
      name: 'Sub with a pseudo parameter that is not given',
      text: fn('Role: !Sub arn:aws:iam::${AWS::AccountId}:role/app'),
    },
    { name: 'a dynamic reference', text: fn("Role: '{{resolve:ssm:/app/role}}'") },
  ],
  invalid: [
    {
      name: 'not an ARN',
      text: fn('Role: my-role'),
      findings: [
        {
          range: '7:13-7:20',
          text: 'my-role',
          message:
            /^'my-role' does not have the form Properties\.Role of R \(AWS::Lambda::Function\) requires \(pattern \^arn:/,
        },
      ],
    },
    {
      name: 'a name with a space',
      text: fn('Role: arn:aws:iam::123456789012:role/r', 'FunctionName: "my function"'),
      findings: [{ range: '8:21-8:34', text: '"my function"' }],
    },
    {
      name: 'a Sub of known parts',
      text: withSections(
        fn('Role: !Sub "arn:aws:iam::${Account}:role/app"'),
        'Parameters:',
        '  Account:',
        '    Type: String',
        '    Default: 1234',
      ),
      findings: [
        {
          range: '11:13-11:52',
          text: '!Sub "arn:aws:iam::${Account}:role/app"',
          message: /'arn:aws:iam::1234:role\/app' \(.*Default of parameter Account\)/,
        },
      ],
    },
  ],
});
