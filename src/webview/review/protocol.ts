// Messages and data of the change set review page. Types only: the page and src/vscode/deploy/review.ts share them.
import type { ChangeSetReview } from '../../core/deploy/review-view';

export interface ReviewPageData {
  readonly review: ChangeSetReview;
  /** Where the change set goes and comes from: `Update of orders-service in us-east-1 from sam-app/template.yaml`. */
  readonly subtitle: string;
}

export type FromReviewPage =
  /** The rows as the page laid them out, cell by cell (what the user sees; the editor keeps it for its tests). */
  | { readonly type: 'shown'; readonly rows: readonly (readonly string[])[] }
  /** A logical ID was followed: show its range in the template. */
  | { readonly type: 'reveal'; readonly index: number }
  | { readonly type: 'deploy' }
  | { readonly type: 'cancel' }
  /** Close, offered once nothing is left to decide (no changes, or the deploy ended). */
  | { readonly type: 'close' };

/** What happened after Deploy: progress, then the outcome (`final`), after which the page offers Close. */
export interface ToReviewPage {
  readonly type: 'status';
  readonly text: string;
  readonly final?: boolean;
  readonly error?: boolean;
}
