import { strict as assert } from 'assert';
import { execFile, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as path from 'path';
import { LocalHttpApi, LocalInvoker } from '../../../../src/core/invoke';
import { alive, waitUntil, workspace } from '../fixtures';
import { FIXTURE, jwt } from './fixture';

const hasCurl = spawnSync('curl', ['--version']).status === 0;

/** Sends raw bytes and resolves with everything the server wrote before it closed the connection. */
function raw(port: number, text: string, waitMs = 2000): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(text));
    let got = '';
    socket.on('data', (d) => (got += d.toString('latin1')));
    socket.on('close', () => resolve(got));
    socket.on('error', () => undefined);
    setTimeout(() => {
      socket.destroy();
      resolve(`${got}[still open]`);
    }, waitMs);
  });
}

describe('local HTTP API over real HTTP (fetch, curl) with real Node.js handlers', function () {
  this.timeout(60000);
  const invoker = new LocalInvoker();
  const logs: string[] = [];
  const api = new LocalHttpApi({
    invoker,
    templatePath: FIXTURE,
    port: 0,
    onLog: (line) => logs.push(line),
    serverTimeouts: { headersMs: 300 },
  });
  let url = '';
  let functionUrl = '';
  const get = async (p: string, init: RequestInit = {}) => {
    const res = await fetch(`${url}${p}`, init);
    return { status: res.status, headers: res.headers, text: await res.text() };
  };
  const event = async (p: string, init: RequestInit = {}) => {
    const res = await get(p, init);
    assert.equal(res.status, 200, res.text);
    return JSON.parse(res.text);
  };

  before(async () => {
    const started = await api.start();
    url = started.url;
    functionUrl = started.functionUrls[0].url;
  });
  after(async () => {
    await api.close();
    await invoker.dispose();
  });

  it('answers on 127.0.0.1 with the REST event of the route, and logs method, path, status and duration', async () => {
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
    const e = await event('/items/42?tag=a&tag=b', { headers: { 'x-custom': 'v' } });
    assert.equal(e.resource, '/items/{id}');
    assert.deepEqual(e.pathParameters, { id: '42' });
    assert.deepEqual(e.multiValueQueryStringParameters, { tag: ['a', 'b'] });
    assert.equal(e.headers['x-custom'], 'v');
    assert.deepEqual(e.stageVariables, { color: 'blue' });
    assert.equal(e.requestContext.stage, 'dev');
    assert.equal(e.requestContext.path, '/dev/items/42');
    assert.ok(
      logs.some((l) => /^GET \/items\/42\?tag=a&tag=b → 200 \(\d+ ms\) Echo$/.test(l)),
      logs.join('\n'),
    );
  });

  it('routes the most specific route first and answers an unknown route as a REST API does', async () => {
    assert.equal((await get('/items/me')).text, 'mine');
    assert.deepEqual(await get('/nowhere').then((r) => [r.status, r.text]), [
      403,
      '{"message":"Missing Authentication Token"}',
    ]);
    const proxy = await event('/files/a/b%20c.txt', { method: 'DELETE' });
    assert.deepEqual(proxy.pathParameters, { proxy: 'a/b c.txt' });
    assert.equal(proxy.httpMethod, 'DELETE');
  });

  it('sends HTTP API events in payload format 2.0 and 1.0, and function URL events', async () => {
    const v2 = await event('/things/7', { headers: { Cookie: 'a=1; b=2' } });
    assert.equal(v2.version, '2.0');
    assert.equal(v2.routeKey, 'GET /things/{id}');
    assert.deepEqual(v2.cookies, ['a=1', 'b=2']);
    const v1 = await event('/v1/things');
    assert.equal(v1.version, '1.0');
    assert.equal(v1.requestContext.resourcePath, '/v1/things');
    const res = await fetch(`${functionUrl}/any/path?x=1`, { method: 'POST', body: 'hello' });
    const viaUrl = JSON.parse(await res.text());
    assert.equal(viaUrl.routeKey, '$default');
    assert.equal(viaUrl.rawPath, '/any/path');
    assert.equal(viaUrl.body, 'hello');
  });

  it('maps each response shape as API Gateway does: inference, cookies, multi-value headers, binary', async () => {
    assert.deepEqual(await get('/shape/string').then((r) => [r.status, r.headers.get('content-type'), r.text]), [
      200,
      'application/json',
      'just text',
    ]);
    assert.equal((await get('/shape/object')).text, '{"hello":"world"}');
    const cookies = await fetch(`${url}/shape/cookies`);
    assert.equal(cookies.status, 201);
    assert.deepEqual(cookies.headers.getSetCookie(), ['a=1', 'b=2; Path=/']);
    const multi = await fetch(`${url}/shape/multi`);
    assert.equal(multi.headers.get('x-both'), 'm1, m2');
    assert.equal(multi.headers.get('x-one'), 'single');
    assert.deepEqual(multi.headers.getSetCookie(), ['c=1', 'd=2']);
    const binary = await fetch(`${url}/shape/binary`);
    assert.deepEqual([...new Uint8Array(await binary.arrayBuffer())], [0x89, 0x50, 0x4e, 0x47, 0x00, 0xff]);
  });

  it('answers a malformed response or a failing handler with the gateway error, the reason in the log', async () => {
    assert.deepEqual(await get('/rest-shape/malformed').then((r) => [r.status, r.text]), [
      502,
      '{"message":"Internal server error"}',
    ]);
    assert.ok(logs.some((l) => /→ 502 .*malformed response: statusCode "teapot" is not an HTTP status/.test(l)));
    assert.deepEqual(await get('/rest-shape/object-body').then((r) => r.status), 502);
    assert.deepEqual(await get('/shape/throw').then((r) => [r.status, r.text]), [
      500,
      '{"message":"Internal Server Error"}',
    ]);
    assert.ok(
      logs.some((l) => /→ 500 .*Shapes: Error: handler failed/.test(l)),
      logs.join('\n'),
    );
  });

  it('gives up after the integration timeout: 504 for REST, 503 for an HTTP API', async () => {
    // The handler never answers, so a short timeout in place of API Gateway's 29 s proves the same.
    const lines: string[] = [];
    const impatient = new LocalHttpApi({
      invoker,
      templatePath: FIXTURE,
      port: 0,
      onLog: (line) => lines.push(line),
      integrationTimeoutMs: 300,
    });
    try {
      const { url: base } = await impatient.start();
      const call = async (p: string) => {
        const res = await fetch(`${base}${p}`);
        return [res.status, await res.text()];
      };
      assert.deepEqual(await call('/rest-shape/hang'), [504, '{"message":"Endpoint request timed out"}']);
      assert.deepEqual(await call('/shape/hang'), [503, '{"message":"Service Unavailable"}']);
      assert.ok(lines.some((l) => /no response within the integration timeout \(300 ms\)/.test(l)));
    } finally {
      await impatient.close();
    }
  });

  it('answers CORS preflights from the template: the REST OPTIONS method and the HTTP API configuration', async () => {
    const rest = await fetch(`${url}/items/1`, { method: 'OPTIONS' });
    assert.equal(rest.status, 200);
    assert.equal(rest.headers.get('access-control-allow-origin'), 'https://app.example.com');
    assert.equal(rest.headers.get('access-control-allow-methods'), 'GET,OPTIONS');
    assert.equal(rest.headers.get('access-control-allow-headers'), 'Content-Type,Authorization');
    assert.equal(rest.headers.get('access-control-max-age'), '600');
    const preflight = await fetch(`${url}/things/1`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://app.example.com', 'Access-Control-Request-Method': 'POST' },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-methods'), 'GET,POST');
    assert.equal(preflight.headers.get('access-control-allow-credentials'), 'true');
    assert.equal(preflight.headers.get('access-control-max-age'), '300');
    const actual = await fetch(`${url}/things/1`, { headers: { Origin: 'https://app.example.com' } });
    assert.equal(actual.headers.get('access-control-allow-origin'), 'https://app.example.com');
    assert.equal(actual.headers.get('access-control-expose-headers'), 'x-trace');
    const other = await fetch(`${url}/things/1`, { headers: { Origin: 'https://evil.example.com' } });
    assert.equal(other.headers.get('access-control-allow-origin'), null);
  });

  it('runs the Lambda and JWT authorizers before the function and passes their context', async () => {
    const allowed = await event('/secure', { headers: { Authorization: 'allow' } });
    assert.equal(allowed.requestContext.authorizer.tier, 'gold');
    assert.equal(allowed.requestContext.authorizer.principalId, 'user-1');
    assert.equal((await get('/secure', { headers: { Authorization: 'deny' } })).status, 403);
    assert.deepEqual(await get('/secure').then((r) => [r.status, r.text]), [401, '{"message":"Unauthorized"}']);
    assert.equal((await get('/opened?key=open')).status, 200);
    assert.equal((await get('/opened?key=shut')).status, 403);
    const simple = await event('/simple', { headers: { 'x-token': 'yes' } });
    assert.equal(typeof simple.requestContext.authorizer.lambda.calls, 'number');
    assert.equal((await get('/simple', { headers: { 'x-token': 'no' } })).status, 403);
    const token = jwt({ iss: 'https://issuer.example.com', aud: 'my-app', exp: Date.now() / 1000 + 600, sub: 'u7' });
    const withJwt = await event('/jwt', { headers: { Authorization: `Bearer ${token}` } });
    assert.equal(withJwt.requestContext.authorizer.jwt.claims.sub, 'u7');
    const expired = await get('/jwt', {
      headers: { Authorization: jwt({ iss: 'https://issuer.example.com', aud: 'my-app', exp: 1 }) },
    });
    assert.equal(expired.status, 401);
    assert.match(expired.headers.get('www-authenticate') ?? '', /the token has expired/);
    assert.equal((await get('/keyed')).status, 403);
    assert.equal((await get('/keyed', { headers: { 'x-api-key': 'any' } })).status, 200);
  });

  it('passes a binary request body base64-encoded to a REST route of a binary media type', async () => {
    const e = await event('/files/upload', {
      method: 'PUT',
      headers: { 'Content-Type': 'image/png' },
      body: new Uint8Array([0, 1, 2, 255]),
    });
    assert.equal(e.isBase64Encoded, true);
    assert.equal(e.body, 'AAEC/w==');
  });

  it('answers curl too', async function () {
    if (!hasCurl) return this.skip();
    // Not spawnSync: the server answering curl runs in this process.
    const stdout = await new Promise<string>((resolve, reject) =>
      execFile('curl', ['-s', '-i', '-X', 'POST', '-d', '{"a":1}', `${url}/implicit`], (error, out) =>
        error ? reject(error) : resolve(out),
      ),
    );
    assert.match(stdout, /^HTTP\/1\.1 200 OK/);
    const body = JSON.parse(stdout.slice(stdout.indexOf('\r\n\r\n') + 4));
    assert.equal(body.body, '{"a":1}');
    assert.equal(body.requestContext.stage, 'Prod', 'the implicit API is served from its Prod stage');
  });

  it('never falls over: malformed targets and headers are answered or closed, half-sent headers time out', async () => {
    const port = Number(new URL(url).port);
    assert.match(
      await raw(port, 'GET /items/%E0%A4%A HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'),
      /^HTTP\/1\.1 200/,
    );
    assert.match(
      await raw(port, 'GET http://[bad/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'),
      /^HTTP\/1\.1 400/,
    );
    assert.match(await raw(port, 'GET * HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'), /^HTTP\/1\.1 400/);
    assert.match(await raw(port, 'GET / HTTP/1.1\r\nBad Header\r\n\r\n'), /^HTTP\/1\.1 400/);
    assert.match(await raw(port, 'NOT-HTTP\r\n\r\n'), /^HTTP\/1\.1 400/);
    const halfSent = await raw(port, 'GET /items/1 HTTP/1.1\r\nHost: x\r\n', 3000);
    assert.doesNotMatch(halfSent, /still open/, 'a client that never finishes its headers is disconnected');
    assert.equal((await get('/items/1')).status, 200, 'the server still answers');
  });
});

describe('local HTTP API: reload and a serverless.yml HTTP API', function () {
  this.timeout(60000);

  it('serves a changed handler and a changed template without a restart', async () => {
    const ws = workspace({
      'template.yaml': fs.readFileSync(FIXTURE, 'utf8'),
      'src/app.js': fs.readFileSync(path.join(path.dirname(FIXTURE), 'src/app.js'), 'utf8'),
      'src/auth.js': '',
    });
    const invoker = new LocalInvoker();
    const api = new LocalHttpApi({ invoker, templatePath: path.join(ws.dir, 'template.yaml'), port: 0 });
    try {
      const { url } = await api.start();
      assert.equal(await (await fetch(`${url}/items/me`)).text(), 'mine');
      fs.writeFileSync(
        path.join(ws.dir, 'src/app.js'),
        fs.readFileSync(path.join(ws.dir, 'src/app.js'), 'utf8').replace("body: 'mine'", "body: 'changed'"),
      );
      // The invoker compares the code's modification times; make the change visible to a coarse clock too.
      const later = new Date(Date.now() + 5000);
      fs.utimesSync(path.join(ws.dir, 'src/app.js'), later, later);
      assert.equal(await (await fetch(`${url}/items/me`)).text(), 'changed');
      assert.equal((await fetch(`${url}/added`)).status, 403);
      fs.appendFileSync(
        path.join(ws.dir, 'template.yaml'),
        [
          '  Added:',
          '    Type: AWS::Serverless::Function',
          '    Properties:',
          '      Handler: app.mine',
          '      Events: {A: {Type: Api, Properties: {Path: /added, Method: get}}}',
          '',
        ].join('\n'),
      );
      const reloaded = api.reload();
      assert.ok(reloaded.ok);
      assert.equal((await fetch(`${url}/added`)).status, 200);
    } finally {
      await api.close();
      await invoker.dispose();
      ws.cleanup();
    }
  });

  it('answers 404 Not Found for an unknown route of a serverless.yml HTTP API', async () => {
    const ws = workspace({
      'serverless.yml': [
        'service: shop',
        'provider: {name: aws, runtime: nodejs20.x}',
        'functions:',
        '  hello:',
        '    handler: src/h.hello',
        '    events:',
        '      - httpApi: GET /hello/{name}',
        '',
      ].join('\n'),
      'src/h.js': 'exports.hello = async (e) => ({ greeting: `hi ${e.pathParameters.name}` });\n',
    });
    const invoker = new LocalInvoker();
    const api = new LocalHttpApi({ invoker, templatePath: path.join(ws.dir, 'serverless.yml'), port: 0 });
    try {
      const { url } = await api.start();
      const hello = await fetch(`${url}/hello/ann`);
      assert.equal(await hello.text(), '{"greeting":"hi ann"}');
      const missing = await fetch(`${url}/nope`);
      assert.deepEqual([missing.status, await missing.text()], [404, '{"message":"Not Found"}']);
    } finally {
      await api.close();
      await invoker.dispose();
      ws.cleanup();
    }
  });

  // The full load test (2,000 requests, p50 and p99) is `npm run bench start-api`.
  it('answers 100 requests at concurrency 20 without an error, and leaves no process after stop', async () => {
    const invoker = new LocalInvoker();
    const api = new LocalHttpApi({ invoker, templatePath: FIXTURE, port: 0 });
    const { url } = await api.start();
    const statuses: number[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: 20 }, async () => {
        while (next < 100) {
          next++;
          const res = await fetch(`${url}/items/me`);
          await res.text();
          statuses.push(res.status);
        }
      }),
    );
    const pids = invoker.livePids();
    await api.close();
    await invoker.dispose();
    assert.equal(statuses.length, 100);
    assert.deepEqual([...new Set(statuses)], [200]);
    assert.ok(pids.length > 0);
    assert.ok(await waitUntil(() => pids.every((pid) => !alive(pid))), 'every environment is gone after stop');
  });
});
