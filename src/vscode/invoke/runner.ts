import * as path from 'path';
import * as vscode from 'vscode';
import type { Template } from '../../core';
import type { InvocationResult, LocalInvoker } from '../../core/invoke';
import { loadTemplateFile, type GatheredInputs } from '../../core/load';
import { givenInputsFor } from '../inputs';
import { readWorkspaceFile } from '../workspace-files';
import type { TemplateStore } from '../template-store';
import { invokeCore, type InvokeCore } from './core';
import { pickEvent, readEvent, type PickedEvent } from './events';
import type { InvokeHistory } from './history';
import type { ResultView } from './result-view';
import { SETTINGS } from '../settings.generated';
import { appendRequestLog } from '../cloud/request-log';
import { awsTargetOf } from '../cloud/target';
import { functionFromArgs, workspaceDirOf, type FunctionRef, type InvokeArgs } from './target';
import { requireTrust } from './trust';
import { INVOKE_COMMANDS } from './commands';
import { RuntimeSdkConsent } from './runtime-sdk';

export type InvokeMode = 'local' | 'remote';

/** What a command returns: the result and the document that shows it (tests read both). */
export interface InvokeOutcome {
  readonly result: InvocationResult;
  readonly resultUri: vscode.Uri;
}

/** Runs the invoke commands: finds the function and the event, runs it with progress, shows and records the result. */
export class InvokeRunner implements vscode.Disposable {
  private invoker: LocalInvoker | undefined;
  /** Shared by Invoke, Debug, the Local API and the Lambda endpoint. */
  readonly sdkConsent: RuntimeSdkConsent;

  constructor(
    private readonly store: TemplateStore,
    private readonly view: ResultView,
    private readonly history: InvokeHistory,
    /** Per-user memory: whether the user let us fetch the runtime's SDK for good. */
    userState: vscode.Memento,
  ) {
    this.sdkConsent = new RuntimeSdkConsent(userState);
  }

  async localInvoker(): Promise<LocalInvoker> {
    this.invoker ??= new (await invokeCore()).LocalInvoker({
      maxConcurrency: SETTINGS.invoke.maxConcurrency.value(),
      interpreters: SETTINGS.invoke.interpreters.value(),
    });
    return this.invoker;
  }

  async run(arg: unknown, mode: InvokeMode): Promise<InvokeOutcome | undefined> {
    if (mode === 'local' && !requireTrust('Invoking functions locally')) return undefined;
    const ref = await functionFromArgs(this.store, arg);
    if (!ref) return undefined;
    const core = await invokeCore();
    const loaded = this.loadedOf(ref.templateUri);
    if (!loaded)
      return void vscode.window.showErrorMessage(
        `Cannot read ${vscode.workspace.asRelativePath(ref.templateUri)} as a template.`,
      );
    const { template, inputs } = loaded;
    const event = await this.eventFor(core, template, ref);
    if (!event) return undefined;
    try {
      const outcome =
        mode === 'local'
          ? await this.runLocal(core, template, inputs, ref, event)
          : await this.runRemote(core, template, inputs, ref, event);
      if (outcome) {
        await this.history.add(ref, {
          at: Date.now(),
          mode,
          eventFile: event.file,
          event: event.file ? undefined : event.text,
          summary: core.summaryLine(outcome.result),
          error: outcome.result.functionError?.errorType,
        });
      }
      return outcome;
    } catch (error) {
      void vscode.window.showErrorMessage(`${ref.logicalId}: ${(error as Error).message}`);
      return undefined;
    }
  }

  templateOf(uri: vscode.Uri): Template | undefined {
    return this.loadedOf(uri)?.template;
  }

  /** The store's model and inputs, or (a template the store does not list) the same loader's reading of it. */
  private loadedOf(uri: vscode.Uri): { readonly template: Template; readonly inputs: GatheredInputs } | undefined {
    const template = this.store.get(uri);
    const inputs = this.store.inputsOf(uri);
    if (template && inputs) return { template, inputs };
    const loaded = loadTemplateFile(uri.fsPath, { readFile: readWorkspaceFile, given: givenInputsFor(uri) });
    return loaded.ok ? loaded : undefined;
  }

  async eventFor(
    core: InvokeCore,
    template: Template,
    ref: FunctionRef & InvokeArgs,
  ): Promise<PickedEvent | undefined> {
    if (ref.event !== undefined) {
      const checked = core.checkEventText(ref.event, 'event');
      if (!checked.ok) return void vscode.window.showErrorMessage(`Not invoked: ${checked.message}`);
      return { text: checked.text };
    }
    if (ref.eventFile) return readEvent(core, ref.eventFile);
    const lastUsed = this.history.list(ref).find((e) => e.eventFile)?.eventFile;
    return pickEvent(core, template, ref, lastUsed);
  }

