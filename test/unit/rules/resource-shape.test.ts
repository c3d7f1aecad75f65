import { strict as assert } from 'assert';
import { resourceAttributeInvalid } from '../../../src/core/rules/resource-attributes';
import { resourceTypeUnknown } from '../../../src/core/rules/resource-type';
import { samTransformMissing } from '../../../src/core/rules/sam-transform';
import { load, yaml } from '../helpers';
import { applyEdits, ruleTester, run } from './rule-tester';
import { catalog as SCHEMAS } from '../completion/catalog';

const inputs = { schemas: SCHEMAS };
const cfn = (...lines: string[]) => yaml("AWSTemplateFormatVersion: '2010-09-09'", ...lines);
const typed = (type: string) => cfn('Resources:', '  R:', `    Type: ${type}`);

ruleTester(resourceTypeUnknown, {
  valid: [
    {
      name: 'CloudFormation, SAM and Alexa types',
      inputs,
      text: yaml(
        'Transform: AWS::Serverless-2016-10-31',
        'Resources:',
        '  A:',
        '    Type: AWS::SQS::Queue',
        '  B:',
        '    Type: AWS::Serverless::Function',
        '  C:',
        '    Type: Alexa::ASK::Skill',
      ),
    },
    {
      name: 'custom resources',
      inputs,
      text: cfn(
        'Resources:',
        '  A:',
        '    Type: Custom::OrderSeeder',
        '  B:',
        '    Type: AWS::CloudFormation::CustomResource',
        '  C:',
        '    Type: AWS::CDK::Metadata',
      ),
    },
    {
      name: 'third-party registry types and modules',
      inputs,
      text: cfn(
        'Resources:',
        '  A:',
        '    Type: MongoDB::Atlas::Cluster',
        '  B:',
        '    Type: MyOrg::Network::Vpc::MODULE',
      ),
    },
    { name: 'nothing without the catalog', text: typed('AWS::Lambda::Functon') },
    {
      name: 'serverless.yml resources',
      inputs,
      fileName: 'serverless.yml',
      text: yaml(
        'service: s',
        'provider:',
        '  name: aws',
        'resources:',
        '  Resources:',
        '    Q:',
        '      Type: AWS::SQS::Queue',
      ),
    },
  ],
  invalid: [
    {
      name: 'a misspelt name',
      inputs,
      text: typed('AWS::Lambda::Functon'),
      findings: [
        { range: '4:11-4:31', text: 'AWS::Lambda::Functon', message: /Did you mean 'AWS::Lambda::Function'\?/ },
      ],
    },
    {
      name: 'a misspelt service, in quotes',
      inputs,
      text: typed("'AWS::Dynamodb::Table'"),
      findings: [
        { range: '4:11-4:33', text: "'AWS::Dynamodb::Table'", message: /Did you mean 'AWS::DynamoDB::Table'/ },
      ],
    },
    {
      name: 'a SAM type',
      inputs,
      text: yaml('Transform: AWS::Serverless-2016-10-31', 'Resources:', '  F:', '    Type: AWS::Serverless::Functon'),
      findings: [{ range: '4:11-4:35', text: 'AWS::Serverless::Functon', message: /AWS::Serverless::Function/ }],
    },
    {
      name: 'a type of a known service newer than our data',
      inputs,
      text: typed('AWS::Lambda::Orchestrator'),
      findings: [
        {
          range: '4:11-4:36',
          text: 'AWS::Lambda::Orchestrator',
          severity: 'warning',
          message: /not among the AWS::Lambda types this version knows/,
        },
      ],
    },
    {
      name: 'a service that does not exist',
      inputs,
      text: typed('AWS::Nonexistent::Thing'),
      findings: [{ range: '4:11-4:34', text: 'AWS::Nonexistent::Thing', message: /no service 'Nonexistent'/ }],
    },
    {
      name: 'in a serverless.yml',
      inputs,
      fileName: 'serverless.yml',
      text: yaml(
        'service: s',
        'provider:',
        '  name: aws',
        'resources:',
        '  Resources:',
        '    Q:',
        '      Type: AWS::SQS::Queu',
      ),
      findings: [{ range: '7:13-7:27', text: 'AWS::SQS::Queu', message: /AWS::SQS::Queue/ }],
    },
  ],
});

describe('resource-type-unknown quick fix', () => {
  it('replaces the type, keeping its quotes', () => {
    const template = load(typed("'AWS::Dynamodb::Table'"));
    const [finding] = run(template, resourceTypeUnknown, inputs);
    assert.equal(applyEdits(template.text, finding.fixes[0].edits), typed("'AWS::DynamoDB::Table'"));
  });
});

