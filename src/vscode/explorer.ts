import * as vscode from 'vscode';
import { outlineOf } from '../core/outline/outline';
import type { OutlineNode } from '../core/outline/outline';
import type { TemplateStore } from './template-store';

export const EXPLORER_VIEW_ID = 'serverlessWorkbench.resources';
export const REVEAL_COMMAND = 'serverlessWorkbench.reveal';

/** An item of the explorer: a node of the core's outline, tied to the template file it came from. */
export interface ExplorerItem {
  readonly uri: vscode.Uri;
  readonly node: OutlineNode;
}

/**
 * Decorations other features hang on explorer items (cost in the description, permissions children),
 * without the explorer knowing about them.
 */
export interface ExplorerContribution {
  readonly onDidChange?: vscode.Event<void>;
  describe?(item: ExplorerItem): string | undefined;
  children?(item: ExplorerItem): OutlineNode[];
  /** Last word on a contributed node's item: its icon, context value or click (an output's link). */
  decorate?(item: ExplorerItem, treeItem: vscode.TreeItem): void;
  /** The user expanded the item: the moment to read what it shows lazily (the deployed stack). */
  expanded?(item: ExplorerItem): void;
}

export class ExplorerProvider implements vscode.TreeDataProvider<ExplorerItem> {
  private readonly onDidChangeTreeDataEmitter = new vscode.EventEmitter<ExplorerItem | undefined>();
  readonly onDidChangeTreeData = this.onDidChangeTreeDataEmitter.event;
  private readonly contributions: ExplorerContribution[] = [];

  constructor(
    private readonly store: TemplateStore,
    private readonly mediaUri: vscode.Uri,
  ) {}

  refresh(): void {
    this.onDidChangeTreeDataEmitter.fire(undefined);
  }

  contribute(contribution: ExplorerContribution): vscode.Disposable {
    this.contributions.push(contribution);
    const sub = contribution.onDidChange?.(() => this.refresh());
    this.refresh();
    return new vscode.Disposable(() => {
      sub?.dispose();
      this.contributions.splice(this.contributions.indexOf(contribution), 1);
    });
  }

  expanded(item: ExplorerItem): void {
    for (const c of this.contributions) c.expanded?.(item);
  }

  async getChildren(element?: ExplorerItem): Promise<ExplorerItem[]> {
    if (!element) {
      const entries = await this.store.all();
      return entries.map((e) => ({
        uri: e.uri,
        node: outlineOf(e.template, vscode.workspace.asRelativePath(e.uri, true)),
      }));
    }
    const extra = this.contributions.flatMap((c) => c.children?.(element) ?? []);
    return [...element.node.children, ...extra].map((node) => ({ uri: element.uri, node }));
  }

  getParent(): undefined {
    return undefined;
  }

  getTreeItem(element: ExplorerItem): vscode.TreeItem {
    const { node } = element;
    const hasChildren =
      node.children.length > 0 || this.contributions.some((c) => (c.children?.(element) ?? []).length > 0);
    const collapsed =
      node.kind === 'template' || (node.kind === 'group' && !node.label.startsWith('Generated'))
        ? vscode.TreeItemCollapsibleState.Expanded
        : vscode.TreeItemCollapsibleState.Collapsed;
    const item = new vscode.TreeItem(node.label, hasChildren ? collapsed : vscode.TreeItemCollapsibleState.None);
    item.id = `${element.uri.toString()}#${node.id}`;
    // Contributions (the monthly cost) go first: a narrow sidebar cuts the end of a description, not its start.
    const extra = this.contributions.map((c) => c.describe?.(element)).filter(Boolean);
    item.description = [...extra, node.description].filter(Boolean).join(' · ');
    item.tooltip = node.tooltip ?? node.label;
    item.contextValue = node.resource?.origin === 'generated' ? `${node.kind}.generated` : node.kind;
    item.iconPath = this.iconFor(node);
    item.resourceUri = node.kind === 'template' ? element.uri : undefined;
    item.command = {
      command: REVEAL_COMMAND,
      title: 'Reveal in Template',
      arguments: [
        node.file ? vscode.Uri.file(node.file) : element.uri,
        node.span ? [node.span.start, node.span.end] : undefined,
      ],
    };
    for (const c of this.contributions) c.decorate?.(element, item);
    return item;
  }

  private iconFor(node: OutlineNode): vscode.TreeItem['iconPath'] {
    switch (node.icon) {
      case 'error':
        return new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'));
      case 'folder':
        return new vscode.ThemeIcon(node.kind === 'section' ? 'list-tree' : 'folder');
      case 'event':
        return new vscode.ThemeIcon('zap');
      case 'policy':
        return new vscode.ThemeIcon('shield');
      case 'environment':
        return new vscode.ThemeIcon('symbol-variable');
      case 'parameter':
        return new vscode.ThemeIcon('symbol-parameter');
      case 'output':
        return new vscode.ThemeIcon('export');
      default:
        return vscode.Uri.joinPath(this.mediaUri, 'icons', `${node.icon}.svg`);
    }
  }
}

/** The explorer view, its refresh command and the reveal-in-editor command its items run. */
export function registerExplorer(
  store: TemplateStore,
  extensionUri: vscode.Uri,
): { provider: ExplorerProvider; disposable: vscode.Disposable } {
  const provider = new ExplorerProvider(store, vscode.Uri.joinPath(extensionUri, 'media'));
  const view = vscode.window.createTreeView(EXPLORER_VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  const disposable = vscode.Disposable.from(
    view,
    store.onDidChange(() => provider.refresh()),
    view.onDidExpandElement((e) => provider.expanded(e.element)),
    vscode.commands.registerCommand('serverlessWorkbench.refresh', () => provider.refresh()),
    vscode.commands.registerCommand(REVEAL_COMMAND, revealSpan),
  );
  return { provider, disposable };
}

/** Opens the template and selects the span, as a click on an explorer item does. */
export async function revealSpan(uri: vscode.Uri, span?: [number, number]): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(document, { preserveFocus: false, preview: true });
  if (span) {
    const range = new vscode.Range(document.positionAt(span[0]), document.positionAt(span[1]));
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
  return editor;
}
