import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import { workbench, workspaceUri } from './workbench';

// Run by the test host with workspace trust enabled and the folder untrusted (Restricted Mode).
describe('deploy in Restricted Mode', function () {
  this.timeout(30000);

  it('refuses Deploy and Sync Code, which build and upload workspace code', async () => {
    await workbench();
    assert.equal(vscode.workspace.isTrusted, false, 'this suite runs in an untrusted workspace');
    const templateUri = workspaceUri('sam-app', 'template.yaml');
    assert.equal(await vscode.commands.executeCommand('serverlessWorkbench.deploy', templateUri), undefined);
    assert.equal(
      await vscode.commands.executeCommand('serverlessWorkbench.syncCode', {
        templateUri,
        logicalId: 'CreateOrderFunction',
      }),
      undefined,
    );
  });
});
