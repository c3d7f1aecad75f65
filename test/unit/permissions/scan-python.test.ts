import { strict as assert } from 'assert';
import { scan, summary } from './fixtures';

const py = (...lines: string[]): string => `${lines.join('\n')}\n`;

describe('Python boto3 call reader', () => {
  it('reads clients in module globals, chained clients and the S3 exceptions', () => {
    const source = py(
      '"""Reports: s3.delete_object(Bucket="docstring") is not a call."""',
      'import os',
      'import boto3',
      '',
      's3 = boto3.client("s3")',
      'BUCKET = os.environ["BUCKET_NAME"]',
      '',
      'def handler(event, context):',
      '    # s3.delete_bucket(Bucket=BUCKET) is commented out',
      '    s3.put_object(Bucket=BUCKET, Key="a.json", Body=b"")',
      '    s3.head_object(Bucket=BUCKET, Key="a.json")',
      '    s3.list_objects_v2(Bucket=os.environ.get("BUCKET_NAME"))',
      "    boto3.client('sqs').send_message(QueueUrl=os.getenv('QUEUE_URL'), MessageBody='x')",
      "    pages = s3.get_paginator('list_objects_v2')",
      "    url = s3.generate_presigned_url('get_object', Params={'Bucket': BUCKET})",
      '    s3.upload_file("/tmp/x", BUCKET, "x")',
    );
    const result = scan({ 'app.py': source }, 'app.handler', 'python3.12');
    assert.deepEqual(summary(result), [
      's3:GetObject → s3:GetObject [Bucket=env:BUCKET_NAME]',
      's3:HeadObject → s3:GetObject [Bucket=env:BUCKET_NAME Key=a.json]',
      's3:ListObjectsV2 → s3:ListBucket',
      's3:ListObjectsV2 → s3:ListBucket [Bucket=env:BUCKET_NAME]',
      's3:PutObject → s3:PutObject',
      's3:PutObject → s3:PutObject [Bucket=env:BUCKET_NAME Key=a.json]',
      'sqs:SendMessage → sqs:SendMessage [QueueUrl=env:QUEUE_URL]',
    ]);
    const put = result.calls.find((c) => c.operation === 'PutObject' && c.params.Key)!;
    assert.equal(source.slice(put.span.start, put.span.end), 'put_object');
  });

  it('reads DynamoDB resources: Table objects, their methods and batch writers', () => {
    const result = scan(
      {
        'app.py': py(
          'import os',
          'import boto3 as b3',
          'from boto3 import resource',
          'dynamodb = b3.resource("dynamodb")',
          'orders = resource("dynamodb").Table(os.environ["ORDERS"])',
          'def handler(event, context):',
          '    table = dynamodb.Table(os.environ["TABLE_NAME"])',
          '    table.put_item(Item={"id": "1"})',
          '    table.scan()',
          '    with orders.batch_writer() as batch:',
          '        batch.put_item(Item={})',
        ),
      },
      'app.handler',
      'python3.12',
    );
    assert.deepEqual(summary(result), [
      'dynamodb:BatchWriteItem → dynamodb:BatchWriteItem [TableName=env:ORDERS]',
      'dynamodb:BatchWriteItem → dynamodb:BatchWriteItem [TableName=env:ORDERS]',
      'dynamodb:PutItem → dynamodb:PutItem [TableName=env:TABLE_NAME]',
      'dynamodb:Scan → dynamodb:Scan [TableName=env:TABLE_NAME]',
    ]);
  });

  it("follows clients defined in the project's own modules, in packages and by module import", () => {
    const result = scan(
      {
        'lib/__init__.py': '',
        'lib/aws.py': py('import boto3', 'events = boto3.client("events")', 'sfn = boto3.client("stepfunctions")'),
        'handlers/orders.py': py(
          'import os',
          'from lib.aws import events',
          'import lib.aws as aws',
          'def handler(event, context):',
          '    events.put_events(Entries=[])',
          '    aws.sfn.start_execution(stateMachineArn=os.environ["FLOW"])',
        ),
      },
      'handlers.orders.handler',
      'python3.12',
    );
    assert.deepEqual(summary(result), [
      'events:PutEvents → events:PutEvents',
      'states:StartExecution → states:StartExecution [stateMachineArn=env:FLOW]',
    ]);
  });

  it('reports clients and operations chosen at run time as unresolved', () => {
    const result = scan(
      {
        'app.py': py(
          'import boto3',
          'def handler(event, context):',
          '    client = boto3.client(event["service"])',
          '    s3 = boto3.client("s3")',
          '    getattr(s3, event["op"])(Bucket="b")',
        ),
      },
      'app.handler',
      'python3.12',
    );
    assert.deepEqual(result.unresolved.map((u) => u.reason).sort(), [
      'a boto3 client is created for a service named at run time',
      'the operation is chosen at run time (getattr)',
    ]);
    assert.equal(result.complete, false);
  });
});
