/* eslint-disable @typescript-eslint/no-explicit-any -- events from handlers, read loosely, checked by assertions */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import WebSocket from 'ws';
import { LocalHttpApi, LocalInvoker } from '../../../src/core/invoke';
import { selectedRouteKey } from '../../../src/core/invoke/websocket-api/selection';
import { workspace } from './fixtures';
import { tableOf } from './http-api/fixture';

/**
 * Handlers of a chat API: `$connect` refuses `?deny`, `sendMessage` answers (a two-way route), `$default` posts back
 * through the `@connections` management API with fetch, as the SDK's ApiGatewayManagementApiClient would (that
 * client is not installed here), and every event is written to events.jsonl for the test to read.
 */
const HANDLERS = `
const fs = require('fs');
const record = (event) => fs.appendFileSync(process.env.EVENTS_FILE, JSON.stringify(event) + '\\n');
exports.connect = async (event) => {
  record(event);
  return event.queryStringParameters && event.queryStringParameters.deny ? { statusCode: 401 } : { statusCode: 200 };
};
exports.send = async (event) => {
  record(event);
  const reply = { route: event.requestContext.routeKey, got: JSON.parse(event.body) };
  return { statusCode: 200, body: JSON.stringify(reply) };
};
exports.fallback = async (event) => {
  record(event);
  const { domainName, stage, connectionId } = event.requestContext;
  const url = 'http://' + domainName + '/' + stage + '/@connections/' + encodeURIComponent(connectionId);
  const res = await fetch(url, { method: 'POST', body: 'default:' + event.body });
  return { statusCode: res.status };
};
exports.disconnect = async (event) => {
  record(event);
  return { statusCode: 200 };
};
exports.fail = async () => {
  throw new Error('broken route');
};
`;

/** The start of a Lambda proxy integration's URI, before the function's ARN. */
const LAMBDA_URI = 'arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/';

function template(eventsFile: string): string {
  const fn = (name: string, handler: string) =>
    [
      `  ${name}:`,
      '    Type: AWS::Lambda::Function',
      '    Properties:',
      '      Runtime: nodejs22.x',
      '      Code: src/',
      `      Handler: chat.${handler}`,
      `      Environment: {Variables: {EVENTS_FILE: '${eventsFile}'}}`,
    ].join('\n');
  const route = (name: string, key: string, target: string, extra = '') =>
    [
      `  ${name}Integration:`,
      '    Type: AWS::ApiGatewayV2::Integration',
      '    Properties:',
      '      ApiId: !Ref Chat',
      '      IntegrationType: AWS_PROXY',
      `      IntegrationUri: !Sub ${LAMBDA_URI}\${${target}.Arn}/invocations`,
      `  ${name}Route:`,
      '    Type: AWS::ApiGatewayV2::Route',
      '    Properties:',
      '      ApiId: !Ref Chat',
      `      RouteKey: '${key}'`,
      `      Target: !Sub integrations/\${${name}Integration}`,
      extra,
    ].join('\n');
  return [
    "AWSTemplateFormatVersion: '2010-09-09'",
    'Resources:',
    '  Chat:',
    '    Type: AWS::ApiGatewayV2::Api',
    '    Properties:',
    '      Name: chat',
    '      ProtocolType: WEBSOCKET',
    "      RouteSelectionExpression: '$request.body.action'",
    '  ChatStage:',
    '    Type: AWS::ApiGatewayV2::Stage',
    '    Properties: {ApiId: !Ref Chat, StageName: live}',
    fn('ConnectFn', 'connect'),
    fn('SendFn', 'send'),
    fn('FallbackFn', 'fallback'),
    fn('DisconnectFn', 'disconnect'),
    fn('FailFn', 'fail'),
    route('Connect', '$connect', 'ConnectFn'),
    route('Send', 'sendMessage', 'SendFn', "      RouteResponseSelectionExpression: '$default'"),
    route('Fail', 'fail', 'FailFn'),
    route('Default', '$default', 'FallbackFn'),
    route('Disconnect', '$disconnect', 'DisconnectFn'),
    '',
  ].join('\n');
}

