import * as path from 'path';
import * as vscode from 'vscode';
import type { LocalHttpApi } from '../../core/invoke';
import { templateUriOfArg } from '../command-args';
import { givenInputsFor } from '../inputs';
import { SETTINGS } from '../settings.generated';
import type { TemplateStore } from '../template-store';
import { INVOKE_COMMANDS } from './commands';
import { invokeCore, type InvokeCore } from './core';
import { pickTemplateWithFunctions } from './pick-template';
import type { ResultView } from './result-view';
import type { InvokeRunner } from './runner';
import { workspaceDirOf } from './target';
import { requireTrust } from './trust';

/** Editors save a file in several writes; the routes are read again once they settle. */
const RELOAD_DEBOUNCE_MS = 150;
/** Request lines kept for whoever started the API (the integration test reads them). */
const KEPT_REQUEST_LINES = 200;

export interface StartedLocalApi {
  readonly url: string;
  readonly functionUrls: readonly { readonly functionId: string; readonly url: string }[];
  /** Each WebSocket API's `ws://` URL. */
  readonly webSockets: readonly { readonly apiId: string; readonly url: string }[];
  /** The latest request lines as the output channel shows them, oldest first. */
  readonly requestLines: readonly string[];
}

interface Running {
  readonly api: LocalHttpApi;
  readonly watcher: vscode.Disposable;
}

/**
 * `Start Local API`: the template's APIs and function URLs on 127.0.0.1, as `sam local start-api`, sharing the warm
 * environments of the editor's invocations. A status bar item shows the URL and stops it; each request is a line in
 * the Invoke output (method, path, status, duration); a saved template reloads the routes, and changed handler code
 * restarts its function's environments on the next request.
 */
export class LocalApiCommand implements vscode.Disposable {
  private running: Running | undefined;
  private readonly status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Left);

  constructor(
    private readonly store: TemplateStore,
    private readonly runner: InvokeRunner,
    private readonly view: ResultView,
  ) {}

  /**
   * `arg`: a template URI, `{templateUri, port}` (the port overrides the setting), or an explorer item (`uri`, from
   * the template's context menu).
   */
  async start(
    arg?: vscode.Uri | { templateUri?: vscode.Uri; port?: number; uri?: unknown },
  ): Promise<StartedLocalApi | undefined> {
    if (!requireTrust('The local API')) return undefined;
    const templateUri = templateUriOfArg(arg) ?? (await pickTemplateWithFunctions(this.store, 'Template to serve'));
    if (!templateUri) return undefined;
    await this.stop();
    const core = await invokeCore();
    const requestLines: string[] = [];
    const port = (arg instanceof vscode.Uri ? undefined : arg?.port) ?? SETTINGS.localApi.port.value();
    const append = (line: string) => {
      requestLines.push(line);
      if (requestLines.length > KEPT_REQUEST_LINES) requestLines.shift();
      this.view.append(line);
    };
    const api = new core.LocalHttpApi({
      invoker: await this.runner.sdkConsent.serverInvoker(await this.runner.localInvoker(), append),
      templatePath: templateUri.fsPath,
      workspaceDir: workspaceDirOf(templateUri),
      given: givenInputsFor(templateUri),
      port,
      onLog: append,
      onFunctionLog: (text) => this.view.append(text.replace(/\n$/, '')),
    });
    let started: Awaited<ReturnType<LocalHttpApi['start']>>;
    try {
      started = await api.start();
    } catch (error) {
      await api.close();
      void vscode.window.showErrorMessage(
        `Cannot start the local API on 127.0.0.1:${port}: ${(error as Error).message}`,
      );
      return undefined;
    }
    this.running = { api, watcher: this.watchTemplate(templateUri, api) };
    this.announce(templateUri, api, started, core);
    return { ...started, requestLines };
  }

  async stop(): Promise<void> {
    const running = this.running;
    this.running = undefined;
    this.status.hide();
    if (!running) return;
    running.watcher.dispose();
    await running.api.close();
    this.view.append('Local API stopped.');
  }

  private announce(
    templateUri: vscode.Uri,
    api: LocalHttpApi,
    started: Awaited<ReturnType<LocalHttpApi['start']>>,
    core: InvokeCore,
  ): void {
    const table = api.table!;
    this.view.append(`Local API for ${vscode.workspace.asRelativePath(templateUri)} on ${started.url}`);
    for (const route of table.routes)
      this.view.append(
        `  ${route.method.padEnd(7)} ${route.path === '$default' ? '/*' : route.path} → ${route.functionId}`,
      );
    for (const mock of table.mockRoutes)
      this.view.append(`  ${mock.method.padEnd(7)} ${mock.path} → mock ${mock.status}`);
    for (const url of started.functionUrls) this.view.append(`  function URL ${url.url}/ → ${url.functionId}`);
    for (const socket of started.webSockets)
      for (const line of core.webSocketLines(socket, table)) this.view.append(`  ${line}`);
    for (const note of table.notes) this.view.append(`note: ${note}`);
    this.status.text = `$(globe) ${started.url.replace(/^http:\/\//, '')}`;
    const where = vscode.workspace.asRelativePath(templateUri);
    const sockets = started.webSockets.map((socket) => `, WebSocket ${socket.url}`).join('');
    this.status.tooltip = `Local API for ${where}: ${started.url}${sockets}. Click to stop.`;
    this.status.command = INVOKE_COMMANDS.stopLocalApi;
    this.status.show();
    void vscode.window
      .showInformationMessage(`Local API on ${started.url} (${table.routes.length} routes).`, 'Open in Browser', 'Stop')
      .then((choice) => {
        if (choice === 'Open in Browser') void vscode.env.openExternal(vscode.Uri.parse(started.url));
        if (choice === 'Stop') void this.stop();
      });
  }

  /** A template saved on disk (by the editor or anything else) reloads the routes without a restart. */
  private watchTemplate(templateUri: vscode.Uri, api: LocalHttpApi): vscode.Disposable {
    const folder = vscode.Uri.file(path.dirname(templateUri.fsPath));
    const pattern = new vscode.RelativePattern(folder, path.basename(templateUri.fsPath));
    const watcher = vscode.workspace.createFileSystemWatcher(pattern);
    let timer: NodeJS.Timeout | undefined;
    const reload = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        const reloaded = api.reload();
        this.view.append(
          reloaded.ok
            ? `Template changed: ${reloaded.table.routes.length} routes reloaded.`
            : `Template changed but not reloaded: ${reloaded.message}`,
        );
      }, RELOAD_DEBOUNCE_MS);
    };
    return vscode.Disposable.from(watcher, watcher.onDidChange(reload), watcher.onDidCreate(reload), {
      dispose: () => clearTimeout(timer),
    });
  }

  dispose(): void {
    void this.stop();
    this.status.dispose();
  }
}
