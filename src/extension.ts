import * as vscode from 'vscode';
import { registerExplorer } from './vscode/explorer';
import { setting } from './vscode/settings';
import { TemplateStore } from './vscode/template-store';
import { registerWelcomeCommands } from './vscode/welcome';

/** Wires the features together; each one registers itself and returns what disposes it. */
export function activate(context: vscode.ExtensionContext): void {
  const store = new TemplateStore(() => setting('analysis.debounceMs', 150));
  const explorer = registerExplorer(store, context.extensionUri);
  context.subscriptions.push(store, explorer.disposable, registerWelcomeCommands(context.extensionUri));
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
