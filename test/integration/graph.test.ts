import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import { SHOW_GRAPH_COMMAND } from '../../src/vscode/graph-view';
import { EXTENSION_ID, eventually, findItem, workbench, webviewTabs, workspaceUri } from './workbench';

const graphTabs = (): vscode.Tab[] => webviewTabs('serverlessWorkbench.graph');

describe('architecture graph in VS Code', () => {
  const template = () => workspaceUri('sam-app', 'template.yaml');

  afterEach(async () => {
    await vscode.window.tabGroups.close(graphTabs());
  });

  it('opens the graph of the template shown in the editor in a webview beside it', async () => {
    await workbench();
    await vscode.window.showTextDocument(template(), { viewColumn: vscode.ViewColumn.One });
    await vscode.commands.executeCommand(SHOW_GRAPH_COMMAND);
    const [tab] = await eventually('a graph tab', () => graphTabs().length === 1 && graphTabs());
    assert.equal(tab.label, 'Graph: sam-app/template.yaml');
    assert.notEqual(tab.group.viewColumn, vscode.ViewColumn.One, 'beside the editor, not over it');
  });

  it("opens from the explorer's template item, once per template", async () => {
    const api = await workbench();
    const roots = await api.explorer.getChildren();
    const root = roots.find((r) => r.uri.toString() === template().toString());
    assert.ok(root);
    assert.equal(api.explorer.getTreeItem(root).contextValue, 'template');
    await vscode.commands.executeCommand(SHOW_GRAPH_COMMAND, root);
    await vscode.commands.executeCommand(SHOW_GRAPH_COMMAND, root);
    await eventually('a graph tab', () => graphTabs().length === 1);
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(graphTabs().length, 1, 'the second click reveals the open graph');
    const fn = await findItem(api, template(), 'ReportFunction');
    assert.ok(fn, 'the explorer still works beside the graph');
  });

  it('offers the graph as an inline button on template items', () => {
    const menus = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes.menus['view/item/context'] as {
      command: string;
      when: string;
      group: string;
    }[];
    const entry = menus.find((m) => m.command === SHOW_GRAPH_COMMAND);
    assert.ok(entry);
    assert.equal(entry.group, 'inline');
    assert.match(entry.when, /viewItem == template/);
  });

  it('says what to open when no template is at hand', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand(SHOW_GRAPH_COMMAND);
    assert.equal(graphTabs().length, 0);
  });
});
