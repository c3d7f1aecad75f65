import { strict as assert } from 'assert';
import { loadTemplate } from '../../../src/core';
import { patternOf } from '../../../src/core/permissions/arn';
import { yaml } from '../helpers';

// A statement's resource names the template's resources written by name: whole parts between the ARN's `:` and
// `/`, names with separators of their own included, in the template's order.
const TEMPLATE = yaml(
  'Resources:',
  '  Orders:',
  '    Type: AWS::DynamoDB::Table',
  '    Properties:',
  '      TableName: orders',
  '  OrdersArchive:',
  '    Type: AWS::DynamoDB::Table',
  '    Properties:',
  '      TableName: orders-archive',
  '  Uploads:',
  '    Type: AWS::S3::Bucket',
  '    Properties:',
  "      BucketName: !Sub '${AWS::StackName}-uploads'",
  '  Logs:',
  '    Type: AWS::Logs::LogGroup',
  '    Properties:',
  '      LogGroupName: /aws/lambda/orders',
);

describe('resource patterns name the template resources written by name', () => {
  const template = loadTemplate(TEMPLATE, '/project/template.yaml')!;
  const ids = (pattern: string): readonly string[] => patternOf(template, pattern).resourceIds;

  it('finds a name between separators, not inside a longer name', () => {
    assert.deepEqual(ids('arn:aws:dynamodb:us-east-1:123456789012:table/orders'), ['Orders']);
    assert.deepEqual(ids('arn:aws:dynamodb:us-east-1:123456789012:table/orders-archive'), ['OrdersArchive']);
    assert.deepEqual(ids('arn:aws:dynamodb:us-east-1:123456789012:table/orders2'), []);
  });

  it('finds names that hold separators themselves', () => {
    assert.deepEqual(ids('arn:aws:s3:::{AWS::StackName}-uploads/*'), ['Uploads']);
    assert.deepEqual(ids('arn:aws:logs:{AWS::Region}:{AWS::AccountId}:log-group:/aws/lambda/orders:*'), [
      'Orders',
      'Logs',
    ]);
  });

  it('lists a reference first, then names in the order the template writes them', () => {
    assert.deepEqual(ids('{Logs}/orders/orders-archive'), ['Logs', 'Orders', 'OrdersArchive']);
  });
});
