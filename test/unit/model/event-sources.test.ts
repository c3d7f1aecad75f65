import { strict as assert } from 'assert';
import { toPlain } from '../../../src/core';
import type { Template } from '../../../src/core';
import { eventSourceOf } from '../../../src/core/model/event-sources';
import { referencesIn, referenceTarget } from '../../../src/core/model/references';
import type { EventSource } from '../../../src/core/model/event-sources';
import { load, textAt, yaml } from '../helpers';
import { sls } from './serverless-helpers';

/**
 * What a user would read: the source's logical ID and whether it is written or generated, or the outside expression.
 */
function said(source: EventSource | undefined): string {
  if (!source) return 'none';
  if (source.kind === 'resource')
    return `${source.resource.origin} ${source.resource.logicalId} (${source.resource.type})`;
  if (source.kind === 'outside')
    return `outside ${source.expression ? JSON.stringify(toPlain(source.expression)) : '-'}: ${source.reason}`;
  return `unknown: ${source.reason}`;
}

/** The source of every event of every function, as `Function.Event → source`. */
function sources(t: Template): string[] {
  return t.functions.flatMap((fn) =>
    fn.events.map((e) => `${fn.displayName}.${e.name} → ${said(eventSourceOf(t, fn.logicalId, e))}`),
  );
}

const sam = (...lines: string[]): Template =>
  load(yaml('Transform: AWS::Serverless-2016-10-31', 'Resources:', ...lines.map((l) => `  ${l}`)));
const fn = (id: string, ...events: string[]): string[] => [
  `${id}:`,
  '  Type: AWS::Serverless::Function',
  '  Properties:',
  '    Runtime: nodejs20.x',
  '    Handler: a.h',
  '    Events:',
  ...events.map((l) => `      ${l}`),
];

