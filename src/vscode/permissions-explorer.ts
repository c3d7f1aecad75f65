import * as vscode from 'vscode';
import type { OutlineNode } from '../core/outline/outline';
import type { Analyzer } from './diagnostics';
import type { ExplorerItem, ExplorerProvider } from './explorer';
import { permissionsCore } from './handler-scans';
import type { TemplateStore } from './template-store';

/**
 * A Permissions node under each function of the explorer: grants with their origin, code calls granted or
 * missing; the same analysis the IAM rules' diagnostics come from, redrawn when handler scans arrive.
 */
export function registerPermissionsExplorer(
  store: TemplateStore,
  analyzer: Analyzer,
  explorer: ExplorerProvider,
): vscode.Disposable {
  const emitter = new vscode.EventEmitter<void>();
  const contribution = explorer.contribute({
    onDidChange: emitter.event,
    children(item: ExplorerItem): OutlineNode[] {
      if (item.node.kind !== 'function' || !item.node.logicalId) return [];
      const template = store.get(item.uri);
      const f =
        template && analyzer.permissionAnalysis(template).functions.find((p) => p.fn.logicalId === item.node.logicalId);
      return f ? [permissionsCore().permissionsOutline(f)] : [];
    },
  });
  return vscode.Disposable.from(
    contribution,
    analyzer.scans.onDidUpdate(() => emitter.fire()),
    emitter,
  );
}
