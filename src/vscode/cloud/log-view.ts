import * as vscode from 'vscode';
import { describeAwsProblem } from '../../core/aws/errors';
import type { AwsConnection, DeployedFunction, LogEvent } from '../../core/cloud';
import type { FromLogPage, LogPageData, ToLogPage } from '../../webview/logs/protocol';
import { webviewHtml } from '../../webview/page';
import { cloudCore } from './core';
import { problemOf, showAwsProblem } from '../aws-problems';

export const LOG_VIEW_TYPE = 'serverlessWorkbench.logs';
/** How far back a new tail starts, so the last invocations are on screen at once. */
const TAIL_LOOKBACK_MS = 10 * 60_000;

/**
 * Log views: one webview panel per tailed function, the tail running while the panel is open and stopped when it
 * closes. Lines are shaped by the core (`presentLogEvent`) and drawn by src/webview/logs.
 */
export class LogViews implements vscode.Disposable {
  private readonly open = new Map<string, { panel: vscode.WebviewPanel; stop: AbortController }>();

  constructor(private readonly extensionUri: vscode.Uri) {}

  /** Opens (or shows again) the tail of a function's log group. Returns the panel, for tests. */
  async tail(fn: DeployedFunction, target: AwsConnection, credentials: string): Promise<vscode.WebviewPanel> {
    const key = `${target.region}/${target.profile ?? ''}/${fn.logGroupName}`;
    const existing = this.open.get(key);
    if (existing) {
      existing.panel.reveal();
      return existing.panel;
    }
    const core = await cloudCore();
    const { panel, post } = this.panel(`Logs: ${fn.logicalId}`, {
      title: `${fn.logicalId} — ${fn.functionName}`,
      source: [
        `Log group ${fn.logGroupName} (${fn.logGroupOrigin})`,
        `Region ${target.region} · credentials: ${credentials}`,
      ],
    });
    const stop = new AbortController();
    this.open.set(key, { panel, stop });
    panel.onDidDispose(() => {
      stop.abort();
      this.open.delete(key);
    });
    post({ type: 'status', text: 'Starting…' });
    core
      .tailLogs({
        target,
        logGroupName: fn.logGroupName,
        ...(fn.logGroupArn ? { logGroupArn: fn.logGroupArn } : {}),
        startTime: Date.now() - TAIL_LOOKBACK_MS,
        signal: stop.signal,
        onEvents: (events: readonly LogEvent[]) => post({ type: 'lines', lines: events.map(core.presentLogEvent) }),
        onMode: (mode, why) =>
          post({
            type: 'status',
            text:
              mode === 'live'
                ? 'Live Tail'
                : `Polling every ${core.DEFAULT_LOG_TIMING.pollIntervalMs / 1000} s${why ? ` (${why})` : ''}`,
          }),
      })
      .catch((error) => {
        const problem = problemOf(error);
        post({ type: 'status', text: describeAwsProblem(problem), error: true });
        void showAwsProblem(problem);
      });
    return panel;
  }

  /** A panel showing fixed lines (one request's log). */
  async show(title: string, source: readonly string[], events: readonly LogEvent[]): Promise<vscode.WebviewPanel> {
    const core = await cloudCore();
    return this.panel(title, { title, source, lines: events.map(core.presentLogEvent) }).panel;
  }

  /** A log page; `post` holds messages until the page says it listens. */
  private panel(tab: string, data: LogPageData): { panel: vscode.WebviewPanel; post: (m: ToLogPage) => void } {
    const bundles = vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview');
    const panel = vscode.window.createWebviewPanel(
      LOG_VIEW_TYPE,
      tab,
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      // The tail keeps arriving while the tab is in the background.
      { enableScripts: true, localResourceRoots: [bundles], retainContextWhenHidden: true },
    );
    const webview = panel.webview;
    webview.html = webviewHtml({
      title: data.title,
      cspSource: webview.cspSource,
      data,
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(bundles, 'logs.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(bundles, 'logs.css')).toString(),
    });
    let waiting: ToLogPage[] | undefined = [];
    webview.onDidReceiveMessage((message: FromLogPage) => {
      if (message.type !== 'ready' || !waiting) return;
      for (const m of waiting) void webview.postMessage(m);
      waiting = undefined;
    });
    const post = (message: ToLogPage) => (waiting ? waiting.push(message) : void webview.postMessage(message));
    return { panel, post };
  }

  dispose(): void {
    for (const { panel } of this.open.values()) panel.dispose();
  }
}
