import * as vscode from 'vscode';
import { outlineOf } from '../core/outline/outline';
import type { OutlineNode } from '../core/outline/outline';
import { composeDescription, withCost, type DescriptionField } from '../core/outline/description';
import { SETTINGS } from './settings.generated';
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
  /**
   * The description field this contribution fills (the monthly cost), placed where the user's
   * `explorer.descriptionFields` puts it; a contribution without one (the error count) goes first.
   */
  readonly field?: DescriptionField;
  describe?(item: ExplorerItem): string | undefined;
  /** A section of the item's Markdown tooltip (the monthly figure and its drivers). */
  tooltip?(item: ExplorerItem): string | undefined;
  children?(item: ExplorerItem): OutlineNode[];
  /** Last word on a contributed node's item: its icon, context value or click (an output's link). */
  decorate?(item: ExplorerItem, treeItem: vscode.TreeItem): void;
  /** The user expanded the item: the moment to read what it shows lazily (the deployed stack). */
  expanded?(item: ExplorerItem): void;
}

/** The context key the welcome views read (package.json `viewsWelcome`): what the explorer has to show. */
const STATE_CONTEXT_KEY = 'serverlessWorkbench.explorerState';
type ExplorerState = 'loading' | 'empty' | 'error' | 'ready';

export class ExplorerProvider implements vscode.TreeDataProvider<ExplorerItem> {
  private readonly onDidChangeTreeDataEmitter = new vscode.EventEmitter<ExplorerItem | undefined>();
  readonly onDidChangeTreeData = this.onDidChangeTreeDataEmitter.event;
  private readonly contributions: ExplorerContribution[] = [];

  private state: ExplorerState | undefined;

  constructor(
    private readonly store: TemplateStore,
    private readonly mediaUri: vscode.Uri,
    private readonly output?: vscode.OutputChannel,
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
      if (this.state === undefined) this.setState('loading');
      let entries;
      try {
        entries = await this.store.all();
      } catch (error) {
        this.output?.appendLine(`[explorer] the workspace could not be searched for templates: ${String(error)}`);
        this.setState('error');
        return [];
      }
      this.setState(entries.length === 0 ? 'empty' : 'ready');
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
    item.description = this.describe(element);
    item.tooltip = this.tooltipOf(element);
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

  /** The state the welcome views show while the tree is empty (searching, nothing found, the search failed). */
  private setState(state: ExplorerState): void {
    if (state === this.state) return;
    this.state = state;
    void vscode.commands.executeCommand('setContext', STATE_CONTEXT_KEY, state);
  }

  /**
   * Contributions without a field (the error count) first, then the function's fields in the user's order,
   * or for other items their own text with the cost where that order puts it.
   */
  private describe(element: ExplorerItem): string {
    const fields = SETTINGS.explorer.descriptionFields.value();
    const { node } = element;
    const badges = this.contributions.filter((c) => !c.field).map((c) => c.describe?.(element));
    const contributed = Object.fromEntries(
      this.contributions.flatMap((c) => (c.field ? [[c.field, c.describe?.(element)]] : [])),
    ) as Partial<Record<DescriptionField, string>>;
    const own = node.parts
      ? [node.note, composeDescription({ ...node.parts, ...contributed }, fields)].filter(Boolean).join(' · ')
      : withCost(node.description, contributed.cost, fields);
    return [...badges, own].filter(Boolean).join(' · ');
  }

  /** The outline's Markdown tooltip with the contributions' sections (the monthly figure) under it. */
  private tooltipOf(element: ExplorerItem): vscode.MarkdownString | string {
    const { node } = element;
    if (!node.markdownTooltip) return node.tooltip ?? node.label;
    const sections = this.contributions.map((c) => c.tooltip?.(element)).filter(Boolean);
    return new vscode.MarkdownString([node.markdownTooltip, ...sections].join('\n\n---\n\n'));
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
  output?: vscode.OutputChannel,
): { provider: ExplorerProvider; disposable: vscode.Disposable } {
  const provider = new ExplorerProvider(store, vscode.Uri.joinPath(extensionUri, 'media'), output);
  const view = vscode.window.createTreeView(EXPLORER_VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  const disposable = vscode.Disposable.from(
    view,
    store.onDidChange(() => provider.refresh()),
    view.onDidExpandElement((e) => provider.expanded(e.element)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(SETTINGS.explorer.descriptionFields.name)) provider.refresh();
    }),
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
