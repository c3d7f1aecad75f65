import * as vscode from 'vscode';
import type { ChangeSetReview } from '../../core/deploy';
import type { FromReviewPage, ReviewPageData, ToReviewPage } from '../../webview/review/protocol';
import { webviewHtml } from '../../webview/page';
import { revealSpan } from './problems';

export const REVIEW_VIEW_TYPE = 'serverlessWorkbench.changeSetReview';

/** An open review: the user's decision, and a way to tell the page what became of it. */
export interface OpenReview {
  /** True once Deploy is pressed; false on Cancel, on closing the panel, or when the deploy is cancelled. */
  readonly decision: Promise<boolean>;
  /** Progress after Deploy, then the outcome (`final`), after which the page offers Close. */
  report(text: string, final?: boolean, error?: boolean): void;
}

/** What the last review page laid out, row by row and cell by cell, as it reported it (for tests and scripts). */
export interface ReviewState {
  readonly title: string;
  readonly summary: string;
  readonly rows: readonly (readonly string[])[] | undefined;
  readonly open: boolean;
}

/**
 * The change set review panels ("Review Change Set — <stack>", src/webview/review): one row per change with a link
 * to its range in the template, and Deploy / Cancel. Nothing executes until Deploy; closing the panel cancels.
 */
export class ChangeSetReviews implements vscode.Disposable {
  private readonly panels = new Set<vscode.WebviewPanel>();
  private last: { review: ChangeSetReview; panel: vscode.WebviewPanel; rows?: ReviewState['rows'] } | undefined;

  /** `bundles`: the folder of the webview bundles (dist/webview). */
  constructor(private readonly bundles: vscode.Uri) {}

  get state(): ReviewState | undefined {
    const last = this.last;
    if (!last) return undefined;
    return {
      title: last.review.title,
      summary: last.review.summary,
      rows: last.rows,
      open: this.panels.has(last.panel),
    };
  }

  /** Opens the review of `review` (a change set of the template at `templateUri`); `signal` withdraws it. */
  open(review: ChangeSetReview, subtitle: string, templateUri: vscode.Uri, signal?: AbortSignal): OpenReview {
    const panel = vscode.window.createWebviewPanel(
      REVIEW_VIEW_TYPE,
      review.title,
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false },
      // The review waits for the user, who may look at the template in the meantime.
      { enableScripts: true, retainContextWhenHidden: true, localResourceRoots: [this.bundles] },
    );
    this.panels.add(panel);
    const entry: NonNullable<typeof this.last> = { review, panel };
    this.last = entry;
    const { webview } = panel;
    webview.html = webviewHtml({
      title: review.title,
      cspSource: webview.cspSource,
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(this.bundles, 'review.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(this.bundles, 'review.css')).toString(),
      data: { review, subtitle } satisfies ReviewPageData,
    });
    let decide: (deploy: boolean) => void = () => undefined;
    let decided = false;
    const decision = new Promise<boolean>((resolve) => {
      decide = (deploy) => {
        if (decided) return;
        decided = true;
        resolve(deploy);
      };
    });
    webview.onDidReceiveMessage((message: FromReviewPage) => {
      switch (message.type) {
        case 'shown':
          entry.rows = message.rows;
          return;
        case 'reveal': {
          const span = review.rows[message.index]?.span;
          if (span) void revealSpan(templateUri, span, columnBeside(templateUri, panel));
          return;
        }
        case 'deploy':
          decide(true);
          return;
        case 'cancel':
        case 'close':
          panel.dispose();
      }
    });
    const withdraw = () => {
      if (!decided) panel.dispose();
    };
    signal?.addEventListener('abort', withdraw);
    panel.onDidDispose(() => {
      signal?.removeEventListener('abort', withdraw);
      this.panels.delete(panel);
      decide(false);
    });
    return {
      decision,
      report: (text, final, error) => {
        if (!this.panels.has(panel)) return;
        void webview.postMessage({ type: 'status', text, final, error } satisfies ToReviewPage);
      },
    };
  }

  dispose(): void {
    for (const panel of this.panels) panel.dispose();
  }
}

/** The template's own column when it is shown, else one beside the review, so revealing never covers the review. */
function columnBeside(templateUri: vscode.Uri, panel: vscode.WebviewPanel): vscode.ViewColumn {
  const shown = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === templateUri.toString());
  if (shown?.viewColumn) return shown.viewColumn;
  return panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One;
}
