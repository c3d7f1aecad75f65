import * as vscode from 'vscode';
import { ExplorerProvider, registerExplorer } from './vscode/explorer';
import { setting } from './vscode/settings';
import { TemplateStore } from './vscode/template-store';
import { registerWelcomeCommands } from './vscode/welcome';
import { registerCompletion } from './vscode/completion';
import { registerDefinition } from './vscode/definition';
import { registerDocumentSymbols } from './vscode/document-symbols';
import { registerHandlerLens } from './vscode/handler-lens';
import { registerHighlights } from './vscode/highlights';
import { registerHover } from './vscode/hover';
import { registerReferences } from './vscode/references';
import { registerRename } from './vscode/rename';
import { schemaCatalog } from './vscode/schema-data';
import { registerWorkspaceSymbols } from './vscode/workspace-symbols';

/** What `activate` returns: the shared services, for other extensions and for our integration tests. */
export interface WorkbenchApi {
  readonly templates: TemplateStore;
  readonly explorer: ExplorerProvider;
}

/** Wires the features together; each one registers itself and returns what disposes it. */
export function activate(context: vscode.ExtensionContext): WorkbenchApi {
  const store = new TemplateStore(() => setting('analysis.debounceMs', 150));
  const explorer = registerExplorer(store, context.extensionUri);
  context.subscriptions.push(store, explorer.disposable, registerWelcomeCommands(context.extensionUri));
  const catalog = schemaCatalog(context.extensionUri);
  context.subscriptions.push(
    registerDefinition(store),
    registerReferences(store),
    registerRename(store),
    registerHighlights(store),
    registerDocumentSymbols(store),
    registerWorkspaceSymbols(store),
    registerCompletion(store, catalog),
    registerHover(store, catalog),
    registerHandlerLens(store),
  );
  return { templates: store, explorer: explorer.provider };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
