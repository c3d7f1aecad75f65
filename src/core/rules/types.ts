import type { SourceFile } from '../model/lines';
import type { Span } from '../model/nodes';
import type { SettingSource, Template, TemplateKind } from '../model/template';
import type { CodeFacts } from '../code/facts';
import type { SchemaCatalog } from '../schema/catalog';
import type { PermissionInputs } from '../permissions/scans';

export type Severity = 'error' | 'warning' | 'info';
/** What a user may set a rule to in `serverlessWorkbench.rules` (or the CLI): a severity, or off. */
export type SeverityOverride = Severity | 'off';

/** A replacement of the text in `span` (an insertion when the span is empty). */
export interface TextEdit {
  readonly span: Span;
  readonly newText: string;
}

export type { SourceFile };

/** A quick fix: edits of the template's own text, applied together (wherever the finding itself lands). */
export interface Fix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  /** The fix a user most likely wants (VS Code offers it first and for "auto fix"). */
  readonly preferred?: boolean;
}

export interface RelatedLocation {
  readonly span: Span;
  readonly message: string;
  /** The file the span is in; the template when absent. */
  readonly file?: SourceFile;
}

export interface Finding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly span: Span;
  /** The file the span is in; the template when absent. */
  readonly file?: SourceFile;
  readonly related: readonly RelatedLocation[];
  readonly fixes: readonly Fix[];
  /** The resource the finding is about (for `Metadata` suppression); undefined for template-wide findings. */
  readonly logicalId?: string;
}

export interface RuleDocs {
  /** One line: what the rule checks. */
  readonly summary: string;
  /** Why it matters: what breaks and when. */
  readonly why: string;
  /** The AWS limit or behaviour behind the rule, with its source (the AWS page or API model it comes from). */
  readonly fact: string;
  /** A template fragment that the rule flags. */
  readonly example: string;
  /** How to fix it. */
  readonly fix: string;
  /** Filled by `defineRule`: the rule's section in docs/rules.md. */
  readonly url: string;
}

export interface RuleMeta {
  readonly severity: Severity;
  /** The rule's findings may carry quick fixes (besides "ignore"); one that is not fixable must carry none. */
  readonly fixable?: boolean;
  readonly docs: RuleDocs;
  /** Template kinds the rule applies to; all when absent. */
  readonly kinds?: readonly TemplateKind[];
}

/** The function a report about one of its settings is for, and where that setting was written. */
export interface AboutFunction {
  /** How the user names it (`FunctionView.displayName`). */
  readonly name: string;
  /** Where the function is defined (its logical ID or its key under `functions`). */
  readonly span: Span;
  /** Where the setting came from: values from `globals` or `provider` are shared by every function inheriting them. */
  readonly source: SettingSource;
}

/** What one report of a rule says; the engine turns it into a `Finding` with severity and suppression applied. */
export interface Report {
  readonly messageId: string;
  readonly data?: Readonly<Record<string, string | number>>;
  readonly span: Span;
  /** The file the span is in, when it is not the template; such a report names its `logicalId` for suppression. */
  readonly file?: SourceFile;
  readonly related?: readonly RelatedLocation[];
  readonly fixes?: readonly Fix[];
  readonly logicalId?: string;
  /** Overrides the rule's default for this report (e.g. warning from 80% of a limit, error above it). */
  readonly severity?: Severity;
  /**
   * The function whose setting the report is about. The engine fills the message's `{{subject}}` and `{{where}}`
   * from it, and reports a value written once in Globals or a Serverless `provider` once for every function that
   * inherits it (see `inherited.ts`).
   */
  readonly about?: AboutFunction;
}

/** The explicit inputs of an analysis besides the template: analyses stay pure functions of these. */
export interface AnalysisInputs {
  /** "Today" as YYYY-MM-DD: the only clock date-dependent rules read. */
  readonly today: string;
  /** Per-rule severity overrides (`serverlessWorkbench.rules`). */
  readonly severities?: Readonly<Record<string, SeverityOverride>>;
  /**
   * The account's concurrent executions quota (default 1,000, Lambda developer guide, "Lambda quotas", "Concurrent
   * executions").
   */
  readonly accountConcurrency?: number;
  /** What is known about the code on disk (handlers, package sizes), measured off the UI path. */
  readonly code?: CodeFacts;
  /**
   * Resource types, attributes and property schemas (`data/`), read on first use; rules that need them report
   * nothing without them.
   */
  readonly schemas?: SchemaCatalog;
  /**
   * What the functions' handler code calls and the IAM actions of the services involved, gathered off the UI
   * path; without them the permission rules check the template's own statements only.
   */
  readonly permissions?: PermissionInputs;
}

export interface RuleContext {
  readonly template: Template;
  readonly inputs: AnalysisInputs;
  report(report: Report): void;
}

export interface Rule {
  readonly id: string;
  readonly meta: RuleMeta;
  /** Message templates by id; `{{name}}` is replaced from the report's data. */
  readonly messages: Readonly<Record<string, string>>;
  check(context: RuleContext): void;
}