describe('model: which resource an event comes from', () => {
  it('SAM Api and HttpApi events without an API join the implicit APIs SAM generates', () => {
    const t = sam(
      ...fn('A', 'Get:', '  Type: Api', '  Properties: {Path: /a, Method: get}', 'Http:', '  Type: HttpApi'),
    );
    assert.deepEqual(sources(t), [
      'A.Get → generated ServerlessRestApi (AWS::ApiGateway::RestApi)',
      'A.Http → generated ServerlessHttpApi (AWS::ApiGatewayV2::Api)',
    ]);
  });

  it('an explicit RestApiId (Ref or bare logical ID) and ApiId name the written API', () => {
    const t = sam(
      'Api:',
      '  Type: AWS::Serverless::Api',
      '  Properties: {StageName: prod}',
      'Http:',
      '  Type: AWS::Serverless::HttpApi',
      ...fn(
        'A',
        'Get:',
        '  Type: Api',
        '  Properties: {Path: /a, Method: get, RestApiId: !Ref Api}',
        'Bare:',
        '  Type: Api',
        '  Properties: {Path: /b, Method: get, RestApiId: Api}',
        'H:',
        '  Type: HttpApi',
        '  Properties: {ApiId: !Ref Http}',
      ),
    );
    assert.deepEqual(sources(t), [
      'A.Get → written Api (AWS::Serverless::Api)',
      'A.Bare → written Api (AWS::Serverless::Api)',
      'A.H → written Http (AWS::Serverless::HttpApi)',
    ]);
    assert.ok(!t.resourceById.has('ServerlessRestApi'), 'no implicit API when every event names one');
  });

  it('queues by GetAtt Arn, a queue outside by ARN string, a table stream, a bucket by Ref, a topic by Ref', () => {
    const t = sam(
      'Queue:',
      '  Type: AWS::SQS::Queue',
      'Table:',
      '  Type: AWS::DynamoDB::Table',
      'Photos:',
      '  Type: AWS::S3::Bucket',
      'Alerts:',
      '  Type: AWS::SNS::Topic',
      ...fn(
        'A',
        'Q:',
        '  Type: SQS',
        '  Properties: {Queue: !GetAtt Queue.Arn}',
        'Outside:',
        '  Type: SQS',
        '  Properties: {Queue: "arn:aws:sqs:us-east-1:123456789012:other"}',
        'Stream:',
        '  Type: DynamoDB',
        '  Properties: {Stream: !GetAtt Table.StreamArn, StartingPosition: LATEST}',
        'Upload:',
        '  Type: S3',
        '  Properties: {Bucket: !Ref Photos, Events: "s3:ObjectCreated:*"}',
        'Alert:',
        '  Type: SNS',
        '  Properties: {Topic: !Ref Alerts}',
      ),
    );
    assert.deepEqual(sources(t), [
      'A.Q → written Queue (AWS::SQS::Queue)',
      'A.Outside → outside "arn:aws:sqs:us-east-1:123456789012:other": named by an ARN or name, not by a ' +
        'resource of this template',
      'A.Stream → written Table (AWS::DynamoDB::Table)',
      'A.Upload → written Photos (AWS::S3::Bucket)',
      'A.Alert → written Alerts (AWS::SNS::Topic)',
    ]);
  });

  it('a queue given by a parameter or an import is outside the template, with the expression as written', () => {
    const t = load(
      yaml(
        'Transform: AWS::Serverless-2016-10-31',
        'Parameters:',
        '  QueueArn: {Type: String}',
        'Resources:',
        ...fn(
          'A',
          'P:',
          '  Type: SQS',
          '  Properties: {Queue: !Ref QueueArn}',
          'I:',
          '  Type: SQS',
          '  Properties: {Queue: !ImportValue shared-queue}',
        ).map((l) => `  ${l}`),
      ),
    );
    const [byParameter, byImport] = t.functions[0].events.map((e) => eventSourceOf(t, 'A', e));
    assert.equal(byParameter.kind, 'outside');
    assert.equal(byImport.kind, 'outside');
    assert.equal(
      byParameter.kind === 'outside' && byParameter.expression && textAt(t, byParameter.expression.span),
      '!Ref QueueArn',
    );
    assert.deepEqual(byImport.kind === 'outside' && toPlain(byImport.expression!), {
      'Fn::ImportValue': 'shared-queue',
    });
  });

  it('schedules and EventBridge rules come from the rule SAM generates; a rule also names its bus', () => {
    const t = sam(
      'Bus:',
      '  Type: AWS::Events::EventBus',
      '  Properties: {Name: orders}',
      ...fn(
        'A',
        'Nightly:',
        '  Type: Schedule',
        '  Properties: {Schedule: rate(1 day)}',
        'V2:',
        '  Type: ScheduleV2',
        '  Properties: {ScheduleExpression: rate(1 hour)}',
        'OnOrder:',
        '  Type: EventBridgeRule',
        '  Properties: {EventBusName: !Ref Bus, Pattern: {source: [shop]}}',
        'OnDefault:',
        '  Type: EventBridgeRule',
        '  Properties: {Pattern: {source: [shop]}}',
      ),
    );
    assert.deepEqual(sources(t), [
      'A.Nightly → generated ANightly (AWS::Events::Rule)',
      'A.V2 → generated AV2 (AWS::Scheduler::Schedule)',
      'A.OnOrder → generated AOnOrder (AWS::Events::Rule)',
      'A.OnDefault → generated AOnDefault (AWS::Events::Rule)',
    ]);
    const [, , onOrder, onDefault] = t.functions[0].events.map((e) => eventSourceOf(t, 'A', e));
    assert.equal(said(onOrder.bus), 'written Bus (AWS::Events::EventBus)');
    assert.equal(said(onDefault.bus), "outside -: the account's default event bus");
  });

  it('an event type without a source resource says so instead of guessing', () => {
    const t = sam(...fn('A', 'Skill:', '  Type: AlexaSkill', 'Q:', '  Type: SQS', '  Properties: {BatchSize: 5}'));
    assert.deepEqual(sources(t), [
      'A.Skill → unknown: AlexaSkill events do not come from a resource of the stack',
      'A.Q → unknown: the SQS event Q has no Queue',
    ]);
  });

  it('Serverless events come from the resources the framework generates, or from outside by ARN', () => {
    const t = sls(
      yaml(
        'service: s',
        'provider: {name: aws, runtime: nodejs20.x}',
        'functions:',
        '  worker:',
        '    handler: h.main',
        '    events:',
        '      - http: GET users',
        '      - httpApi: POST /items',
        '      - sqs: arn:aws:sqs:us-east-1:123456789012:orders',
        '      - sqs: {arn: {"Fn::GetAtt": [Jobs, Arn]}}',
        '      - sns: alerts',
        '      - s3: photos',
        '      - schedule: {rate: [rate(5 minutes), rate(1 hour)]}',
        'resources:',
        '  Resources:',
        '    Jobs:',
        '      Type: AWS::SQS::Queue',
      ),
    );
    assert.deepEqual(sources(t), [
      'worker.http → generated ApiGatewayRestApi (AWS::ApiGateway::RestApi)',
      'worker.httpApi → generated HttpApi (AWS::ApiGatewayV2::Api)',
      'worker.sqs1 → outside "arn:aws:sqs:us-east-1:123456789012:orders": named by an ARN or name, not by a ' +
        'resource of this template',
      'worker.sqs2 → written Jobs (AWS::SQS::Queue)',
      'worker.sns → generated SNSTopicAlerts (AWS::SNS::Topic)',
      'worker.s3 → generated S3BucketPhotos (AWS::S3::Bucket)',
      'worker.schedule-1 → generated WorkerEventsRuleSchedule1 (AWS::Events::Rule)',
      'worker.schedule-2 → generated WorkerEventsRuleSchedule2 (AWS::Events::Rule)',
    ]);
  });

  it('a Serverless API named by the provider is outside the service', () => {
    const t = sls(
      yaml(
        'service: s',
        'provider: {name: aws, runtime: nodejs20.x, apiGateway: {restApiId: abc123}}',
        'functions:',
        '  worker: {handler: h.main, events: [{http: GET users}]}',
      ),
    );
    assert.deepEqual(sources(t), ['worker.http → outside "abc123": the provider names an API of another stack']);
  });
});

describe('model: event sources of bad input', () => {
  it('event types and attributes that are names of object properties give answers, not exceptions', () => {
    const t = sam(
      ...fn(
        'A',
        'Odd:',
        '  Type: constructor',
        '  Properties: {Queue: !GetAtt A.toString}',
        'Other:',
        '  Type: toString',
      ),
    );
    assert.deepEqual(sources(t), [
      'A.Odd → unknown: constructor events do not come from a resource of the stack',
      'A.Other → unknown: toString events do not come from a resource of the stack',
    ]);
    const ref = referencesIn(t.resourceById.get('A')!.properties!, t.text)[0];
    assert.equal(referenceTarget(t, ref).kind, 'resource');
  });
});
