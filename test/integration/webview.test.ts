import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import type { BreakdownView } from '../../src/core/cost';
import { screenshot, webviewContents, type WebviewContent } from './report';
import { eventually, workbench, workspaceUri } from './workbench';

const SHOW_BREAKDOWN = 'serverlessWorkbench.cost.showBreakdown';
/** Loading a webview document (host frame, service worker, content) took about a second here; leave room. */
const RENDER_TIMEOUT_MS = 15_000;

function breakdownTab(): vscode.Tab | undefined {
  return vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .find(
      (t) =>
        t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('serverlessWorkbench.costBreakdown'),
    );
}

/** Waits until a visible webview shows the document titled `title` with `text` in it, as the browser rendered it. */
function rendered(title: string, text: string): Promise<WebviewContent> {
  return eventually(
    `a visible webview "${title}" showing "${text}"`,
    async () => (await webviewContents())?.find((c) => c.visible && c.title === title && c.text.includes(text)),
    RENDER_TIMEOUT_MS,
  );
}

describe('webviews in VS Code', () => {
  const template = () => workspaceUri('sam-app', 'template.yaml');

  afterEach(async () => {
    const tab = breakdownTab();
    if (tab) await vscode.window.tabGroups.close(tab);
  });

  it('renders the cost breakdown beside the template, the clicked function first', async () => {
    await workbench();
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(template()));
    const view = await vscode.commands.executeCommand<BreakdownView>(SHOW_BREAKDOWN, template(), 'CreateOrderFunction');
    assert.ok(view, 'the command returns what it shows');
    const tab = await eventually('the breakdown tab', breakdownTab);
    assert.notEqual(tab.group.viewColumn, editor.viewColumn, 'the panel opens beside the template');
    if (!(await webviewContents())) return; // test-electron: no runner reads the browser's frames

    const shown = await rendered(view.title, `${view.title}: ${view.total.text}/mo`);
    const fn = view.resources.find((r) => r.logicalId === 'CreateOrderFunction')!;
    assert.match(shown.text, new RegExp(`CreateOrderFunction\\s+\\${fn.costText}/mo`));
    assert.ok(
      shown.text.indexOf('CreateOrderFunction') < shown.text.indexOf('ProcessOrderFunction'),
      'the focused function comes first',
    );
    // The table laid out: a row per line item with its formula.
    assert.match(shown.text, /Line item\s+Quantity\s+Unit price\s+Cost\s+Formula/);
    assert.match(shown.text, /Requests\s+1,000,000 requests\s+\$[\d.]+/);
    await screenshot('cost-breakdown');
  });

  it('re-renders the open breakdown as the template is edited', async () => {
    const document = await vscode.workspace.openTextDocument(template());
    await vscode.window.showTextDocument(document);
    const before = await vscode.commands.executeCommand<BreakdownView>(
      SHOW_BREAKDOWN,
      template(),
      'CreateOrderFunction',
    );
    if (!(await webviewContents())) return;
    await rendered(before.title, `${before.title}: ${before.total.text}/mo`);

    const original = document.getText();
    const memory = original.indexOf('MemorySize: 512') + 'MemorySize: '.length;
    assert.ok(memory > 'MemorySize: '.length, 'the template sets MemorySize: 512 in Globals');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, new vscode.Range(document.positionAt(memory), document.positionAt(memory + 3)), '3008');
    assert.ok(await vscode.workspace.applyEdit(edit));
    try {
      // Every function now runs at 3008 MB: the compute line of the focused one says so in the page itself.
      const shown = await rendered(before.title, '@ 3008 MB arm64');
      assert.doesNotMatch(shown.text, new RegExp(`: \\${before.total.text}/mo`), 'the total changed with the memory');
    } finally {
      const undo = new vscode.WorkspaceEdit();
      undo.replace(
        document.uri,
        new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)),
        original,
      );
      assert.ok(await vscode.workspace.applyEdit(undo));
      await document.save();
    }
  });
});
