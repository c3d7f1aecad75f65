import * as vscode from 'vscode';
import { registerCodeActions } from './vscode/code-actions';
import { Analyzer, registerDiagnostics } from './vscode/diagnostics';
import type { AnalysisTiming } from './vscode/diagnostics';
import type { DeployedState } from './vscode/cloud/deployed-state';
import { registerCostActions } from './vscode/cost-actions';
import { registerCostBreakdown } from './vscode/cost-breakdown';
import { registerCloud } from './vscode/cloud';
import { registerCostExplorer } from './vscode/cost-explorer';
import { registerCostHover } from './vscode/cost-hover';
import { registerCostLens } from './vscode/cost-lens';
import { registerMemoryCurve } from './vscode/cost-memory-curve';
import { CostService } from './vscode/cost-service';
import { registerCostStatus } from './vscode/cost-status';
import { registerUsageFileCommand, registerUsageFileDiagnostics } from './vscode/cost-usage-file';
import { ExplorerProvider, registerExplorer } from './vscode/explorer';
import { registerExplorerCommands } from './vscode/explorer-commands';
import { registerExplorerProblems } from './vscode/explorer-problems';
import { accessFromPermissions, registerGraphView } from './vscode/graph-view';
import { registerInputProblems } from './vscode/input-problems';
import { registerDeploy } from './vscode/deploy';
import { registerInvoke } from './vscode/invoke';
import { registerPermissionsExplorer } from './vscode/permissions-explorer';
import { registerSavedEventsExplorer } from './vscode/invoke/saved-events-explorer';
import { SETTINGS } from './vscode/settings.generated';
import { TemplateStore } from './vscode/template-store';
import { registerWelcomeCommands } from './vscode/welcome';
import { registerNewProject } from './vscode/new-project';
import { registerCompletion } from './vscode/completion';
import { registerDefinition } from './vscode/definition';
import { registerDocumentSymbols } from './vscode/document-symbols';
import { registerHandlerLens } from './vscode/handler-lens';
import { registerHighlights } from './vscode/highlights';
import { registerHover } from './vscode/hover';
import { registerReferences } from './vscode/find-references';
import { registerRename } from './vscode/rename';
import { schemaCatalog } from './vscode/schema-data';
import { registerWorkspaceSymbols } from './vscode/workspace-symbols';

/** What `activate` returns: the shared services, for other extensions and for our integration tests. */
export interface WorkbenchApi {
  readonly templates: TemplateStore;
  readonly explorer: ExplorerProvider;
  /** Milliseconds from the host starting to evaluate our bundle to the end of `activate` (`npm run bench`). */
  readonly activationMs: number | undefined;
  readonly cost: CostService;
  readonly costStatus: vscode.StatusBarItem;
  readonly diagnostics: { readonly analyzer: Analyzer; lastAnalysis(): AnalysisTiming | undefined };
  /** The deployed stacks as read (the integration tests forget them when done). */
  readonly cloud: DeployedState;
  readonly awsStatus: vscode.StatusBarItem;
}

/** Wires the features together; each one registers itself and returns what disposes it. */
export function activate(context: vscode.ExtensionContext): WorkbenchApi {
  const store = new TemplateStore(() => SETTINGS.analysis.debounceMs.value());
  const output = vscode.window.createOutputChannel('Serverless Workbench');
  const explorer = registerExplorer(store, context.extensionUri, output);
  const cost = new CostService(store);
  const costStatus = registerCostStatus(cost);
  // Reads data/ on first use only (a completion, a hover, the first property validation).
  const catalog = schemaCatalog(context.extensionUri);
  const analyzer = new Analyzer(output, catalog);
  const diagnostics = registerDiagnostics(store, analyzer);
  context.subscriptions.push(
    output,
    analyzer,
    diagnostics.disposable,
    registerCodeActions(store, analyzer),
    store,
    registerInputProblems(store),
    explorer.disposable,
    registerExplorerCommands(store, explorer.provider),
    registerExplorerProblems(explorer.provider),
    registerWelcomeCommands(context.extensionUri),
    registerNewProject(context),
    registerInvoke(context, store),
    registerDeploy(store, context.extensionUri),
    cost,
    registerCostLens(cost),
    registerCostBreakdown(cost, context.extensionUri),
    registerCostHover(cost),
    registerCostActions((document) => store.modelOf(document)),
    registerCostExplorer(cost, explorer.provider),
    registerUsageFileCommand(cost),
    registerUsageFileDiagnostics(),
    costStatus.disposable,
    registerMemoryCurve(cost, context.extensionUri),
  );
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
  context.subscriptions.push(registerPermissionsExplorer(store, analyzer, explorer.provider));
  context.subscriptions.push(registerSavedEventsExplorer(explorer.provider));
  const cloud = registerCloud(store, explorer.provider, context.extensionUri);
  context.subscriptions.push(cloud.disposable);
  context.subscriptions.push(registerGraphView(store, context.extensionUri, accessFromPermissions(store, analyzer)));
  const loadStart = (globalThis as { __swbLoadStart?: number }).__swbLoadStart;
  return {
    templates: store,
    explorer: explorer.provider,
    cost,
    costStatus: costStatus.item,
    diagnostics: { analyzer, lastAnalysis: diagnostics.lastAnalysis },
    cloud: cloud.state,
    awsStatus: cloud.status,
    activationMs: loadStart === undefined ? undefined : performance.now() - loadStart,
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
