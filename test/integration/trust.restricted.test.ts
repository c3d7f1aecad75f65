import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, eventually, findItem, workbench, workspaceUri } from './workbench';

// Runs in its own session with workspace trust enabled and the folder not trusted (see scripts/test-host/run.mjs).
describe('Restricted Mode (untrusted workspace)', () => {
  it('opens the workspace untrusted', () => {
    assert.equal(vscode.workspace.isTrusted, false);
  });

  it('still activates the extension, which declares limited support', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is installed`);
    assert.equal(extension.packageJSON.capabilities?.untrustedWorkspaces?.supported, 'limited');
    await eventually('the extension to be active', () => extension.isActive, 15_000);
  });

  it("lists the template's resources, which reads but never runs workspace code", async () => {
    const api = await workbench();
    assert.ok(await findItem(api, workspaceUri('sam-app', 'template.yaml'), 'OrdersTable'));
  });
});
