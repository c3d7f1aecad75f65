import { strict as assert } from 'assert';
import { MAX_SCANNED_FILE_CHARS } from '../../../src/core/permissions/scan/files';
import { scan, summary } from './fixtures';

describe('JavaScript and TypeScript SDK call scanner', () => {
  it('reads SDK v3 clients sending commands, with the table name from an environment variable', () => {
    const source = [
      "const { DynamoDBClient, PutItemCommand } = require('@aws-sdk/client-dynamodb');",
      'const client = new DynamoDBClient({});',
      'const TABLE = process.env.TABLE_NAME;',
      'exports.handler = async () => client.send(new PutItemCommand({ TableName: TABLE, Item: {} }));',
    ].join('\n');
    const result = scan({ 'index.js': source });
    assert.deepEqual(summary(result), ['dynamodb:PutItem → dynamodb:PutItem [TableName=env:TABLE_NAME]']);
    assert.equal(result.complete, true);
    const { span } = result.calls[0];
    assert.equal(source.slice(span.start, span.end), 'PutItemCommand', 'the finding lands on the command name');
  });

  it('maps lib-dynamodb document commands to the low-level actions (PutCommand is dynamodb:PutItem)', () => {
    const result = scan(
      {
        'index.mjs': [
          "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
          'import { DynamoDBDocumentClient, PutCommand as Put, ScanCommand, paginateQuery } from ' +
            "'@aws-sdk/lib-dynamodb';",
          'const docs = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
          'const { ORDERS } = process.env;',
          'export const handler = async () => {',
          '  await docs.send(new Put({ TableName: ORDERS, Item: {} }));',
          "  await docs.send(new ScanCommand({ TableName: 'literal-table' }));",
          '  for await (const page of paginateQuery({ client: docs }, { TableName: ORDERS })) console.log(page);',
          '};',
        ].join('\n'),
      },
      'index.handler',
    );
    assert.deepEqual(summary(result), [
      'dynamodb:PutItem → dynamodb:PutItem [TableName=env:ORDERS]',
      'dynamodb:Query → dynamodb:Query [TableName=env:ORDERS]',
      'dynamodb:Scan → dynamodb:Scan [TableName=literal-table]',
    ]);
  });

  it('reads aggregated v3 clients, namespace imports and the S3 helpers with their exceptions', () => {
    const result = scan(
      {
        'app.ts': [
          "import * as sqs from '@aws-sdk/client-sqs';",
          'import { S3, S3Client, GetObjectCommand, HeadObjectCommand, paginateListObjectsV2 } from ' +
            "'@aws-sdk/client-s3';",
          "import { Upload } from '@aws-sdk/lib-storage';",
          "import { getSignedUrl } from '@aws-sdk/s3-request-presigner';",
          'const s3: S3Client = new S3Client({});',
          'const aggregated = new S3({});',
          'export async function handler(event: { key: string }): Promise<void> {',
          '  const bucket = process.env["BUCKET"] as string;',
          '  await new sqs.SQSClient({}).send(new sqs.SendMessageCommand({ QueueUrl: process.env.QUEUE_URL, ' +
            'MessageBody: "x" }));',
          '  await aggregated.putObject({ Bucket: bucket, Key: event.key, Body: "" });',
          '  await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: "k" }));',
          '  await getSignedUrl(s3, new GetObjectCommand({ Bucket: bucket, Key: "k" }));',
          '  await new Upload({ client: s3, params: { Bucket: bucket, Key: "big" } }).done();',
          '  for await (const page of paginateListObjectsV2({ client: s3 }, { Bucket: bucket })) void page;',
          '}',
        ].join('\n'),
      },
      'app.handler',
    );
    assert.deepEqual(summary(result), [
      's3:GetObject → s3:GetObject [Bucket=env:BUCKET Key=k]',
      's3:HeadObject → s3:GetObject [Bucket=env:BUCKET Key=k]',
      's3:ListObjectsV2 → s3:ListBucket [Bucket=env:BUCKET]',
      's3:PutObject → s3:PutObject [Bucket=env:BUCKET Key=big]',
      's3:PutObject → s3:PutObject [Bucket=env:BUCKET]',
      'sqs:SendMessage → sqs:SendMessage [QueueUrl=env:QUEUE_URL]',
    ]);
  });

  it('reads SDK v2 clients, the DocumentClient and per-service imports', () => {
    const result = scan(
      {
        'handler.js': [
          "const AWS = require('aws-sdk');",
          "const Lambda = require('aws-sdk/clients/lambda');",
          'const documents = new AWS.DynamoDB.DocumentClient();',
          'exports.main = async () => {',
          '  await documents.put({ TableName: process.env.TABLE, Item: {} }).promise();',
          '  await documents.scan({ TableName: process.env.TABLE }).promise();',
          "  await new AWS.S3().getObject({ Bucket: 'b', Key: 'k' }).promise();",
          '  await new Lambda().invoke({ FunctionName: process.env.WORKER }).promise();',
          '  await new AWS.StepFunctions().startExecution({ stateMachineArn: process.env.FLOW }).promise();',
          '};',
        ].join('\n'),
      },
      'handler.main',
    );
    assert.deepEqual(summary(result), [
      'dynamodb:PutItem → dynamodb:PutItem [TableName=env:TABLE]',
      'dynamodb:Scan → dynamodb:Scan [TableName=env:TABLE]',
      'lambda:Invoke → lambda:InvokeFunction [FunctionName=env:WORKER]',
      's3:GetObject → s3:GetObject [Bucket=b Key=k]',
      'states:StartExecution → states:StartExecution [stateMachineArn=env:FLOW]',
    ]);
  });

  it("follows clients and commands re-exported from the project's own modules", () => {
    const result = scan({
      'lib/clients.ts': [
        "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
        "import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';",
        'export const db = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
        "export { UpdateCommand } from '@aws-sdk/lib-dynamodb';",
      ].join('\n'),
      'lib/index.ts': "export * from './clients';",
      'lib/queue.js':
        "const { SQSClient } = require('@aws-sdk/client-sqs');\nmodule.exports = { queue: new SQSClient({}) };",
      'lib/legacy.js': "const AWS = require('aws-sdk');\nexports.sns = new AWS.SNS();",
      'index.ts': [
        "import { db, UpdateCommand } from './lib';",
        "import { SendMessageCommand } from '@aws-sdk/client-sqs';",
        "const { queue } = require('./lib/queue');",
        "import * as legacy from './lib/legacy.js';",
        'export const handler = async () => {',
        '  await db.send(new UpdateCommand({ TableName: process.env.T, Key: {} }));',
        '  await queue.send(new SendMessageCommand({ QueueUrl: process.env.Q, MessageBody: "" }));',
        '  await legacy.sns.publish({ TopicArn: process.env.TOPIC, Message: "" }).promise();',
        '};',
      ].join('\n'),
    });
    assert.deepEqual(summary(result), [
      'dynamodb:UpdateItem → dynamodb:UpdateItem [TableName=env:T]',
      'sns:Publish → sns:Publish [TopicArn=env:TOPIC]',
      'sqs:SendMessage → sqs:SendMessage [QueueUrl=env:Q]',
    ]);
    assert.equal(result.files.length, 5, 'every imported project file was read');
    assert.equal(result.complete, true);
  });

  it('reports calls it cannot resolve instead of guessing, and says the scan is incomplete', () => {
    const result = scan({
      'index.js': [
        "const AWS = require('aws-sdk');",
        "const { S3Client } = require('@aws-sdk/client-s3');",
        "const { helper } = require('./missing-file');",
        'const s3 = new S3Client({});',
        'exports.handler = async (event) => {',
        '  const client = new AWS[event.service]();',
        '  await s3.send(event.command);',
        '  await new AWS.S3()[event.operation]({}).promise();',
        '  helper();',
        '};',
      ].join('\n'),
    });
    assert.deepEqual(summary(result), []);
    assert.deepEqual(result.unresolved.map((u) => u.reason).sort(), [
      'an SDK client is created from a computed name',
      'the command sent cannot be determined statically',
      'the operation is chosen at run time (a computed method name)',
    ]);
    assert.equal(result.complete, false);
  });

  it('says why a handler cannot be scanned', () => {
    assert.match(scan({}, 'index.handler').problem ?? '', /handler index\.handler was not found/);
    assert.match(scan({ 'Main.java': '' }, 'Main::handle', 'java21').problem ?? '', /java21 runtime is not scanned/);
  });

  it('does not parse bundles over the size limit, and says so', () => {
    const bundle = `exports.handler = () => 1;\n${'// filler\n'.repeat(MAX_SCANNED_FILE_CHARS / 10)}`;
    const result = scan({ 'index.js': bundle });
    assert.match(result.unresolved[0].reason, /^the file is 2\.0 MB, over the 2 MB scanned per file/);
    assert.equal(result.complete, false);
  });

  it('survives syntax errors and marks the scan incomplete', () => {
    const result = scan({
      'index.js':
        "const { S3Client, GetObjectCommand } = require('@aws-sdk/client-s3');\nconst s3 = new " +
        "S3Client({});\nexports.handler = async () => { await s3.send(new GetObjectCommand({ Bucket: 'b' }) ",
    });
    assert.deepEqual(summary(result), ['s3:GetObject → s3:GetObject [Bucket=b]']);
    assert.equal(result.complete, false);
  });
});
