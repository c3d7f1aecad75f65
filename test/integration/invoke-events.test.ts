import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { WorkbenchApi } from '../../src/extension';
import type { ExplorerItem } from '../../src/vscode/explorer';
import { eventually, findItem, workbench, workspaceUri } from './workbench';

async function lensesOf(uri: vscode.Uri): Promise<vscode.CodeLens[]> {
  for (let i = 0; i < 50; i++) {
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
    const ours = (lenses ?? []).filter((l) => l.command?.title.startsWith('▶ Invoke with this event'));
    if (ours.length > 0) return ours;
    await new Promise((r) => setTimeout(r, 100));
  }
  return [];
}

/** The items under the function's "Saved events" node in the explorer (none when it has no node). */
async function savedEventItems(api: WorkbenchApi, template: vscode.Uri, logicalId: string): Promise<ExplorerItem[]> {
  const fn = await findItem(api, template, logicalId);
  const node = fn && (await api.explorer.getChildren(fn)).find((c) => c.node.label === 'Saved events');
  return node ? api.explorer.getChildren(node) : [];
}

describe('events you edit before invoking', function () {
  this.timeout(60000);
  before(async () => {
    await workbench();
  });

  it('shows "▶ Invoke with this event" on a saved event, and invokes the function with it', async () => {
    const dir = path.join(workspaceUri('sam-app', '.serverless-workbench').fsPath, 'events', 'CreateOrderFunction');
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, 'edited-for-test.json');
    fs.writeFileSync(
      file,
      `${JSON.stringify({ httpMethod: 'POST', body: '{"item":"book","quantity":0}' }, null, 2)}\n`,
    );
    try {
      const uri = vscode.Uri.file(file);
      await vscode.window.showTextDocument(uri);
      const [lens] = await lensesOf(uri);
      assert.ok(lens, 'the event has its CodeLens');
      assert.equal(lens.range.start.line, 0);
      assert.equal(lens.command?.command, 'serverlessWorkbench.invokeFunction');
      const outcome = await vscode.commands.executeCommand<{ result: { payload: string } } | undefined>(
        lens.command!.command,
        ...(lens.command!.arguments ?? []),
      );
      assert.ok(outcome, 'the lens invoked the function');
      assert.equal(JSON.parse(outcome.result.payload).statusCode, 400, 'the handler saw the edited body');
    } finally {
      fs.rmSync(file, { force: true });
    }
  });
  it('lists saved events under their function, opens one on click, and drops a deleted one', async () => {
    const api = await workbench();
    const template = workspaceUri('sam-app', 'template.yaml');
    const dir = path.join(workspaceUri('sam-app', '.serverless-workbench').fsPath, 'events', 'CreateOrderFunction');
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, 'listed-in-explorer.json');
    fs.writeFileSync(file, '{ "httpMethod": "POST" }\n');
    try {
      const event = await eventually(
        'the saved event in the explorer',
        async () => {
          const children = await savedEventItems(api, template, 'CreateOrderFunction');
          return children.find((c) => c.node.label === 'listed-in-explorer');
        },
        5000,
      );
      const item = api.explorer.getTreeItem(event);
      assert.ok(item.command, 'the event item opens something when clicked');
      await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
      assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, file, 'the click opened the event file');
      fs.rmSync(file);
      await eventually(
        'the deleted event gone from the explorer',
        async () => {
          const children = await savedEventItems(api, template, 'CreateOrderFunction');
          return !children.some((c) => c.node.label === 'listed-in-explorer');
        },
        5000,
      );
    } finally {
      fs.rmSync(file, { force: true });
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    }
  });
});
