import { strict as assert } from 'assert';
import * as vscode from 'vscode';
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
});
