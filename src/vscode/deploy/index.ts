import * as vscode from 'vscode';
import type { DeployOutcome, StackEventRow } from '../../core/deploy';
import { SETTINGS } from '../settings.generated';
import type { TemplateStore } from '../template-store';
import { requireTrust } from '../invoke/trust';
import { DEPLOY_COMMANDS } from './commands';
import { deployCore } from './core';
import { runServerlessDeploy } from './framework-task';
import { showAwsProblem } from '../aws-problems';
import { revealSpan } from './problems';
import { ChangeSetReviews, type OpenReview } from './review';
import { registerSyncOnSave, syncCode } from './sync';
import { loadSaved, pickTemplate, targetOf } from './target';

export { DEPLOY_COMMANDS } from './commands';

/** Fires after a deploy ends (deployed, failed or nothing to do), so views of the stack can refresh. */
export const onDidDeploy = new vscode.EventEmitter<{ readonly templateUri: vscode.Uri; readonly stackName: string }>();

/** Deploy and Sync Code commands, and sync on save when the user turned it on. */
export function registerDeploy(store: TemplateStore, extensionUri: vscode.Uri): vscode.Disposable {
  const output = vscode.window.createOutputChannel('Serverless Workbench: Deploy');
  const frameworkProblems = vscode.languages.createDiagnosticCollection('serverless deploy');
  const reviews = new ChangeSetReviews(vscode.Uri.joinPath(extensionUri, 'dist', 'webview'));
  return vscode.Disposable.from(
    output,
    frameworkProblems,
    onDidDeploy,
    reviews,
    vscode.commands.registerCommand(DEPLOY_COMMANDS.deploy, (arg?: unknown) =>
      deployCommand(store, output, { frameworkProblems, reviews }, arg),
    ),
    vscode.commands.registerCommand(DEPLOY_COMMANDS.reviewState, () => reviews.state),
    vscode.commands.registerCommand(DEPLOY_COMMANDS.syncCode, (arg?: unknown) => syncCode(store, output, arg)),
    registerSyncOnSave(store, output),
  );
}

/** Where a deploy shows what it finds: the framework's errors in Problems, a change set in the review panel. */
interface DeployViews {
  readonly frameworkProblems: vscode.DiagnosticCollection;
  readonly reviews: ChangeSetReviews;
}

async function deployCommand(
  store: TemplateStore,
  output: vscode.OutputChannel,
  views: DeployViews,
  arg: unknown,
): Promise<DeployOutcome | undefined> {
  if (!requireTrust('Deploy')) return undefined;
  const uri = await pickTemplate(store, arg, () => true);
  if (!uri) return undefined;
  const core = await deployCore();
  const saved = await loadSaved(uri);
  if (saved?.template.kind === 'serverless') {
    // The framework deploys with its own configuration: no samconfig stack name or Region is needed.
    const stage = SETTINGS.stage.value(uri) || saved.template.serverless?.stage;
    await runServerlessDeploy(core, views.frameworkProblems, uri, saved.template, stage);
    return undefined;
  }
  const target = saved && targetOf(core, uri, saved);
  if (!target) return undefined;
  const { template, config } = target;
  output.show(true);
  const destination =
    `${vscode.workspace.asRelativePath(uri)} to stack ${config.stackName} in ${config.region}` +
    `${config.profile ? ` with profile ${config.profile}` : ''}`;
  output.appendLine(`Deploying ${destination}`);
  let review: OpenReview | undefined;
  const outcome = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Deploy ${config.stackName}`, cancellable: true },
    (progress, token) => {
      const abort = new AbortController();
      token.onCancellationRequested(() => abort.abort());
      return core.deploy(
        {
          template,
          config,
          loadChild: (file) => core.loadChildTemplate(file),
          signal: abort.signal,
        },
        {
          progress: (message) => {
            output.appendLine(`${message}...`);
            progress.report({ message });
          },
          confirm: (changeSet) => {
            for (const line of core.changeSetTable(changeSet, template)) output.appendLine(line);
            progress.report({ message: 'Waiting for your review of the change set' });
            review = views.reviews.open(core.reviewOf(changeSet, template), destination, uri, abort.signal);
            return review.decision;
          },
          event: (event: StackEventRow) => {
            output.appendLine(core.eventLine(event, template));
            progress.report({ message: `${event.logicalId} ${event.status}` });
            review?.report(`${event.logicalId} ${event.status}`);
          },
        },
      );
    },
  );
  const lines = core.outcomeLines(outcome, template, config.stackName);
  for (const line of lines) output.appendLine(line);
  review?.report(lines.join(' '), true, outcome.status === 'failed' || outcome.status === 'error');
  if (outcome.status === 'no-changes')
    views.reviews.open(core.noChangesReview(config.stackName, template), destination, uri);
  if ('packaging' in outcome)
    output.appendLine(
      `Packaged ${outcome.packaging.artifacts.length} artifact(s) in ${Math.round(outcome.packaging.ms)} ms; ` +
        `uploaded ` +
        `${outcome.packaging.uploadedBytes} bytes to s3://${outcome.packaging.bucket}` +
        `${outcome.packaging.bucketCreated ? ' (bucket created)' : ''}.`,
    );
  await report(lines[0], outcome, uri, () => void deployCommand(store, output, views, uri));
  if (outcome.status !== 'error' && outcome.status !== 'declined')
    onDidDeploy.fire({ templateUri: uri, stackName: config.stackName });
  return outcome;
}

async function report(summary: string, outcome: DeployOutcome, uri: vscode.Uri, retry: () => void): Promise<void> {
  switch (outcome.status) {
    case 'no-changes': // the review panel says so
      return;
    case 'deployed':
    case 'declined':
      void vscode.window.showInformationMessage(summary);
      return;
    case 'failed': {
      const go = 'Go to Resource';
      const span = outcome.firstFailure?.span;
      const choice = await vscode.window.showErrorMessage(summary, ...(span ? [go] : []));
      if (choice === go && span) await revealSpan(uri, span);
      return;
    }
    case 'error':
      if (outcome.span) {
        const go = 'Go to Template';
        if ((await vscode.window.showErrorMessage(summary, go)) === go) await revealSpan(uri, outcome.span);
        return;
      }
      if (outcome.problem) await showAwsProblem(outcome.problem, retry);
      else void vscode.window.showErrorMessage(outcome.message);
  }
}
