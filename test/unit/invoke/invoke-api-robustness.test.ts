import { strict as assert } from 'assert';
import * as net from 'net';
import { InvokeApiServer, LocalInvoker, type LocalFunction, type Target } from '../../../src/core/invoke';
import { fn, request, waitUntil, workspace } from './fixtures';

const ws = workspace({
  'app.js': [
    'exports.echo = async (event, context) => ({ event, client: context.clientContext });',
    'exports.slow = async () => { await new Promise((r) => setTimeout(r, 2000)); return "done"; };',
  ].join('\n'),
});
const functions: Record<string, LocalFunction> = {
  Echo: fn(ws.dir, { logicalId: 'Echo', handler: 'app.echo' }),
  Slow: fn(ws.dir, { logicalId: 'Slow', handler: 'app.slow' }),
};
const resolve = (name: string): Target =>
  functions[name]
    ? ({ ok: true, fn: functions[name], notes: [] } as unknown as Target)
    : { ok: false, notFound: true, message: 'No function' };

/** Sends raw bytes and collects what comes back until the server closes the connection (or `ms` passes). */
function raw(port: number, bytes: string | Buffer, ms = 5000): Promise<{ text: string; closed: boolean }> {
  return new Promise((done) => {
    const socket = net.connect(port, '127.0.0.1');
    let text = '';
    const timer = setTimeout(() => {
      socket.destroy();
      done({ text, closed: false });
    }, ms);
    socket.on('data', (d) => (text += d.toString('latin1')));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      done({ text, closed: true });
    });
    socket.end(bytes);
  });
}

/** The status line and body of one raw HTTP/1.1 answer. */
function parsed(text: string): { status: number; type: string | undefined; body: string } {
  const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0);
  const type = /^x-amzn-ErrorType: (.*)\r$/im.exec(text)?.[1];
  return { status, type, body: text.slice(text.indexOf('\r\n\r\n') + 4) };
}

