/* eslint-disable @typescript-eslint/no-explicit-any -- API Gateway's JSON, checked by the assertions */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import {
  mapFunctionResponse,
  proxyEventV1,
  proxyEventV2,
  Router,
  type LocalRequest,
} from '../../../../src/core/invoke/http-api';
import { hasShared, SHARED } from '../../helpers';
import { FIXTURE, tableOf } from './fixture';

const router = new Router(tableOf(fs.readFileSync(FIXTURE, 'utf8'), FIXTURE).routes);
const at = new Date(Date.UTC(2026, 0, 2, 3, 4, 5));

function request(method: string, target: string, headers: [string, string][] = [], body = ''): LocalRequest {
  const [rawPath, rawQuery = ''] = target.split('?');
  return {
    method,
    rawPath,
    rawQuery,
    headers: [['Host', 'localhost:3000'], ...headers],
    body: Buffer.from(body),
    sourceIp: '127.0.0.1',
    requestId: 'req-1',
    receivedAt: at,
  };
}

describe('local HTTP API: events as API Gateway builds them', () => {
  it('builds the REST proxy event (1.0) with multi-value headers and query, stage and identity', () => {
    const req = request('GET', '/items/42?a=1&a=2&b=x+y', [
      ['Accept', 'text/plain'],
      ['X-Multi', 'one'],
      ['x-multi', 'two'],
      ['X-Api-Key', 'k1'],
    ]);
    const event = proxyEventV1(req, router.match('GET', '/items/42')!, undefined) as any;
    assert.equal(event.resource, '/items/{id}');
    assert.equal(event.path, '/items/42');
    assert.equal(event.httpMethod, 'GET');
    assert.deepEqual(event.headers, {
      Host: 'localhost:3000',
      Accept: 'text/plain',
      'X-Multi': 'two',
      'X-Api-Key': 'k1',
    });
    assert.deepEqual(event.multiValueHeaders['X-Multi'], ['one', 'two']);
    assert.deepEqual(event.queryStringParameters, { a: '2', b: 'x y' });
    assert.deepEqual(event.multiValueQueryStringParameters, { a: ['1', '2'], b: ['x y'] });
    assert.deepEqual(event.pathParameters, { id: '42' });
    assert.deepEqual(event.stageVariables, { color: 'blue' });
    assert.equal(event.body, null);
    assert.equal(event.isBase64Encoded, false);
    const ctx = event.requestContext;
    assert.equal(ctx.stage, 'dev');
    assert.equal(ctx.resourcePath, '/items/{id}');
    assert.equal(ctx.httpMethod, 'GET');
    assert.equal(ctx.path, '/dev/items/42');
    assert.equal(ctx.requestId, 'req-1');
    assert.equal(ctx.requestTime, '02/Jan/2026:03:04:05 +0000');
    assert.equal(ctx.requestTimeEpoch, at.getTime());
    assert.equal(ctx.identity.sourceIp, '127.0.0.1');
    assert.equal(ctx.identity.apiKey, 'k1');
    assert.equal('version' in event, false);
  });

  it('passes a REST body of a binary media type base64-encoded, and text as text', () => {
    const png = request('POST', '/files/x', [['Content-Type', 'image/png']], '\x89PNG');
    const binary = proxyEventV1(png, router.match('POST', '/files/x')!, undefined) as any;
    assert.equal(binary.isBase64Encoded, true);
    assert.equal(Buffer.from(binary.body, 'base64').toString('latin1'), Buffer.from('\x89PNG').toString('latin1'));
    const json = request('POST', '/files/x', [['Content-Type', 'application/json']], '{"a":1}');
    assert.equal((proxyEventV1(json, router.match('POST', '/files/x')!, undefined) as any).body, '{"a":1}');
  });

  it('builds the HTTP API event (2.0): lower-case joined headers, cookies apart, absent keys left out', () => {
    const req = request('GET', '/things/7?p=1&p=2', [
      ['Cookie', 'a=1; b=2'],
      ['X-Multi', 'one'],
      ['X-Multi', 'two'],
    ]);
    const event = proxyEventV2(req, router.match('GET', '/things/7')!, undefined) as any;
    assert.equal(event.version, '2.0');
    assert.equal(event.routeKey, 'GET /things/{id}');
    assert.equal(event.rawPath, '/things/7');
    assert.equal(event.rawQueryString, 'p=1&p=2');
    assert.deepEqual(event.cookies, ['a=1', 'b=2']);
    assert.deepEqual(event.headers, { host: 'localhost:3000', 'x-multi': 'one,two' });
    assert.deepEqual(event.queryStringParameters, { p: '1,2' });
    assert.deepEqual(event.pathParameters, { id: '7' });
    assert.equal(event.isBase64Encoded, false);
    assert.equal('body' in event, false);
    assert.equal('stageVariables' in event, false);
    assert.deepEqual(event.requestContext.http, {
      method: 'GET',
      path: '/things/7',
      protocol: 'HTTP/1.1',
      sourceIp: '127.0.0.1',
      userAgent: '',
    });
    assert.equal(event.requestContext.stage, '$default');
    assert.equal(event.requestContext.time, '02/Jan/2026:03:04:05 +0000');
  });

  it('builds payload format 1.0 for an HTTP API route that asks for it', () => {
    const event = proxyEventV1(request('GET', '/v1/things'), router.match('GET', '/v1/things')!, undefined) as any;
    assert.equal(event.version, '1.0');
    assert.equal(event.requestContext.routeKey, 'GET /v1/things');
    assert.equal(event.requestContext.path, '/v1/things', 'the $default stage is not in the path');
  });

  it("has every key of AWS's sample events (SAM CLI's AwsProxy.json and HttpApi.json)", function () {
    if (!hasShared) return this.skip();
    const sample = (name: string) =>
      JSON.parse(fs.readFileSync(path.join(SHARED, 'corpus/sam-sample-events/events/apigateway', name), 'utf8'));
    const v1 = proxyEventV1(request('POST', '/items/1', [], 'x'), router.match('GET', '/items/1')!, undefined) as any;
    const awsProxy = sample('AwsProxy.json');
    for (const key of Object.keys(awsProxy)) assert.ok(key in v1, `1.0 event has ${key}`);
    for (const key of Object.keys(awsProxy.requestContext))
      assert.ok(key in v1.requestContext, `requestContext.${key}`);
    for (const key of Object.keys(awsProxy.requestContext.identity))
      assert.ok(key in v1.requestContext.identity, `requestContext.identity.${key}`);
    const v2 = proxyEventV2(
      request('POST', '/things/1?a=1', [['Cookie', 'c=1']], 'x'),
      router.match('GET', '/things/1')!,
      { jwt: {} },
    ) as any;
    const httpApi = sample('HttpApi.json');
    for (const key of Object.keys(httpApi).filter((k) => k !== 'stageVariables'))
      assert.ok(key in v2, `2.0 event has ${key}`);
    for (const key of Object.keys(httpApi.requestContext).filter((k) => k !== 'authentication'))
      assert.ok(key in v2.requestContext, `requestContext.${key}`);
  });
});

