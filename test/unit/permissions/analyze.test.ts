import { strict as assert } from 'assert';
import * as path from 'path';
import { loadTemplate } from '../../../src/core';
import type { Template } from '../../../src/core';
import { analyzePermissions, loadCatalogue, servicesOf } from '../../../src/core/permissions';
import type { Finding, Fix, PermissionAnalysis } from '../../../src/core/permissions';
import { yaml } from '../helpers';
import { PUT_ITEM_HANDLER, putItemTemplate } from '../../fixtures/put-item-app';

const ROOT = path.resolve('/project');
const TEMPLATE = path.join(ROOT, 'template.yaml');

function project(templateText: string, files: Record<string, string>) {
  const byPath = new Map(Object.entries(files).map(([k, v]) => [path.join(ROOT, k), v]));
  const template = loadTemplate(templateText, TEMPLATE)!;
  return { template, readFile: (p: string) => byPath.get(p), files };
}

function analyse(
  templateText: string,
  files: Record<string, string>,
): { template: Template; analysis: PermissionAnalysis; files: Record<string, string> } {
  const p = project(templateText, files);
  return { ...p, analysis: analyzePermissions(p.template, { readFile: p.readFile }) };
}

function applyFix(text: string, fix: Fix): string {
  const edits = [...fix.edits].sort((a, b) => b.span.start - a.span.start);
  return edits.reduce((t, e) => t.slice(0, e.span.start) + e.text + t.slice(e.span.end), text);
}

const of = (findings: readonly Finding[], ruleId: string): Finding[] => findings.filter((f) => f.ruleId === ruleId);

const HANDLER = PUT_ITEM_HANDLER;
const samTemplate = putItemTemplate;

