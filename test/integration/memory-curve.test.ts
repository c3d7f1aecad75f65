import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import type { ChartPageData } from '../../src/webview/charts/protocol';
import { memorySizeEdit, SHOW_MEMORY_CURVE_COMMAND } from '../../src/vscode/cost-memory-curve';
import { eventually, workbench, webviewTabs, workspaceUri } from './workbench';

const curveTabs = (): vscode.Tab[] => webviewTabs('serverlessWorkbench.memoryCurve');

describe('memory/cost curve in VS Code', () => {
  const template = () => workspaceUri('sam-app', 'template.yaml');

  afterEach(async () => {
    await vscode.window.tabGroups.close(curveTabs());
  });

  it("opens a function's curve beside the editor, across the memory range, current setting included", async () => {
    await workbench();
    await vscode.window.showTextDocument(template());
    const data = await vscode.commands.executeCommand<ChartPageData>(
      SHOW_MEMORY_CURVE_COMMAND,
      template(),
      'ReportFunction',
    );
    assert.ok(data && data.kind === 'memory-curve');
    assert.deepEqual(
      { memoryMb: data.curve.current.memoryMb, arch: data.curve.current.arch },
      { memoryMb: 1024, arch: 'arm64' },
    );
    const sizes = data.curve.points.map((p) => p.memoryMb);
    assert.deepEqual([Math.min(...sizes), Math.max(...sizes)], [128, 10240]);
    assert.deepEqual([...new Set(data.curve.points.map((p) => p.arch))], ['x86_64', 'arm64']);
    await eventually("the curve's tab", () => curveTabs().length === 1);
    assert.equal(curveTabs()[0].label, 'Memory/cost: ReportFunction');
  });

  it('sets MemorySize where the function writes it, and on the function alone when it comes from Globals', async () => {
    const api = await workbench();
    // A copy of the example, so the edits here never meet another test's (or leave the example changed).
    const copy = workspaceUri('.swb-test-curve', 'template.yaml');
    await vscode.workspace.fs.writeFile(copy, await vscode.workspace.fs.readFile(template()));
    try {
      const document = await vscode.workspace.openTextDocument(copy);
      const model = () => api.templates.modelOf(document)!;
      const fn = (id: string) => model().functions.find((f) => f.logicalId === id)!;
      assert.ok(await vscode.workspace.applyEdit(memorySizeEdit(document, model(), fn('ReportFunction'), 2048)!));
      assert.deepEqual(
        [fn('ReportFunction').memorySize.value, fn('ReportFunction').memorySize.source],
        [2048, 'resource'],
      );
      assert.equal(fn('CreateOrderFunction').memorySize.source, 'globals');
      assert.ok(await vscode.workspace.applyEdit(memorySizeEdit(document, model(), fn('CreateOrderFunction'), 1536)!));
      assert.deepEqual(
        [fn('CreateOrderFunction').memorySize.value, fn('CreateOrderFunction').memorySize.source],
        [1536, 'resource'],
      );
      assert.equal(fn('ProcessOrderFunction').memorySize.value, 512, 'the other functions keep the Globals size');
      assert.match(
        document.getText(),
        /CreateOrderFunction:\n {4}Type: AWS::Serverless::Function\n {4}Properties:\n {6}MemorySize: 1536\n {6}Runtime: nodejs22.x/,
      );
      await document.save();
    } finally {
      await vscode.workspace.fs.delete(workspaceUri('.swb-test-curve'), { recursive: true });
    }
  });
});
