import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import { workbench, workspaceUri } from './workbench';

// Run by the test host with workspace trust enabled and the folder untrusted (Restricted Mode).
describe('invoke in Restricted Mode', function () {
  this.timeout(30000);

  it('refuses local invoke, debug and the local endpoint, while the explorer keeps working', async () => {
    const api = await workbench();
    assert.equal(vscode.workspace.isTrusted, false, 'this suite runs in an untrusted workspace');
    const args = {
      templateUri: workspaceUri('sam-app', 'template.yaml'),
      logicalId: 'CreateOrderFunction',
      event: '{}',
    };
    assert.equal(await vscode.commands.executeCommand('serverlessWorkbench.invokeFunction', args), undefined);
    assert.equal(await vscode.commands.executeCommand('serverlessWorkbench.debugFunction', args), undefined);
    assert.equal(
      await vscode.commands.executeCommand('serverlessWorkbench.startLocalEndpoint', args.templateUri),
      undefined,
    );
    assert.equal(
      await vscode.commands.executeCommand('serverlessWorkbench.startLocalApi', {
        templateUri: args.templateUri,
        port: 0,
      }),
      undefined,
      'the local API runs handler code, so it is refused too',
    );
    const open = vscode.workspace.textDocuments.filter((d) => d.uri.scheme === 'serverless-workbench-invoke');
    assert.deepEqual(
      open.map((d) => d.uri.toString()),
      [],
      'no result was shown',
    );
    const roots = await api.explorer.getChildren();
    assert.ok(
      roots.some((r) => r.uri.toString() === args.templateUri.toString()),
      'the explorer still lists the template',
    );
  });
});
