import * as vscode from 'vscode';
import { TEMPLATE_SELECTOR } from './document-selectors';
import { languageFeatures } from './language-features';
import { rangeOf } from './locations';
import type { TemplateStore } from './template-store';

/** Highlights the definition (write) and uses (read) of the name under the cursor. */
export function registerHighlights(store: TemplateStore): vscode.Disposable {
  return vscode.languages.registerDocumentHighlightProvider(TEMPLATE_SELECTOR, {
    provideDocumentHighlights(document, position) {
      const template = store.modelOf(document);
      if (!template) return undefined;
      return languageFeatures()
        .highlightsAt(template, document.offsetAt(position))
        .map(
          (h) =>
            new vscode.DocumentHighlight(
              rangeOf(document, h.span),
              h.kind === 'write' ? vscode.DocumentHighlightKind.Write : vscode.DocumentHighlightKind.Read,
            ),
        );
    },
  });
}
