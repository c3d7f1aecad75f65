import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import { eventually, workbench, workspaceUri } from './workbench';

/** Files named like templates that are not usable ones: the tree says why, at once, and the editor keeps working. */
describe('bad input in VS Code', () => {
  const folder = workspaceUri('.swb-test-bad-input');
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(folder, { recursive: true });
  });

  async function errorItemOf(uri: vscode.Uri, bytes: Uint8Array, open: boolean): Promise<string> {
    const api = await workbench();
    await vscode.workspace.fs.writeFile(uri, bytes);
    if (open) await vscode.window.showTextDocument(uri);
    const root = await eventually(`${vscode.workspace.asRelativePath(uri)} in the tree`, async () =>
      (await api.explorer.getChildren()).find((r) => r.uri.toString() === uri.toString()),
    );
    const children = await api.explorer.getChildren(root);
    assert.deepEqual(
      children.map((c) => c.node.kind),
      ['error'],
    );
    return children[0].node.label;
  }

  it('refuses a 5 MB template open in the editor with its size, instead of parsing it', async () => {
    const padding = '  # a comment line that pads this template out to five megabytes of text\n';
    const text =
      `AWSTemplateFormatVersion: ` +
      `"2010-09-09"\nResources:\n${padding.repeat(Math.ceil((5 * 1024 * 1024) / padding.length))}`;
    const label = await errorItemOf(
      vscode.Uri.joinPath(folder, 'big', 'template.yaml'),
      new TextEncoder().encode(text),
      true,
    );
    assert.match(label, /^This template is 5\.0 MB; CloudFormation accepts at most 1 MB/);
    const symbols = await vscode.commands.executeCommand<unknown[]>(
      'vscode.executeDocumentSymbolProvider',
      vscode.window.activeTextEditor!.document.uri,
    );
    assert.ok(!symbols?.length, 'no symbols from a template that was not analysed');
  });

  it('says a binary file named template.yaml is not text', async () => {
    const bytes = Uint8Array.from([
      0x50,
      0x4b,
      0x03,
      0x04,
      0,
      0,
      0xff,
      0xfe,
      0x00,
      0x10,
      ...new TextEncoder().encode('Resources:'),
    ]);
    assert.match(await errorItemOf(vscode.Uri.joinPath(folder, 'binary', 'template.yaml'), bytes, false), /not text/);
  });
});
