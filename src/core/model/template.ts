import type { LineIndex } from './lines';
import type { MapNode, Node, Span } from './nodes';
import type { ParseProblem } from './parse-result';
import type { LoopOrigin, UnexpandedLoop } from './language-extensions/for-each';
import type { TemplateResolver } from './resolve/resolver';
import type { Provenance } from './resolve/types';

export type TemplateKind = 'sam' | 'cloudformation' | 'serverless';
export type TemplateFormat = 'yaml' | 'json';

/**
 * Everything the analyses know about one template. Built once per document version by `loadTemplate`,
 * never mutated afterwards, so analyses may cache on its identity.
 */
export interface Template {
  readonly fileName: string;
  readonly text: string;
  readonly format: TemplateFormat;
  readonly kind: TemplateKind;
  readonly lines: LineIndex;
  /** The document's top-level map; undefined when the text did not parse into one. */
  readonly root: MapNode | undefined;
  /** Problems found while reading (syntax, duplicate keys, structure); rules add their own findings. */
  readonly problems: readonly ParseProblem[];
  /**
   * Written resources in document order, then the resources SAM or the Serverless Framework would
   * generate. For a serverless.yml the "written" ones are `resources.Resources` and the functions.
   */
  readonly resources: readonly Resource[];
  readonly resourceById: ReadonlyMap<string, Resource>;
  readonly parameters: readonly NamedEntry[];
  readonly conditions: readonly NamedEntry[];
  readonly mappings: readonly NamedEntry[];
  readonly outputs: readonly NamedEntry[];
  /** SAM `Globals`, as written. */
  readonly globals: MapNode | undefined;
  /** Every Lambda function, whatever the template kind, with its effective configuration. */
  readonly functions: readonly FunctionView[];
  /** Serverless Framework facts (service, provider, resolved variables); undefined for other kinds. */
  readonly serverless?: ServerlessInfo;
  /**
   * Present when the template has `Fn::ForEach` loops (AWS::LanguageExtensions): `root` as CloudFormation reads it
   * after the transform, loops in Resources, Outputs, Conditions and resource properties expanded. `resources`,
   * `conditions` and `outputs` are read from it. Its nodes keep the spans of the text they were copied from, so
   * several nodes may share a span (one per item of a loop's collection). `root` stays the document as written.
   */
  readonly expanded?: ExpandedTemplate;
  /**
   * What values resolve to with this template's parameters, mappings and conditions and the inputs given to
   * `loadTemplate` (`LoadOptions.resolution`): `resolver.evaluate(node)`, `resolver.condition(name)`.
   */
  readonly resolver: TemplateResolver;
  /**
   * SAM templates: resources the transform would generate under a logical ID the template already uses for
   * something else (a function's role, an event's permission). The SAM transform refuses such a template.
   */
  readonly generatedIdConflicts?: readonly GeneratedIdConflict[];
}

/**
 * A resource SAM would generate (`type`, for `generatedBy`, `reason` in words) under a written resource's logical ID.
 */
export interface GeneratedIdConflict {
  readonly logicalId: string;
  readonly type: string;
  readonly generatedBy: string;
  readonly reason: string;
}

export interface ExpandedTemplate {
  readonly root: MapNode;
  /** Loops whose collection is only known at deploy: kept as written in `root`, their products unlisted. */
  readonly unexpandedLoops: readonly UnexpandedLoop[];
  /** The collections of the expanded loops, as written (they are gone from `root` but their `!Ref`s are uses). */
  readonly loopCollections: readonly Node[];
}

/** A Parameter, Condition, Mapping or Output: its name, where the name is and its definition. */
export interface NamedEntry {
  readonly name: string;
  readonly nameSpan: Span;
  readonly value: Node;
}

export type ResourceOrigin = 'written' | 'generated';