/** mulberry32: a small seeded generator, so the fuzz sends the same requests on every run. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('Invoke API server under hostile and heavy use', () => {
  after(() => ws.cleanup());

  describe('Invoke API server never falls over', () => {
    const invoker = new LocalInvoker();
    const server = new InvokeApiServer({ invoker, resolve });
    let port = 0;
    before(async () => {
      port = await server.start();
    });
    after(async () => {
      await server.close();
      await invoker.dispose();
    });

    it('answers a malformed percent-escape in the function name with ValidationException', async () => {
      const r = await request(port, 'POST', '/2015-03-31/functions/%E0%A4%A/invocations', '{}');
      assert.equal(r.status, 400);
      assert.equal(r.headers['x-amzn-errortype'], 'ValidationException');
      assert.match(
        JSON.parse(r.body).message,
        /^1 validation error detected: Value '%E0%A4%A' at 'functionName' failed to satisfy constraint/,
      );
    });

    it('answers an absolute-form request line with an invalid URL with UnknownOperationException', async () => {
      const r = parsed(
        (await raw(port, 'POST http://[bad/2015-03-31/functions/Echo/invocations HTTP/1.1\r\nHost: x\r\n\r\n')).text,
      );
      assert.equal(r.status, 404);
      assert.equal(r.type, 'UnknownOperationException');
    });

    it('passes a pretty-printed client context (JSON with newlines) to the handler as one object', async () => {
      const context = { custom: { who: 'boto3' }, env: { platform: 'test' } };
      const header = Buffer.from(JSON.stringify(context, null, 2)).toString('base64');
      const r = await request(port, 'POST', '/2015-03-31/functions/Echo/invocations', '{"a":1}', {
        'X-Amz-Client-Context': header,
      });
      assert.equal(r.status, 200);
      assert.deepEqual(JSON.parse(r.body), { event: { a: 1 }, client: context });
    });

    it('answers a client context that is not base64 JSON as Lambda does', async () => {
      for (const header of [
        'not base64!',
        Buffer.from('[1,2]').toString('base64'),
        Buffer.from('{').toString('base64'),
      ]) {
        const r = await request(port, 'POST', '/2015-03-31/functions/Echo/invocations', '{}', {
          'X-Amz-Client-Context': header,
        });
        assert.equal(r.status, 400, header);
        assert.equal(r.headers['x-amzn-errortype'], 'InvalidRequestContentException');
        assert.equal(JSON.parse(r.body).message, 'Client context must be a valid Base64-encoded JSON object.');
      }
    });

    it('answers or closes every one of 300 fuzzed requests, and still serves afterwards', async function () {
      this.timeout(120_000);
      const random = seeded(14);
      const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
      const junk = (n: number) =>
        Buffer.from(Array.from({ length: Math.floor(random() * n) }, () => Math.floor(random() * 256)));
      const targets = [
        '/2015-03-31/functions/Echo/invocations',
        '/2015-03-31/functions/%/invocations',
        '/2015-03-31/functions/%E0%A4%A/invocations',
        '/2015-03-31/functions/Nope/invocations?Qualifier=%zz',
        'http://[::1/x',
        'http://a b/c',
        '*',
        '//',
        '/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:Echo:$LATEST/invocations',
      ];
      const headers = [
        'X-Amz-Client-Context: ' + Buffer.from('{"a":\n1}').toString('base64'),
        'X-Amz-Client-Context: ' + '%%%',
        'X-Amz-Invocation-Type: Bogus',
        'X-Amz-Invocation-Type: DryRun',
        'X-Amz-Log-Type: Tail',
        'Content-Length: 5',
        'Content-Length: -1',
        'Transfer-Encoding: chunked',
        'Transfer-Encoding: gzip, chunked',
        'Expect: 100-continue',
      ];
      let answered = 0;
      let closed = 0;
      for (let i = 0; i < 300; i++) {
        const method = pick(['POST', 'GET', 'PUT', 'P\x00ST', '']);
        const line = random() < 0.1 ? junk(80).toString('latin1') : `${method} ${pick(targets)} HTTP/1.1`;
        const head = Array.from({ length: Math.floor(random() * 4) }, () => pick(headers));
        const body = pick([Buffer.from('{"x":1}'), Buffer.from('{"x":'), junk(200), Buffer.alloc(0)]);
        const bytes = Buffer.concat([
          Buffer.from(`${line}\r\nHost: 127.0.0.1\r\n${head.join('\r\n')}${head.length ? '\r\n' : ''}\r\n`, 'latin1'),
          body,
        ]);
        const r = await raw(port, bytes, 3000);
        if (/^HTTP\/1\.1 \d{3}/.test(r.text)) answered++;
        else if (r.closed) closed++;
        else assert.fail(`request ${i} neither answered nor closed: ${JSON.stringify(bytes.toString('latin1'))}`);
      }
      assert.equal(answered + closed, 300);
      assert.ok(answered > 150, `most requests are answered (${answered})`);
      const ok = await request(port, 'POST', '/2015-03-31/functions/Echo/invocations', '{"after":"fuzz"}');
      assert.deepEqual(JSON.parse(ok.body).event, { after: 'fuzz' });
    });
  });

  describe('Invoke API server timeouts', () => {
    const invoker = new LocalInvoker();
    const server = new InvokeApiServer({ invoker, resolve, timeouts: { headersMs: 300, requestMs: 600, checkMs: 50 } });
    let port = 0;
    before(async () => {
      port = await server.start();
    });
    after(async () => {
      await server.close();
      await invoker.dispose();
    });

    /** Opens a connection, sends part of a request and resolves with what came back once the server closes it. */
    function stall(partial: string): Promise<string> {
      return new Promise((done) => {
        const socket = net.connect(port, '127.0.0.1', () => socket.write(partial));
        let text = '';
        socket.on('data', (d) => (text += d.toString()));
        socket.on('error', () => undefined);
        socket.on('close', () => done(text));
      });
    }

    it('closes a connection whose headers stop half-way, with 408', async () => {
      const text = await stall('POST /2015-03-31/functions/Echo/invocations HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Am');
      assert.match(text, /^HTTP\/1\.1 408 /);
    });

    it('closes a connection whose body stops half-way, with 408', async () => {
      const text = await stall(
        'POST /2015-03-31/functions/Echo/invocations HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\n{"a":',
      );
      assert.match(text, /^HTTP\/1\.1 408 /);
    });
  });

  describe('Invoke API concurrency', () => {
    // Idle environments stop after 3 s: long enough that none is reaped between the calls of one test on a loaded
    // machine, short enough to see the reaping.
    const invoker = new LocalInvoker({ maxConcurrency: 2, queueWaitMs: 1000, idleMs: 3000 });
    const server = new InvokeApiServer({ invoker, resolve });
    let port = 0;
    before(async () => {
      port = await server.start();
    });
    after(async () => {
      await server.close();
      await invoker.dispose();
    });
    const call = (name: string) => request(port, 'POST', `/2015-03-31/functions/${name}/invocations`, '{}');

    it('grows to the cap, throttles the call beyond it with 429, and reaps idle environments', async function () {
      this.timeout(30_000);
      const answers = await Promise.all([call('Slow'), call('Slow'), call('Slow')]);
      const statuses = answers.map((a) => a.status).sort();
      assert.deepEqual(statuses, [200, 200, 429]);
      const throttled = answers.find((a) => a.status === 429)!;
      assert.equal(throttled.headers['x-amzn-errortype'], 'TooManyRequestsException');
      assert.deepEqual(JSON.parse(throttled.body), {
        Type: 'User',
        message: 'Rate Exceeded.',
        Reason: 'ReservedFunctionConcurrentInvocationLimitExceeded',
      });
      assert.equal(invoker.livePids().length, 2, 'two environments, one per concurrent call');
      assert.ok(await waitUntil(() => invoker.livePids().length === 0, 15_000), 'idle environments stopped');
    });

    it('lets a call over the cap wait for an environment that frees up in time', async function () {
      this.timeout(30_000);
      const answers = await Promise.all([call('Echo'), call('Echo'), call('Echo'), call('Echo')]);
      assert.deepEqual(
        answers.map((a) => a.status),
        [200, 200, 200, 200],
      );
      assert.ok(invoker.livePids().length <= 2);
    });
  });
});