ruleTester(resourceAttributeInvalid, {
  valid: [
    {
      name: 'every CloudFormation attribute',
      text: cfn(
        'Conditions:',
        '  C: !Equals [a, a]',
        'Resources:',
        '  A:',
        '    Type: AWS::SQS::Queue',
        '  B:',
        '    Type: AWS::SQS::Queue',
        '    Properties: {}',
        '    DependsOn: A',
        '    Condition: C',
        '    Metadata: {}',
        '    DeletionPolicy: RetainExceptOnCreate',
        '    UpdateReplacePolicy: Retain',
        '  Db:',
        '    Type: AWS::RDS::DBCluster',
        '    DeletionPolicy: Snapshot',
        '    UpdateReplacePolicy: Snapshot',
        '    UpdatePolicy: {}',
        '    CreationPolicy: {}',
      ),
    },
    {
      name: 'SAM Connectors and IgnoreGlobals',
      text: yaml(
        'Transform: AWS::Serverless-2016-10-31',
        'Resources:',
        '  F:',
        '    Type: AWS::Serverless::Function',
        '    IgnoreGlobals: [Timeout]',
        '    Connectors:',
        '      C:',
        '        Properties: {}',
        '  T:',
        '    Type: AWS::DynamoDB::Table',
        '    Connectors: {}',
      ),
    },
    {
      name: 'Version on a custom resource',
      text: cfn(
        'Resources:',
        '  C:',
        '    Type: Custom::Seeder',
        "    Version: '1.0'",
        '    Properties:',
        '      ServiceToken: arn',
      ),
    },
    {
      name: 'a policy from a parameter',
      text: cfn(
        'Parameters:',
        '  P:',
        '    Type: String',
        'Resources:',
        '  A:',
        '    Type: AWS::SQS::Queue',
        '    DeletionPolicy: !Ref P',
      ),
    },
    {
      name: 'serverless.yml functions are not resource entries',
      fileName: 'serverless.yml',
      text: yaml(
        'service: s',
        'provider:',
        '  name: aws',
        '  runtime: nodejs20.x',
        'functions:',
        '  hello:',
        '    handler: h.handler',
      ),
    },
  ],
  invalid: [
    {
      name: 'a misspelt Properties',
      text: cfn('Resources:', '  Q:', '    Type: AWS::SQS::Queue', '    Propertes:', '      DelaySeconds: 5'),
      findings: [
        {
          range: '5:5-5:14',
          text: 'Propertes',
          message: /'Propertes' is not a resource attribute\. Did you mean 'Properties'\?/,
        },
      ],
    },
    {
      name: 'a Description, listing what is allowed',
      text: cfn('Resources:', '  Q:', '    Type: AWS::SQS::Queue', '    Description: orders'),
      findings: [
        {
          range: '5:5-5:16',
          text: 'Description',
          message:
            /A resource may have: Type, Properties, DependsOn, Condition, Metadata, DeletionPolicy, UpdatePolicy, UpdateReplacePolicy, CreationPolicy\.$/,
        },
      ],
    },
    {
      name: 'IgnoreGlobals outside SAM types, Connectors outside SAM',
      text: cfn('Resources:', '  Q:', '    Type: AWS::SQS::Queue', '    Connectors: {}'),
      findings: [{ range: '5:5-5:15', text: 'Connectors' }],
    },
    {
      name: 'a misspelt policy value, quoted',
      text: cfn(
        'Resources:',
        '  Q:',
        '    Type: AWS::SQS::Queue',
        "    DeletionPolicy: 'Retian'",
        '    UpdateReplacePolicy: RetainExceptOnCreate',
      ),
      findings: [
        {
          range: '5:22-5:28',
          text: 'Retian',
          message: /DeletionPolicy 'Retian' is not accepted\. Did you mean 'Retain'\?/,
        },
        { range: '6:26-6:46', text: 'RetainExceptOnCreate', message: /Use one of: Delete, Retain, Snapshot/ },
      ],
    },
    {
      name: 'Snapshot on a type without snapshots',
      text: cfn('Resources:', '  B:', '    Type: AWS::S3::Bucket', '    DeletionPolicy: Snapshot'),
      findings: [
        {
          range: '5:21-5:29',
          text: 'Snapshot',
          severity: 'warning',
          message: /CloudFormation refuses it for AWS::S3::Bucket/,
        },
      ],
    },
    {
      name: 'JSON',
      fileName: 'template.json',
      text: '{"Resources": {"Q": {"Type": "AWS::SQS::Queue", "Propertes": {}}}}',
      findings: [{ range: '1:49-1:60', text: '"Propertes"' }],
    },
    {
      name: 'serverless.yml resources',
      fileName: 'serverless.yml',
      text: yaml(
        'service: s',
        'provider:',
        '  name: aws',
        'resources:',
        '  Resources:',
        '    Q:',
        '      Type: AWS::SQS::Queue',
        '      Properties: {}',
        '      Description: orders',
      ),
      findings: [{ range: '9:7-9:18', text: 'Description' }],
    },
  ],
});

