import { strict as assert } from 'assert';
import * as http from 'http';
import { RuntimeApiServer, type RuntimeOutcome } from '../../../src/core/invoke/runtime-api';
import { request } from './fixtures';

function call(
  address: string,
  method: string,
  path: string,
  body?: string | Buffer,
  headers: http.OutgoingHttpHeaders = {},
) {
  return request(address.split(':')[1], method, path, body, headers);
}

describe('Runtime API server (conformance with lambda-protocols.md)', () => {
  let server: RuntimeApiServer;
  beforeEach(async () => {
    server = new RuntimeApiServer();
    await server.start();
  });
  afterEach(() => server.close());

  const invocation = (requestId: string) => ({
    requestId,
    payload: Buffer.from('{"k":1}'),
    functionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:f',
    timeoutMs: 3000,
    traceId: 'Root=1-abc',
    clientContext: '{"custom":{"a":1}}',
  });

  it(
    'listens on 127.0.0.1 and blocks `next` until an ' + 'invocation arrives, then sends the event with every header',
    async () => {
      assert.match(server.address, /^127\.0\.0\.1:\d+$/);
      const asked = new Promise<void>((resolve) => server.onNext(resolve));
      let answeredEarly = false;
      const next = call(server.address, 'GET', '/2018-06-01/runtime/invocation/next');
      void next.then(() => (answeredEarly = true));
      await asked;
      assert.equal(answeredEarly, false, 'next waits while there is no invocation');
      const before = Date.now();
      const outcome = server.invoke(invocation('req-1'), () => undefined);
      const res = await next;
      assert.equal(res.status, 200);
      assert.equal(res.body, '{"k":1}');
      assert.equal(res.headers['lambda-runtime-aws-request-id'], 'req-1');
      assert.equal(
        res.headers['lambda-runtime-invoked-function-arn'],
        'arn:aws:lambda:eu-west-1:123456789012:function:f',
      );
      assert.equal(res.headers['lambda-runtime-trace-id'], 'Root=1-abc');
      assert.equal(res.headers['lambda-runtime-client-context'], '{"custom":{"a":1}}');
      assert.equal(res.headers['lambda-runtime-cognito-identity'], undefined, 'absent when not set');
      const deadline = Number(res.headers['lambda-runtime-deadline-ms']);
      assert.ok(deadline >= before + 3000 && deadline <= Date.now() + 3000, `deadline ${deadline} is now + timeout`);
      const answered = await call(server.address, 'POST', '/2018-06-01/runtime/invocation/req-1/response', '"done"');
      assert.equal(answered.status, 202);
      const result = (await outcome) as Extract<RuntimeOutcome, { kind: 'response' }>;
      assert.equal(result.kind, 'response');
      assert.equal(result.body.toString(), '"done"');
    },
  );

  it('takes an error with its Lambda-Runtime-Function-Error-Type header', async () => {
    const outcome = server.invoke(invocation('req-2'), () => undefined);
    await call(server.address, 'GET', '/2018-06-01/runtime/invocation/next');
    const body = JSON.stringify({ errorMessage: 'boom', errorType: 'TypeError', stackTrace: [] });
    const res = await call(server.address, 'POST', '/2018-06-01/runtime/invocation/req-2/error', body, {
      'Lambda-Runtime-Function-Error-Type': 'TypeError',
    });
    assert.equal(res.status, 202);
    const result = await outcome;
    assert.equal(result.kind, 'error');
    assert.equal((result as { errorType?: string }).errorType, 'TypeError');
  });

  it('refuses an answer for an unknown request ID with 400 InvalidRequestID', async () => {
    void server.invoke(invocation('req-3'), () => undefined);
    await call(server.address, 'GET', '/2018-06-01/runtime/invocation/next');
    const res = await call(server.address, 'POST', '/2018-06-01/runtime/invocation/someone-else/response', '{}');
    assert.equal(res.status, 400);
    assert.equal(JSON.parse(res.body).errorType, 'InvalidRequestID');
  });

  it('answers 413 to a response over 6,291,556 bytes and reports it', async () => {
    const outcome = server.invoke(invocation('req-4'), () => undefined);
    await call(server.address, 'GET', '/2018-06-01/runtime/invocation/next');
    const res = await call(
      server.address,
      'POST',
      '/2018-06-01/runtime/invocation/req-4/response',
      Buffer.alloc(6_291_556 + 1, 0x61),
    );
    assert.equal(res.status, 413);
    const result = await outcome;
    assert.deepEqual(result, { kind: 'too-large', size: 6_291_556 + 1 });
  });

  it('reports an init error posted before the first next', async () => {
    const got = new Promise<string | undefined>((resolve) => server.onInitError((e) => resolve(e.errorType)));
    const res = await call(
      server.address,
      'POST',
      '/2018-06-01/runtime/init/error',
      '{"errorType":"Runtime.ImportModuleError"}',
      { 'Lambda-Runtime-Function-Error-Type': 'Runtime.ImportModuleError' },
    );
    assert.equal(res.status, 202);
    assert.equal(await got, 'Runtime.ImportModuleError');
  });

  it('answers 404 to paths that are not part of the API', async () => {
    const res = await call(server.address, 'GET', '/2018-06-01/runtime/nothing');
    assert.equal(res.status, 404);
  });
});
