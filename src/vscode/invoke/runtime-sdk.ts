import * as vscode from 'vscode';
import type { FunctionInvoker, SdkFetch, SdkSessionOptions } from '../../core/invoke';
import { SETTINGS } from '../settings.generated';
import { invokeCore } from './core';

/** globalState key: the user chose "Always Fetch" for the runtime's SDK packages. */
const SDK_FETCH_ALLOWED = 'serverlessWorkbench.runtimeSdk.fetchAllowed';

/** The buttons of the consent question. */
const FETCH_ONCE = 'Fetch';
const FETCH_ALWAYS = 'Always Fetch';

/**
 * The editor's consent to fetch the AWS SDK a function's runtime provides: the `fetchRuntimeSdk` setting, else the
 * user's remembered "Always Fetch", else a modal question; the download runs under a progress notification.
 * Invoke and Debug ask per run; the Local API and the Lambda endpoint once per server (`serverInvoker`).
 */
export class RuntimeSdkConsent {
  constructor(
    /** Per-user memory: whether the user let us fetch the runtime's SDK for good. */
    private readonly userState: vscode.Memento,
  ) {}

  /** Options for one run, or for a server's session with `show` saying why a request's SDK is still missing. */
  options(restart = 'run it again', show?: (message: string) => void): SdkSessionOptions {
    const never = SETTINGS.invoke.fetchRuntimeSdk.value() === 'never';
    return {
      consent: (fetch) => this.mayFetch(fetch),
      withProgress: (title, download) =>
        Promise.resolve(
          vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title }, download),
        ),
      howToAllow: never
        ? `set serverlessWorkbench.invoke.fetchRuntimeSdk to "ask" and ${restart}`
        : `${restart} and choose ${FETCH_ONCE}`,
      onSdkMessage: show,
    };
  }

  /**
   * `invoker` for a local server's requests: asks at most once while the server runs, fetches without a restart,
   * writes every request's reason to `log` and notifies once.
   */
  async serverInvoker(invoker: FunctionInvoker, log: (message: string) => void): Promise<FunctionInvoker> {
    let notified = false;
    const show = (message: string) => {
      log(message);
      if (!notified) void vscode.window.showErrorMessage(message);
      notified = true;
    };
    return new (await invokeCore()).RuntimeSdkSession(invoker, this.options('start the server again', show));
  }

  private async mayFetch(fetch: SdkFetch): Promise<boolean> {
    const policy = SETTINGS.invoke.fetchRuntimeSdk.value();
    if (policy !== 'ask') return policy === 'always';
    if (this.userState.get<boolean>(SDK_FETCH_ALLOWED)) return true;
    const question = (await invokeCore()).fetchQuestion(fetch);
    const answer = await vscode.window.showInformationMessage(question, { modal: true }, FETCH_ONCE, FETCH_ALWAYS);
    if (answer === FETCH_ALWAYS) await this.userState.update(SDK_FETCH_ALLOWED, true);
    return answer === FETCH_ONCE || answer === FETCH_ALWAYS;
  }
}
