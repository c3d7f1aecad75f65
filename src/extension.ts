import * as vscode from 'vscode';
import { ExplorerProvider, registerExplorer } from './vscode/explorer';
import { registerGraphView } from './vscode/graph-view';
import { setting } from './vscode/settings';
import { TemplateStore } from './vscode/template-store';
import { registerWelcomeCommands } from './vscode/welcome';

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
  context.subscriptions.push(registerGraphView(store, context.extensionUri));
  return { templates: store, explorer: explorer.provider };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
