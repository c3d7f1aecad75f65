import * as vscode from 'vscode';
import { registerCodeActions } from './vscode/code-actions';
import { Analyzer, registerDiagnostics } from './vscode/diagnostics';
import type { AnalysisTiming } from './vscode/diagnostics';
import { ExplorerProvider, registerExplorer } from './vscode/explorer';
import { setting } from './vscode/settings';
import { TemplateStore } from './vscode/template-store';
import { registerWelcomeCommands } from './vscode/welcome';

/** What `activate` returns: the shared services, for other extensions and for our integration tests. */
export interface WorkbenchApi {
  readonly templates: TemplateStore;
  readonly explorer: ExplorerProvider;
  readonly diagnostics: { readonly analyzer: Analyzer; lastAnalysis(): AnalysisTiming | undefined };
}

/** Wires the features together; each one registers itself and returns what disposes it. */
export function activate(context: vscode.ExtensionContext): WorkbenchApi {
  const store = new TemplateStore(() => setting('analysis.debounceMs', 150));
  const explorer = registerExplorer(store, context.extensionUri);
  const output = vscode.window.createOutputChannel('Serverless Workbench');
  const analyzer = new Analyzer(output);
  const diagnostics = registerDiagnostics(store, analyzer);
  context.subscriptions.push(
    store, explorer.disposable, registerWelcomeCommands(context.extensionUri), output, analyzer, diagnostics.disposable,
    registerCodeActions(store, analyzer),
  );
  return { templates: store, explorer: explorer.provider, diagnostics: { analyzer, lastAnalysis: diagnostics.lastAnalysis } };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