  private async runLocal(
    core: InvokeCore,
    template: Template,
    inputs: GatheredInputs,
    ref: FunctionRef,
    event: PickedEvent,
  ): Promise<InvokeOutcome | undefined> {
    const view = core.findFunction(template, ref.logicalId);
    if (!view) throw new Error(`no function ${ref.logicalId} in the template any more`);
    const workspaceDir = workspaceDirOf(ref.templateUri);
    const envVars = SETTINGS.invoke.envVars.value(ref.templateUri);
    // As sam local invoke --profile: the chosen profile's credentials and Region reach the function as Lambda's
    // variables.
    const profile = SETTINGS.invoke.profile.value() || inputs.samconfig?.profile?.value;
    const target = core.localFunctionOf(template, view, {
      workspaceDir,
      envVarsFile: envVars ? path.resolve(workspaceDir, envVars) : undefined,
      profile,
    });
    if (!target.ok) throw new Error(target.message);
    const log = this.view.begin(ref, 'local', target.notes, core.settingLines(target.settings));
    let fn = target.fn;
    if (profile) {
      const found = await core.profileCredentials(profile);
      if (!found.ok) throw new Error(found.message);
      fn = { ...fn, credentials: found.credentials };
    }
    const invoker = await this.localInvoker();
    const { result, sdkMessage } = await core.invokeWithRuntimeSdk(
      fn,
      () =>
        withCancellableProgress(`Invoking ${view.displayName} locally`, (signal) =>
          invoker.invoke(fn, event.text, { onLog: log, signal }),
        ),
      this.sdkConsent.options(),
    );
    if (sdkMessage) this.showSdkMessage(sdkMessage);
    if (result.runtimeWarning) void vscode.window.showWarningMessage(result.runtimeWarning);
    if (core.failedForCredentials(result.functionError)) void offerProfile(core.NO_CREDENTIALS_HINT);
    const extra = { event: event.file ? path.basename(event.file) : 'inline' };
    return { result, resultUri: await this.view.show(core, ref, result, 'local', extra, target.settings) };
  }

  private async runRemote(
    core: InvokeCore,
    template: Template,
    inputs: GatheredInputs,
    ref: FunctionRef,
    event: PickedEvent,
  ): Promise<InvokeOutcome | undefined> {
    const view = core.findFunction(template, ref.logicalId);
    if (!view) throw new Error(`no function ${ref.logicalId} in the template any more`);
    const { target: aws } = awsTargetOf(template, inputs, core.DEFAULT_REGION);
    const { region, profile } = aws;
    if (SETTINGS.invoke.confirmRemote.value()) {
      const go = 'Invoke in AWS';
      const answer = await vscode.window.showWarningMessage(
        `Invoke the deployed ${view.displayName} in ${region}${profile ? ` with profile ${profile}` : ''}? It ` +
          `runs in your AWS account and may change data.`,
        { modal: true },
        go,
      );
      if (answer !== go) return undefined;
    }
    this.view.begin(ref, 'remote');
    const startedAt = Date.now();
    const result = await withCancellableProgress(`Invoking ${view.displayName} in AWS`, (signal) =>
      core
        .invokeRemote({
          template,
          view,
          payload: event.text,
          region,
          profile,
          stackName: inputs.resolution.stackName?.value,
          signal,
          explicitName: SETTINGS.invoke.functionNames.value()[ref.logicalId],
        })
        .catch((error: Error) => {
          // Said under the output's header for this invocation, not only in a notification that fades.
          this.view.append(`Error: ${error.message}`);
          throw error;
        }),
    );
    this.view.append(result.settings.functionName.line);
    const { functionName, requestId } = result;
    void appendRequestLog(this.view, {
      template,
      logicalId: ref.logicalId,
      functionName,
      requestId,
      target: aws,
      startedAt,
    });
    return {
      result,
      resultUri: await this.view.show(
        core,
        ref,
        result,
        'remote',
        { deployedName: result.functionName, region },
        result.settings,
      ),
    };
  }

  /** Why the runtime's SDK is still missing: under the invocation's output and in a notification. */
  showSdkMessage(message: string): void {
    this.view.append(message);
    void vscode.window.showErrorMessage(message);
  }

  dispose(): void {
    void this.invoker?.dispose();
  }
}

async function offerProfile(hint: string): Promise<void> {
  const pick = 'Select AWS Profile';
  if ((await vscode.window.showWarningMessage(hint, pick)) === pick)
    await vscode.commands.executeCommand(INVOKE_COMMANDS.selectProfile);
}

/** A notification with a Cancel button; cancelling aborts the invocation (and kills a local run). */
export function withCancellableProgress<T>(title: string, task: (signal: AbortSignal) => Promise<T>): Promise<T> {
  return Promise.resolve(
    vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title, cancellable: true },
      (_, token) => {
        const controller = new AbortController();
        const sub = token.onCancellationRequested(() => controller.abort());
        return task(controller.signal).finally(() => sub.dispose());
      },
    ),
  );
}
