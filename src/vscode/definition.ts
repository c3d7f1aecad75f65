import * as vscode from 'vscode';
import { TEMPLATE_SELECTOR } from './document-selectors';
import { languageFeatures } from './language-features';
import { locationOf } from './locations';
import { readWorkspaceText } from './workspace-files';
import type { TemplateStore } from './template-store';

/**
 * Go to Definition from every use of a name, from `Handler` to the source, from `Fn::ImportValue` to the
 * export in another workspace template. A note (a name SAM generates) shows in the status bar.
 */
export function registerDefinition(store: TemplateStore): vscode.Disposable {
  return vscode.languages.registerDefinitionProvider(TEMPLATE_SELECTOR, {
    async provideDefinition(document, position) {
      const template = store.modelOf(document);
      if (!template) return undefined;
      const others = (await store.all()).map((e) => e.template);
      const targets = languageFeatures().definitionAt(template, document.offsetAt(position), {
        others,
        readFile: readWorkspaceText,
      });
      const note = targets.find((t) => t.note)?.note;
      if (note) vscode.window.setStatusBarMessage(note, 8000);
      return targets.flatMap((t) => locationOf(document, t) ?? []);
    },
  });
}
