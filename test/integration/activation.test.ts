import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { screenshot } from './report';
import { EXTENSION_ID, eventually, workbench } from './workbench';

/** The tree is drawn in the browser, a message away from the extension host. */
const RENDER_MS = 500;

describe('activation', () => {
  it('is installed under its published id', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(
      extension,
      `${EXTENSION_ID} is among ${
        vscode.extensions.all
          .map((e) => e.id)
          .filter((id) => !id.startsWith('vscode.'))
          .join(', ') || 'no non-builtin extensions'
      }`,
    );
    assert.equal(extension.packageJSON.displayName, 'Serverless Workbench');
  });

  it('activates by itself when a workspace with a SAM template opens', async () => {
    // Nobody has called activate() yet (mocha loads files in name order and later files call it themselves):
    // the workspaceContains activation event must have done it.
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    await eventually('the extension to be active', () => extension.isActive, 15_000);
  });

  it('contributes the Serverless Workbench resources view', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(
      commands.includes('serverlessWorkbench.resources.focus'),
      'the view serverlessWorkbench.resources is registered',
    );
    await vscode.commands.executeCommand('serverlessWorkbench.resources.focus');
    // For a person to look at in test-results/screenshots/ (web test host only; test-electron has no page),
    // once the tree has its items and the renderer has had a moment to draw them.
    await eventually(
      'templates in the tree',
      async () => (await (await workbench()).explorer.getChildren()).length > 0,
    );
    await new Promise((resolve) => setTimeout(resolve, RENDER_MS));
    const picture = await screenshot('resources-view');
    if (picture) assert.ok(fs.statSync(picture).size > 0, `${picture} is not empty`);
  });

  it('opens an invoke result tab restored from the last window before any invoke command runs', async () => {
    // Results are kept for a window's life; the tab VS Code restores after a reload must still open.
    const restored = vscode.Uri.from({
      scheme: 'serverless-workbench-invoke',
      path: '/HelloWorldFunction result.json',
      query: vscode.Uri.file('/nowhere/template.yaml').toString(),
    });
    const document = await vscode.workspace.openTextDocument(restored);
    assert.equal(document.getText(), '{}\n');
  });
});
