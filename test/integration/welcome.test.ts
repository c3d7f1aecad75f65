import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import type { NewProjectAnswers } from '../../src/vscode/new-project';
import { eventually, findItem, workbench, workspaceUri } from './workbench';

describe('welcome actions in VS Code', () => {
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('opens the bundled example, which the tree then lists', async () => {
    const api = await workbench();
    await vscode.commands.executeCommand('serverlessWorkbench.openExample');
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor, 'an editor opened');
    assert.match(editor.document.uri.path, /\/examples\/sam-app\/template\.yaml$/);
    assert.ok(await eventually('the example in the tree', () => findItem(api, editor.document.uri, 'OrdersTable')));
  });

  it('creates a SAM project whose handler exists, which the tree lists, and never overwrites', async function () {
    // Reading the starters and writing the project goes through the server's file system, slow on a loaded machine.
    this.timeout(60_000);
    const api = await workbench();
    const folder = workspaceUri('create-template-it');
    const created = vscode.Uri.joinPath(folder, 'template.yaml');
    const answers: NewProjectAnswers = { parent: folder, language: 'node', starter: 'http-api' };
    await vscode.workspace.fs.createDirectory(folder);
    try {
      await vscode.commands.executeCommand('serverlessWorkbench.createTemplate', answers);
      assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), created.toString());
      await eventually('ItemsFunction in the tree', () => findItem(api, created, 'ItemsFunction'), 20_000);
      // The template's CodeUri is src/, and the handler it names is there.
      await vscode.workspace.fs.stat(vscode.Uri.joinPath(folder, 'src', 'items.js'));
      await vscode.workspace.fs.writeFile(created, new TextEncoder().encode('# mine\n'));
      await vscode.commands.executeCommand('serverlessWorkbench.createTemplate', answers);
      assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(created)), '# mine\n');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(folder, { recursive: true, useTrash: false });
    }
  });
});
