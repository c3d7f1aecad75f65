import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { BreakdownView } from '../../src/core/cost';
import type { ExplorerItem } from '../../src/vscode/explorer';
import { screenshot } from './report';
import { EXTENSION_ID, eventually, findItem, webviewTabs, workbench, workspaceUri } from './workbench';

/** The promise: a file changed outside the editor shows in the explorer and Problems within this. */
const OUTSIDE_CHANGE_DEADLINE_MS = 2000;
const THEMES = [
  ['light', 'Default Light Modern'],
  ['dark', 'Default Dark Modern'],
  ['high-contrast', 'Default High Contrast'],
] as const;

interface PanelState {
  readonly viewColumn: vscode.ViewColumn | undefined;
  readonly entries: readonly { function: string; response: string; logs: string }[];
}

interface MenuEntry {
  readonly command: string;
  readonly when: string;
}

function contextMenu(viewItem: string): string[] {
  const menus = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes.menus as Record<
    string,
    MenuEntry[]
  >;
  return menus['view/item/context']
    .filter((m) => new RegExp(`viewItem == ${viewItem}(\\s|$)`).test(m.when))
    .map((m) => m.command);
}

describe('explorer ui in VS Code', function () {
  this.timeout(120_000);
  const template = () => workspaceUri('sam-app', 'template.yaml');
  const root = async (): Promise<ExplorerItem> => {
    const api = await workbench();
    return eventually('sam-app in the tree', async () =>
      (await api.explorer.getChildren()).find((r) => r.uri.toString() === template().toString()),
    );
  };

  it('describes functions runtime · memory · timeout · cost, in the order the setting gives', async () => {
    const api = await workbench();
    const fn = await eventually('ReportFunction', () => findItem(api, template(), 'ReportFunction'));
    const described = () => String(api.explorer.getTreeItem(fn).description);
    await eventually('the cost in the description', () => /≈ \$/.test(described()));
    assert.match(described(), /^python3\.12 · 1024 MB · 10 s · ≈ \$\d+\.\d{2}\/mo$/);
    const setting = vscode.workspace.getConfiguration('serverlessWorkbench.explorer');
    await setting.update('descriptionFields', ['cost', 'memory'], vscode.ConfigurationTarget.Global);
    try {
      await eventually('cost then memory', () => /^≈ \$\d+\.\d{2}\/mo · 1024 MB$/.test(described()));
    } finally {
      await setting.update('descriptionFields', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('shows each setting and where it came from, events, policies and the monthly figure in the tooltip', async () => {
    const api = await workbench();
    const fn = (await findItem(api, template(), 'ReportFunction'))!;
    const tooltip = api.explorer.getTreeItem(fn).tooltip;
    assert.ok(tooltip instanceof vscode.MarkdownString, 'a Markdown tooltip');
    const text = tooltip.value;
    for (const row of [
      '| Runtime | python3.12 | own |',
      '| Memory | 1024 MB | own |',
      '| Timeout | 10 s | Globals |',
      '| Architecture | arm64 | Globals |',
      '**Events** (1)',
      '- DailyReport: HttpApi GET /reports/\\{day\\}',
      '**Policies** (2)',
    ])
      assert.ok(text.includes(row), `${row} in:\n${text}`);
    assert.match(
      text,
      /\*\*≈ \$\d+\.\d{2}\/mo\*\* · 1M req × 100 ms @ 1024 MB arm64\n/,
      'the monthly figure, its drivers',
    );
    const table = (await findItem(api, template(), 'OrdersTable'))!;
    assert.match((api.explorer.getTreeItem(table).tooltip as vscode.MarkdownString).value, /^\*\*OrdersTable\*\* — /);
  });

  it('offers the context menus of templates and functions, and runs them on the item', async () => {
    const api = await workbench();
    assert.deepEqual(
      [
        'serverlessWorkbench.invokeFunction',
        'serverlessWorkbench.showGraph',
        'serverlessWorkbench.cost.showBreakdown',
        'serverlessWorkbench.lintWorkspace',
      ].filter((c) => !contextMenu('template').includes(c)),
      [],
    );
    assert.deepEqual(
      [
        'serverlessWorkbench.invokeFunction',
        'serverlessWorkbench.debugFunction',
        'serverlessWorkbench.openHandler',
        'serverlessWorkbench.showEvents',
        'serverlessWorkbench.showPermissions',
      ].filter((c) => !contextMenu('function').includes(c)),
      [],
    );
    const commands = await vscode.commands.getCommands(true);
    for (const command of [...contextMenu('template'), ...contextMenu('function')])
      assert.ok(commands.includes(command), `${command} is registered`);

    const item = await root();
    assert.equal(api.explorer.getTreeItem(item).contextValue, 'template');
    const breakdown = await vscode.commands.executeCommand<BreakdownView>(
      'serverlessWorkbench.cost.showBreakdown',
      item,
    );
    assert.equal(breakdown?.title, 'Monthly cost of sam-app/template.yaml');
    await vscode.commands.executeCommand('serverlessWorkbench.showGraph', item);
    await eventually('the graph panel', () => webviewTabs('serverlessWorkbench.graph').length === 1);
    const lint = await vscode.commands.executeCommand<{ templates: number; errors: number }>(
      'serverlessWorkbench.lintWorkspace',
      item,
    );
    assert.ok(lint && lint.templates >= 2, `linted ${JSON.stringify(lint)}`);

    const fn = (await findItem(api, template(), 'ReportFunction'))!;
    assert.equal(api.explorer.getTreeItem(fn).contextValue, 'function');
    await vscode.commands.executeCommand('serverlessWorkbench.openHandler', fn);
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.uri.fsPath, workspaceUri('sam-app', 'src', 'reports', 'app.py').fsPath);
    assert.equal(editor.document.getText(editor.selection), 'handler');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('shows every invocation in one result panel, in one column, with a history', async () => {
    const api = await workbench();
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(template()));
    const fn = (await findItem(api, template(), 'CreateOrderFunction'))!;
    const before = await vscode.commands.executeCommand<PanelState>('serverlessWorkbench.invoke.resultPanelState');
    const event = JSON.stringify({ httpMethod: 'POST', body: JSON.stringify({ item: 'book', quantity: 0 }) });
    await vscode.commands.executeCommand('serverlessWorkbench.invokeFunction', { ...fn, event });
    const first = await vscode.commands.executeCommand<PanelState>('serverlessWorkbench.invoke.resultPanelState');
    const groups = vscode.window.tabGroups.all.length;
    await vscode.commands.executeCommand('serverlessWorkbench.invokeFunction', { ...fn, event });
    const second = await vscode.commands.executeCommand<PanelState>('serverlessWorkbench.invoke.resultPanelState');
    assert.equal(webviewTabs('serverlessWorkbench.invokeResult').length, 1, 'one result panel');
    assert.equal(second.viewColumn, first.viewColumn, 'in the same column');
    assert.equal(vscode.window.tabGroups.all.length, groups, 'no new editor group');
    assert.equal(second.entries.length, Math.min(before.entries.length + 2, 10), 'both invocations in the history');
    assert.deepEqual(
      second.entries.slice(0, 2).map((e) => e.function),
      ['CreateOrderFunction', 'CreateOrderFunction'],
    );
    assert.match(second.entries[0].response, /^\{\n {2}"statusCode": 400,/, 'the response pretty-printed');
    for (const [name, theme] of THEMES) {
      await vscode.workspace.getConfiguration('workbench').update('colorTheme', theme, true);
      await new Promise((r) => setTimeout(r, 1000));
      await screenshot(`invoke-result-${name}`);
    }
    await vscode.workspace.getConfiguration('workbench').update('colorTheme', undefined, true);
  });

  it('drops a template deleted outside the editor from the explorer and Problems within 2 s', async () => {
    const api = await workbench();
    const folder = workspaceUri('.swb-test-outside');
    const uri = vscode.Uri.joinPath(folder, 'template.yaml');
    fs.mkdirSync(folder.fsPath, { recursive: true });
    fs.writeFileSync(
      uri.fsPath,
      [
        'Transform: AWS::Serverless-2016-10-31',
        'Resources:',
        '  Fn:',
        '    Type: AWS::Serverless::Function',
        '    Properties:',
        '      Runtime: python3.12',
        '      Handler: app.handler',
        '      InlineCode: "def handler(e, c): return e"',
        '      Timeout: 1200',
        '',
      ].join('\n'),
    );
    try {
      const listed = await eventually(
        'the new template in the tree',
        async () => (await api.explorer.getChildren()).find((r) => r.uri.toString() === uri.toString()),
        15_000,
      );
      // Opened once, as a person looking at it would: VS Code then keeps its document for minutes.
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      await eventually('the Timeout error in Problems', () => vscode.languages.getDiagnostics(uri).length > 0, 10_000);
      await eventually('the error count on the template', () =>
        /^1 error · /.test(String(api.explorer.getTreeItem(listed).description)),
      );
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');

      const deletedAt = Date.now();
      fs.rmSync(path.join(folder.fsPath, 'template.yaml'));
      await eventually(
        'the template gone from the explorer and from Problems',
        async () =>
          !(await api.explorer.getChildren()).some((r) => r.uri.toString() === uri.toString()) &&
          vscode.languages.getDiagnostics(uri).length === 0,
        OUTSIDE_CHANGE_DEADLINE_MS,
      );
      const elapsed = Date.now() - deletedAt;
      assert.ok(elapsed <= OUTSIDE_CHANGE_DEADLINE_MS, `${elapsed} ms`);
    } finally {
      fs.rmSync(folder.fsPath, { recursive: true, force: true });
    }
  });

  it('pictures the explorer, graph and breakdown in light, dark and high contrast themes', async () => {
    const api = await workbench();
    const item = await root();
    await vscode.commands.executeCommand('workbench.view.extension.serverlessWorkbench');
    await vscode.commands.executeCommand('serverlessWorkbench.showGraph', item);
    for (const [name, theme] of THEMES) {
      await vscode.workspace.getConfiguration('workbench').update('colorTheme', theme, true);
      await new Promise((r) => setTimeout(r, 1500));
      await screenshot(`explorer-graph-${name}`);
      await vscode.commands.executeCommand('serverlessWorkbench.cost.showBreakdown', item);
      await new Promise((r) => setTimeout(r, 1500));
      await screenshot(`explorer-breakdown-${name}`);
    }
    await vscode.workspace.getConfiguration('workbench').update('colorTheme', undefined, true);
    assert.ok(api.explorer);
  });
});
