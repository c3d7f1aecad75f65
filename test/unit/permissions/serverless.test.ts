import { strict as assert } from 'assert';
import { loadTemplate } from '../../../src/core';
import type { Template } from '../../../src/core';
import { GrantCollector } from '../../../src/core/permissions/effective';
import { fixesFor } from '../../../src/core/permissions/fixes';
import { evaluate } from '../../../src/core/permissions/matcher';
import { patternOf } from '../../../src/core/permissions/arn';
import { serverlessPermissions } from '../../../src/core/permissions/serverless';
import { yaml } from '../helpers';

function grantsOf(text: string, name = 'notify') {
  const template = loadTemplate(text, '/svc/serverless.yml')!;
  const grants = new GrantCollector(template);
  const fn = template.functions.find((f) => f.displayName === name)!;
  serverlessPermissions(grants, fn);
  return { template, fn, grants };
}

const SERVICE = (...provider: string[]) =>
  yaml(
    'service: notifications',
    'provider:',
    '  name: aws',
    '  runtime: nodejs20.x',
    ...provider,
    'functions:',
    '  notify:',
    '    handler: src/notify.handler',
    '    events:',
    '      - sqs:',
    '          arn: !GetAtt NotifyQueue.Arn',
    'resources:',
    '  Resources:',
    '    NotifyQueue:',
    '      Type: AWS::SQS::Queue',
    '    Subscribers:',
    '      Type: AWS::DynamoDB::Table',
  );

const table = (template: Template) =>
  patternOf(template, 'arn:aws:dynamodb:{AWS::Region}:{AWS::AccountId}:table/{Subscribers}');

describe('Serverless Framework permissions', () => {
  it("reads provider.iam.role.statements, the framework's log and SQS grants", () => {
    const { template, grants } = grantsOf(
      SERVICE(
        '  iam:',
        '    role:',
        '      statements:',
        '        - Effect: Allow',
        '          Action: [dynamodb:PutItem]',
        '          Resource: !GetAtt Subscribers.Arn',
      ),
    );
    assert.equal(evaluate(grants.statements, 'dynamodb:PutItem', table(template)).decision, 'allowed');
    assert.equal(evaluate(grants.statements, 'logs:PutLogEvents').decision, 'allowed');
    const queue = patternOf(template, 'arn:aws:sqs:{AWS::Region}:{AWS::AccountId}:{NotifyQueue}');
    assert.equal(evaluate(grants.statements, 'sqs:ReceiveMessage', queue).decision, 'allowed');
    assert.equal(evaluate(grants.statements, 'dynamodb:DeleteItem', table(template)).decision, 'implicitly-denied');
  });

  it('reads the v2 provider.iamRoleStatements and managed policies, and says a custom role is not visible', () => {
    const v2 = grantsOf(
      SERVICE(
        '  iamRoleStatements:',
        '    - Effect: Allow',
        '      Action: dynamodb:*',
        "      Resource: '*'",
        '  iam:',
        '    role:',
        '      managedPolicies:',
        '        - arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
      ),
    );
    assert.equal(evaluate(v2.grants.statements, 'dynamodb:PutItem', table(v2.template)).decision, 'allowed');
    assert.equal(evaluate(v2.grants.statements, 's3:GetObject').decision, 'allowed');
    const custom = grantsOf(SERVICE('  iam:', '    role: arn:aws:iam::123456789012:role/shared'));
    assert.match(custom.grants.unknown[0].reason, /custom role arn:aws:iam::123456789012:role\/shared/);
  });

  it('gives a function its own iamRoleStatements only with the per-function roles plugin', () => {
    const service = (plugins: string[]) =>
      yaml(
        'service: s',
        ...plugins,
        'provider:',
        '  name: aws',
        '  iam:',
        '    role:',
        '      statements:',
        '        - {Effect: Allow, Action: sqs:SendMessage, Resource: "*"}',
        'functions:',
        '  notify:',
        '    handler: src/notify.handler',
        '    iamRoleStatements:',
        '      - {Effect: Allow, Action: dynamodb:PutItem, Resource: !GetAtt Subscribers.Arn}',
        'resources:',
        '  Resources:',
        '    Subscribers:',
        '      Type: AWS::DynamoDB::Table',
      );
    const withPlugin = grantsOf(service(['plugins:', '  - serverless-iam-roles-per-function']));
    assert.equal(
      evaluate(withPlugin.grants.statements, 'dynamodb:PutItem', table(withPlugin.template)).decision,
      'allowed',
    );
    assert.equal(
      evaluate(withPlugin.grants.statements, 'sqs:SendMessage').decision,
      'implicitly-denied',
      'its own role does not inherit the provider statements',
    );
    const without = grantsOf(service([]));
    assert.equal(
      evaluate(without.grants.statements, 'dynamodb:PutItem', table(without.template)).decision,
      'implicitly-denied',
      'the framework ignores iamRoleStatements',
    );
    assert.equal(evaluate(without.grants.statements, 'sqs:SendMessage').decision, 'allowed');
  });

  it('adds a missing statement under provider.iam.role.statements, creating the list when needed', () => {
    for (const provider of [
      [],
      [
        '  iam:',
        '    role:',
        '      statements:',
        '        - Effect: Allow',
        '          Action: sqs:SendMessage',
        "          Resource: '*'",
      ],
    ]) {
      const { template, fn } = grantsOf(SERVICE(...provider));
      const [fix] = fixesFor(template, fn, { actions: ['dynamodb:PutItem'], resource: table(template) });
      assert.equal(fix.title, 'Add a statement for dynamodb:PutItem under provider.iam.role.statements');
      const edit = fix.edits[0];
      const fixed = template.text.slice(0, edit.span.start) + edit.text + template.text.slice(edit.span.end);
      const after = grantsOf(fixed);
      assert.equal(
        evaluate(after.grants.statements, 'dynamodb:PutItem', table(after.template)).decision,
        'allowed',
        fixed,
      );
      assert.equal(after.template.problems.length, 0);
    }
  });
});
