import { strict as assert } from 'assert';
import * as fs from 'fs';
import { Router, type Route } from '../../../../src/core/invoke/http-api';
import { yaml } from '../../helpers';
import { FIXTURE, tableOf } from './fixture';

const line = (r: Route) =>
  `${r.api.kind} ${r.api.id}/${r.api.stage} ${r.method} ${r.path} → ${r.functionId} ` +
  `${r.payloadFormat}${r.authorizer ? ` auth=${r.authorizer}` : ''}${r.apiKeyRequired ? ' key' : ''}`;

describe('local HTTP API: routes from the template', () => {
  const table = tableOf(fs.readFileSync(FIXTURE, 'utf8'), FIXTURE);

  it('reads every Api and HttpApi event, explicit and implicit APIs, and an inline OpenAPI integration', () => {
    assert.deepEqual(table.routes.map(line), [
      'rest Rest/dev GET /items/{id} → Echo 1.0',
      'rest Rest/dev ANY /files/{proxy+} → Echo 1.0',
      'rest Rest/dev GET /secure → Echo 1.0 auth=TokenAuth',
      'rest Rest/dev GET /opened → Echo 1.0 auth=RequestAuth',
      'rest Rest/dev GET /keyed → Echo 1.0 key',
      'rest ServerlessRestApi/Prod POST /implicit → Echo 1.0',
      'http Http/$default GET /things/{id} → Echo 2.0',
      'http Http/$default GET /v1/things → Echo 1.0',
      'http Http/$default GET /jwt → Echo 2.0 auth=Jwt',
      'http Http/$default GET /simple → Echo 2.0 auth=Simple',
      'rest Rest/dev GET /items/me → Mine 1.0',
      'http Http/$default GET /shape/{kind} → Shapes 2.0',
      'rest Rest/dev GET /rest-shape/{kind} → Shapes 1.0',
      'rest Spec/v1 GET /spec/{name} → Echo 1.0',
    ]);
    assert.deepEqual(table.notes, []);
  });

  it("reads each API's stage variables, binary media types, CORS and authorizers", () => {
    const rest = table.routes.find((r) => r.api.id === 'Rest')!.api;
    assert.deepEqual(rest.stageVariables, { color: 'blue' });
    assert.deepEqual(rest.binaryMediaTypes, ['image/png']);
    assert.deepEqual(rest.cors, {
      allowOrigins: ['https://app.example.com'],
      allowMethods: [],
      allowHeaders: ['Content-Type', 'Authorization'],
      exposeHeaders: [],
      maxAgeSeconds: 600,
      allowCredentials: false,
    });
    assert.deepEqual(rest.authorizers.get('TokenAuth'), {
      kind: 'lambda',
      name: 'TokenAuth',
      type: 'TOKEN',
      functionId: 'TokenAuthorizer',
      identity: [{ in: 'header', name: 'Authorization' }],
      validation: undefined,
      ttlSeconds: 60,
      payloadFormat: '1.0',
      simpleResponses: false,
    });
    const http = table.routes.find((r) => r.api.id === 'Http')!.api;
    assert.deepEqual(http.authorizers.get('Jwt'), {
      kind: 'jwt',
      name: 'Jwt',
      identity: [{ in: 'header', name: 'Authorization' }],
      issuer: 'https://issuer.example.com',
      audience: ['my-app'],
    });
    assert.equal(http.cors?.allowCredentials, true);
    assert.deepEqual(
      table.functionUrls.map((u) => `${u.functionId} ${u.authType}`),
      ['Echo NONE'],
    );
  });

  it("reads serverless.yml http and httpApi events with the framework's CORS and authorizers", () => {
    const sls = tableOf(
      yaml(
        'service: shop',
        'provider:',
        '  name: aws',
        '  runtime: nodejs20.x',
        '  stage: beta',
        '  httpApi:',
        '    cors: true',
        '    authorizers:',
        '      byJwt: {identitySource: $request.header.Authorization, issuerUrl: https://i.example.com, audience: [a]}',
        'functions:',
        '  list:',
        '    handler: src/list.handler',
        '    events:',
        '      - http: GET items/{id}',
        '      - http: {path: items, method: post, cors: true, private: true, authorizer: auth}',
        '  all:',
        '    handler: src/all.handler',
        '    events:',
        "      - httpApi: '*'",
        '      - httpApi: {method: GET, path: /me, authorizer: {name: byJwt}}',
        '  auth:',
        '    handler: src/auth.handler',
      ),
      '/work/serverless.yml',
    );
    assert.deepEqual(sls.routes.map(line), [
      'rest ApiGatewayRestApi/beta GET /items/{id} → ListLambdaFunction 1.0',
      'rest ApiGatewayRestApi/beta POST /items → ListLambdaFunction 1.0 auth=auth key',
      'http HttpApi/$default ANY $default → AllLambdaFunction 2.0',
      'http HttpApi/$default GET /me → AllLambdaFunction 2.0 auth=byJwt',
    ]);
    const post = sls.routes[1];
    assert.equal(post.api.cors?.allowOrigins[0], '*');
    assert.equal(post.api.authorizers.get('auth')?.kind, 'lambda');
    assert.deepEqual(sls.routes[2].api.cors?.allowMethods, ['*']);
  });

  it('leaves out a route it cannot read without AWS, and says so', () => {
    const t = tableOf(
      yaml(
        'Transform: AWS::Serverless-2016-10-31',
        'Parameters: {P: {Type: String}}',
        'Resources:',
        '  F:',
        '    Type: AWS::Serverless::Function',
        '    Properties:',
        '      Runtime: nodejs22.x',
        '      Handler: a.b',
        '      Events: {E: {Type: Api, Properties: {Path: !Ref P, Method: get}}}',
      ),
      '/work/template.yaml',
    );
    assert.deepEqual(t.routes, []);
    assert.deepEqual(t.notes, ['event E of F is left out: its Path or Method cannot be read without AWS.']);
  });
});