describe('resource-attribute-invalid quick fix', () => {
  for (const [name, text, fixed] of [
    [
      'YAML',
      cfn('Resources:', '  Q:', '    Type: AWS::SQS::Queue', '    Propertes: {}'),
      cfn('Resources:', '  Q:', '    Type: AWS::SQS::Queue', '    Properties: {}'),
    ],
    [
      'JSON',
      '{"Resources": {"Q": {"Type": "AWS::SQS::Queue", "Propertes": {}}}}',
      '{"Resources": {"Q": {"Type": "AWS::SQS::Queue", "Properties": {}}}}',
    ],
  ]) {
    it(`renames the key (${name})`, () => {
      const template = load(text, name === 'JSON' ? 'template.json' : 'template.yaml');
      const [finding] = run(template, resourceAttributeInvalid);
      assert.equal(applyEdits(template.text, finding.fixes[0].edits), fixed);
    });
  }
});

const samFn = [
  'Resources:',
  '  Fn:',
  '    Type: AWS::Serverless::Function',
  '    Properties:',
  '      Runtime: python3.12',
];

ruleTester(samTransformMissing, {
  valid: [
    { name: 'a SAM template', text: yaml('Transform: AWS::Serverless-2016-10-31', ...samFn) },
    {
      name: 'the transform in a list',
      text: yaml('Transform: [AWS::LanguageExtensions, AWS::Serverless-2016-10-31]', ...samFn),
    },
    { name: 'plain CloudFormation', text: typed('AWS::SQS::Queue') },
  ],
  invalid: [
    {
      name: 'a SAM function',
      text: cfn(...samFn),
      findings: [
        {
          range: '4:11-4:36',
          text: 'AWS::Serverless::Function',
          message: /uses AWS::Serverless::Function but does not declare 'Transform: AWS::Serverless-2016-10-31'/,
        },
      ],
    },
    {
      name: 'Globals first, the types related',
      text: cfn('Globals:', '  Function:', '    Timeout: 3', ...samFn),
      findings: [{ range: '2:1-2:8', text: 'Globals', related: ['AWS::Serverless::Function'] }],
    },
    {
      name: 'another transform only',
      text: yaml('Transform: AWS::LanguageExtensions', ...samFn),
      findings: [{ range: '4:11-4:36', text: 'AWS::Serverless::Function' }],
    },
  ],
});

describe('sam-transform-missing quick fix', () => {
  const cases: [string, string, string, string][] = [
    [
      'after the header',
      yaml("AWSTemplateFormatVersion: '2010-09-09'", 'Description: orders', ...samFn),
      yaml(
        "AWSTemplateFormatVersion: '2010-09-09'",
        'Description: orders',
        'Transform: AWS::Serverless-2016-10-31',
        ...samFn,
      ),
      'template.yaml',
    ],
    [
      'at the top without a header',
      yaml(...samFn),
      yaml('Transform: AWS::Serverless-2016-10-31', ...samFn),
      'template.yaml',
    ],
    [
      'into a list with another transform',
      yaml('Transform: AWS::LanguageExtensions', ...samFn),
      yaml('Transform: [AWS::LanguageExtensions, AWS::Serverless-2016-10-31]', ...samFn),
      'template.yaml',
    ],
    [
      'appended to a flow list',
      yaml('Transform: [AWS::LanguageExtensions]', ...samFn),
      yaml('Transform: [AWS::LanguageExtensions, AWS::Serverless-2016-10-31]', ...samFn),
      'template.yaml',
    ],
    [
      'appended to a block list',
      yaml('Transform:', '  - AWS::LanguageExtensions', ...samFn),
      yaml('Transform:', '  - AWS::LanguageExtensions', '  - AWS::Serverless-2016-10-31', ...samFn),
      'template.yaml',
    ],
    [
      'JSON list',
      '{\n  "Transform": ["AWS::LanguageExtensions"],\n  "Resources": {"Fn": {"Type": ' +
        '"AWS::Serverless::Function"}}\n}\n',
      '{\n  "Transform": ["AWS::LanguageExtensions", "AWS::Serverless-2016-10-31"],\n  "Resources": {"Fn": ' +
        '{"Type": "AWS::Serverless::Function"}}\n}\n',
      'template.json',
    ],
    [
      'JSON, after the header',
      '{\n  "AWSTemplateFormatVersion": "2010-09-09",\n  "Resources": {"Fn": {"Type": ' +
        '"AWS::Serverless::Function"}}\n}\n',
      '{\n  "AWSTemplateFormatVersion": "2010-09-09",\n  "Transform": "AWS::Serverless-2016-10-31",\n  ' +
        '"Resources": {"Fn": {"Type": "AWS::Serverless::Function"}}\n}\n',
      'template.json',
    ],
    [
      'JSON without a header',
      '{\n  "Resources": {"Fn": {"Type": "AWS::Serverless::Function"}}\n}\n',
      '{\n  "Transform": "AWS::Serverless-2016-10-31",\n  "Resources": {"Fn": {"Type": ' +
        '"AWS::Serverless::Function"}}\n}\n',
      'template.json',
    ],
  ];
  for (const [name, text, fixed, fileName] of cases) {
    it(name, () => {
      const template = load(text, fileName);
      const [finding] = run(template, samTransformMissing);
      assert.equal(applyEdits(template.text, finding.fixes[0].edits), fixed);
      assert.equal(load(fixed, fileName).kind, 'sam');
    });
  }
});
