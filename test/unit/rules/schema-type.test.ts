import { schemaType } from '../../../src/core/rules/schema';
import { withSections } from './rule-tester';
import { cfnResource, samResource, schemaTester } from './schema/fixtures';

const PARAMETERS = [
  'Parameters:',
  '  Num:',
  '    Type: Number',
  '    Default: 30',
  '  Subnets:',
  '    Type: List<AWS::EC2::Subnet::Id>',
  '  Names:',
  '    Type: CommaDelimitedList',
  '    Default: a,b',
  '  Group:',
  '    Type: AWS::EC2::SecurityGroup::Id',
  '  Word:',
  '    Type: String',
  '    Default: abc',
  'Conditions:',
  '  C: !Equals [!Ref Word, abc]',
  'Mappings:',
  '  M:',
  '    a:',
  '      b: 30',
];
const instance = (...props: string[]) => withSections(cfnResource('AWS::EC2::Instance', ...props), ...PARAMETERS);
const sam = (...props: string[]) => withSections(samResource(...props), ...PARAMETERS);

schemaTester(schemaType, {
  valid: [
    { name: 'a quoted number is a valid integer', text: samResource('MemorySize: "512"') },
    { name: '512.0 is an integer', text: samResource('MemorySize: 512.0') },
    { name: 'booleans written as text', text: cfnResource('AWS::SQS::Queue', 'FifoQueue: "true"', 'Tags: []') },
    { name: 'a number where text belongs becomes text', text: cfnResource('AWS::SQS::Queue', 'QueueName: 123') },
    {
      name: 'numbers and booleans as environment values',
      text: samResource('Environment:', '  Variables:', '    A: 1', '    B: true'),
    },
    { name: 'an empty value is left to other rules', text: samResource('Timeout:') },
    { name: 'Ref of a Number parameter satisfies an integer', text: sam('Timeout: !Ref Num') },
    { name: 'Ref of a Number parameter where text belongs', text: sam('Handler: !Ref Num') },
    { name: 'Ref of a List parameter where a list belongs', text: instance('SecurityGroupIds: !Ref Subnets') },
    {
      name: 'Ref of a resource where text belongs',
      text: instance('SubnetId: !Ref Other').replace(
        'Resources:\n',
        'Resources:\n  Other:\n    Type: AWS::SQS::Queue\n',
      ),
    },
    {
      name: 'GetAtt is not judged: its kind depends on the attribute',
      text: instance('SubnetId: !GetAtt Other.Arn', 'SecurityGroupIds: !GetAtt Other.GroupIds').replace(
        'Resources:\n',
        'Resources:\n  Other:\n    Type: AWS::SQS::Queue\n',
      ),
    },
    {
      name: 'Select picks one item of a list',
      text: instance('SubnetId: !Select [0, !Ref Subnets]', "AvailabilityZone: !Select [0, !GetAZs '']"),
    },
    {
      name: 'Split makes a list',
      text: cfnResource('AWS::Lambda::Function', 'Layers: !Split [",", !ImportValue LayerArns]'),
    },
    {
      name: 'one value where a list belongs is left to the service: SAM and some types accept it',
      text: instance('SecurityGroupIds: !Ref Group'),
    },
    { name: 'a known single value where a list belongs, likewise', text: sam('Architectures: !Ref Word') },
    {
      name: 'a function newer than the model knows',
      text: cfnResource(
        'AWS::SQS::Queue',
        'QueueName:',
        '  Fn::GetStackOutput:',
        '    StackName: producer',
        '    OutputName: Name',
      ),
    },
    {
      name: 'a local path that packaging uploads, where a map belongs',
      text: cfnResource('AWS::Lambda::Function', 'Code: ./src'),
    },
    { name: 'Fn::If with AWS::NoValue', text: sam('Timeout: !If [C, 30, !Ref AWS::NoValue]') },
    { name: 'a dynamic reference is resolved at deploy', text: samResource("Timeout: '{{resolve:ssm:/app/timeout}}'") },
    { name: 'Ref of something unknown is not judged', text: samResource('Timeout: !Ref Nowhere') },
    { name: 'FindInMap of a number', text: sam('Timeout: !FindInMap [M, a, b]') },
    { name: 'pseudo parameters are text', text: cfnResource('AWS::SQS::Queue', 'QueueName: !Ref AWS::StackName') },
    { name: 'anyOf: text or a map', text: samResource('CodeUri: src/') },
    { name: 'anyOf: a map', text: samResource('CodeUri:', '  Bucket: b', '  Key: k') },
  ],
  invalid: [
    {
      name: 'the issue: Timeout "abc"',
      text: samResource('Timeout: "abc"'),
      findings: [
        {
          range: '6:16-6:21',
          text: '"abc"',
          message: /^Properties\.Timeout of Fn \(AWS::Serverless::Function\) must be an integer, not "abc"\.$/,
        },
      ],
    },
    {
      name: 'a fraction where an integer belongs',
      text: samResource('Timeout: 1.5'),
      findings: [{ range: '6:16-6:19', text: '1.5' }],
    },
    {
      name: 'Ref of a List parameter where text belongs',
      text: instance('SubnetId: !Ref Subnets'),
      findings: [{ range: '25:17-25:29', text: '!Ref Subnets', message: /must be text, not a list \(Ref\)/ }],
    },
    {
      name: 'Ref of a CommaDelimitedList where text belongs',
      text: instance('ImageId: !Ref Names'),
      findings: [{ range: '25:16-25:26', text: '!Ref Names' }],
    },
    {
      name: 'GetAZs where text belongs',
      text: instance("AvailabilityZone: !GetAZs ''"),
      findings: [{ range: '25:25-25:35', text: "!GetAZs ''", message: /not a list \(Fn::GetAZs\)/ }],
    },
    {
      name: 'a parameter Default of the wrong kind',
      text: sam('Timeout: !Ref Word'),
      findings: [
        {
          range: '26:16-26:25',
          text: '!Ref Word',
          message: /must be an integer, not "abc" \(Default of parameter Word\)/,
        },
      ],
    },
    {
      name: 'each branch of Fn::If',
      text: sam('Timeout: !If [C, 30, abc]'),
      findings: [{ range: '26:28-26:31', text: 'abc' }],
    },
    {
      name: 'a map where a list belongs',
      text: cfnResource('AWS::SQS::Queue', 'Tags:', '  Key: a'),
      findings: [{ range: '6:9-6:15', text: 'Key: a', message: /must be a list, not a map/ }],
    },
    {
      name: 'a list where text belongs',
      text: cfnResource('AWS::SQS::Queue', 'QueueName: [a]'),
      findings: [{ range: '5:18-5:21', text: '[a]' }],
    },
    {
      name: 'not a boolean',
      text: cfnResource('AWS::SQS::Queue', 'FifoQueue: yes-please'),
      findings: [{ range: '5:18-5:28', text: 'yes-please', message: /must be true or false/ }],
    },
    {
      name: 'anyOf: no branch of this kind',
      text: samResource('CodeUri: [a]'),
      findings: [{ range: '6:16-6:19', text: '[a]', message: /must be text or a map, not a list/ }],
    },
  ],
});
