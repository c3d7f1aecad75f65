import * as vscode from 'vscode';
import type { InvokeApiServer } from '../../core/invoke';
import type { TemplateStore } from '../template-store';
import { INVOKE_COMMANDS } from './commands';
import { invokeCore } from './core';
import type { ResultView } from './result-view';
import type { InvokeRunner } from './runner';
import { SETTINGS } from '../settings.generated';
import { givenInputsFor } from '../inputs';
import { workspaceDirOf } from './target';
import { pickTemplateWithFunctions } from './pick-template';
import { requireTrust } from './trust';

/**
 * `Start Local Lambda Endpoint`: the Lambda Invoke API for one template's functions on 127.0.0.1, like
 * `sam local start-lambda`, sharing the warm environments of the editor's own invocations.
 */
export class LocalEndpoint implements vscode.Disposable {
  private server: InvokeApiServer | undefined;
  private readonly status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Left);

  constructor(
    private readonly store: TemplateStore,
    private readonly runner: InvokeRunner,
    private readonly view: ResultView,
  ) {}

  async start(arg?: vscode.Uri | { templateUri?: vscode.Uri }): Promise<number | undefined> {
    if (!requireTrust('The local Lambda endpoint')) return undefined;
    const templateUri =
      arg instanceof vscode.Uri
        ? arg
        : (arg?.templateUri ?? (await pickTemplateWithFunctions(this.store, 'Template to serve')));
    if (!templateUri) return undefined;
    await this.stop();
    const core = await invokeCore();
    const log = (text: string) => this.view.append(text.replace(/\n$/, ''));
    const invoker = await this.runner.sdkConsent.serverInvoker(await this.runner.localInvoker(), log);
    const workspaceDir = workspaceDirOf(templateUri);
    const server = new core.InvokeApiServer({
      invoker,
      port: SETTINGS.invoke.endpointPort.value(),
      resolve: (name) =>
        core.loadTarget(templateUri.fsPath, name, { workspaceDir, given: givenInputsFor(templateUri) }),
      onLog: log,
    });
    try {
      await server.start();
    } catch (error) {
      void vscode.window.showErrorMessage(
        `Cannot start the local Lambda endpoint on ` +
          `127.0.0.1:${SETTINGS.invoke.endpointPort.value()}: ${(error as Error).message}`,
      );
      return undefined;
    }
    this.server = server;
    const url = `http://127.0.0.1:${server.port}`;
    this.status.text = `$(radio-tower) Lambda ${server.port}`;
    this.status.tooltip =
      `Local Lambda endpoint ` + `for ${vscode.workspace.asRelativePath(templateUri)}: ${url}. Click to stop.`;
    this.status.command = INVOKE_COMMANDS.stopEndpoint;
    this.status.show();
    this.view.append(
      `Local Lambda endpoint on ${url}: aws lambda invoke --endpoint-url ${url} --function-name <LogicalId> out.json`,
    );
    void vscode.window
      .showInformationMessage(`Local Lambda endpoint on ${url} (functions by logical ID).`, 'Copy URL')
      .then((c) => {
        if (c) void vscode.env.clipboard.writeText(url);
      });
    return server.port;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    this.status.hide();
    await server?.close();
  }

  dispose(): void {
    void this.stop();
    this.status.dispose();
  }
}
