import { strict as assert } from 'assert';
import { schemaRequiredProperty } from '../../../src/core/rules/schema';
import { load, yaml } from '../helpers';
import { applyEdits, run } from './rule-tester';
import { cfnResource, fixtureCatalog, samResource, schemaTester } from './schema/fixtures';

schemaTester(schemaRequiredProperty, {
  valid: [
    {
      name: 'all required properties given',
      text: cfnResource('AWS::Lambda::Function', 'Role: arn:aws:iam::123456789012:role/r', 'Code:', '  ZipFile: x'),
    },
    { name: 'a type without required properties needs no Properties', text: cfnResource('AWS::SQS::Queue') },
    {
      name: 'a required key given only as AWS::NoValue in one branch counts as given',
      text: cfnResource(
        'AWS::Lambda::Function',
        'Role: !If [C, arn:aws:iam::123456789012:role/r, !Ref AWS::NoValue]',
        'Code:',
        '  ZipFile: x',
      ),
    },
    {
      name: 'AWS::Include may bring the required keys',
      text: cfnResource(
        'AWS::Lambda::Function',
        'Fn::Transform:',
        '  Name: AWS::Include',
        '  Parameters:',
        '    Location: s3://b/k.yaml',
      ),
    },
    {
      name: 'Properties chosen by Fn::If: each branch is complete',
      text: cfnResource('AWS::SQS::Queue').replace(
        '    Type: AWS::SQS::Queue\n',
        '    Type: AWS::DynamoDB::Table\n    Properties: !If\n      - C\n      - KeySchema: []\n        ' +
          'AttributeDefinitions: []\n      - KeySchema: []\n        AttributeDefinitions: []\n',
      ),
    },
  ],
  invalid: [
    {
      name: 'missing at the top: on the Properties key',
      text: cfnResource('AWS::Lambda::Function', 'Code:', '  ZipFile: x'),
      findings: [
        {
          range: '4:5-4:15',
          text: 'Properties',
          message: /^Properties of R \(AWS::Lambda::Function\) is missing the required property 'Role'\.$/,
        },
      ],
    },
    {
      name: 'no Properties at all: on the Type line',
      text: cfnResource('AWS::DynamoDB::Table'),
      findings: [{ range: '3:5-3:31', text: 'Type: AWS::DynamoDB::Table', message: /'KeySchema'/ }],
    },
    {
      name: 'nested: on the key of the map',
      text: cfnResource('AWS::SQS::Queue', 'Tags:', '  - Key: a'),
      findings: [{ range: '6:11-6:14', text: 'Key', message: /Properties\.Tags of R .*'Value'/ }],
    },
    {
      name: 'a key written as AWS::NoValue is left out',
      text: cfnResource('AWS::SQS::Queue', 'Tags:', '  - Key: a', '    Value: !Ref AWS::NoValue'),
      findings: [{ range: '6:11-6:14', text: 'Key', message: /'Value'/ }],
    },
    {
      name: 'Properties: !Ref AWS::NoValue leaves every required property out',
      text: cfnResource('AWS::DynamoDB::Table').replace(
        'AWS::DynamoDB::Table\n',
        'AWS::DynamoDB::Table\n    Properties: !Ref AWS::NoValue\n',
      ),
      findings: [{ range: '4:5-4:15', text: 'Properties', message: /'KeySchema'/ }],
    },
    {
      name: 'a branch of Fn::If that lacks a required key: in that branch',
      text: cfnResource('AWS::SQS::Queue', 'Tags:', '  - !If [C, {Key: a, Value: b}, {Key: a}]'),
      findings: [{ range: '6:40-6:43', text: 'Key', message: /Properties\.Tags of R .*'Value'/ }],
    },
    {
      name: 'the issue: an Api event without Method, on its Properties key',
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
          range: '10:11-10:21',
          text: 'Properties',
          message:
            /Properties\.Events\.Get\.Properties of Fn \(AWS::Serverless::Function\) is missing the required property 'Method'/,
        },
      ],
    },
  ],
});

describe('schema-required-property quick fix', () => {
  const fixed = (text: string, fileName?: string): string => {
    const template = load(text, fileName);
    const [finding] = run(template, schemaRequiredProperty, { schemas: fixtureCatalog });
    return applyEdits(text, finding.fixes[0].edits);
  };

  it('inserts the key with a placeholder at the indentation of its siblings (YAML)', () => {
    assert.equal(
      fixed(cfnResource('AWS::Lambda::Function', 'Code:', '  ZipFile: x')),
      cfnResource('AWS::Lambda::Function', 'Code:', '  ZipFile: x', "Role: ''"),
    );
  });

  it('a list placeholder for a list, nested', () => {
    assert.equal(
      fixed(cfnResource('AWS::SQS::Queue', 'Tags:', '  - Key: a')),
      cfnResource('AWS::SQS::Queue', 'Tags:', '  - Key: a', "    Value: ''"),
    );
  });

  it('adds Properties when the resource has none', () => {
    assert.equal(
      fixed(cfnResource('AWS::DynamoDB::Table')),
      yaml('Resources:', '  R:', '    Type: AWS::DynamoDB::Table', '    Properties:', '      KeySchema: []').replace(
        /\n$/,
        '',
      ) + '\n',
    );
  });

  it('offers no insertion for a key written as AWS::NoValue: it is there to be replaced', () => {
    const template = load(cfnResource('AWS::SQS::Queue', 'Tags:', '  - Key: a', '    Value: !Ref AWS::NoValue'));
    const [finding] = run(template, schemaRequiredProperty, { schemas: fixtureCatalog });
    assert.deepEqual(finding.fixes, []);
  });

  it('inserts in JSON', () => {
    const text =
      '{\n  "Resources": {\n    "T": {\n      "Type": "AWS::DynamoDB::Table",\n      "Properties": {\n        ' +
      '"AttributeDefinitions": []\n      }\n    }\n  }\n}\n';
    assert.equal(
      fixed(text, 'template.json'),
      text.replace('"AttributeDefinitions": []', '"AttributeDefinitions": [],\n        "KeySchema": []'),
    );
  });
});
