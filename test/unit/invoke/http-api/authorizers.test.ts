/* eslint-disable @typescript-eslint/no-explicit-any -- authorizer events, read loosely and checked by the assertions */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import {
  AuthorizerRunner,
  checkJwt,
  policyDecision,
  Router,
  type LocalRequest,
} from '../../../../src/core/invoke/http-api';
import { FIXTURE, jwt, tableOf } from './fixture';

const router = new Router(tableOf(fs.readFileSync(FIXTURE, 'utf8'), FIXTURE).routes);

function request(target: string, headers: [string, string][] = []): LocalRequest {
  const [rawPath, rawQuery = ''] = target.split('?');
  return {
    method: 'GET',
    rawPath,
    rawQuery,
    headers,
    body: Buffer.alloc(0),
    sourceIp: '127.0.0.1',
    requestId: 'r',
    receivedAt: new Date(0),
  };
}

describe('local HTTP API: authorizers', () => {
  let now = 1_000_000;
  let events: any[] = [];
  let answer: (event: any) => { ok: true; payload: unknown } | { ok: false; errorMessage: string };
  const logs: string[] = [];
  const runner = new AuthorizerRunner({
    call: async (functionId, event) => {
      events.push({ functionId, ...event });
      return answer(event);
    },
    region: () => 'eu-west-1',
    now: () => now,
    log: (line) => logs.push(line),
  });
  const allow = (event: any) => ({
    ok: true as const,
    payload: {
      principalId: 'u1',
      policyDocument: { Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: event.methodArn }] },
      context: { tier: 'gold' },
    },
  });
  const authorize = (target: string, headers: [string, string][] = []) => {
    const req = request(target, headers);
    return runner.authorize(req, router.match('GET', req.rawPath)!);
  };
  beforeEach(() => {
    events = [];
    runner.clear();
  });

  it('calls a TOKEN authorizer with the header and method ARN, and caches its policy for the TTL', async () => {
    answer = allow;
    const first = await authorize('/secure', [['Authorization', 'tok']]);
    assert.deepEqual(first, { allowed: true, context: { tier: 'gold', principalId: 'u1', integrationLatency: 0 } });
    assert.equal(events.length, 1);
    assert.equal(events[0].functionId, 'TokenAuthorizer');
    assert.equal(events[0].type, 'TOKEN');
    assert.equal(events[0].authorizationToken, 'tok');
    assert.match(events[0].methodArn, /^arn:aws:execute-api:eu-west-1:123456789012:[0-9a-z]{10}\/dev\/GET\/secure$/);
    now += 59_000;
    await authorize('/secure', [['Authorization', 'tok']]);
    assert.equal(events.length, 1, 'within ReauthorizeEvery: 60 the cached policy answers');
    await authorize('/secure', [['Authorization', 'other']]);
    assert.equal(events.length, 2, 'another token is another cache entry');
    now += 2_000;
    await authorize('/secure', [['Authorization', 'tok']]);
    assert.equal(events.length, 3, 'after 60 s the authorizer is called again');
  });

  it('refuses without calling when the token is missing, and maps Unauthorized and denies', async () => {
    answer = allow;
    const missing = await authorize('/secure');
    assert.equal(missing.allowed, false);
    assert.equal(!missing.allowed && missing.answer.status, 401);
    assert.equal(events.length, 0);
    answer = () => ({ ok: false, errorMessage: 'Unauthorized' });
    const refused = await authorize('/secure', [['Authorization', 'x']]);
    assert.equal(!refused.allowed && refused.answer.body.toString(), '{"message":"Unauthorized"}');
    answer = () => ({ ok: false, errorMessage: 'boom' });
    const failed = await authorize('/secure', [['Authorization', 'y']]);
    assert.equal(!failed.allowed && `${failed.answer.status} ${failed.answer.body}`, '500 {"message":null}');
    answer = (event) => ({
      ok: true,
      payload: {
        principalId: 'u',
        policyDocument: { Statement: [{ Action: '*', Effect: 'Deny', Resource: event.methodArn }] },
      },
    });
    const denied = await authorize('/secure', [['Authorization', 'z']]);
    assert.equal(
      !denied.allowed && `${denied.answer.status} ${denied.answer.body}`,
      '403 {"message":"User is not authorized to access this resource with an explicit deny"}',
    );
  });

  it('sends a REQUEST authorizer the request (no body) and does not cache with TTL 0', async () => {
    answer = allow;
    await authorize('/opened?key=open', [['X-H', 'v']]);
    await authorize('/opened?key=open', [['X-H', 'v']]);
    assert.equal(events.length, 2);
    assert.equal(events[0].type, 'REQUEST');
    assert.deepEqual(events[0].queryStringParameters, { key: 'open' });
    assert.deepEqual(events[0].headers, { 'X-H': 'v' });
    assert.equal(events[0].resource, '/opened');
    assert.equal('body' in events[0], false);
  });

  it('reads HTTP API simple responses and caches by identity source', async () => {
    answer = (event) => ({
      ok: true,
      payload: { isAuthorized: event.headers['x-token'] === 'yes', context: { n: 1 } },
    });
    const yes = await authorize('/simple', [['x-token', 'yes']]);
    assert.deepEqual(yes, { allowed: true, context: { lambda: { n: 1 } } });
    assert.equal(events[0].version, '2.0');
    assert.deepEqual(events[0].identitySource, ['yes']);
    assert.match(events[0].routeArn, /\/\$default\/GET\/simple$/);
    const no = await authorize('/simple', [['x-token', 'no']]);
    assert.equal(!no.allowed && `${no.answer.status} ${no.answer.body}`, '403 {"message":"Forbidden"}');
    await authorize('/simple', [['x-token', 'yes']]);
    assert.equal(events.length, 2, 'ReauthorizeEvery: 30 caches the first answer');
    const none = await authorize('/simple');
    assert.equal(!none.allowed && none.answer.status, 401);
  });

  it('checks a JWT’s issuer, audience and expiry and passes its claims and scopes', async () => {
    const good = jwt({ iss: 'https://issuer.example.com', aud: 'my-app', exp: now / 1000 + 60, scope: 'read write' });
    const ok = await authorize('/jwt', [['Authorization', `Bearer ${good}`]]);
    assert.ok(ok.allowed);
    assert.deepEqual((ok.context as any).jwt.scopes, ['read', 'write']);
    assert.equal((ok.context as any).jwt.claims.aud, 'my-app');
    assert.ok(logs.some((l) => /signatures are not checked locally/.test(l)));
    const expired = await authorize('/jwt', [
      ['Authorization', jwt({ iss: 'https://issuer.example.com', aud: 'my-app', exp: now / 1000 - 1 })],
    ]);
    assert.equal(!expired.allowed && expired.reason, 'Jwt: the token has expired');
    assert.equal(!expired.allowed && expired.answer.status, 401);
  });

  it('asks for x-api-key on a route with ApiKeyRequired', async () => {
    const without = await authorize('/keyed');
    assert.equal(!without.allowed && `${without.answer.status} ${without.answer.body}`, '403 {"message":"Forbidden"}');
    assert.deepEqual(await authorize('/keyed', [['x-api-key', 'k']]), { allowed: true, context: undefined });
  });
});

