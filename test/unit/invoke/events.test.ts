/* eslint-disable @typescript-eslint/no-explicit-any -- AWS's JSON, read loosely and checked by the assertions */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { gunzipSync } from 'zlib';
import {
  checkEventText,
  readEventFile,
  localResolutionOf,
  saveEvent,
  suggestEvents,
  listSavedEvents,
} from '../../../src/core/invoke';
import { loadTemplate } from '../../../src/core';
import { EMPTY_OVERRIDES } from '../../../src/core/invoke/overrides';
import { hasShared, SHARED, yaml } from '../helpers';
import { workspace } from './fixtures';

const TEMPLATE = yaml(
  'Transform: AWS::Serverless-2016-10-31',
  'Resources:',
  '  Fn:',
  '    Type: AWS::Serverless::Function',
  '    Properties:',
  '      Runtime: nodejs22.x',
  '      Handler: app.handler',
  '      Events:',
  '        GetOrder: {Type: Api, Properties: {Path: "/orders/{id}", Method: post}}',
  '        Http: {Type: HttpApi, Properties: {Path: "/reports/{day}", Method: get}}',
  '        Queue: {Type: SQS, Properties: {Queue: !GetAtt Orders.Arn, BatchSize: 5}}',
  '        Topic: {Type: SNS, Properties: {Topic: !Ref Alerts}}',
  '        Upload: {Type: S3, Properties: {Bucket: !Ref Uploads, Events: "s3:ObjectCreated:*", Filter: {S3Key: ' +
    '{Rules: [{Name: prefix, Value: incoming/}, {Name: suffix, Value: .csv}]}}}}',
  '        Rule: {Type: EventBridgeRule, Properties: {Pattern: {source: [com.shop.orders], detail-type: ' +
    '[OrderPlaced], detail: {total: [{numeric: [">", 100]}]}}}}',
  '        Nightly: {Type: Schedule, Properties: {Schedule: rate(1 day)}}',
  '        WithInput: {Type: Schedule, Properties: {Schedule: rate(1 day), Input: \'{"job": "export"}\'}}',
  '        Stream: {Type: DynamoDB, Properties: {Stream: !GetAtt Table.StreamArn, StartingPosition: LATEST}}',
  '        Kin: {Type: Kinesis, Properties: {Stream: !GetAtt Clicks.Arn, StartingPosition: LATEST}}',
  '        Logs: {Type: CloudWatchLogs, Properties: {LogGroupName: /app/logs, FilterPattern: ERROR}}',
  '        SignUp: {Type: Cognito, Properties: {UserPool: !Ref Pool, Trigger: PreSignUp}}',
  '        Alexa: {Type: AlexaSkill}',
  '        Lb: {Type: ALB, Properties: {Path: /health, Method: GET}}',
  '  Orders: {Type: AWS::SQS::Queue, Properties: {QueueName: orders}}',
  '  Alerts: {Type: AWS::SNS::Topic, Properties: {TopicName: alerts}}',
  '  Uploads: {Type: AWS::S3::Bucket, Properties: {BucketName: shop-uploads}}',
  '  Table: {Type: AWS::DynamoDB::Table, Properties: {TableName: orders-table}}',
  '  Clicks: {Type: AWS::Kinesis::Stream, Properties: {Name: clicks}}',
  '  Pool: {Type: AWS::Cognito::UserPool}',
);

function generated(): Map<string, any> {
  const template = loadTemplate(TEMPLATE, '/tmp/template.yaml', {
    resolution: { region: { value: 'eu-west-1', origin: '--region' } },
  })!;
  const resolution = localResolutionOf(template, { overrides: EMPTY_OVERRIDES });
  return new Map(suggestEvents(template.functions[0], resolution, 'fn').map((s) => [s.name, s.payload]));
}

/**
 * Every key of the sample (recursively, arrays by their first item) exists in the generated event. A null
 * where the sample has a map is what AWS sends when there is nothing (no query string, no client cert).
 */
function missingKeys(sample: unknown, made: unknown, at = '$'): string[] {
  if (made === null) return [];
  if (Array.isArray(sample))
    return sample.length && Array.isArray(made) ? missingKeys(sample[0], made[0], `${at}[0]`) : [];
  if (sample && typeof sample === 'object') {
    if (!made || typeof made !== 'object') return [at];
    return Object.entries(sample).flatMap(([k, v]) =>
      k in (made as object) ? missingKeys(v, (made as Record<string, unknown>)[k], `${at}.${k}`) : [`${at}.${k}`],
    );
  }
  return [];
}

