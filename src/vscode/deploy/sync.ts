import * as path from 'path';
import * as vscode from 'vscode';
import type { SyncOutcome } from '../../core/deploy';
import { SETTINGS } from '../settings.generated';
import type { TemplateStore } from '../template-store';
import { requireTrust } from '../invoke/trust';
import { DEPLOY_COMMANDS } from './commands';
import { deployCore } from './core';
import { showAwsProblem } from '../aws-problems';
import { loadTarget, pickTemplate } from './target';

/** Said before every manual sync and when watch mode is turned on, in SAM's words about `sam sync`. */
const BYPASS_WARNING =
  'Sync Code updates the function in AWS directly, bypassing CloudFormation: the stack drifts from your template ' +
  'until the next deploy. Use it for development stacks only, never production.';

/** `Sync Code`: a function's code (picked, or given by a caller) straight to Lambda, after a confirmation. */
export async function syncCode(
  store: TemplateStore,
  output: vscode.OutputChannel,
  arg: unknown,
): Promise<SyncOutcome | undefined> {
  if (!requireTrust('Sync Code')) return undefined;
  const uri = await pickTemplate(store, arg, (t) => t.kind !== 'serverless' && t.functions.length > 0);
  if (!uri) return undefined;
  const core = await deployCore();
  const target = await loadTarget(core, uri);
  if (!target) return undefined;
  const withCode = new Set(core.localArtifacts(target.template).flatMap((a) => (a.kind === 'zip' ? a.logicalIds : [])));
  const functions = target.template.functions.filter((f) => withCode.has(f.logicalId));
  const given = (arg as { logicalId?: string } | undefined)?.logicalId;
  const logicalId =
    given ??
    (functions.length === 1
      ? functions[0].logicalId
      : await vscode.window.showQuickPick(
          functions.map((f) => f.logicalId),
          { placeHolder: 'Function to sync' },
        ));
  if (!logicalId) return undefined;
  const go = 'Sync Code';
  if ((await vscode.window.showWarningMessage(BYPASS_WARNING, { modal: true }, go)) !== go) return undefined;
  return runSync(core, target, logicalId, output);
}

async function runSync(
  core: Awaited<ReturnType<typeof deployCore>>,
  target: NonNullable<Awaited<ReturnType<typeof loadTarget>>>,
  logicalId: string,
  output: vscode.OutputChannel,
): Promise<SyncOutcome> {
  const { config } = target;
  const outcome = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Sync ${logicalId}` },
    () =>
      core.syncFunctionCode({
        template: target.template,
        logicalId,
        stackName: config.stackName,
        connection: {
          region: config.region,
          ...(config.profile ? { profile: config.profile } : {}),
        },
      }),
  );
  if (outcome.status === 'error') {
    output.appendLine(`Sync ${logicalId}: ${outcome.message}`);
    if (outcome.deployInstead) {
      const deploy = 'Deploy';
      if ((await vscode.window.showErrorMessage(outcome.message, deploy)) === deploy)
        void vscode.commands.executeCommand(DEPLOY_COMMANDS.deploy, target.uri);
      return outcome;
    }
    const retry = () => void runSync(core, target, logicalId, output);
    if (outcome.problem) await showAwsProblem(outcome.problem, retry);
    else void vscode.window.showErrorMessage(outcome.message);
  } else {
    const line =
      outcome.status === 'unchanged'
        ? `${logicalId} (${outcome.functionName}): code unchanged, nothing sent.`
        : `${logicalId} (${outcome.functionName}) updated in ${(outcome.updateMs / 1000).toFixed(1)} s ` +
          `(${outcome.bytes} bytes).`;
    output.appendLine(line);
    void vscode.window.setStatusBarMessage(`$(cloud-upload) ${line}`, 5000);
  }
  return outcome;
}

/**
 * Watch mode: when `serverlessWorkbench.deploy.syncOnSave` is on (off by default; turning it on shows the warning),
 * saving a file inside a function's code folder syncs that function without asking, like `sam sync --watch`.
 */
export function registerSyncOnSave(store: TemplateStore, output: vscode.OutputChannel): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(SETTINGS.deploy.syncOnSave.name) && SETTINGS.deploy.syncOnSave.value())
        void vscode.window.showWarningMessage(`Sync on save is on. ${BYPASS_WARNING}`);
    }),
    vscode.workspace.onDidSaveTextDocument(async (document) => {
      if (!SETTINGS.deploy.syncOnSave.value() || !vscode.workspace.isTrusted) return;
      const core = await deployCore();
      for (const entry of await store.all()) {
        if (entry.template.kind === 'serverless') continue;
        const ids = core
          .localArtifacts(entry.template)
          .filter((a) => a.kind === 'zip' && isInside(document.uri.fsPath, a.path))
          .flatMap((a) => a.logicalIds)
          .filter((id) => entry.template.functions.some((f) => f.logicalId === id));
        if (ids.length === 0) continue;
        const target = await loadTarget(core, entry.uri);
        if (!target) continue;
        for (const logicalId of ids) await runSync(core, target, logicalId, output);
      }
    }),
  );
}

function isInside(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}
