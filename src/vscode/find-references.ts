import * as vscode from 'vscode';
import { TEMPLATE_SELECTOR } from './document-selectors';
import { languageFeatures } from './language-features';
import { locationOf } from './locations';
import type { TemplateStore } from './template-store';

/** Find All References of a resource, parameter, condition, mapping, output export or serverless variable. */
export function registerReferences(store: TemplateStore): vscode.Disposable {
  return vscode.languages.registerReferenceProvider(TEMPLATE_SELECTOR, {
    async provideReferences(document, position, context) {
      const template = store.modelOf(document);
      if (!template) return undefined;
      const others = (await store.all()).map((e) => e.template);
      return languageFeatures()
        .referencesAt(template, document.offsetAt(position), {
          includeDeclaration: context.includeDeclaration,
          others,
        })
        .flatMap((t) => locationOf(document, t) ?? []);
    },
  });
}