describe('local HTTP API: responses as API Gateway maps them', () => {
  const rest = { kind: 'rest', format: '1.0', binaryMediaTypes: [], accept: undefined } as const;
  const http = { kind: 'http', format: '2.0', binaryMediaTypes: [], accept: undefined } as const;
  const show = (payload: unknown, context: Parameters<typeof mapFunctionResponse>[1]) => {
    const mapped = mapFunctionResponse(JSON.stringify(payload), context);
    if (!mapped.ok) return `error: ${mapped.reason}`;
    const { status, headers, body } = mapped.answer;
    return `${status} ${headers.map(([k, v]) => `${k}=${v}`).join(' ')} ${body.toString('utf8')}`;
  };

  it('maps statusCode, headers and multiValueHeaders (the multi-value list wins a name in both)', () => {
    assert.equal(
      show(
        { statusCode: 201, headers: { 'X-A': 'a', 'X-B': 'b' }, multiValueHeaders: { 'x-b': ['1', '2'] }, body: 'hi' },
        rest,
      ),
      '201 X-A=a x-b=1 x-b=2 Content-Type=application/json hi',
    );
  });

  it('infers an HTTP API 2.0 response without statusCode: 200, JSON, a bare string as the body', () => {
    assert.equal(show('plain', http), '200 Content-Type=application/json plain');
    assert.equal(show({ a: 1 }, http), '200 Content-Type=application/json {"a":1}');
    assert.equal(show([1, 2], http), '200 Content-Type=application/json [1,2]');
  });

  it('sends cookies of a 2.0 response as Set-Cookie headers', () => {
    assert.equal(
      show({ statusCode: 200, cookies: ['a=1', 'b=2'], body: '' }, http),
      '200 Set-Cookie=a=1 Set-Cookie=b=2 Content-Type=application/json ',
    );
  });

  it('decodes a base64 body for an HTTP API, and for REST only for a binary media type', () => {
    const payload = { statusCode: 200, headers: { 'content-type': 'image/png' }, body: 'AAEC', isBase64Encoded: true };
    const mapped = mapFunctionResponse(JSON.stringify(payload), http);
    assert.ok(mapped.ok);
    assert.deepEqual([...mapped.answer.body], [0, 1, 2]);
    const restText = mapFunctionResponse(JSON.stringify(payload), rest);
    assert.ok(restText.ok);
    assert.equal(restText.answer.body.toString(), 'AAEC', 'no BinaryMediaTypes: the client gets the base64 text');
    const restBinary = mapFunctionResponse(JSON.stringify(payload), { ...rest, binaryMediaTypes: ['image/*'] });
    assert.ok(restBinary.ok);
    assert.deepEqual([...restBinary.answer.body], [0, 1, 2]);
  });

  it('says why a response is malformed', () => {
    assert.equal(show('plain', rest), 'error: the function returned string, not an object with statusCode');
    assert.equal(show({ body: 'x' }, rest), 'error: statusCode is missing');
    assert.equal(show({ statusCode: 'teapot' }, http), 'error: statusCode "teapot" is not an HTTP status');
    assert.equal(show({ statusCode: 200, body: { a: 1 } }, rest), 'error: body is an object, not a string');
    assert.equal(show({ statusCode: 200, headers: { a: { b: 1 } } }, rest), 'error: header a is not a string');
    assert.equal(show({ statusCode: 200, cookies: 'a=1' }, http), 'error: cookies is not a list of strings');
    assert.equal(show({ statusCode: 200, headers: [] }, rest), 'error: headers is not an object');
    assert.deepEqual(mapFunctionResponse('not json', rest), { ok: false, reason: 'the function response is not JSON' });
  });
});
