import { strict as assert } from 'assert';
import { evaluate, globsIntersect, wildcardMatch } from '../../../src/core/permissions/matcher';
import type { ResourcePattern, Statement } from '../../../src/core/permissions/types';

const origin = { file: 't.yaml', span: { start: 0, end: 0 }, label: 'test' };
const r = (pattern: string): ResourcePattern => ({ pattern, resourceIds: [] });
function statement(s: Partial<Statement> & { effect?: 'Allow' | 'Deny' }): Statement {
  return { kind: 'written', effect: 'Allow', conditional: false, origin, resources: [r('*')], ...s };
}
const TABLE = r('arn:aws:dynamodb:{AWS::Region}:{AWS::AccountId}:table/{Orders}');

describe('IAM policy matcher', () => {
  it('matches actions case-insensitively with * and ?, resources case-sensitively', () => {
    assert.ok(wildcardMatch('dynamodb:Get*', 'dynamodb:getitem', true));
    assert.ok(wildcardMatch('s3:?etObject', 's3:GetObject', true));
    assert.ok(!wildcardMatch('s3:Get', 's3:GetObject', true));
    assert.ok(wildcardMatch('arn:aws:s3:::bucket/*', 'arn:aws:s3:::bucket/a/b.json'));
    assert.ok(!wildcardMatch('arn:aws:s3:::Bucket/*', 'arn:aws:s3:::bucket/a'));
    assert.ok(
      wildcardMatch('arn:aws:s3:::b.c/*', 'arn:aws:s3:::b.c/x') &&
        !wildcardMatch('arn:aws:s3:::b.c', 'arn:aws:s3:::bxc'),
      'dots are literal',
    );
  });

  it('allows what an Allow covers and nothing else', () => {
    const statements = [statement({ actions: ['dynamodb:PutItem', 'dynamodb:Get*'], resources: [TABLE] })];
    assert.equal(evaluate(statements, 'dynamodb:PutItem', TABLE).decision, 'allowed');
    assert.equal(evaluate(statements, 'dynamodb:GetItem', TABLE).decision, 'allowed');
    assert.equal(evaluate(statements, 'dynamodb:DeleteItem', TABLE).decision, 'implicitly-denied');
    assert.equal(
      evaluate(statements, 'dynamodb:PutItem', r('arn:aws:dynamodb:{AWS::Region}:{AWS::AccountId}:table/{Other}'))
        .decision,
      'implicitly-denied',
    );
  });

  it('lets an explicit Deny win over any Allow, unless the Deny has a condition we cannot evaluate', () => {
    const allowAll = statement({ actions: ['dynamodb:*'] });
    const deny = statement({ effect: 'Deny', actions: ['dynamodb:DeleteItem'], resources: [TABLE] });
    const result = evaluate([allowAll, deny], 'dynamodb:DeleteItem', TABLE);
    assert.equal(result.decision, 'denied');
    assert.equal(
      evaluate([allowAll, { ...deny, conditional: true }], 'dynamodb:DeleteItem', TABLE).decision,
      'allowed',
    );
  });

  it('understands NotAction and NotResource', () => {
    const allExceptIam = statement({ actions: undefined, notActions: ['iam:*'] });
    assert.equal(evaluate([allExceptIam], 's3:GetObject', r('arn:aws:s3:::b/k')).decision, 'allowed');
    assert.equal(evaluate([allExceptIam], 'iam:PassRole', r('*')).decision, 'implicitly-denied');
    const notProd = statement({
      actions: ['s3:GetObject'],
      resources: undefined,
      notResources: [r('arn:aws:s3:::prod/*')],
    });
    assert.equal(evaluate([notProd], 's3:GetObject', r('arn:aws:s3:::dev/k')).decision, 'allowed');
    assert.equal(evaluate([notProd], 's3:GetObject', r('arn:aws:s3:::prod/k')).decision, 'implicitly-denied');
  });

  it('counts any Allow for a resource the code names in a way we cannot trace, and only a Deny on * against it', () => {
    const allow = statement({
      actions: ['sqs:SendMessage'],
      resources: [r('arn:aws:sqs:{AWS::Region}:{AWS::AccountId}:{Q}')],
    });
    assert.equal(evaluate([allow], 'sqs:SendMessage').decision, 'allowed');
    assert.equal(
      evaluate(
        [allow, statement({ effect: 'Deny', actions: ['sqs:*'], resources: [r('arn:aws:sqs:*:*:other')] })],
        'sqs:SendMessage',
      ).decision,
      'allowed',
    );
    assert.equal(
      evaluate([allow, statement({ effect: 'Deny', actions: ['sqs:*'] })], 'sqs:SendMessage').decision,
      'denied',
    );
  });

  it('compares the account, Region and stack name as values of one deployment, within their ARN segment', () => {
    const literal = statement({
      actions: ['dynamodb:PutItem'],
      resources: [r('arn:aws:dynamodb:us-east-1:123456789012:table/orders')],
    });
    assert.equal(
      evaluate([literal], 'dynamodb:PutItem', r('arn:aws:dynamodb:{AWS::Region}:{AWS::AccountId}:table/orders'))
        .decision,
      'allowed',
    );
    assert.equal(
      evaluate([literal], 'dynamodb:PutItem', r('arn:aws:dynamodb:{AWS::Region}:{AWS::AccountId}:table/other'))
        .decision,
      'implicitly-denied',
    );
    const index = statement({
      actions: ['dynamodb:PutItem'],
      resources: [r('arn:aws:dynamodb:{AWS::Region}:{AWS::AccountId}:table/{Other}/index/*')],
    });
    assert.equal(
      evaluate([index], 'dynamodb:PutItem', TABLE).decision,
      'implicitly-denied',
      'the account does not stand for a whole ARN tail',
    );
    const deny = statement({
      effect: 'Deny',
      actions: ['dynamodb:*'],
      resources: [r('arn:aws:dynamodb:us-east-1:123456789012:table/orders')],
    });
    const call = r('arn:aws:dynamodb:{AWS::Region}:{AWS::AccountId}:table/orders');
    assert.equal(
      evaluate([statement({ actions: ['dynamodb:*'] }), deny], 'dynamodb:PutItem', call).decision,
      'allowed',
      'a Deny denies only what it surely covers',
    );
  });

  it('intersects two globs: a call whose resource has a wildcard is covered by a grant that may name it', () => {
    assert.ok(globsIntersect('arn:aws:s3:::b/uploads/*', 'arn:aws:s3:::b/*'));
    assert.ok(globsIntersect('arn:aws:secretsmanager:*:*:secret:app-??????', 'arn:aws:secretsmanager:*:*:secret:app*'));
    assert.ok(!globsIntersect('arn:aws:s3:::a/*', 'arn:aws:s3:::b/*'));
  });

  it('is unsure, not sure of a denial, when the only grant names an attribute the analysis does not model', () => {
    const grant = statement({ actions: ['events:PutEvents'], resources: [r('{Bus.Unmodelled}')] });
    const decision = evaluate(
      [grant],
      'events:PutEvents',
      r('arn:aws:events:{AWS::Region}:{AWS::AccountId}:event-bus/default'),
    );
    assert.deepEqual(decision, { decision: 'implicitly-denied', unsure: grant });
  });
});
