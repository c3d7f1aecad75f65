import * as vscode from 'vscode';
import type { TemplateSymbol } from '../core/navigation/document-symbols';
import { TEMPLATE_SELECTOR } from './document-selectors';
import { languageFeatures } from './language-features';
import { rangeOf } from './locations';
import { SYMBOL_KIND } from './symbol-kinds';
import type { TemplateStore } from './template-store';

/** The Outline view and breadcrumbs: sections, resources by type, functions with their events. */
export function registerDocumentSymbols(store: TemplateStore): vscode.Disposable {
  return vscode.languages.registerDocumentSymbolProvider(
    TEMPLATE_SELECTOR,
    {
      provideDocumentSymbols(document) {
        const template = store.modelOf(document);
        if (!template) return undefined;
        const convert = (s: TemplateSymbol): vscode.DocumentSymbol => {
          const symbol = new vscode.DocumentSymbol(
            s.name,
            s.detail,
            SYMBOL_KIND[s.kind],
            rangeOf(document, s.span),
            rangeOf(document, s.selectionSpan),
          );
          symbol.children = s.children.map(convert);
          return symbol;
        };
        return languageFeatures().documentSymbols(template).map(convert);
      },
    },
    { label: 'Serverless Workbench' },
  );
}
