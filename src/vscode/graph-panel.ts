import * as path from 'path';
import * as vscode from 'vscode';
import { graphPayload } from '../webview/graph-payload';
import type { Template } from '../core/model/template';
import type { FromGraphView, GraphPayload, ToGraphView } from '../webview/graph/protocol';
import { webviewHtml } from '../webview/page';
import type { AccessSource } from './graph-view';
import type { TemplateStore } from './template-store';

export { iconDataUris } from '../webview/graph-payload';

const VIEW_TYPE = 'serverlessWorkbench.graph';

/**
 * One template's architecture graph beside the editor (registerGraphView in graph-view.ts makes and updates them).
 * A chunk of its own with the graph's core (dist/graph-panel.js, scripts/chunks.mjs SHARING_CHUNKS), required when
 * the first graph opens.
 */
export class GraphPanel {
  readonly panel: vscode.WebviewPanel;
  private payload: GraphPayload | undefined;
  private highlighted: string | undefined;

  constructor(
    private readonly uri: vscode.Uri,
    private readonly store: TemplateStore,
    extensionUri: vscode.Uri,
    private readonly icons: Readonly<Record<string, string>>,
    private readonly access: AccessSource | undefined,
  ) {
    const bundles = vscode.Uri.joinPath(extensionUri, 'dist', 'webview');
    this.panel = vscode.window.createWebviewPanel(
      VIEW_TYPE,
      `Graph: ${path.basename(path.dirname(uri.path))}/${path.basename(uri.path)}`,
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: true, localResourceRoots: [bundles] },
    );
    this.panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'icons', 'stack.svg');
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
    this.payload = this.build();
    if (editor) this.highlighted = this.nodeAt(editor);
    const webview = this.panel.webview;
    webview.html = webviewHtml({
      title: this.panel.title,
      cspSource: webview.cspSource,
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(bundles, 'graph.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(bundles, 'graph.css')).toString(),
      data: { ...this.payload, highlight: this.highlighted },
    });
    webview.onDidReceiveMessage((m: FromGraphView) => void this.onMessage(m));
  }

  update(): void {
    const payload = this.build();
    if (!payload) return; // a template that stopped parsing keeps its last picture
    this.payload = payload;
    this.post({ type: 'graph', payload: { ...payload, highlight: this.highlighted } });
  }

  highlightAt(editor: vscode.TextEditor): void {
    const id = this.nodeAt(editor);
    if (id === this.highlighted) return;
    this.highlighted = id;
    this.post({ type: 'highlight', id });
  }

  private build(): GraphPayload | undefined {
    const template: Template | undefined = this.store.get(this.uri);
    if (!template) return undefined;
    return graphPayload(
      template,
      vscode.workspace.asRelativePath(this.uri),
      this.icons,
      this.access?.accessOf(this.uri),
    );
  }

  /**
   * The innermost node whose entry holds the cursor (an event inside a function: the event's source). Generated
   * details (a role made from the function's Policies) do not count: the function is what the user is editing.
   */
  private nodeAt(editor: vscode.TextEditor): string | undefined {
    const offset = editor.document.offsetAt(editor.selection.active);
    const holding = (this.payload?.graph.nodes ?? []).filter(
      (n) => !n.detail && n.extent.start <= offset && offset <= n.extent.end,
    );
    return holding.sort((a, b) => a.extent.end - a.extent.start - (b.extent.end - b.extent.start))[0]?.id;
  }

  private post(message: ToGraphView): void {
    void this.panel.webview.postMessage(message);
  }

  private async onMessage(message: FromGraphView): Promise<void> {
    if (message.type === 'reveal') {
      const node = this.payload?.graph.nodes.find((n) => n.id === message.id);
      if (node) await this.reveal(node.span.start, node.span.end);
    } else if (message.type === 'export') {
      await this.export(message.format, message.data);
    }
  }

  /** Selects the node's logical ID in the template, in the editor group the template is already shown in. */
  private async reveal(start: number, end: number): Promise<void> {
    const document = await vscode.workspace.openTextDocument(this.uri);
    const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === this.uri.toString());
    const column =
      visible?.viewColumn ??
      (this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One);
    const editor = await vscode.window.showTextDocument(document, { viewColumn: column, preserveFocus: false });
    const range = new vscode.Range(document.positionAt(start), document.positionAt(end));
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  private async export(format: 'svg' | 'png', data: string): Promise<void> {
    const base = path.basename(this.uri.path).replace(/\.[^.]+$/, '');
    const target = await vscode.window.showSaveDialog({
      defaultUri: vscode.Uri.joinPath(this.uri, '..', `${base}-architecture.${format}`),
      filters: format === 'svg' ? { 'SVG image': ['svg'] } : { 'PNG image': ['png'] },
    });
    if (!target) return;
    const bytes =
      format === 'svg'
        ? Buffer.from(data, 'utf8')
        : Buffer.from(data.replace(/^data:image\/png;base64,/, ''), 'base64');
    await vscode.workspace.fs.writeFile(target, bytes);
    void vscode.window.showInformationMessage(`Saved ${vscode.workspace.asRelativePath(target)}`);
  }
}
