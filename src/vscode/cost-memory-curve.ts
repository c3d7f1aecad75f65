import * as vscode from 'vscode';
import { costCore } from './cost-core';
import type { FunctionView, Template } from '../core';
import type { ChartPageData, FromChartPage } from '../webview/charts/protocol';
import { webviewHtml } from '../webview/page';
import { addFunctionProperty } from './cost-actions';
import type { CostService } from './cost-service';
import type { ExplorerItem } from './explorer';

export const SHOW_MEMORY_CURVE_COMMAND = 'serverlessWorkbench.cost.showMemoryCurve';

/**
 * The memory/cost curve of one function: a panel beside the editor, redrawn when the template, the usage
 * file or a cost setting changes. A click on a point offers to set the function's `MemorySize`.
 * The command returns the curve it shows (for tests), or undefined when there is nothing to show.
 */
export function registerMemoryCurve(cost: CostService, extensionUri: vscode.Uri): vscode.Disposable {
  const bundles = vscode.Uri.joinPath(extensionUri, 'dist', 'webview');
  let panel: vscode.WebviewPanel | undefined;
  let shown: { uri: vscode.Uri; functionId: string } | undefined;
  /** A curve is a hundred or so stack estimates: a hidden panel catches up when it is shown again. */
  let stale = false;

  const dataOf = (uri: vscode.Uri, functionId: string): ChartPageData | undefined => {
    const template = cost.store.get(uri);
    const curve = template && costCore().memoryCurve(template, cost.usageFor(uri).usage, cost.options(), functionId);
    return curve && { kind: 'memory-curve', title: `${functionId}: monthly cost and duration by memory size`, curve };
  };
  const render = (): ChartPageData | undefined => {
    if (!panel || !shown) return undefined;
    const data = dataOf(shown.uri, shown.functionId);
    if (!data) return undefined;
    const webview = panel.webview;
    webview.html = webviewHtml({
      title: `Memory/cost: ${shown.functionId}`,
      cspSource: webview.cspSource,
      data,
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(bundles, 'charts.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(bundles, 'charts.css')).toString(),
    });
    return data;
  };

  return vscode.Disposable.from(
    cost.onDidChange(() => {
      stale = !panel?.visible;
      if (!stale) render();
    }),
    { dispose: () => panel?.dispose() },
    vscode.commands.registerCommand(
      SHOW_MEMORY_CURVE_COMMAND,
      async (target?: vscode.Uri | ExplorerItem, id?: string) => {
        const uri =
          target instanceof vscode.Uri ? target : (target?.uri ?? vscode.window.activeTextEditor?.document.uri);
        const template = uri && cost.store.get(uri);
        const functionId =
          id ??
          (target && !(target instanceof vscode.Uri) ? target.node.logicalId : undefined) ??
          (template && (await pickFunction(template)));
        if (!uri || !functionId || !dataOf(uri, functionId)) {
          if (!functionId && template?.functions.length !== 0) return undefined; // the pick was cancelled
          void vscode.window.showInformationMessage(
            'Open a template with a Lambda function to see its memory/cost curve.',
          );
          return undefined;
        }
        shown = { uri, functionId };
        if (!panel) {
          panel = vscode.window.createWebviewPanel(
            'serverlessWorkbench.memoryCurve',
            `Memory/cost: ${functionId}`,
            { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
            { enableScripts: true, localResourceRoots: [bundles] },
          );
          panel.onDidDispose(() => {
            panel = undefined;
          });
          panel.onDidChangeViewState((e) => {
            if (e.webviewPanel.visible && stale) {
              stale = false;
              render();
            }
          });
          panel.webview.onDidReceiveMessage((m: FromChartPage) => {
            if (m.type === 'setMemory' && shown)
              void offerMemorySize(cost, shown.uri, m.functionId, m.memoryMb, m.arch);
          });
        } else {
          panel.title = `Memory/cost: ${functionId}`;
          panel.reveal(vscode.ViewColumn.Beside, true);
        }
        return render();
      },
    ),
  );
}

async function pickFunction(template: Template): Promise<string | undefined> {
  if (template.functions.length <= 1) return template.functions[0]?.logicalId;
  const picked = await vscode.window.showQuickPick(
    template.functions.map((f) => ({ label: f.logicalId, description: `${f.memorySize.value ?? ''} MB` })),
    { placeHolder: 'Memory/cost curve of which function?' },
  );
  return picked?.label;
}

/** Asks first: the curve is a model, and the template is the user's. */
async function offerMemorySize(
  cost: CostService,
  uri: vscode.Uri,
  functionId: string,
  memoryMb: number,
  arch: string,
): Promise<void> {
  const document = await vscode.workspace.openTextDocument(uri);
  const template = cost.store.modelOf(document);
  const fn = template?.functions.find((f) => f.logicalId === functionId);
  if (!template || !fn) return;
  const current = fn.architecture.value;
  const otherArch = current && current !== arch ? ` The point was on ${arch}; the architecture stays ${current}.` : '';
  const action = `Set MemorySize to ${memoryMb} MB`;
  const answer = await vscode.window.showInformationMessage(
    `Set MemorySize of ${functionId} to ${memoryMb} MB?${otherArch}`,
    action,
  );
  if (answer !== action) return;
  const edit = memorySizeEdit(document, template, fn, memoryMb);
  if (!edit) {
    void vscode.window.showWarningMessage(
      `Cannot place MemorySize in ${functionId} automatically: set it to ${memoryMb} in the template.`,
    );
    return;
  }
  await vscode.workspace.applyEdit(edit);
}

/**
 * Replaces the function's own MemorySize (or Serverless `memorySize`) where it is written; a size inherited
 * from Globals or a default is set on this function alone, so the other functions keep theirs.
 */
export function memorySizeEdit(
  document: vscode.TextDocument,
  template: Template,
  fn: FunctionView,
  memoryMb: number,
): vscode.WorkspaceEdit | undefined {
  const edit = new vscode.WorkspaceEdit();
  const written = fn.memorySize.node;
  if (written && fn.memorySize.source === 'resource') {
    edit.replace(
      document.uri,
      new vscode.Range(document.positionAt(written.span.start), document.positionAt(written.span.end)),
      String(memoryMb),
    );
    return edit;
  }
  return addFunctionProperty(edit, document, template, fn, {
    yaml: `MemorySize: ${memoryMb}`,
    json: `"MemorySize": ${memoryMb}`,
  })
    ? edit
    : undefined;
}
