import * as vscode from 'vscode';
import type { CompletionKind, CompletionProposal } from '../core/completion/items';
import type { SchemaCatalog } from '../core/schema/catalog';
import { TEMPLATE_SELECTOR } from './document-selectors';
import { languageFeatures } from './language-features';
import { rangeOf } from './locations';
import type { TemplateStore } from './template-store';
import { yamlSchemaCovers } from './yaml-extension';

const KIND: Readonly<Record<CompletionKind, vscode.CompletionItemKind>> = {
  type: vscode.CompletionItemKind.Class,
  property: vscode.CompletionItemKind.Property,
  value: vscode.CompletionItemKind.EnumMember,
  resource: vscode.CompletionItemKind.Reference,
  parameter: vscode.CompletionItemKind.TypeParameter,
  condition: vscode.CompletionItemKind.Constant,
  mapping: vscode.CompletionItemKind.Struct,
  attribute: vscode.CompletionItemKind.Field,
  snippet: vscode.CompletionItemKind.Snippet,
  policy: vscode.CompletionItemKind.Module,
  event: vscode.CompletionItemKind.Event,
  keyword: vscode.CompletionItemKind.Keyword,
  variable: vscode.CompletionItemKind.Variable,
};

/** Characters after which a completion makes sense without Ctrl+Space: `!Ref `, `Type: `, `Queue.`, `${`, `[`. */
const TRIGGERS = [' ', ':', '.', '{', '[', '"'];

export function registerCompletion(store: TemplateStore, catalog: SchemaCatalog): vscode.Disposable {
  return vscode.languages.registerCompletionItemProvider(
    TEMPLATE_SELECTOR,
    {
      provideCompletionItems(document, position, _token, context) {
        const template = store.modelOf(document);
        if (!template) return undefined;
        // Spaces typed to indent a line are not a request for the property list; Ctrl+Space still is.
        const before = document.lineAt(position.line).text.slice(0, position.character);
        if (context.triggerCharacter === ' ' && before.trim() === '') return undefined;
        const proposals = languageFeatures().completionsAt(template, document.offsetAt(position), {
          catalog,
          schemaCompletions: !yamlSchemaCovers(document),
        });
        return proposals.map((p) => toItem(document, p));
      },
    },
    ...TRIGGERS,
  );
}

function toItem(document: vscode.TextDocument, p: CompletionProposal): vscode.CompletionItem {
  const item = new vscode.CompletionItem(p.label, KIND[p.kind]);
  item.detail = p.detail;
  if (p.documentation) item.documentation = new vscode.MarkdownString(p.documentation);
  item.insertText = p.snippet ? new vscode.SnippetString(p.insertText ?? p.label) : p.insertText;
  item.range = rangeOf(document, p.replace);
  item.sortText = p.sortText;
  if (p.deprecated) item.tags = [vscode.CompletionItemTag.Deprecated];
  if (p.retrigger) item.command = { command: 'editor.action.triggerSuggest', title: 'Complete attribute' };
  return item;
}
