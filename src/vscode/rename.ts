import * as vscode from 'vscode';
import { TEMPLATE_SELECTOR } from './document-selectors';
import { languageFeatures } from './language-features';
import { rangeOf } from './locations';
import type { TemplateStore } from './template-store';

/** Rename a logical ID, parameter, condition or mapping with all its uses in one WorkspaceEdit. */
export function registerRename(store: TemplateStore): vscode.Disposable {
  return vscode.languages.registerRenameProvider(TEMPLATE_SELECTOR, {
    prepareRename(document, position) {
      const template = store.modelOf(document);
      if (!template) throw new Error('This file is not a template Serverless Workbench understands.');
      const result = languageFeatures().prepareRename(template, document.offsetAt(position));
      if ('error' in result) throw new Error(result.error);
      return { range: rangeOf(document, result.span), placeholder: result.placeholder };
    },
    provideRenameEdits(document, position, newName) {
      const template = store.modelOf(document);
      if (!template) return undefined;
      const result = languageFeatures().renameAt(template, document.offsetAt(position), newName);
      if ('error' in result) throw new Error(result.error);
      const edit = new vscode.WorkspaceEdit();
      for (const e of result.edits) edit.replace(document.uri, rangeOf(document, e.span), e.newText);
      return edit;
    },
  });
}
