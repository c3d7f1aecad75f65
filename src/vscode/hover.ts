import * as vscode from 'vscode';
import type { SchemaCatalog } from '../core/schema/catalog';
import { TEMPLATE_SELECTOR } from './document-selectors';
import { languageFeatures } from './language-features';
import { rangeOf } from './locations';
import type { TemplateStore } from './template-store';

/** Hover: what a name resolves to, a type's or property's documentation, a runtime's lifecycle. */
export function registerHover(store: TemplateStore, catalog: SchemaCatalog): vscode.Disposable {
  return vscode.languages.registerHoverProvider(TEMPLATE_SELECTOR, {
    provideHover(document, position) {
      const template = store.modelOf(document);
      if (!template) return undefined;
      const result = languageFeatures().hoverAt(template, document.offsetAt(position), { catalog });
      return result
        ? new vscode.Hover(new vscode.MarkdownString(result.markdown), rangeOf(document, result.span))
        : undefined;
    },
  });
}