describe('permission analysis: code against role', () => {
  it('reports a missing permission on the call and on the function, each pointing at the other', () => {
    const { template, analysis, files } = analyse(samTemplate(), { 'src/index.js': HANDLER });
    const missing = of(analysis.findings, 'iam-missing-permission');
    assert.equal(missing.length, 2);
    const [onFunction, onCall] = [missing.find((f) => f.file === TEMPLATE)!, missing.find((f) => f.file !== TEMPLATE)!];
    assert.equal(template.text.slice(onFunction.span.start, onFunction.span.end), 'OrdersFunction');
    assert.equal(onFunction.severity, 'error');
    assert.match(
      onFunction.message,
      /OrdersFunction calls PutItem but its role does not allow dynamodb:PutItem on arn:aws:dynamodb:\$\{AWS::Region\}:\$\{AWS::AccountId\}:table\/OrdersTable/,
    );
    assert.equal(onCall.file, path.join(ROOT, 'src/index.js'));
    assert.equal(files['src/index.js'].slice(onCall.span.start, onCall.span.end), 'PutCommand');
    assert.match(onCall.message, /TABLE_NAME → arn:.*table\/OrdersTable/);
    assert.deepEqual(
      onCall.related.map((r) => [r.file, r.span]),
      [[TEMPLATE, onFunction.span]],
    );
    assert.deepEqual(
      onFunction.related.map((r) => [r.file, r.span]),
      [[onCall.file, onCall.span]],
    );
  });

  it('offers the SAM policy template that fits, and applying it removes both findings', () => {
    const { template, analysis } = analyse(samTemplate(), { 'src/index.js': HANDLER });
    const fix = of(analysis.findings, 'iam-missing-permission')[0].fixes![0];
    assert.equal(fix.title, 'Add the SAM policy template DynamoDBWritePolicy (TableName: !Ref OrdersTable)');
    assert.ok(fix.preferred);
    const fixed = applyFix(template.text, fix);
    assert.match(
      fixed,
      /      Policies:\n        - DynamoDBWritePolicy:\n            TableName: !Ref OrdersTable\n  OrdersTable:/,
    );
    const after = analyse(fixed, { 'src/index.js': HANDLER });
    assert.deepEqual(of(after.analysis.findings, 'iam-missing-permission'), []);
    assert.equal(after.template.problems.length, 0);
  });

  it('offers a least-privilege inline statement, appended to existing Policies', () => {
    const { template, analysis } = analyse(samTemplate('      Policies:', '        - AWSLambdaBasicExecutionRole'), {
      'src/index.js': HANDLER,
    });
    const fix = of(analysis.findings, 'iam-missing-permission')[0].fixes!.find((f) =>
      f.title.startsWith('Add a least-privilege'),
    )!;
    const fixed = applyFix(template.text, fix);
    assert.match(
      fixed,
      /        - AWSLambdaBasicExecutionRole\n        - Statement:\n          - Effect: Allow\n            Action:\n              - dynamodb:PutItem\n            Resource: !GetAtt OrdersTable.Arn\n/,
    );
    assert.deepEqual(of(analyse(fixed, { 'src/index.js': HANDLER }).analysis.findings, 'iam-missing-permission'), []);
  });

  it('picks one template for reads and writes on the same table', () => {
    const handler =
      `${HANDLER}\nconst { GetCommand } = require('@aws-sdk/lib-dynamodb');\nexports.get = () => db.send(new ` +
      `GetCommand({ TableName: process.env.TABLE_NAME, Key: {} }));`;
    const { analysis } = analyse(samTemplate(), { 'src/index.js': handler });
    assert.equal(
      of(analysis.findings, 'iam-missing-permission')[0].fixes![0].title,
      'Add the SAM policy template DynamoDBCrudPolicy (TableName: !Ref OrdersTable)',
    );
  });

  it('knows a policy on another table does not cover this one', () => {
    const { analysis } = analyse(
      samTemplate('      Policies:', '        - DynamoDBCrudPolicy:', '            TableName: !Ref OtherTable'),
      { 'src/index.js': HANDLER },
    );
    assert.equal(of(analysis.findings, 'iam-missing-permission').length, 2);
    const granted = analyse(
      samTemplate('      Policies:', '        - DynamoDBCrudPolicy:', '            TableName: !Ref OrdersTable'),
      { 'src/index.js': HANDLER },
    );
    assert.deepEqual(of(granted.analysis.findings, 'iam-missing-permission'), []);
    assert.equal(granted.analysis.functions[0].calls[0].decidedBy?.origin.label, 'Policies › DynamoDBCrudPolicy');
  });

  it('reads a Role defined in the template with its inline policies and attached AWS::IAM::Policy', () => {
    const text = yaml(
      'Transform: AWS::Serverless-2016-10-31',
      'Resources:',
      '  OrdersFunction:',
      '    Type: AWS::Serverless::Function',
      '    Properties: {Runtime: nodejs22.x, CodeUri: src/, Handler: index.handler, Role: !GetAtt FnRole.Arn, ' +
        'Environment: {Variables: {TABLE_NAME: !Ref OrdersTable}}}',
      '  FnRole:',
      '    Type: AWS::IAM::Role',
      '    Properties:',
      '      ManagedPolicyArns: [arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      '  Extra:',
      '    Type: AWS::IAM::Policy',
      '    Properties:',
      '      Roles: [!Ref FnRole]',
      '      PolicyDocument:',
      '        Statement:',
      '          - Effect: Allow',
      '            Action: dynamodb:PutItem',
      '            Resource: !GetAtt OrdersTable.Arn',
      '  OrdersTable:',
      '    Type: AWS::DynamoDB::Table',
    );
    const { analysis } = analyse(text, { 'src/index.js': HANDLER });
    assert.deepEqual(of(analysis.findings, 'iam-missing-permission'), []);
    assert.equal(analysis.functions[0].calls[0].decidedBy?.origin.label, 'Extra (AWS::IAM::Policy)');
  });

  it('does not claim a permission is missing when the role is defined elsewhere', () => {
    const { analysis } = analyse(samTemplate('      Role: arn:aws:iam::123456789012:role/shared'), {
      'src/index.js': HANDLER,
    });
    assert.deepEqual(of(analysis.findings, 'iam-missing-permission'), []);
    assert.equal(analysis.functions[0].calls[0].decision, 'unknown');
    assert.match(analysis.functions[0].permissions.unknown[0].reason, /role defined outside this template/);
  });

  it('reports granted actions the completely scanned code never calls', () => {
    const { analysis } = analyse(
      samTemplate('      Policies:', '        - DynamoDBCrudPolicy:', '            TableName: !Ref OrdersTable'),
      { 'src/index.js': HANDLER },
    );
    const [unused] = of(analysis.findings, 'iam-unused-permission');
    assert.equal(unused.severity, 'info');
    assert.match(
      unused.message,
      /^DynamoDBCrudPolicy grants dynamodb:GetItem, dynamodb:DeleteItem, dynamodb:Scan, dynamodb:Query and 5 more, which OrdersFunction's code never calls\.$/,
    );
    const partial = analyse(
      samTemplate('      Policies:', '        - DynamoDBCrudPolicy:', '            TableName: !Ref OrdersTable'),
      { 'src/index.js': `${HANDLER}\nrequire('./not-there');` },
    );
    assert.deepEqual(
      of(partial.analysis.findings, 'iam-unused-permission'),
      [],
      'no unused finding when code was not all seen',
    );
  });
});

