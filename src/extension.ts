import * as vscode from 'vscode';
import { ExplorerProvider, registerExplorer } from './vscode/explorer';
import { registerInvoke } from './vscode/invoke';
import { setting } from './vscode/settings';
import { TemplateStore } from './vscode/template-store';
import { registerWelcomeCommands } from './vscode/welcome';

/** What `activate` returns: the shared services, for other extensions and for our integration tests. */
export interface WorkbenchApi {
  readonly templates: TemplateStore;
  readonly explorer: ExplorerProvider;
  /** Milliseconds from the host starting to evaluate our bundle to the end of `activate` (`npm run bench`). */
  readonly activationMs: number | undefined;
}

/** Wires the features together; each one registers itself and returns what disposes it. */
export function activate(context: vscode.ExtensionContext): WorkbenchApi {
  const store = new TemplateStore(() => setting('analysis.debounceMs', 150));
  const explorer = registerExplorer(store, context.extensionUri);
  context.subscriptions.push(
    store,
    explorer.disposable,
    registerWelcomeCommands(context.extensionUri),
    registerInvoke(context, store),
  );
  const loadStart = (globalThis as { __swbLoadStart?: number }).__swbLoadStart;
  return { templates: store, explorer: explorer.provider, activationMs: loadStart === undefined ? undefined : performance.now() - loadStart };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
