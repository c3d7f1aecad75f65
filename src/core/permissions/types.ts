import type { Node, Span } from '../model/nodes';

/** Where a statement, a call or a finding is: a file (template or handler source) and a span in it. */
export interface Location {
  readonly file: string;
  readonly span: Span;
}

/** Where a granted statement came from, in words a user recognises ("Policies › DynamoDBCrudPolicy"). */
export interface Provenance extends Location {
  readonly label: string;
}

/**
 * A resource pattern as IAM compares it, with template names kept as `{LogicalId}` tokens and pseudo
 * parameters as `{AWS::Region}` / `{AWS::AccountId}` so that `!GetAtt OrdersTable.Arn` and the ARN the code
 * builds from `process.env.TABLE_NAME` (set to `!Ref OrdersTable`) compare equal.
 */
export interface ResourcePattern {
  readonly pattern: string;
  /** The template resources this pattern names (`OrdersTable` for `!GetAtt OrdersTable.Arn`). */
  readonly resourceIds: readonly string[];
}

/**
 * `written`: a statement in the template (inline policy, role policy, serverless.yml); `policy-template`:
 * a SAM policy template the user chose; `managed`: an attached managed policy; `implicit`: what SAM or the
 * framework adds on its own (basic execution, event sources, connectors).
 */
export type StatementKind = 'written' | 'policy-template' | 'managed' | 'implicit';

export interface Statement {
  readonly kind: StatementKind;
  readonly effect: 'Allow' | 'Deny';
  /** Exactly one of actions / notActions is set. */
  readonly actions?: readonly string[];
  readonly notActions?: readonly string[];
  readonly resources?: readonly ResourcePattern[];
  readonly notResources?: readonly ResourcePattern[];
  /** Statements with a Condition grant less than they say; the matcher still counts them (optimistic). */
  readonly conditional: boolean;
  readonly origin: Provenance;
  /** The statement as written (a plain JSON value), for wildcard findings and the explorer. */
  readonly written?: unknown;
  /** The statement's node when it is written in the document, so findings can point at one action. */
  readonly node?: Node;
}

/** Something that grants permissions we cannot see: an unknown managed policy, a role defined elsewhere. */
export interface UnknownGrant {
  readonly reason: string;
  readonly origin: Provenance;
}

/** A managed policy attached to the function's role, by name or ARN. */
export interface AttachedManagedPolicy {
  readonly name: string;
  readonly known: boolean;
  /** Attached by SAM or the framework on their own (basic execution, event sources), not by the user. */
  readonly implicit: boolean;
  readonly origin: Provenance;
}

export interface EffectivePermissions {
  readonly functionId: string;
  readonly statements: readonly Statement[];
  readonly managedPolicies: readonly AttachedManagedPolicy[];
  readonly unknown: readonly UnknownGrant[];
}

/** One AWS SDK call the handler's code makes, mapped to the IAM actions it needs. */
export interface CodeCall {
  readonly service: string;
  readonly operation: string;
  readonly actions: readonly string[];
  /** The resource's ARN pattern when the code names it in a way we can trace (environment variable, literal). */
  readonly resource?: ResourcePattern;
  /** How the resource was found, for messages ("TABLE_NAME → OrdersTable"). */
  readonly resourceVia?: string;
  /** The client was given credentials of its own (keys, an assumed role), so the function's role does not apply. */
  readonly ownCredentials?: boolean;
  readonly location: Location;
}

/** A call that looks like an AWS SDK call but whose operation or client cannot be known statically. */
export interface UnresolvedCall {
  readonly reason: string;
  readonly location: Location;
}

export type Severity = 'error' | 'warning' | 'info';

export interface RelatedLocation extends Location {
  readonly message: string;
}

/** A quick fix the editor can apply: replace `span` of `file` by `text` (insertions have start === end). */
export interface FixEdit extends Location {
  readonly text: string;
}

export interface Fix {
  readonly title: string;
  readonly edits: readonly FixEdit[];
  readonly preferred?: boolean;
}

export interface Finding extends Location {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly related: readonly RelatedLocation[];
  readonly fixes?: readonly Fix[];
  /** The function the finding is about, for grouping in the explorer. */
  readonly functionId?: string;
}
