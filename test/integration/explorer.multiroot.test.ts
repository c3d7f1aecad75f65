import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import { eventually, findItem, workbench } from './workbench';

/** Runs on a .code-workspace whose folders are examples/sam-app and examples/serverless-app. */
describe('resource explorer in a multi-root workspace', () => {
  const folder = (name: string) => {
    const found = vscode.workspace.workspaceFolders?.find((f) => f.name === name);
    assert.ok(
      found,
      `workspace folder ${name} among ${vscode.workspace.workspaceFolders?.map((f) => f.name).join(', ')}`,
    );
    return found.uri;
  };

  it('lists the templates of every folder, each labelled with its folder', async () => {
    const api = await workbench();
    assert.equal(vscode.workspace.workspaceFolders?.length, 2);
    const labels = await eventually('both templates', async () => {
      const roots = (await api.explorer.getChildren()).map((r) => r.node.label);
      return roots.length >= 2 && roots;
    });
    assert.deepEqual(labels, ['sam-app/template.yaml', 'serverless-app/serverless.yml']);
    assert.ok(await findItem(api, vscode.Uri.joinPath(folder('sam-app'), 'template.yaml'), 'OrdersTable'));
    assert.ok(await findItem(api, vscode.Uri.joinPath(folder('serverless-app'), 'serverless.yml'), 'notify'));
  });

  it('follows a template created in the second folder', async () => {
    const api = await workbench();
    const created = vscode.Uri.joinPath(folder('serverless-app'), 'nested', 'template.yaml');
    await vscode.workspace.fs.writeFile(
      created,
      new TextEncoder().encode('Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n'),
    );
    try {
      const root = await eventually('the new template', async () =>
        (await api.explorer.getChildren()).find((r) => r.uri.toString() === created.toString()),
      );
      assert.equal(root.node.label, 'serverless-app/nested/template.yaml');
    } finally {
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(created, '..'), { recursive: true });
    }
  });
});
