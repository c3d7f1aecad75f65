import { strict as assert } from 'assert';
import type { Template } from '../../../src/core';
import { textAt, where, yaml } from '../helpers';
import { sls } from './serverless-helpers';

/** Generated resources whose logical ID or type matches, as `id type ← key@line:col`, in the framework's order. */
function generated(t: Template, pattern: RegExp): string[] {
  return t.resources
    .filter((r) => r.origin === 'generated' && pattern.test(`${r.logicalId} ${r.type}`))
    .map((r) => `${r.logicalId} ${r.type} ← ${textAt(t, r.idSpan)}@${where(t, r.idSpan)}`);
}

const HEADER = ['service: my-shop', 'provider:', '  name: aws', '  runtime: nodejs20.x'];

describe('Serverless Framework v3 parity', () => {
  describe('http request validation', () => {
    it("adds the service's request validator for a required parameter and a model per schema", () => {
      const t = sls(
        yaml(
          ...HEADER,
          '  apiGateway:',
          '    request:',
          '      schemas:',
          '        order-input: {schema: {type: object}}',
          'functions:',
          '  orders:',
          '    handler: h.orders',
          '    events:',
          '      - http: {path: orders, method: get, request: {parameters: {querystrings: {page: true}}}}',
          '      - http:',
          '          path: orders/{id}',
          '          method: post',
          '          request:',
          '            schemas:',
          '              application/json: order-input',
          '              text/plain: {type: string}',
          '      - http: {path: other, method: put, request: {schemas: {application/json: order-input}}}',
        ),
      );
      assert.deepEqual(generated(t, /Validator|Model/), [
        'ApiGatewayMyshopRequestValidator AWS::ApiGateway::RequestValidator ← http@13:9',
        'ApiGatewayOrderInputModel AWS::ApiGateway::Model ← http@14:9',
        'ApiGatewayMethodOrdersIdVarPostTextPlainModel AWS::ApiGateway::Model ← http@14:9',
      ]);
    });

    it('adds no validator for parameters that are not required, in either form', () => {
      const t = sls(
        yaml(
          ...HEADER,
          'functions:',
          '  f:',
          '    handler: h.f',
          '    events:',
          '      - http: {path: a, method: get, request: {parameters: {querystrings: {q: false}, headers: {h: ' +
            '{required: false}}}}}',
          '      - http: {path: b, method: get}',
        ),
      );
      assert.deepEqual(generated(t, /Validator|Model/), []);
    });

    it('treats the object form of a parameter as required unless it says required: false', () => {
      const t = sls(
        yaml(
          ...HEADER,
          'functions:',
          '  f:',
          '    handler: h.f',
          '    events:',
          '      - http: {path: a, method: get, request: {parameters: {paths: {id: {mappedValue: x}}}}}',
        ),
      );
      assert.deepEqual(generated(t, /Validator/), [
        'ApiGatewayMyshopRequestValidator AWS::ApiGateway::RequestValidator ← http@9:9',
      ]);
    });
  });

  describe('websocket authorizer', () => {
    it('adds the authorizer and its permission, named after the authorizer function', () => {
      const t = sls(
        yaml(
          ...HEADER,
          'functions:',
          '  connect:',
          '    handler: h.connect',
          '    events:',
          '      - websocket: {route: $connect, authorizer: ws-auth}',
          '  external:',
          '    handler: h.external',
          '    events:',
          '      - websocket: {route: $default, authorizer: {arn: ' +
            '"arn:aws:lambda:us-east-1:123456789012:function:checker"}}',
          '  named:',
          '    handler: h.named',
          '    events:',
          '      - websocket: {route: custom, authorizer: {arn: {"Fn::GetAtt": [Auth, Arn]}, name: fromStack}}',
          '  ws-auth:',
          '    handler: h.auth',
        ),
      );
      assert.deepEqual(generated(t, /Authorizer|Permission/), [
        'ConnectLambdaPermissionWebsockets AWS::Lambda::Permission ← websocket@9:9',
        'WsDashauthWebsocketsAuthorizer AWS::ApiGatewayV2::Authorizer ← websocket@9:9',
        'WsDashauthLambdaPermissionWebsockets AWS::Lambda::Permission ← websocket@9:9',
        'ExternalLambdaPermissionWebsockets AWS::Lambda::Permission ← websocket@13:9',
        'CheckerWebsocketsAuthorizer AWS::ApiGatewayV2::Authorizer ← websocket@13:9',
        'CheckerLambdaPermissionWebsockets AWS::Lambda::Permission ← websocket@13:9',
        'NamedLambdaPermissionWebsockets AWS::Lambda::Permission ← websocket@17:9',
        'FromStackWebsocketsAuthorizer AWS::ApiGatewayV2::Authorizer ← websocket@17:9',
        'FromStackLambdaPermissionWebsockets AWS::Lambda::Permission ← websocket@17:9',
      ]);
    });
  });

  describe('sns', () => {
    it('subscribes inside a topic it creates, and separately for existing topics, filters and redrive policies', () => {
      const t = sls(
        yaml(
          ...HEADER,
          'functions:',
          '  plain:',
          '    handler: h.plain',
          '    events:',
          '      - sns: order-events',
          '  filtered:',
          '    handler: h.filtered',
          '    events:',
          '      - sns: {topicName: order-events, filterPolicy: {kind: [paid]}}',
          '  redriven:',
          '    handler: h.redriven',
          '    events:',
          '      - sns: {topicName: refunds, redrivePolicy: {deadLetterTargetRef: RefundsDlq}}',
          '  existing:',
          '    handler: h.existing',
          '    events:',
          '      - sns: arn:aws:sns:us-east-1:123456789012:audit',
        ),
      );
      assert.deepEqual(generated(t, /SNS|Sns|DLQ/), [
        'SNSTopicOrderevents AWS::SNS::Topic ← sns@9:9',
        'PlainLambdaPermissionOrdereventsSNS AWS::Lambda::Permission ← sns@9:9',
        'FilteredSnsSubscriptionOrderevents AWS::SNS::Subscription ← sns@13:9',
        'FilteredLambdaPermissionOrdereventsSNS AWS::Lambda::Permission ← sns@13:9',
        'RefundsToRedrivenDLQPolicy AWS::SQS::QueuePolicy ← sns@17:9',
        'SNSTopicRefunds AWS::SNS::Topic ← sns@17:9',
        'RedrivenSnsSubscriptionRefunds AWS::SNS::Subscription ← sns@17:9',
        'RedrivenLambdaPermissionRefundsSNS AWS::Lambda::Permission ← sns@17:9',
        'ExistingSnsSubscriptionAudit AWS::SNS::Subscription ← sns@21:9',
        'ExistingLambdaPermissionAuditSNS AWS::Lambda::Permission ← sns@21:9',
      ]);
    });
  });
});
