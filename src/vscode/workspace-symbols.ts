import * as vscode from 'vscode';
import { languageFeatures } from './language-features';
import { SYMBOL_KIND } from './symbol-kinds';
import type { TemplateStore } from './template-store';

/** Go to Symbol in Workspace over every template: parameters, resources, functions, events, outputs. */
export function registerWorkspaceSymbols(store: TemplateStore): vscode.Disposable {
  return vscode.languages.registerWorkspaceSymbolProvider({
    async provideWorkspaceSymbols(query) {
      const entries = await store.all();
      const uriOf = new Map(entries.map((e) => [e.template, e.uri]));
      return languageFeatures()
        .workspaceSymbols(
          entries.map((e) => e.template),
          query,
        )
        .map(({ template, symbol, container }) => {
          const start = template.lines.positionAt(symbol.selectionSpan.start);
          const end = template.lines.positionAt(symbol.selectionSpan.end);
          const location = new vscode.Location(
            uriOf.get(template)!,
            new vscode.Range(start.line, start.character, end.line, end.character),
          );
          return new vscode.SymbolInformation(
            symbol.name,
            SYMBOL_KIND[symbol.kind],
            container || vscode.workspace.asRelativePath(location.uri),
            location,
          );
        });
    },
  });
}