/** An open client and every message it receives, in order. */
async function connect(url: string): Promise<{ socket: WebSocket; received: string[]; next: () => Promise<string> }> {
  const socket = new WebSocket(url);
  const received: string[] = [];
  const waiting: ((text: string) => void)[] = [];
  socket.on('message', (data) => {
    const text = data.toString();
    const waiter = waiting.shift();
    if (waiter) waiter(text);
    else received.push(text);
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const next = () =>
    received.length ? Promise.resolve(received.shift()!) : new Promise<string>((resolve) => waiting.push(resolve));
  return { socket, received, next };
}

function closed(socket: WebSocket): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => socket.once('close', (code, reason) => resolve({ code, reason: String(reason) })));
}

describe('local WebSocket API over a real socket (ws) with real Node.js handlers', function () {
  this.timeout(60000);
  const eventsFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'swb-ws-')), 'events.jsonl');
  const ws = workspace({ 'template.yaml': template(eventsFile), 'src/chat.js': HANDLERS });
  const invoker = new LocalInvoker();
  const logs: string[] = [];
  const api = new LocalHttpApi({
    invoker,
    templatePath: path.join(ws.dir, 'template.yaml'),
    port: 0,
    onLog: (line) => logs.push(line),
  });
  let url = '';
  const events = (): Record<string, any>[] =>
    fs.existsSync(eventsFile)
      ? fs
          .readFileSync(eventsFile, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line))
      : [];
  const waitForEvent = async (predicate: (e: Record<string, any>) => boolean) => {
    for (let i = 0; i < 100; i++) {
      const found = events().find(predicate);
      if (found) return found;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.fail(`no such event in ${JSON.stringify(events())}`);
  };

  before(async () => {
    const started = await api.start();
    assert.equal(started.webSockets.length, 1);
    assert.equal(started.webSockets[0].apiId, 'Chat');
    url = started.webSockets[0].url;
  });
  after(async () => {
    await api.close();
    await invoker.dispose();
    ws.cleanup();
    fs.rmSync(path.dirname(eventsFile), { recursive: true, force: true });
  });

  it('reads the API, its routes, stage and selection expression from Route and Integration resources', () => {
    const table = tableOf(template(eventsFile), path.join(ws.dir, 'template.yaml'));
    assert.deepEqual(table.routes, [], 'a WebSocket API is not an HTTP API');
    assert.deepEqual(table.webSocketApis, [
      {
        id: 'Chat',
        stage: 'live',
        selectionExpression: '$request.body.action',
        routes: [
          { routeKey: '$connect', functionId: 'ConnectFn', twoWay: false, declaredBy: 'route ConnectRoute of Chat' },
          { routeKey: 'sendMessage', functionId: 'SendFn', twoWay: true, declaredBy: 'route SendRoute of Chat' },
          { routeKey: 'fail', functionId: 'FailFn', twoWay: false, declaredBy: 'route FailRoute of Chat' },
          { routeKey: '$default', functionId: 'FallbackFn', twoWay: false, declaredBy: 'route DefaultRoute of Chat' },
          {
            routeKey: '$disconnect',
            functionId: 'DisconnectFn',
            twoWay: false,
            declaredBy: 'route DisconnectRoute of Chat',
          },
        ],
      },
    ]);
  });

  it('runs $connect with the upgrade request before accepting, as a CONNECT event', async () => {
    assert.match(url, /^ws:\/\/127\.0\.0\.1:\d+$/);
    const client = await connect(`${url}/live?name=ann&name=bob`);
    const event = await waitForEvent((e) => e.requestContext.eventType === 'CONNECT');
    const host = url.replace('ws://', '');
    assert.deepEqual(
      {
        routeKey: event.requestContext.routeKey,
        stage: event.requestContext.stage,
        domainName: event.requestContext.domainName,
        messageDirection: event.requestContext.messageDirection,
        sourceIp: event.requestContext.identity.sourceIp,
        query: event.queryStringParameters,
        multiQuery: event.multiValueQueryStringParameters,
        host: event.headers.Host,
      },
      {
        routeKey: '$connect',
        stage: 'live',
        domainName: host,
        messageDirection: 'IN',
        sourceIp: '127.0.0.1',
        query: { name: 'bob' },
        multiQuery: { name: ['ann', 'bob'] },
        host,
      },
    );
    assert.match(event.requestContext.connectionId, /^[A-Za-z0-9+/]{15}=$/);
    assert.match(event.requestContext.apiId, /^[a-z0-9]{10}$/);
    assert.equal(typeof event.requestContext.connectedAt, 'number');
    client.socket.close();
    await closed(client.socket);
  });

  it('routes a message by its action to a two-way route, which answers the client', async () => {
    const client = await connect(url);
    client.socket.send(JSON.stringify({ action: 'sendMessage', text: 'hi' }));
    assert.deepEqual(JSON.parse(await client.next()), {
      route: 'sendMessage',
      got: { action: 'sendMessage', text: 'hi' },
    });
    const event = await waitForEvent((e) => e.requestContext.routeKey === 'sendMessage');
    assert.equal(event.requestContext.eventType, 'MESSAGE');
    assert.equal(event.isBase64Encoded, false);
    assert.equal(typeof event.requestContext.messageId, 'string');
    client.socket.close();
    await closed(client.socket);
  });

  it('sends other messages to $default, whose handler posts back through @connections', async () => {
    const client = await connect(url);
    client.socket.send('not json');
    assert.equal(await client.next(), 'default:not json');
    client.socket.send(JSON.stringify({ action: 'unknown' }));
    assert.equal(await client.next(), 'default:{"action":"unknown"}');
    client.socket.send(JSON.stringify({ action: '$connect' }));
    assert.equal(await client.next(), 'default:{"action":"$connect"}', 'a message never selects $connect');
    client.socket.close();
    await closed(client.socket);
  });

  it('answers a failing route with API Gateway’s error message naming the connection and request', async () => {
    const client = await connect(url);
    client.socket.send(JSON.stringify({ action: 'fail' }));
    const answer = JSON.parse(await client.next());
    assert.equal(answer.message, 'Internal server error');
    assert.equal(typeof answer.connectionId, 'string');
    assert.equal(typeof answer.requestId, 'string');
    assert.ok(
      logs.some((l) => /^WS message fail .*→ FailFn: broken route$/.test(l)),
      logs.join('\n'),
    );
    client.socket.close();
    await closed(client.socket);
  });

  it('describes and closes a connection through @connections, and runs $disconnect with the close code', async () => {
    const client = await connect(url);
    // The newest CONNECT event is this client's: the upgrade completes only after $connect has returned.
    const connectionId = events()
      .filter((e) => e.requestContext.eventType === 'CONNECT')
      .pop()!.requestContext.connectionId as string;
    const management = `${url.replace('ws://', 'http://')}/live/@connections/${encodeURIComponent(connectionId)}`;
    const described = await fetch(management);
    assert.equal(described.status, 200);
    const body = await described.json();
    assert.deepEqual(Object.keys(body), ['connectedAt', 'identity', 'lastActiveAt']);
    assert.equal(body.identity.sourceIp, '127.0.0.1');
    assert.ok(!Number.isNaN(Date.parse(body.connectedAt)));
    const closing = closed(client.socket);
    assert.equal((await fetch(management, { method: 'DELETE' })).status, 204);
    assert.equal((await closing).code, 1000);
    const disconnect = await waitForEvent(
      (e) => e.requestContext.eventType === 'DISCONNECT' && e.requestContext.connectionId === connectionId,
    );
    assert.equal(disconnect.requestContext.routeKey, '$disconnect');
    assert.equal(disconnect.requestContext.disconnectStatusCode, 1000);
    const gone = await fetch(management, { method: 'POST', body: 'late' });
    assert.equal(gone.status, 410);
    assert.equal(gone.headers.get('x-amzn-errortype'), 'GoneException');
  });

  it('refuses the upgrade with the status a $connect handler returns', async () => {
    const socket = new WebSocket(`${url}/?deny=1`);
    const status = await new Promise<number>((resolve) => {
      socket.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      socket.once('open', () => resolve(101));
      socket.once('error', () => undefined);
    });
    assert.equal(status, 401);
    assert.ok(
      logs.some((l) => /^WS \$connect \/\?deny=1 → 401 .*connection refused$/.test(l)),
      logs.join('\n'),
    );
  });

  it('never falls over: plain requests, garbage frames and oversized messages are answered or closed', async () => {
    const http = url.replace('ws://', 'http://');
    assert.equal((await fetch(`${http}/`)).status, 426);
    assert.equal((await fetch(`${http}/@connections/x`, { method: 'PUT', body: 'x' })).status, 405);
    const big = await connect(url);
    const closing = closed(big.socket);
    big.socket.send('x'.repeat(128 * 1024 + 1));
    assert.equal((await closing).code, 1009, 'a message over 128 KB closes the connection as too big');
    const port = Number(new URL(url).port);
    const raw = net.connect(port, '127.0.0.1');
    await new Promise((resolve) => raw.once('connect', resolve));
    raw.write(
      'GET / HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
        'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
    );
    const handshake = await new Promise<Buffer>((resolve) => raw.once('data', resolve));
    assert.match(handshake.toString('latin1'), /^HTTP\/1\.1 101 /);
    raw.write(Buffer.from([0x81, 0x05, 0x68, 0x65, 0x6c, 0x6c, 0x6f])); // an unmasked client frame: refused
    const closeFrame = await new Promise<Buffer>((resolve) => raw.once('data', resolve));
    assert.deepEqual([closeFrame[0], closeFrame.readUInt16BE(2)], [0x88, 1002], 'closed as a protocol error');
    raw.destroy();
    const after = await connect(url);
    after.socket.send(JSON.stringify({ action: 'sendMessage', n: 1 }));
    assert.equal(JSON.parse(await after.next()).got.n, 1, 'the server still answers');
    after.socket.close();
    await closed(after.socket);
  });
});

