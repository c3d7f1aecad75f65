import * as path from 'path';
import * as vscode from 'vscode';
import { handlerUses } from '../core/navigation/handler';
import { HANDLER_SOURCE_SELECTOR } from './document-selectors';
import { REVEAL_COMMAND } from './explorer';
import { rangeOf } from './locations';
import type { TemplateStore } from './template-store';

/** Above an exported handler in JS/TS/Python source: which template functions use it, a click away. */
export function registerHandlerLens(store: TemplateStore): vscode.Disposable {
  const changed = new vscode.EventEmitter<void>();
  return vscode.Disposable.from(
    changed,
    store.onDidChange(() => changed.fire()),
    vscode.languages.registerCodeLensProvider(HANDLER_SOURCE_SELECTOR, {
      onDidChangeCodeLenses: changed.event,
      async provideCodeLenses(document) {
        const entries = await store.all();
        const uriOf = new Map(entries.map((e) => [e.template, e.uri]));
        return handlerUses(
          document.uri.fsPath,
          document.getText(),
          entries.map((e) => e.template),
        ).map((use) => {
          const uri = uriOf.get(use.template)!;
          const where = path.basename(path.dirname(uri.fsPath)) + '/' + path.basename(uri.fsPath);
          return new vscode.CodeLens(rangeOf(document, use.exportSpan), {
            command: REVEAL_COMMAND,
            title: `Handler of ${use.site.functionName} (${where})`,
            arguments: [uri, [use.site.span.start, use.site.span.end]],
          });
        });
      },
    }),
  );
}