describe('local HTTP API: routing', () => {
  const router = new Router(tableOf(fs.readFileSync(FIXTURE, 'utf8'), FIXTURE).routes);
  const hit = (method: string, p: string) => {
    const m = router.match(method, p);
    return m ? `${m.route.functionId} ${m.route.path} ${JSON.stringify(m.pathParameters)}` : 'none';
  };

  it('prefers literal segments to parameters, and decodes parameters', () => {
    assert.equal(hit('GET', '/items/me'), 'Mine /items/me null');
    assert.equal(hit('GET', '/items/42'), 'Echo /items/{id} {"id":"42"}');
    assert.equal(hit('GET', '/items/a%20b'), 'Echo /items/{id} {"id":"a b"}');
    assert.equal(hit('GET', '/items/%E0%A4%A'), 'Echo /items/{id} {"id":"%E0%A4%A"}');
  });

  it('matches greedy {proxy+} on one or more segments and ANY on every method', () => {
    assert.equal(hit('DELETE', '/files/a/b/c.txt'), 'Echo /files/{proxy+} {"proxy":"a/b/c.txt"}');
    assert.equal(hit('GET', '/files'), 'none');
    assert.equal(hit('POST', '/items/42'), 'none');
    assert.equal(hit('GET', '/items/42/'), 'Echo /items/{id} {"id":"42"}');
  });

  it('orders a method before ANY and $default last', () => {
    const route = (method: string, p: string, functionId: string) =>
      ({ method, path: p, functionId }) as unknown as Route;
    const r = new Router([route('ANY', '$default', 'D'), route('ANY', '/a/{x}', 'Any'), route('GET', '/a/{x}', 'Get')]);
    assert.equal(r.match('GET', '/a/1')?.route.functionId, 'Get');
    assert.equal(r.match('PUT', '/a/1')?.route.functionId, 'Any');
    assert.equal(r.match('PUT', '/b')?.route.functionId, 'D');
  });
});
