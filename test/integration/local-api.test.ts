import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import WebSocket from 'ws';
import type { StartedLocalApi } from '../../src/vscode/invoke/local-api';
import { eventually, workbench, workspaceUri } from './workbench';

describe('local API in VS Code', function () {
  this.timeout(60000);
  before(async () => {
    await workbench();
    assert.equal(vscode.workspace.isTrusted, true, 'this suite runs in a trusted workspace');
  });

  it("starts the example's API from the command, answers fetch, logs the request and stops", async () => {
    const started = await vscode.commands.executeCommand<StartedLocalApi | undefined>(
      'serverlessWorkbench.startLocalApi',
      { templateUri: workspaceUri('sam-app', 'template.yaml'), port: 0 },
    );
    assert.ok(started, 'the command started the API');
    try {
      assert.match(started.url, /^http:\/\/127\.0\.0\.1:\d+$/);
      const res = await fetch(`${started.url}/orders`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ item: 'book', quantity: 0 }),
      });
      assert.equal(res.status, 400, 'the handler rejects a zero quantity through API Gateway');
      assert.match(await res.text(), /positive integer quantity/);
      const line = await eventually('the request line', () =>
        started.requestLines.find((l) => /^POST \/orders → 400 \(\d+ ms\) CreateOrderFunction$/.test(l)),
      );
      assert.ok(line);
      const missing = await fetch(`${started.url}/nowhere`);
      assert.equal(missing.status, 403);
      assert.deepEqual(await missing.json(), { message: 'Missing Authentication Token' });
    } finally {
      await vscode.commands.executeCommand('serverlessWorkbench.stopLocalApi');
    }
    await assert.rejects(fetch(`${started.url}/orders`), 'nothing listens after stop');
  });

  it('serves a WebSocket API on its own port: routes a message to its function, which answers', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'swb-ws-api-'));
    fs.writeFileSync(
      path.join(dir, 'template.yaml'),
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
        '      Routes:',
        "        echo: {FunctionArn: !GetAtt Echo.Arn, RouteResponseSelectionExpression: '$default'}",
        '',
      ].join('\n'),
    );
    fs.writeFileSync(
      path.join(dir, 'echo.js'),
      'exports.handler = async (e) => ({ statusCode: 200, body: "echo " + JSON.parse(e.body).text });\n',
    );
    const started = await vscode.commands.executeCommand<StartedLocalApi | undefined>(
      'serverlessWorkbench.startLocalApi',
      { templateUri: vscode.Uri.file(path.join(dir, 'template.yaml')), port: 0 },
    );
    assert.ok(started, 'the command started the API');
    try {
      assert.equal(started.webSockets.length, 1);
      assert.match(started.webSockets[0].url, /^ws:\/\/127\.0\.0\.1:\d+$/);
      const socket = new WebSocket(started.webSockets[0].url);
      await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
      const reply = new Promise<string>((resolve) => socket.once('message', (data) => resolve(String(data))));
      socket.send(JSON.stringify({ action: 'echo', text: 'hello' }));
      assert.equal(await reply, 'echo hello');
      socket.close();
      const line = await eventually('the message line', () =>
        started.requestLines.find((l) => /^WS message echo \S+ \(\d+ ms\) → Echo \(replied\)$/.test(l)),
      );
      assert.ok(line);
    } finally {
      await vscode.commands.executeCommand('serverlessWorkbench.stopLocalApi');
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