export interface Resource {
  readonly logicalId: string;
  readonly type: string;
  readonly origin: ResourceOrigin;
  /** The logical ID key for written resources; for generated ones, the place that makes them exist. */
  readonly idSpan: Span;
  /** The whole resource entry (written) or the generating element (generated). */
  readonly span: Span;
  /** The resource's own map as written (`Type`, `Properties`, `DependsOn`, ...); absent for generated ones. */
  readonly node?: MapNode;
  /**
   * Effective properties: as written for CloudFormation; with Globals merged for SAM (entries keep the
   * span of the place they came from, Globals included); synthesised for Serverless functions.
   */
  readonly properties?: MapNode;
  /** For generated resources: which resource produced it and why, in words a user understands. */
  readonly generatedBy?: { readonly logicalId: string; readonly reason: string };
  /**
   * For written SAM resources: the CloudFormation resource the SAM transform turns this entry into
   * (`AWS::Serverless::Function` → `AWS::Lambda::Function`, same logical ID; a layer gets `<Layer><hash>`).
   * Absent for CloudFormation resources, which deploy as written, and for SAM Connectors, which leave only
   * the generated policies and permissions. A written resource under the implicit API's logical ID
   * (`ServerlessRestApi`) deploys as that API, because SAM writes the implicit API over it.
   */
  readonly deployedAs?: { readonly logicalId: string; readonly type: string };
  /**
   * For written resources a `Fn::ForEach` loop produced: the innermost loop's name and the span of its
   * `Fn::ForEach::<Name>` key. `idSpan` is then the loop's output key (`Topic${Name}`) and the resource's nodes
   * carry the spans of the loop body they were copied from.
   */
  readonly expandedFrom?: LoopOrigin;
  /**
   * The `Condition` attribute: the resource's own, or for a generated resource the one of the resource that
   * generates it (SAM and the framework carry it over).
   */
  readonly condition?: string;
  /**
   * Whether the stack creates it: true without a condition or when the condition is true, false when it is
   * false ("not created", costs nothing), undefined when the condition cannot be decided before deploying.
   */
  readonly created?: boolean;
}

/** Where an effective setting came from, so that a finding can point at the line that causes it. */
export type SettingSource = 'resource' | 'globals' | 'provider' | 'default';

/**
 * One effective setting, resolved: `Ref` to parameters (their overrides or Defaults), mappings, conditions
 * and the other intrinsics are evaluated. `value` is undefined when it cannot be known before deploying (or
 * is not of the setting's type); `unknown` then says why, and nobody may put a default in its place.
 * `node` is the expression as written. Defaults have neither a node nor a span of their own and use `span`
 * of the function's logical ID.
 */
export interface Setting<T> {
  readonly value: T | undefined;
  readonly node?: Node;
  readonly span: Span;
  readonly source: SettingSource;
  /**
   * How the value came about, outermost first: `globals` when inherited, then the steps of the expression
   * (`parameter-default`, `override`, `mapping`, `condition`, ...); a plain value written in place is one
   * `literal` step; a default is a `default` step. `describeProvenance` puts it in words.
   */
  readonly provenance: readonly Provenance[];
  /** Why `value` is undefined, in one sentence a user understands. */
  readonly unknown?: string;
}

export interface EnvironmentVariable {
  readonly name: string;
  readonly nameSpan: Span;
  /** As written. */
  readonly value: Node;
  readonly source: SettingSource;
  /** The value as text, resolved, with its provenance (a variable whose value is `AWS::NoValue` is not listed). */
  readonly resolved: Setting<string>;
}

/**
 * An event that invokes a function, in SAM's vocabulary whatever the template kind: `Api`, `HttpApi`,
 * `SQS`, `SNS`, `S3`, `Schedule`, `ScheduleV2`, `EventBridgeRule`, `CloudWatchEvent`, `DynamoDB`, `Kinesis`,
 * `MSK`, `MQ`, `SelfManagedKafka`, `DocumentDB`, `CloudWatchLogs`, `Cognito`, `IoTRule`, `AlexaSkill`, and for
 * Serverless events without a SAM twin `ALB` and `WebSocket`. Properties use SAM's names (`Path`, `Method`,
 * `Queue`, `BatchSize`, ...) with spans into the source.
 */
export interface FunctionEvent {
  readonly name: string;
  readonly type: string;
  readonly nameSpan: Span;
  readonly span: Span;
  readonly properties: MapNode | undefined;
}

