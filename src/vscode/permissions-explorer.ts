import * as vscode from 'vscode';
import type { OutlineNode } from '../core/outline/outline';
import type { ExplorerItem, ExplorerProvider } from './explorer';
import type { PermissionsService } from './permissions-service';
import { permissionsCore } from './permissions-service';

/** A Permissions node under each function of the explorer: grants with their origin, code calls granted or missing. */
export function registerPermissionsExplorer(service: PermissionsService, explorer: ExplorerProvider): vscode.Disposable {
  const nodes = new Map<string, OutlineNode>();
  const rebuild = (): void => {
    nodes.clear();
    const { permissionsOutline } = permissionsCore();
    for (const entry of service.all()) {
      for (const f of entry.analysis.functions) nodes.set(`${entry.uri.toString()}#${f.fn.logicalId}`, permissionsOutline(f));
    }
  };
  const emitter = new vscode.EventEmitter<void>();
  const sub = service.onDidChange(() => {
    rebuild();
    emitter.fire();
  });
  const contribution = explorer.contribute({
    onDidChange: emitter.event,
    children(item: ExplorerItem): OutlineNode[] {
      if (item.node.kind !== 'function' || !item.node.logicalId) return [];
      const node = nodes.get(`${item.uri.toString()}#${item.node.logicalId}`);
      return node ? [node] : [];
    },
  });
  return vscode.Disposable.from(contribution, sub, emitter);
}