describe('local HTTP API: policy and JWT checks', () => {
  const arn = 'arn:aws:execute-api:us-east-1:123456789012:abc/dev/GET/items/1';
  const statement = (Effect: string, Resource: unknown, Action: unknown = 'execute-api:Invoke') => ({
    Version: '2012-10-17',
    Statement: [{ Effect, Action, Resource }],
  });

  it('matches Resource wildcards; an explicit deny wins; nothing that applies denies', () => {
    assert.equal(policyDecision(statement('Allow', 'arn:aws:execute-api:*:*:abc/*/GET/*'), arn), 'allow');
    assert.equal(
      policyDecision(statement('Allow', ['arn:aws:execute-api:us-east-1:123456789012:abc/dev/POST/*']), arn),
      'deny',
    );
    assert.equal(
      policyDecision(
        { Statement: [statement('Allow', '*').Statement[0], statement('Deny', `${arn}`).Statement[0]] },
        arn,
      ),
      'explicit-deny',
    );
    assert.equal(policyDecision(statement('Allow', '*', 's3:GetObject'), arn), 'deny');
    assert.equal(policyDecision(undefined, arn), 'malformed');
  });

  it('reads JWT claims and says what is wrong with a token', () => {
    const at = 1_700_000_000_000;
    const expected = { issuer: 'https://i', audience: ['a'] };
    const check = (claims: Record<string, unknown>) => {
      const r = checkJwt(jwt(claims), expected, at);
      return r.ok ? 'ok' : r.reason;
    };
    assert.equal(check({ iss: 'https://i', aud: 'a', exp: at / 1000 + 1 }), 'ok');
    assert.equal(check({ iss: 'https://i', client_id: 'a', exp: at / 1000 + 1 }), 'ok');
    assert.equal(
      check({ iss: 'https://x', aud: 'a', exp: at / 1000 + 1 }),
      'the token\'s issuer "https://x" is not https://i',
    );
    assert.equal(
      check({ iss: 'https://i', aud: 'b', exp: at / 1000 + 1 }),
      'the token\'s audience "b" is not one of a',
    );
    assert.equal(check({ iss: 'https://i', aud: 'a' }), 'the token has no exp claim');
    assert.equal(
      check({ iss: 'https://i', aud: 'a', exp: at / 1000 + 9, nbf: at / 1000 + 5 }),
      'the token is not valid yet (nbf)',
    );
    assert.deepEqual(checkJwt('abc', expected, at), {
      ok: false,
      reason: 'the token is not a JWT (three dot-separated parts)',
    });
  });
});
