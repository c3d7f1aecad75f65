import { strict as assert } from 'assert';
import { schemaUnknownProperty } from '../../../src/core/rules/schema';
import { load, yaml } from '../helpers';
import { applyEdits, run } from './rule-tester';
import { cfnResource, fixtureCatalog, LAMBDA_BASE, samResource, schemaTester } from './schema/fixtures';

const include = ['Fn::Transform:', '  Name: AWS::Include', '  Parameters:', '    Location: s3://bucket/props.yaml'];

schemaTester(schemaUnknownProperty, {
  valid: [
    {
      name: 'known SAM properties',
      text: samResource('Handler: index.handler', 'Runtime: nodejs22.x', 'MemorySize: 512'),
    },
    {
      name: 'any key under Environment.Variables',
      text: cfnResource(
        'AWS::Lambda::Function',
        ...LAMBDA_BASE,
        'Environment:',
        '  Variables:',
        '    ANYTHING_AT_ALL: x',
      ),
    },
    {
      name: 'custom resources take any property',
      text: cfnResource(
        'Custom::Seeder',
        'ServiceToken: arn:aws:lambda:us-east-1:123456789012:function:f',
        'Whatever: 1',
      ),
    },
    {
      name: 'AWS::CloudFormation::CustomResource too',
      text: cfnResource('AWS::CloudFormation::CustomResource', 'ServiceToken: x', 'Whatever: 1'),
    },
    {
      name: 'a type the data does not know is left to resource-type-unknown',
      text: cfnResource('AWS::Brand::New', 'Anything: 1'),
    },
    { name: 'AWS::Include fills the Properties map', text: cfnResource('AWS::SQS::Queue', ...include, 'Extra: 1') },
    {
      name: 'a macro deeper down: the maps above it are not judged',
      text: cfnResource(
        'AWS::Lambda::Function',
        ...LAMBDA_BASE,
        'Mystery: 1',
        'Environment:',
        '  Variables:',
        ...include.map((l) => `    ${l}`),
      ),
    },
    { name: 'no schemas given: nothing', text: samResource('MemorySzie: 512'), inputs: { schemas: undefined } },
    {
      name: 'values SAM merges from Globals are not validated per function',
      text: yaml(
        'Transform: AWS::Serverless-2016-10-31',
        'Globals:',
        '  Function:',
        '    Timeout: 3',
        'Resources:',
        '  Fn:',
        '    Type: AWS::Serverless::Function',
        '    Properties:',
        '      Handler: index.handler',
      ),
    },
    {
      name: 'a resource under a false condition is still checked, but this one is fine',
      text: yaml(
        'Conditions:',
        '  No: !Equals [a, b]',
        'Resources:',
        '  R:',
        '    Type: AWS::SQS::Queue',
        '    Condition: No',
        '    Properties:',
        '      QueueName: q',
      ),
    },
    {
      name: 'a resource condition that is not defined does not crash the check',
      text: yaml(
        'Resources:',
        '  R:',
        '    Type: AWS::SQS::Queue',
        '    Condition: Missing',
        '    Properties:',
        '      QueueName: q',
      ),
    },
  ],
  invalid: [
    {
      name: 'the issue: MemorySzie',
      text: samResource('Handler: index.handler', 'MemorySzie: 512'),
      findings: [
        {
          range: '7:7-7:17',
          text: 'MemorySzie',
          message:
            /^'MemorySzie' is not a property of Properties of Fn \(AWS::Serverless::Function\)\. Did you mean 'MemorySize'\?$/,
        },
      ],
    },
    {
      name: 'nested: Environment.Varaibles',
      text: cfnResource('AWS::Lambda::Function', ...LAMBDA_BASE, 'Environment:', '  Varaibles:', '    A: b'),
      findings: [
        {
          range: '9:9-9:18',
          text: 'Varaibles',
          message: /of Properties\.Environment of R \(AWS::Lambda::Function\)\. Did you mean 'Variables'\?/,
        },
      ],
    },
    {
      name: 'the issue: an Api event with Methd',
      text: samResource(
        'Handler: index.handler',
        'Events:',
        '  Get:',
        '    Type: Api',
        '    Properties:',
        '      Path: /',
        '      Methd: get',
      ),
      findings: [
        {
          range: '12:13-12:18',
          text: 'Methd',
          message: /of Properties\.Events\.Get\.Properties of Fn .*Did you mean 'Method'\?/,
        },
      ],
    },
    {
      name: 'in a list item',
      text: cfnResource('AWS::SQS::Queue', 'Tags:', '  - Key: a', '    Value: b', '    Colour: c'),
      findings: [{ range: '8:11-8:17', text: 'Colour', message: /Properties\.Tags/ }],
    },
    {
      name: 'in SAM Globals, once',
      text: yaml(
        'Transform: AWS::Serverless-2016-10-31',
        'Globals:',
        '  Function:',
        '    Timeot: 3',
        'Resources:',
        '  Fn:',
        '    Type: AWS::Serverless::Function',
        '    Properties:',
        '      Handler: index.handler',
      ),
      findings: [
        {
          range: '4:5-4:11',
          text: 'Timeot',
          message: /^'Timeot' is not a property of Globals\.Function\. Did you mean 'Timeout'\?$/,
        },
      ],
    },
    {
      name: 'in both branches of Fn::If',
      text: cfnResource(
        'AWS::SQS::Queue',
        'Tags: !If',
        '  - C',
        '  - [{Key: a, Value: b, Vaule: c}]',
        '  - !Ref AWS::NoValue',
      ),
      findings: [{ range: '7:31-7:36', text: 'Vaule' }],
    },
    {
      name: 'far from any property: no suggestion',
      text: cfnResource('AWS::SQS::Queue', 'Zzzzzzzzzz: 1'),
      findings: [{ range: '5:7-5:17', text: 'Zzzzzzzzzz', message: /\(AWS::SQS::Queue\)\.$/ }],
    },
    {
      name: 'JSON, quotes included',
      fileName: 'template.json',
      text: '{"Resources": {"Q": {"Type": "AWS::SQS::Queue", "Properties": {"QueueNmae": "q"}}}}',
      findings: [{ range: '1:64-1:75', text: '"QueueNmae"' }],
    },
  ],
});

describe('schema-unknown-property quick fix', () => {
  const fixed = (text: string, fileName?: string): string => {
    const template = load(text, fileName);
    const [finding] = run(template, schemaUnknownProperty, { schemas: fixtureCatalog });
    assert.equal(finding.fixes[0].preferred, true);
    return applyEdits(text, finding.fixes[0].edits);
  };

  it('renames the key in YAML', () => {
    assert.equal(fixed(samResource('MemorySzie: 512')), samResource('MemorySize: 512'));
  });

  it('keeps the quotes of a quoted YAML key', () => {
    assert.equal(fixed(samResource("'MemorySzie': 512")), samResource("'MemorySize': 512"));
  });

  it('renames the key in JSON', () => {
    const text = '{"Resources": {"Q": {"Type": "AWS::SQS::Queue", "Properties": {"QueueNmae": "q"}}}}';
    assert.equal(fixed(text, 'template.json'), text.replace('QueueNmae', 'QueueName'));
  });
});