describe('permission analysis: statements in the template', () => {
  const policies = (...lines: string[]) => samTemplate('      Policies:', ...lines);

  it(
    'flags admin, wildcard actions, wildcard resources, ' + 'PassRole on * and unknown actions with a suggestion',
    async () => {
      const text = policies(
        '        - Statement:',
        '          - Effect: Allow',
        "            Action: '*'",
        "            Resource: '*'",
        '        - Statement:',
        '          - Effect: Allow',
        '            Action: [s3:*, iam:PassRole, dynamodb:PutItems, dynamo:GetItem, ec2:DescribeImages]',
        "            Resource: '*'",
      );
      const template = loadTemplate(text, TEMPLATE)!;
      const first = analyzePermissions(template);
      const catalogue = await loadCatalogue(servicesOf(first));
      const findings = analyzePermissions(template, { catalogue }).findings;
      const at = (f: Finding) => `${f.ruleId} ${f.severity} ${text.slice(f.span.start, f.span.end).split('\n')[0]}`;
      assert.deepEqual(findings.filter((f) => f.ruleId !== 'iam-unused-permission').map(at), [
        'iam-admin error Effect: Allow',
        'iam-wildcard-action warning s3:*',
        'iam-passrole-wildcard warning iam:PassRole',
        "iam-wildcard-resource warning '*'",
        'iam-unknown-action error dynamodb:PutItems',
        'iam-unknown-action error dynamo:GetItem',
      ]);
      assert.match(findings.find((f) => f.message.includes('PutItems'))!.message, /Did you mean dynamodb:PutItem\?/);
      assert.match(findings.find((f) => f.message.includes("'dynamo'"))!.message, /Did you mean 'dynamodb'\?/);
      assert.match(findings.find((f) => f.ruleId === 'iam-wildcard-resource')!.message, /s3:\*, iam:PassRole/);
      assert.doesNotMatch(
        findings.find((f) => f.ruleId === 'iam-wildcard-resource')!.message,
        /ec2:DescribeImages/,
        'DescribeImages only works on *',
      );
    },
  );

  it('replaces a broad managed policy by the policy template the code needs on its table', () => {
    const { template, analysis } = analyse(policies('        - AmazonDynamoDBFullAccess'), { 'src/index.js': HANDLER });
    const [broad] = of(analysis.findings, 'iam-broad-managed-policy');
    assert.deepEqual(of(analysis.findings, 'iam-missing-permission'), [], 'the broad policy allows the call');
    const [fix] = broad.fixes!;
    assert.equal(fix.title, 'Replace AmazonDynamoDBFullAccess by DynamoDBWritePolicy (TableName: !Ref OrdersTable)');
    const fixed = applyFix(template.text, fix);
    assert.match(fixed, /      Policies:\n        - DynamoDBWritePolicy:\n            TableName: !Ref OrdersTable\n/);
    const after = analyse(fixed, { 'src/index.js': HANDLER }).analysis.findings;
    assert.deepEqual([...of(after, 'iam-missing-permission'), ...of(after, 'iam-broad-managed-policy')], []);
  });

  it('flags broad managed policies with the SAM template that usually fits, but not the ones SAM adds', () => {
    const { analysis } = analyse(
      policies('        - AmazonDynamoDBFullAccess', '        - AWSLambdaBasicExecutionRole'),
      {},
    );
    const broad = of(analysis.findings, 'iam-broad-managed-policy');
    assert.equal(broad.length, 1);
    assert.match(broad[0].message, /AmazonDynamoDBFullAccess grants far more .* DynamoDBCrudPolicy/);
  });
});
