import * as vscode from 'vscode';
import { accessEdges } from '../core/graph/access';
import type { AccessEdge } from '../core/graph/graph';
import type { ExplorerItem } from './explorer';
import type { Analyzer } from './diagnostics';
import type { GraphPanel } from './graph-panel';
import type { TemplateStore } from './template-store';

export const SHOW_GRAPH_COMMAND = 'serverlessWorkbench.showGraph';

/** What the permissions analysis found for a template, as edges; absent until that analysis has run. */
export interface AccessSource {
  readonly onDidChange: vscode.Event<void>;
  accessOf(uri: vscode.Uri): readonly AccessEdge[];
}

/** The permission analysis's findings for the graph: granted and called resources of each function. */
export function accessFromPermissions(store: TemplateStore, analyzer: Analyzer): AccessSource {
  return {
    onDidChange: analyzer.scans.onDidUpdate,
    accessOf: (uri) => {
      const template = store.get(uri);
      return template ? accessEdges(analyzer.permissionAnalysis(template)) : [];
    },
  };
}

/**
 * The architecture graph: one panel per template beside the editor, redrawn as the template changes (the
 * page keeps its zoom and pan), following the editor's selection, and revealing a clicked node in the template.
 */
export function registerGraphView(
  store: TemplateStore,
  extensionUri: vscode.Uri,
  access?: AccessSource,
): vscode.Disposable {
  const panels = new Map<string, GraphPanel>();
  const iconsDir = vscode.Uri.joinPath(extensionUri, 'media', 'icons').fsPath;
  let icons: Record<string, string> | undefined;
  const refresh = (uri: vscode.Uri): void => panels.get(uri.toString())?.update();

  return vscode.Disposable.from(
    vscode.commands.registerCommand(SHOW_GRAPH_COMMAND, async (target?: vscode.Uri | ExplorerItem) => {
      const uri = target instanceof vscode.Uri ? target : (target?.uri ?? vscode.window.activeTextEditor?.document.uri);
      const template =
        uri && (store.get(uri) ?? (await store.all()).find((e) => e.uri.toString() === uri.toString())?.template);
      if (!uri || !template) {
        void vscode.window.showInformationMessage(
          'Open a SAM, CloudFormation or Serverless Framework template to see its architecture graph.',
        );
        return;
      }
      const existing = panels.get(uri.toString());
      if (existing) {
        existing.panel.reveal(undefined, true);
        return;
      }
      const { GraphPanel, iconDataUris } = graphPanelModule();
      icons ??= iconDataUris(iconsDir);
      const panel = new GraphPanel(uri, store, extensionUri, icons, access);
      panels.set(uri.toString(), panel);
      panel.panel.onDidDispose(() => panels.delete(uri.toString()));
    }),
    store.onDidChange((uri) => {
      if (uri) refresh(uri);
      else for (const p of panels.values()) p.update();
    }),
    access?.onDidChange(() => {
      for (const p of panels.values()) p.update();
    }) ?? new vscode.Disposable(() => undefined),
    vscode.window.onDidChangeTextEditorSelection((e) =>
      panels.get(e.textEditor.document.uri.toString())?.highlightAt(e.textEditor),
    ),
    {
      dispose: () => {
        for (const p of panels.values()) p.panel.dispose();
      },
    },
  );
}

function graphPanelModule(): typeof import('./graph-panel') {
  // A lazily required chunk (scripts/chunks.mjs): an import would put the graph and its page in the activation bundle.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('./graph-panel') as typeof import('./graph-panel');
}
