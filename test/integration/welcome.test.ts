import { strict as assert } from 'assert';
import * as vscode from 'vscode';
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

  it('creates a SAM template in the workspace folder that the tree lists, and never overwrites one', async () => {
    const api = await workbench();
    const created = workspaceUri('template.yaml');
    await vscode.commands.executeCommand('serverlessWorkbench.createTemplate');
    try {
      assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), created.toString());
      const fn = await eventually('HelloFunction in the tree', () => findItem(api, created, 'HelloFunction'));
      assert.equal(
        api.explorer
          .getTreeItem(fn)
          .description?.toString()
          .replace(/ · ≈ [^·]+$/, ''),
        'nodejs22.x · 512 MB · 10 s',
      );
      await vscode.workspace.fs.writeFile(created, new TextEncoder().encode('# mine\n'));
      await vscode.commands.executeCommand('serverlessWorkbench.createTemplate');
      assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(created)), '# mine\n');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(created);
    }
  });
});