export interface FunctionView {
  readonly logicalId: string;
  readonly resource: Resource;
  /** How the user names it: the logical ID, or the function key in serverless.yml. */
  readonly displayName: string;
  /** The deployed name when the template fixes it (`FunctionName`, or the framework's `<service>-<stage>-<name>`). */
  readonly functionName: Setting<string> | undefined;
  readonly runtime: Setting<string> | undefined;
  readonly handler: Setting<string> | undefined;
  /** Code folder relative to the template's folder (SAM `CodeUri`, CFN `Code`, Serverless: the service folder). */
  readonly codeUri: Setting<string> | undefined;
  readonly memorySize: Setting<number>;
  readonly timeout: Setting<number>;
  readonly architecture: Setting<'x86_64' | 'arm64'>;
  readonly ephemeralStorage: Setting<number>;
  readonly packageType: 'Zip' | 'Image';
  readonly environment: readonly EnvironmentVariable[];
  readonly layers: readonly Node[];
  readonly events: readonly FunctionEvent[];
  /** SAM `Policies`, as written (after Globals, which may not set it). */
  readonly policies: Node | undefined;
  /** SAM/CFN `Role`, Serverless `role`. */
  readonly role: Node | undefined;
  readonly reservedConcurrency: Setting<number> | undefined;
  readonly provisionedConcurrency: Setting<number> | undefined;
  readonly autoPublishAlias: Setting<string> | undefined;
  /** Lambda Managed Instances (`CapacityProviderConfig`) have other limits than ordinary functions. */
  readonly managedInstances: boolean;
}

export interface ServerlessInfo {
  readonly service: string | undefined;
  readonly stage: string;
  readonly region: string;
  readonly frameworkVersion: string | undefined;
  readonly provider: MapNode | undefined;
  readonly plugins: readonly string[];
  /** `${...}` expressions that were left as written because resolving them needs AWS or the CLI. */
  readonly unresolvedVariables: readonly {
    readonly expression: string;
    readonly span: Span;
    /** The variable source (`ssm`, `cf`, `opt`, `env`, a plugin's, ...). */
    readonly source?: string;
    /** Why it was left as written, in words a user understands. */
    readonly reason?: string;
  }[];
  /**
   * The whole document with its variables resolved. Values keep the span of the text that sets them:
   * a reference's own span for scalars and imported files, the referenced lines for maps and lists.
   */
  readonly resolved: MapNode;
  /** The shared execution role's configuration, for permission analyses. */
  readonly iam: ServerlessIam;
  /** What each function adds to its FunctionView, by the function's logical ID. */
  readonly functionFacts: ReadonlyMap<string, ServerlessFunctionFacts>;
}

export interface ServerlessIam {
  /** `provider.iam.role.statements` (or the older `provider.iamRoleStatements`), resolved, in order. */
  readonly statements: readonly Node[];
  /** `provider.iam.role.managedPolicies` (or `provider.iamManagedPolicies`). */
  readonly managedPolicies: readonly Node[];
  /** `provider.iam.role` given as a name, ARN or intrinsic (or the older `provider.role`): no role is generated. */
  readonly customRole: Node | undefined;
  /** `provider.iam.role.name` and `.permissionsBoundary` (or `provider.rolePermissionsBoundary`). */
  readonly roleName: Node | undefined;
  readonly permissionsBoundary: Node | undefined;
  /** `IamRoleLambdaExecution` when the framework generates the shared role, otherwise undefined. */
  readonly roleLogicalId: string | undefined;
}

export interface ServerlessFunctionFacts {
  /** The key under `functions:`. */
  readonly key: string;
  /** The function's map, variables resolved. */
  readonly node: MapNode;
  /** serverless-iam-roles-per-function: the function's own `iamRoleStatements`, resolved. */
  readonly iamRoleStatements: readonly Node[];
  /** `iamRoleStatementsInherit: true` adds the provider's statements to the function's own role. */
  readonly iamRoleStatementsInherit: boolean;
  /** Whether that plugin is in `plugins`; without it the framework ignores per-function statements. */
  readonly perFunctionRolePlugin: boolean;
  /** The role the function runs with: a generated role's logical ID, or the role as written. */
  readonly executionRole: { readonly logicalId: string } | { readonly node: Node };
}
