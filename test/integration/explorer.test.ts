import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import { eventually, findItem, workbench, workspaceUri } from './workbench';

describe('resource explorer in VS Code', () => {
  const template = () => workspaceUri('sam-app', 'template.yaml');

  it('activates on the example workspace', async () => {
    const api = await workbench();
    assert.ok(api.templates, 'the extension returned its API');
  });

  it("lists the example's resources in the tree", async () => {
    const api = await workbench();
    const roots = await api.explorer.getChildren();
    const root = roots.find((r) => r.uri.toString() === template().toString());
    assert.ok(root, `sam-app/template.yaml among ${roots.map((r) => r.node.label).join(', ')}`);
    const item = api.explorer.getTreeItem(root);
    assert.match(String(item.description), /SAM · \d+ resources/);
    const fn = await findItem(api, template(), 'ReportFunction');
    assert.ok(fn);
    // Runtime · memory · timeout · cost by default (test/integration/cost.test.ts checks the figure).
    assert.match(
      String(api.explorer.getTreeItem(fn).description),
      /^python3\.12 · 1024 MB · 10 s · ≈ \$\d+\.\d{2}\/mo$/,
    );
    assert.ok(await findItem(api, template(), 'OrdersTable'));
    const notify = await findItem(api, workspaceUri('serverless-app', 'serverless.yml'), 'notify');
    assert.ok(notify, 'the Serverless Framework example is listed with its functions');
    assert.match(
      String(api.explorer.getTreeItem(notify).description),
      /^nodejs20\.x · 256 MB · 20 s · ≈ \$\d+\.\d{2}\/mo$/,
    );
  });

  it('reveals an item by selecting its logical ID in the editor', async () => {
    const api = await workbench();
    const table = await findItem(api, template(), 'OrdersTable');
    assert.ok(table);
    const treeItem = api.explorer.getTreeItem(table);
    await vscode.commands.executeCommand(treeItem.command!.command, ...(treeItem.command!.arguments ?? []));
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor);
    assert.equal(editor.document.uri.toString(), template().toString());
    const expectedLine = editor.document
      .getText()
      .split('\n')
      .findIndex((l) => l === '  OrdersTable:');
    assert.equal(editor.selection.start.line, expectedLine);
    assert.equal(editor.document.getText(editor.selection), 'OrdersTable');
  });

  it('shows an edit made through a WorkspaceEdit within a second, before saving', async () => {
    const api = await workbench();
    const document = await vscode.workspace.openTextDocument(template());
    const at = document.getText().indexOf('  OrdersQueue:');
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, document.positionAt(at), '  AuditTopic:\n    Type: AWS::SNS::Topic\n\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    try {
      await eventually('AuditTopic in the tree', () => findItem(api, template(), 'AuditTopic'), 1000);
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    await eventually('AuditTopic gone after revert', async () => !(await findItem(api, template(), 'AuditTopic')));
  });

  it('shows one error item for a template that does not parse', async () => {
    const api = await workbench();
    const broken = workspaceUri('.swb-test-broken', 'template.yaml');
    await vscode.workspace.fs.writeFile(
      broken,
      new TextEncoder().encode('Resources:\n  Queue:\n    Type: [AWS::SQS::Queue\n'),
    );
    try {
      // The file watcher reports the new file; under load that can take seconds, hence the long wait.
      const roots = await eventually(
        'the broken template in the tree',
        async () => (await api.explorer.getChildren()).find((r) => r.uri.toString() === broken.toString()),
        15_000,
      );
      const children = await api.explorer.getChildren(roots);
      assert.equal(children.length, 1);
      assert.equal(children[0].node.kind, 'error');
      assert.match(children[0].node.label, /end with a \]/);
      assert.equal(children[0].node.description, 'line 3, column 11');
    } finally {
      await vscode.workspace.fs.delete(workspaceUri('.swb-test-broken'), { recursive: true });
    }
    await eventually(
      'the deleted template gone from the tree',
      async () => !(await api.explorer.getChildren()).some((r) => r.uri.toString() === broken.toString()),
      15_000,
    );
  });

  it('follows a template and its folder being renamed, in the editor', async function () {
    this.timeout(60_000);
    const api = await workbench();
    const listed = (uri: vscode.Uri) => async () =>
      (await api.explorer.getChildren()).some((r) => r.uri.toString() === uri.toString());
    const gone = (uri: vscode.Uri) => async () => !(await listed(uri)());
    const folder = workspaceUri('.swb-test-rename');
    const moved = workspaceUri('.swb-test-renamed');
    const written = vscode.Uri.joinPath(folder, 'template.yaml');
    const renamed = vscode.Uri.joinPath(folder, 'template.yml');
    await vscode.workspace.fs.writeFile(
      written,
      new TextEncoder().encode('Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n'),
    );
    try {
      await eventually('the new template in the tree', listed(written));
      const renameFile = new vscode.WorkspaceEdit();
      renameFile.renameFile(written, renamed);
      assert.ok(await vscode.workspace.applyEdit(renameFile));
      await eventually('the template under its new name', listed(renamed));
      await eventually('the old name gone', gone(written));

      const renameFolder = new vscode.WorkspaceEdit();
      renameFolder.renameFile(folder, moved);
      assert.ok(await vscode.workspace.applyEdit(renameFolder));
      await eventually('the template in the renamed folder', listed(vscode.Uri.joinPath(moved, 'template.yml')));
      await eventually('the old folder gone', gone(renamed));
    } finally {
      for (const uri of [folder, moved])
        await vscode.workspace.fs.delete(uri, { recursive: true }).then(undefined, () => undefined);
    }
  });
});