describe('local WebSocket API: route selection and serverless.yml websocket events', () => {
  it('selects the route named at the expression’s path of a JSON message', () => {
    assert.equal(selectedRouteKey('$request.body.action', '{"action":"join"}'), 'join');
    assert.equal(selectedRouteKey('${request.body.meta.kind}', '{"meta":{"kind":"ping"}}'), 'ping');
    assert.equal(selectedRouteKey('$request.body.action', '{"other":1}'), undefined);
    assert.equal(selectedRouteKey('$request.body.action', 'plain text'), undefined);
    assert.equal(selectedRouteKey('$request.body.action', '[1]'), undefined);
  });

  it('reads a SAM WebSocketApi: its Routes, stage and expression, and says its $connect authorizer is not run', () => {
    const table = tableOf(
      [
        'Transform: AWS::Serverless-2016-10-31',
        'Resources:',
        '  Echo:',
        '    Type: AWS::Serverless::Function',
        '    Properties: {Runtime: nodejs22.x, CodeUri: ., Handler: echo.handler}',
        '  Chat:',
        '    Type: AWS::Serverless::WebSocketApi',
        '    Properties:',
        '      StageName: live',
        "      RouteSelectionExpression: '$request.body.action'",
        '      Auth: {AuthType: CUSTOM, AuthArn: !GetAtt Echo.Arn}',
        '      Routes:',
        '        $connect: {FunctionArn: !GetAtt Echo.Arn}',
        "        echo: {FunctionArn: !GetAtt Echo.Arn, RouteResponseSelectionExpression: '$default'}",
        '        other: {FunctionArn: arn:aws:lambda:us-east-1:123456789012:function:elsewhere}',
        '',
      ].join('\n'),
      '/tmp/template.yaml',
    );
    assert.deepEqual(table.webSocketApis, [
      {
        id: 'Chat',
        stage: 'live',
        selectionExpression: '$request.body.action',
        routes: [
          { routeKey: '$connect', functionId: 'Echo', twoWay: false, declaredBy: 'route $connect of Chat' },
          { routeKey: 'echo', functionId: 'Echo', twoWay: true, declaredBy: 'route echo of Chat' },
        ],
      },
    ]);
    assert.deepEqual(table.notes, [
      'route other of Chat is not served: its FunctionArn names no function of this template.',
      'route $connect of Chat has a Lambda authorizer, which is not run locally: connections are accepted without it.',
    ]);
  });

  it('reads websocket events into one API on the service stage, with the provider’s expression', () => {
    const table = tableOf(
      [
        'service: chat',
        'provider:',
        '  {name: aws, runtime: nodejs20.x, stage: beta, websocketsApiRouteSelectionExpression: $request.body.route}',
        'functions:',
        '  connect:',
        '    handler: h.connect',
        '    events:',
        '      - websocket: $connect',
        '  send:',
        '    handler: h.send',
        '    events:',
        '      - websocket: {route: say, routeResponseSelectionExpression: $default}',
        '',
      ].join('\n'),
      '/tmp/serverless.yml',
    );
    assert.deepEqual(table.webSocketApis, [
      {
        id: 'WebsocketsApi',
        stage: 'beta',
        selectionExpression: '$request.body.route',
        routes: [
          {
            routeKey: '$connect',
            functionId: 'ConnectLambdaFunction',
            twoWay: false,
            declaredBy: 'event websocket of connect',
          },
          { routeKey: 'say', functionId: 'SendLambdaFunction', twoWay: true, declaredBy: 'event websocket of send' },
        ],
      },
    ]);
  });
});
