// The change set review as data: what the editor's review page and the terminal's table show. Types only, and
// nothing that needs Node, so the page's browser code shares them (src/webview/review).
import type { Span } from '../model/nodes';

/**
 * Whether CloudFormation replaces a modified resource: `True`, `Conditional` (it decides when it updates) or `False`;
 * empty for additions and removals, where the question does not arise (ResourceChange.Replacement,
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_ResourceChange.html).
 */
export type Replacement = 'True' | 'Conditional' | 'False' | '';

/** One change as the review table shows it, the same for the editor's panel and the terminal. */
export interface ReviewRow {
  /** `Add`, `Modify`, `Remove`, `Import` or `Dynamic`, as CloudFormation names it. */
  readonly action: string;
  readonly logicalId: string;
  readonly resourceType: string;
  /** Empty for a resource that does not exist yet. */
  readonly physicalId: string;
  readonly replacement: Replacement;
  /** What a modification changes: `Properties: Timeout, TableName (requires recreation); Tags`. */
  readonly changes: string;
  /** `template.yaml:27:5`, or why there is no place (`not in the template`). */
  readonly place: string;
  /** The resource's range in the template, for a link to it. */
  readonly span?: Span;
}

export interface ReviewCounts {
  readonly add: number;
  readonly modify: number;
  readonly remove: number;
  /** Modifications that replace the resource (Replacement True). */
  readonly replacements: number;
  /** Modifications CloudFormation may or may not replace (Replacement Conditional). */
  readonly conditional: number;
}

/** A change set to review before anything changes: a title, a one-line summary and a row per resource. */
export interface ChangeSetReview {
  readonly stackName: string;
  readonly title: string;
  readonly summary: string;
  readonly counts: ReviewCounts;
  readonly rows: readonly ReviewRow[];
}
