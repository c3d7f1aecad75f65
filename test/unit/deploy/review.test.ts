import { strict as assert } from 'assert';
import type { ChangeRow, ReviewedChangeSet } from '../../../src/core/deploy';
import { changeSetTable } from '../../../src/core/deploy/format';
import { noChangesReview, reviewOf } from '../../../src/core/deploy/review';
import { load, textAt } from '../helpers';

const TEMPLATE = `Transform: AWS::Serverless-2016-10-31
Conditions:
  IsProd: !Equals [!Ref AWS::Region, eu-west-1]
Resources:
  OrdersFunction:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs22.x
      Handler: index.handler
      CodeUri: s3://bucket/code.zip
  Table:
    Type: AWS::DynamoDB::Table
    Properties:
      BillingMode: PAY_PER_REQUEST
  ProdAlarmTopic:
    Type: AWS::SNS::Topic
    Condition: IsProd
`;

const template = load(TEMPLATE);

function changeSet(rows: ChangeRow[], mode: ReviewedChangeSet['mode'] = 'UPDATE'): ReviewedChangeSet {
  return { stackName: 'orders', changeSetId: 'arn:cs/1', mode, rows };
}

/** A Modify row as CloudFormation describes it: the attributes in scope and one detail per change source. */
function modify(logicalId: string, replacement: string, scope: string[], details: ChangeRow['details']): ChangeRow {
  const written = template.resourceById.get(logicalId);
  return {
    action: 'Modify',
    logicalId,
    resourceType: written?.deployedAs?.type ?? written?.type ?? '',
    physicalId: `orders-${logicalId}-1X2Y`,
    replacement,
    scope,
    details,
    ...(written ? { span: written.span } : {}),
  };
}

describe('the change set review: rows, places and summary', () => {
  const reviewed = changeSet([
    modify(
      'OrdersFunction',
      'False',
      ['Properties', 'Tags'],
      [{ attribute: 'Properties', name: 'CodeUri', requiresRecreation: 'Never' }, { attribute: 'Tags' }],
    ),
    // The same property changed by two sources (a parameter and the text): the strongest recreation wins.
    modify(
      'Table',
      'Conditional',
      ['Properties'],
      [
        { attribute: 'Properties', name: 'KeySchema', requiresRecreation: 'Never' },
        { attribute: 'Properties', name: 'KeySchema', requiresRecreation: 'Conditionally' },
        { attribute: 'Properties', name: 'BillingMode', requiresRecreation: 'Never' },
      ],
    ),
    {
      action: 'Add',
      logicalId: 'OrdersFunctionRole',
      resourceType: 'AWS::IAM::Role',
      scope: [],
      details: [],
      span: template.resourceById.get('OrdersFunctionRole')!.span,
    },
    {
      action: 'Remove',
      logicalId: 'OldQueue',
      resourceType: 'AWS::SQS::Queue',
      physicalId: 'q-1',
      scope: [],
      details: [],
    },
    {
      action: 'Remove',
      logicalId: 'ProdAlarmTopic',
      resourceType: 'AWS::SNS::Topic',
      physicalId: 'arn:aws:sns:us-east-1:123456789012:t',
      scope: [],
      details: [],
      span: template.resourceById.get('ProdAlarmTopic')!.span,
    },
    { action: 'Add', logicalId: 'OrdersFunctionAliaslive', resourceType: 'AWS::Lambda::Alias', scope: [], details: [] },
    { action: 'Dynamic', logicalId: 'Nested', resourceType: 'AWS::CloudFormation::Stack', scope: [], details: [] },
  ]);
  const review = reviewOf(reviewed, template);

  it('shows each change with its action, type, physical ID, replacement, what changes and where it is written', () => {
    assert.equal(review.title, 'Review Change Set — orders');
    assert.deepEqual(
      review.rows.map((r) => [r.action, r.logicalId, r.physicalId, r.replacement, r.changes, r.place]),
      [
        [
          'Modify',
          'OrdersFunction',
          'orders-OrdersFunction-1X2Y',
          'False',
          'Properties: CodeUri; Tags',
          'template.yaml:5:3',
        ],
        [
          'Modify',
          'Table',
          'orders-Table-1X2Y',
          'Conditional',
          'Properties: KeySchema (may require recreation), BillingMode',
          'template.yaml:11:3',
        ],
        ['Add', 'OrdersFunctionRole', '', '', '', 'template.yaml:5:3'],
        ['Remove', 'OldQueue', 'q-1', '', '', 'not in the template'],
        ['Remove', 'ProdAlarmTopic', 'arn:aws:sns:us-east-1:123456789012:t', '', '', 'template.yaml:15:3'],
        ['Add', 'OrdersFunctionAliaslive', '', '', '', 'not found in the template'],
        ['Dynamic', 'Nested', '', '', '', 'not found in the template'],
      ],
    );
    assert.equal(review.rows[3].span, undefined, 'a removed resource no longer written has no range');
    assert.match(textAt(template, review.rows[1].span!), /^Table:\n {4}Type: AWS::DynamoDB::Table/);
  });

  it('counts additions, modifications, removals and replacements in one line', () => {
    assert.deepEqual(review.counts, { add: 2, modify: 2, remove: 2, replacements: 0, conditional: 1 });
    assert.equal(
      review.summary,
      '2 to add, 2 to modify, 2 to remove, 0 replacements, 1 conditional replacement, 1 other',
    );
    const replaced = reviewOf(
      changeSet([
        modify(
          'Table',
          'True',
          ['Properties'],
          [{ attribute: 'Properties', name: 'TableName', requiresRecreation: 'Always' }],
        ),
      ]),
      template,
    );
    assert.equal(replaced.summary, '0 to add, 1 to modify, 0 to remove, 1 replacement');
    assert.equal(replaced.rows[0].changes, 'Properties: TableName (requires recreation)');
    const created = reviewOf(
      changeSet(
        [{ action: 'Add', logicalId: 'Table', resourceType: 'AWS::DynamoDB::Table', scope: [], details: [] }],
        'CREATE',
      ),
      template,
    );
    assert.equal(created.summary, '1 to add, 0 to modify, 0 to remove, 0 replacements (new stack)');
  });

  it('a modification CloudFormation gives no Replacement for is not replaced', () => {
    const row = modify('Table', '', ['Metadata'], [{ attribute: 'Metadata' }]);
    const { replacement, ...rest } = row;
    assert.equal(replacement, '');
    assert.deepEqual(
      reviewOf(changeSet([rest]), template).rows.map((r) => [r.replacement, r.changes]),
      [['False', 'Metadata']],
    );
  });

  it('an empty change set says there is nothing to change', () => {
    const empty = noChangesReview('orders', template);
    assert.deepEqual(empty.rows, []);
    assert.equal(empty.summary, 'No changes: stack orders is already up to date with template.yaml.');
  });

  it('the terminal prints the same rows as a table under the summary', () => {
    assert.deepEqual(changeSetTable(changeSet([reviewed.rows[1], reviewed.rows[3]]), template), [
      'Review Change Set — orders: 0 to add, 1 to modify, 1 to remove, 0 replacements, 1 conditional replacement',
      'Action  Logical ID  Type                  Physical ID        Replacement  Template             Changes',
      'Modify  Table       AWS::DynamoDB::Table  orders-Table-1X2Y  Conditional  template.yaml:11:3   ' +
        'Properties: KeySchema (may require recreation), BillingMode',
      'Remove  OldQueue    AWS::SQS::Queue       q-1                             not in the template',
    ]);
  });
});
