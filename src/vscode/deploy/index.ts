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
import { reviewChangeSet } from './review';
import { registerSyncOnSave, syncCode } from './sync';
import { loadSaved, pickTemplate, targetOf } from './target';

export { DEPLOY_COMMANDS } from './commands';

/** Fires after a deploy ends (deployed, failed or nothing to do), so views of the stack can refresh. */
export const onDidDeploy = new vscode.EventEmitter<{ readonly templateUri: vscode.Uri; readonly stackName: string }>();

/** Deploy and Sync Code commands, and sync on save when the user turned it on. */
export function registerDeploy(store: TemplateStore): vscode.Disposable {
  const output = vscode.window.createOutputChannel('Serverless Workbench: Deploy');
  const frameworkProblems = vscode.languages.createDiagnosticCollection('serverless deploy');
  return vscode.Disposable.from(
    output,
    frameworkProblems,
    onDidDeploy,
    vscode.commands.registerCommand(DEPLOY_COMMANDS.deploy, (arg?: unknown) =>
      deployCommand(store, output, frameworkProblems, arg),
    ),
    vscode.commands.registerCommand(DEPLOY_COMMANDS.syncCode, (arg?: unknown) => syncCode(store, output, arg)),
    registerSyncOnSave(store, output),
  );
}

async function deployCommand(
  store: TemplateStore,
  output: vscode.OutputChannel,
  frameworkProblems: vscode.DiagnosticCollection,
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
    await runServerlessDeploy(core, frameworkProblems, uri, saved.template, stage);
    return undefined;
  }
  const target = saved && targetOf(core, uri, saved);
  if (!target) return undefined;
  const { template, config } = target;
  output.show(true);
  output.appendLine(
    `Deploying ${vscode.workspace.asRelativePath(uri)} to stack ${config.stackName} in ${config.region}` +
      `${config.profile ? ` with profile ${config.profile}` : ''}`,
  );
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
            return reviewChangeSet(changeSet, uri);
          },
          event: (event: StackEventRow) => {
            output.appendLine(core.eventLine(event, template));
            progress.report({ message: `${event.logicalId} ${event.status}` });
          },
        },
      );
    },
  );
  for (const line of core.outcomeLines(outcome, template, config.stackName)) output.appendLine(line);
  if ('packaging' in outcome)
    output.appendLine(
      `Packaged ${outcome.packaging.artifacts.length} artifact(s) in ${Math.round(outcome.packaging.ms)} ms; ` +
        `uploaded ` +
        `${outcome.packaging.uploadedBytes} bytes to s3://${outcome.packaging.bucket}` +
        `${outcome.packaging.bucketCreated ? ' (bucket created)' : ''}.`,
    );
  await report(
    core.outcomeLines(outcome, template, config.stackName)[0],
    outcome,
    uri,
    () => void deployCommand(store, output, frameworkProblems, uri),
  );
  if (outcome.status !== 'error' && outcome.status !== 'declined')
    onDidDeploy.fire({ templateUri: uri, stackName: config.stackName });
  return outcome;
}

async function report(summary: string, outcome: DeployOutcome, uri: vscode.Uri, retry: () => void): Promise<void> {
  switch (outcome.status) {
    case 'deployed':
    case 'no-changes':
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
