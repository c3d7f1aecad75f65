import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, eventually } from './workbench';

describe('activation', () => {
  it('is installed under its published id', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is among ${vscode.extensions.all.map((e) => e.id).filter((id) => !id.startsWith('vscode.')).join(', ') || 'no non-builtin extensions'}`);
    assert.equal(extension.packageJSON.displayName, 'Serverless Workbench');
  });

  it('activates by itself when a workspace with a SAM template opens', async () => {
    // Nobody calls activate() here: the workspaceContains activation event must do it.
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    await eventually('the extension to be active', () => extension.isActive, 15_000);
  });

  it('contributes the Serverless Workbench resources view', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('serverlessWorkbench.resources.focus'), 'the view serverlessWorkbench.resources is registered');
    await vscode.commands.executeCommand('serverlessWorkbench.resources.focus');
  });
});