describe('event generators', () => {
  const events = generated();

  it('builds a REST proxy event for Api POST /orders/{id} with path, method and path parameters', () => {
    const e = events.get('GetOrder');
    assert.equal(e.httpMethod, 'POST');
    assert.equal(e.resource, '/orders/{id}');
    assert.equal(e.path, '/orders/123');
    assert.deepEqual(e.pathParameters, { id: '123' });
    assert.equal(e.requestContext.resourcePath, '/orders/{id}');
    assert.equal(typeof e.body, 'string');
  });

  it('builds the HTTP API 2.0 payload with the route key', () => {
    const e = events.get('Http');
    assert.equal(e.version, '2.0');
    assert.equal(e.routeKey, 'GET /reports/{day}');
    assert.equal(e.rawPath, '/reports/example-day');
    assert.deepEqual(e.pathParameters, { day: 'example-day' });
  });

  it('uses the declared queue, topic, bucket, prefix, suffix, stream and log group', () => {
    assert.equal(events.get('Queue').Records[0].eventSourceARN, 'arn:aws:sqs:eu-west-1:123456789012:orders');
    assert.equal(events.get('Queue').Records.length, 2);
    assert.equal(events.get('Topic').Records[0].Sns.TopicArn, 'arn:aws:sns:eu-west-1:123456789012:alerts');
    const s3 = events.get('Upload').Records[0];
    assert.equal(s3.s3.bucket.name, 'shop-uploads');
    assert.equal(s3.eventName, 'ObjectCreated:Put');
    assert.match(s3.s3.object.key, /^incoming\/.*\.csv$/);
    assert.match(
      events.get('Stream').Records[0].eventSourceARN,
      /^arn:aws:dynamodb:eu-west-1:123456789012:table\/orders-table\/stream\//,
    );
    assert.equal(events.get('Kin').Records[0].eventSourceARN, 'arn:aws:kinesis:eu-west-1:123456789012:stream/clicks');
    const logs = JSON.parse(gunzipSync(Buffer.from(events.get('Logs').awslogs.data, 'base64')).toString());
    assert.equal(logs.logGroup, '/app/logs');
  });

  it('matches the EventBridge pattern, and uses a schedule Input as the event', () => {
    const e = events.get('Rule');
    assert.equal(e.source, 'com.shop.orders');
    assert.equal(e['detail-type'], 'OrderPlaced');
    assert.ok(e.detail.total > 100);
    assert.equal(events.get('Nightly')['detail-type'], 'Scheduled Event');
    assert.deepEqual(events.get('WithInput'), { job: 'export' });
    assert.equal(events.get('SignUp').triggerSource, 'PreSignUp_SignUp');
    assert.equal(events.get('Lb').path, '/health');
    assert.deepEqual(events.get('empty'), {});
  });

  describe('against the real sample payloads (../shared/corpus/sam-sample-events)', () => {
    before(function () {
      if (!hasShared) this.skip(); // the corpus is beside the checkout, not part of it
    });
    const pairs: [string, string][] = [
      ['GetOrder', 'apigateway/AwsProxy.json'],
      ['Http', 'apigateway/HttpApi.json'],
      ['Queue', 'sqs/Sqs.json'],
      ['Topic', 'sns/Sns.json'],
      ['Upload', 's3/S3Put.json'],
      ['Nightly', 'cloudwatch/ScheduledEvent.json'],
      ['Stream', 'dynamodb/DynamoDBUpdate.json'],
      ['Kin', 'kinesis/Kinesis.json'],
      ['Lb', 'alb/ALBRequest.json'],
      ['Logs', 'cloudwatch/CloudwatchLogs.json'],
      ['Alexa', 'alexa-skills-kit/AlexaStartSession.json'],
    ];
    for (const [name, file] of pairs) {
      it(`${name} has every field of ${file}`, () => {
        const sample = JSON.parse(fs.readFileSync(path.join(SHARED, 'corpus/sam-sample-events/events', file), 'utf8'));
        // Sample-only values that vary per request (headers, example attributes) are not structure.
        const structural = JSON.parse(
          JSON.stringify(sample, (k, v) =>
            [
              'headers',
              'multiValueHeaders',
              'MessageAttributes',
              'queryStringParameters',
              'multiValueQueryStringParameters',
              'stageVariables',
              'pathParameters',
              'Keys',
              'NewImage',
              'OldImage',
              'claims',
              'authentication',
              'attributes',
              'user',
              'application',
              'intent',
            ].includes(k) &&
            v &&
            typeof v === 'object'
              ? {}
              : v,
          ),
        );
        assert.deepEqual(missingKeys(structural, events.get(name)), []);
      });
    }
  });
});

describe('event files', () => {
  it('reports invalid JSON with its line and column before anything runs', () => {
    const r = checkEventText('{\n  "a": 1,\n  "b": }\n', 'events/bad.json');
    assert.equal(r.ok, false);
    assert.equal((r as { message: string }).message, 'events/bad.json:3:8: invalid JSON: value expected');
    assert.equal(checkEventText('{"a": 1, }', 'x.json').ok, false, 'no trailing commas: Lambda would refuse');
    assert.equal(checkEventText('  ', 'x.json').ok, true, 'an empty file is an empty event');
  });

  it('saves under .serverless-workbench/events/<LogicalId>/ without overwriting, and reads back', () => {
    const ws = workspace({});
    try {
      const a = saveEvent(ws.dir, 'Fn', 'Get Order', { a: 1 });
      const b = saveEvent(ws.dir, 'Fn', 'Get Order', { a: 2 });
      assert.equal(path.relative(ws.dir, a), '.serverless-workbench/events/Fn/Get-Order.json');
      assert.equal(path.relative(ws.dir, b), '.serverless-workbench/events/Fn/Get-Order-2.json');
      assert.deepEqual(
        listSavedEvents(ws.dir, 'Fn')
          .map((f) => path.basename(f))
          .sort(),
        ['Get-Order-2.json', 'Get-Order.json'],
      );
      const read = readEventFile(a);
      assert.ok(read.ok && JSON.parse(read.text).a === 1);
    } finally {
      ws.cleanup();
    }
  });
});
