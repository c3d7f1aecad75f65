import {
  duplicateKey,
  logicalIdInvalid,
  templateParameterCount,
  templateResourceCount,
  templateSize,
  yamlSyntax,
} from '../../../src/core/rules/structure';
import { strict as assert } from 'assert';
import { load, yaml } from '../helpers';
import { ruleTester, run } from './rule-tester';

const queues = (n: number, prefix = 'Q') =>
  Array.from({ length: n }, (_, i) => `  ${prefix}${i}:\n    Type: AWS::SQS::Queue`);

ruleTester(yamlSyntax, {
  valid: [{ name: 'well-formed', text: yaml('Resources:', '  Q:', '    Type: AWS::SQS::Queue') }],
  invalid: [
    {
      name: 'an unclosed flow sequence, at its opener',
      text: yaml('Resources:', '  Queue:', '    Type: [AWS::SQS::Queue'),
      findings: [{ range: '3:11-3:12', text: '[' }],
    },
  ],
});

ruleTester(duplicateKey, {
  valid: [
    {
      name: 'distinct keys',
      text: yaml('Resources:', '  A:', '    Type: AWS::SQS::Queue', '  B:', '    Type: AWS::SQS::Queue'),
    },
  ],
  invalid: [
    {
      name: 'a resource twice',
      text: yaml('Resources:', '  A:', '    Type: AWS::SQS::Queue', '  A:', '    Type: AWS::SNS::Topic'),
      findings: [{ range: '4:3-4:4', text: 'A', severity: 'error' }],
    },
  ],
});

ruleTester(logicalIdInvalid, {
  valid: [{ name: 'alphanumeric', text: yaml('Resources:', '  OrdersQueue2:', '    Type: AWS::SQS::Queue') }],
  invalid: [
    {
      name: 'hyphens',
      text: yaml('Resources:', '  orders-queue:', '    Type: AWS::SQS::Queue'),
      findings: [{ range: '2:3-2:15', text: 'orders-queue', message: /only letters and digits, not '-'/ }],
    },
  ],
});

ruleTester(templateResourceCount, {
  valid: [{ name: '500 resources', text: yaml('Resources:', ...queues(500)) }],
  invalid: [
    {
      name: '501 resources',
      text: yaml('Resources:', ...queues(501)),
      findings: [{ range: '1:1-1:10', text: 'Resources', message: /501 resources; CloudFormation allows 500/ }],
    },
  ],
});

ruleTester(templateParameterCount, {
  valid: [
    {
      name: '200 parameters',
      text: yaml(
        'Parameters:',
        ...Array.from({ length: 200 }, (_, i) => `  P${i}:\n    Type: String`),
        'Resources:',
        '  Q:',
        '    Type: AWS::SQS::Queue',
      ),
    },
  ],
  invalid: [
    {
      name: '201 parameters',
      text: yaml(
        'Parameters:',
        ...Array.from({ length: 201 }, (_, i) => `  P${i}:\n    Type: String`),
        'Resources:',
        '  Q:',
        '    Type: AWS::SQS::Queue',
      ),
      findings: [{ range: '1:1-1:11', text: 'Parameters' }],
    },
  ],
});

const padded = (bytes: number) =>
  yaml(
    "AWSTemplateFormatVersion: '2010-09-09'",
    `Description: ${'x'.repeat(bytes)}`,
    'Resources:',
    '  Q:',
    '    Type: AWS::SQS::Queue',
  );

ruleTester(templateSize, {
  valid: [{ name: 'under 51,200 bytes', text: padded(50_000) }],
  invalid: [
    {
      name: 'over the inline limit: info',
      text: padded(60_000),
      findings: [
        {
          range: '1:1-1:39',
          text: "AWSTemplateFormatVersion: '2010-09-09'",
          message: /must be uploaded to S3/,
          severity: 'info',
        },
      ],
    },
    {
      name: 'over 1 MB: error',
      text: padded(1_100_000),
      findings: [
        {
          range: '1:1-1:39',
          text: "AWSTemplateFormatVersion: '2010-09-09'",
          message: /at most 1,000,000 bytes/,
          severity: 'error',
        },
      ],
    },
  ],
});

describe('template-resource-count after the SAM transform', () => {
  it('counts what SAM generates for the written functions', () => {
    // 200 functions with an Api event each: 200 functions + 200 roles + 200 permissions + the implicit API, its
    // deployment and stage.
    const functions = Array.from({ length: 200 }, (_, i) =>
      [
        `  Fn${i}:`,
        '    Type: AWS::Serverless::Function',
        '    Properties:',
        '      Runtime: nodejs22.x',
        '      Handler: index.handler',
        '      CodeUri: src/',
        '      Events:',
        '        Get:',
        '          Type: Api',
        '          Properties:',
        `            Path: /f${i}`,
        '            Method: get',
      ].join('\n'),
    );
    const template = load(yaml('Transform: AWS::Serverless-2016-10-31', 'Resources:', ...functions));
    const findings = run(template, templateResourceCount);
    assert.equal(findings.length, 1);
    assert.match(
      findings[0].message,
      /^This template has 603 resources after the SAM transform \(200 written, 403 generated\); CloudFormation allows 500\.$/,
    );
  });
});
