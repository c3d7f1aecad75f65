import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { InvokeApiServer, LocalHttpApi, LocalInvoker, loadTarget } from '../../../src/core/invoke';
import {
  RuntimeSdkSession,
  RUNTIME_SDK_CACHE_ENV,
  type SdkFetch,
  type SdkInstaller,
  type SdkSessionOptions,
} from '../../../src/core/invoke/runtime-sdk';
import { yaml } from '../helpers';
import { workspace } from './fixtures';

/** Stand-ins for SDK clients no registry has, so neither the extension's node_modules nor a global one answers. */
const QUEUE_CLIENT = '@aws-sdk/client-workbench-queue';
const TOPIC_CLIENT = '@aws-sdk/client-workbench-topic';
const TABLE_CLIENT = '@aws-sdk/client-workbench-table';

/** An installer that writes tiny CommonJS clients for what it is asked, after a pause (a download takes time). */
function fakeInstaller(asked: SdkFetch[]): SdkInstaller {
  return async (fetch) => {
    asked.push(fetch);
    await new Promise((r) => setTimeout(r, 50));
    for (const name of fetch.packages) {
      const dir = path.join(fetch.dir, 'node_modules', name);
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name, version: '3.0.0', main: 'index.js' }));
      fs.writeFileSync(path.join(dir, 'index.js'), `exports.name = ${JSON.stringify(name)};`);
    }
  };
}

/**
 * A handler served by a long-running local server (start-api, serve, the editor's Local API and endpoint) that
 * imports a runtime-provided SDK client it lacks: fetched once with one question per session, then served without a
 * restart.
 */
describe('Runtime SDK behind the local servers', function () {
  this.timeout(60000);
  const handler = (client: string) =>
    `const c = require('${client}');\nexports.handler = async () => ({ statusCode: 200, body: c.name });\n`;
  const ws = workspace({
    'template.yaml': yaml(
      'Transform: AWS::Serverless-2016-10-31',
      'Globals: {Function: {Runtime: nodejs22.x, CodeUri: src/, Handler: app.handler}}',
      'Resources:',
      '  Queue:',
      '    Type: AWS::Serverless::Function',
      '    Properties: {CodeUri: queue/, Events: {Get: {Type: HttpApi, Properties: {Path: /queue, Method: GET}}}}',
      '  Topic:',
      '    Type: AWS::Serverless::Function',
      '    Properties: {CodeUri: topic/, Events: {Get: {Type: HttpApi, Properties: {Path: /topic, Method: GET}}}}',
      '  Table:',
      '    Type: AWS::Serverless::Function',
      '    Properties: {CodeUri: table/}',
    ),
    'queue/app.js': handler(QUEUE_CLIENT),
    'topic/app.js': handler(TOPIC_CLIENT),
    'table/app.js': handler(TABLE_CLIENT),
  });
  const template = path.join(ws.dir, 'template.yaml');
  const saved = process.env[RUNTIME_SDK_CACHE_ENV];
  // Each test starts cold, with an empty cache: no warm environment still holds a client fetched before.
  let cache = '';
  let invoker: LocalInvoker;
  beforeEach(() => {
    cache = fs.mkdtempSync(path.join(os.tmpdir(), 'swb-sdk-servers-'));
    process.env[RUNTIME_SDK_CACHE_ENV] = cache;
    invoker = new LocalInvoker();
  });
  afterEach(async () => {
    await invoker.dispose();
    fs.rmSync(cache, { recursive: true, force: true });
  });
  after(() => {
    if (saved === undefined) delete process.env[RUNTIME_SDK_CACHE_ENV];
    else process.env[RUNTIME_SDK_CACHE_ENV] = saved;
    ws.cleanup();
  });

  /** A session that counts its questions and records its messages. */
  function session(answer: boolean, asked: SdkFetch[] = []) {
    const questions: string[] = [];
    const messages: string[] = [];
    const options: SdkSessionOptions = {
      consent: async (fetch) => (questions.push(fetch.packages.join()), answer),
      howToAllow: 'start the server again with --fetch-sdk to fetch it',
      installer: fakeInstaller(asked),
      onSdkMessage: (m) => messages.push(m),
    };
    return { invoker: new RuntimeSdkSession(invoker, options), questions, messages };
  }

  async function withApi<T>(sdk: RuntimeSdkSession, use: (url: string) => Promise<T>): Promise<T> {
    const api = new LocalHttpApi({ invoker: sdk, templatePath: template, port: 0 });
    const { url } = await api.start();
    try {
      return await use(url);
    } finally {
      await api.close();
    }
  }

  it('start-api: asks once for concurrent requests, fetches once, and answers them all', async () => {
    const asked: SdkFetch[] = [];
    const { invoker: sdk, questions, messages } = session(true, asked);
    await withApi(sdk, async (url) => {
      const first = await Promise.all([1, 2, 3].map(() => fetch(`${url}/queue`)));
      assert.deepEqual(
        first.map((r) => r.status),
        [200, 200, 200],
      );
      assert.deepEqual(await Promise.all(first.map((r) => r.text())), [QUEUE_CLIENT, QUEUE_CLIENT, QUEUE_CLIENT]);
      // Another client later in the same session: fetched on the answer already given.
      const topic = await fetch(`${url}/topic`);
      assert.equal(topic.status, 200);
      assert.equal(await topic.text(), TOPIC_CLIENT);
    });
    assert.deepEqual(questions, [QUEUE_CLIENT]);
    assert.deepEqual(
      asked.map((a) => a.packages),
      [[QUEUE_CLIENT], [TOPIC_CLIENT]],
    );
    assert.deepEqual(messages, []);
  });

  it('start-api: a refusal holds for the session; each failing request logs what to install', async () => {
    const { invoker: sdk, questions, messages } = session(false);
    await withApi(sdk, async (url) => {
      for (let i = 0; i < 2; i++) {
        const res = await fetch(`${url}/queue`);
        assert.equal(res.status, 500);
        assert.deepEqual(await res.json(), { message: 'Internal Server Error' });
      }
    });
    assert.deepEqual(questions, [QUEUE_CLIENT]);
    const expected =
      `${QUEUE_CLIENT} is part of the nodejs22.x runtime in Lambda (AWS SDK for JavaScript v3) and not installed ` +
      `here: start the server again with --fetch-sdk to fetch it, or install it in the function's folder (cd ` +
      `${path.join(ws.dir, 'queue')} && npm install ${QUEUE_CLIENT}).`;
    assert.deepEqual(messages, [expected, expected]);
    assert.equal(fs.existsSync(path.join(cache, 'nodejs')), false, 'nothing was downloaded');
  });

  it('serve: the Invoke API fetches the client and returns the payload of the run that follows', async () => {
    const asked: SdkFetch[] = [];
    const { invoker: sdk, questions } = session(true, asked);
    const server = new InvokeApiServer({ invoker: sdk, resolve: (name) => loadTarget(template, name) });
    await server.start();
    try {
      const res = await fetch(`http://127.0.0.1:${server.port}/2015-03-31/functions/Table/invocations`, {
        method: 'POST',
        body: '{}',
      });
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('x-amz-function-error'), null);
      assert.deepEqual(await res.json(), { statusCode: 200, body: TABLE_CLIENT });
    } finally {
      await server.close();
    }
    assert.deepEqual(questions, [TABLE_CLIENT]);
    assert.equal(asked.length, 1);
  });
});
