import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import type { ExplorerProvider } from './explorer';

/**
 * "2 errors" first on a template's line in the explorer: the errors our analysis put in Problems for it,
 * so a template that will not deploy stands out in a list of many.
 */
export function registerExplorerProblems(explorer: ExplorerProvider): vscode.Disposable {
  const changed = new vscode.EventEmitter<void>();
  return vscode.Disposable.from(
    changed,
    vscode.languages.onDidChangeDiagnostics(() => changed.fire()),
    explorer.contribute({
      onDidChange: changed.event,
      describe(item) {
        if (item.node.kind !== 'template') return undefined;
        const errors = errorCount(item.uri);
        return errors === 0 ? undefined : `${errors} error${errors === 1 ? '' : 's'}`;
      },
    }),
  );
}

export function errorCount(uri: vscode.Uri): number {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === DIAGNOSTIC_SOURCE && d.severity === vscode.DiagnosticSeverity.Error).length;
}
