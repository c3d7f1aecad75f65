import type { Node, Span } from '../model/nodes';
import { itemsOf, stringOf, valueOf } from '../model/nodes';
import type { FunctionView, Template } from '../model/template';
import type { ActionCatalogue } from './catalogue';
import { closest, suggestServicePrefix } from './catalogue';
import { actionCovers } from './matcher';
import type { AttachedManagedPolicy, CodeCall, EffectivePermissions, Finding, Fix, Statement } from './types';

interface Written {
  readonly value: string;
  readonly span: Span;
}

/** The strings of `Action`/`Resource` with their own spans (the statement's span when it was not written). */
function writtenList(statement: Statement, key: string): Written[] {
  const node = valueOf(statement.node, key);
  const nodes: Node[] = node ? (node.kind === 'seq' ? [...itemsOf(node)] : [node]) : [];
  const fromNodes = nodes.flatMap((n) => {
    const value = stringOf(n);
    return value === undefined ? [] : [{ value, span: n.span }];
  });
  if (fromNodes.length > 0 || statement.node) return fromNodes;
  const plain = (statement.written as Record<string, unknown> | undefined)?.[key];
  const values =
    typeof plain === 'string'
      ? [plain]
      : Array.isArray(plain)
        ? plain.filter((v): v is string => typeof v === 'string')
        : [];
  return values.map((value) => ({ value, span: statement.origin.span }));
}

function finding(
  template: Template,
  ruleId: string,
  severity: Finding['severity'],
  span: Span,
  message: string,
): Finding {
  return { ruleId, severity, file: template.fileName, span, message, related: [] };
}

/** Wildcards, admin, PassRole and unknown actions in statements written in the template. */
export function statementFindings(
  template: Template,
  all: readonly EffectivePermissions[],
  catalogue: ActionCatalogue | undefined,
): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<Statement['node']>();
  for (const statement of all.flatMap((p) => p.statements)) {
    if (statement.kind !== 'written' || statement.effect !== 'Allow' || seen.has(statement.node)) continue;
    seen.add(statement.node);
    const actions = writtenList(statement, 'Action');
    const resources = writtenList(statement, 'Resource');
    const anyResource = resources.find((r) => r.value === '*');
    const star = actions.find((a) => a.value === '*');
    if (star && anyResource) {
      findings.push(
        finding(
          template,
          'iam-admin',
          'error',
          statement.origin.span,
          'This statement allows every action on every resource (administrator access). Grant the actions the ' +
            'function calls on its resources.',
        ),
      );
      continue;
    }
    for (const a of actions) {
      if (a.value === '*' || /^[\w-]+:\*$/.test(a.value)) {
        findings.push(
          finding(
            template,
            'iam-wildcard-action',
            'warning',
            a.span,
            `'${a.value}' allows ` +
              `${a.value === '*' ? 'every action of every service' : `every ${a.value.split(':')[0]} action`}, ` +
              `including deleting and reconfiguring. List the actions the code calls.`,
          ),
        );
      }
    }
    if (anyResource) {
      const passRole = actions.find((a) => actionCovers(a.value, 'iam:PassRole'));
      if (passRole)
        findings.push(
          finding(
            template,
            'iam-passrole-wildcard',
            'warning',
            passRole.span,
            "iam:PassRole on any role lets this function hand any role (an administrator's too) to a service it " +
              'creates. Name the roles it may pass.',
          ),
        );
      const scoped = catalogue ? actions.filter((a) => supportsResources(catalogue, a.value)) : [];
      if (scoped.length > 0) {
        findings.push(
          finding(
            template,
            'iam-wildcard-resource',
            'warning',
            anyResource.span,
            `Resource '*' grants ${scoped.map((a) => a.value).join(', ')} on every resource of the account, ` +
              `though ${scoped.length > 1 ? 'they support' : 'it supports'} resource-level permissions. Name the ` +
              `resources.`,
          ),
        );
      }
    }
    if (catalogue) findings.push(...unknownActions(template, catalogue, actions));
  }
  return findings;
}

function supportsResources(catalogue: ActionCatalogue, pattern: string): boolean {
  const [prefix, name] = pattern.split(':');
  const actions = name === undefined ? undefined : catalogue.actionsOf(prefix);
  if (!actions) return false;
  for (const info of actions.values())
    if (info.resourceLevel && actionCovers(`${prefix}:${name}`, `${prefix}:${info.name}`)) return true;
  return false;
}

function unknownActions(template: Template, catalogue: ActionCatalogue, actions: readonly Written[]): Finding[] {
  const out: Finding[] = [];
  for (const a of actions) {
    if (a.value === '*') continue;
    const colon = a.value.indexOf(':');
    if (colon <= 0) {
      out.push(
        finding(
          template,
          'iam-unknown-action',
          'error',
          a.span,
          `'${a.value}' is not an IAM action: actions are written service:Action (for example dynamodb:GetItem).`,
        ),
      );
      continue;
    }
    const prefix = a.value.slice(0, colon);
    const name = a.value.slice(colon + 1);
    const known = catalogue.actionsOf(prefix);
    if (!known) {
      const guess = suggestServicePrefix(prefix, catalogue.serviceKeys);
      out.push(
        finding(
          template,
          'iam-unknown-action',
          'error',
          a.span,
          `'${prefix}' is not an IAM service prefix.${guess ? ` Did you mean '${guess}'?` : ''}`,
        ),
      );
      continue;
    }
    const matches = [...known.values()].some((info) => actionCovers(a.value, `${prefix}:${info.name}`));
    if (!matches) {
      const guess = closest(
        name,
        [...known.values()].map((i) => i.name),
      );
      out.push(
        finding(
          template,
          'iam-unknown-action',
          'error',
          a.span,
          `${prefix} has no action ` +
            `'${name}'.${guess.length ? ` Did you mean ${guess.map((g) => `${prefix}:${g}`).join(' or ')}?` : ''}`,
        ),
      );
    }
  }
  return out;
}

/** AWS managed policies whose names say they are broad, and the SAM policy template that usually fits. */
const NARROWER: Readonly<Record<string, string>> = {
  AmazonDynamoDBFullAccess: 'DynamoDBCrudPolicy',
  AmazonS3FullAccess: 'S3CrudPolicy',
  AmazonSQSFullAccess: 'SQSSendMessagePolicy or SQSPollerPolicy',
  AmazonSNSFullAccess: 'SNSPublishMessagePolicy',
  AWSLambda_FullAccess: 'LambdaInvokePolicy',
  AWSStepFunctionsFullAccess: 'StepFunctionsExecutionPolicy',
  AmazonKinesisFullAccess: 'KinesisCrudPolicy',
  AmazonKinesisFirehoseFullAccess: 'FirehoseWritePolicy',
  AmazonSESFullAccess: 'SESCrudPolicy',
  AmazonEventBridgeFullAccess: 'EventBridgePutEventsPolicy',
  CloudWatchFullAccess: 'CloudWatchPutMetricPolicy',
  AmazonSSMFullAccess: 'SSMParameterReadPolicy',
  AmazonRekognitionFullAccess: 'RekognitionDetectOnlyPolicy',
  AmazonTextractFullAccess: 'TextractPolicy',
  AmazonAthenaFullAccess: 'AthenaQueryPolicy',
  SecretsManagerReadWrite: 'AWSSecretsManagerGetSecretValuePolicy',
};

/** `iam-broad-managed-policy` for one function's role, with the fixes `replace` offers for each policy. */
export function managedPolicyFindings(
  permissions: EffectivePermissions,
  replace: (policy: AttachedManagedPolicy) => Fix[],
): Finding[] {
  const findings: Finding[] = [];
  for (const policy of permissions.managedPolicies) {
    if (policy.implicit) continue;
    const broad =
      policy.name === 'AdministratorAccess' ||
      policy.name === 'PowerUserAccess' ||
      /FullAccess$/.test(policy.name) ||
      policy.name === 'SecretsManagerReadWrite';
    if (!broad) continue;
    const narrower = NARROWER[policy.name];
    findings.push({
      ruleId: 'iam-broad-managed-policy',
      severity: 'warning',
      file: policy.origin.file,
      span: policy.origin.span,
      related: [],
      fixes: replace(policy),
      message:
        `${policy.name} grants far more than a function needs` +
        (narrower
          ? `; the SAM policy template ${narrower} grants what functions usually use, on one resource`
          : '; grant the actions the code calls on its resources') +
        '.',
    });
  }
  return findings;
}

/** `iam-unused-permission`: actions a function's own Policies grant that its (completely scanned) code never calls. */
export function unusedPermissionFindings(
  fn: FunctionView,
  permissions: EffectivePermissions,
  calls: readonly CodeCall[],
): Finding[] {
  const called = new Set(calls.flatMap((c) => c.actions.map((a) => a.toLowerCase())));
  const byOrigin = new Map<string, { statement: Statement; unused: Set<string> }>();
  for (const s of permissions.statements) {
    if (
      s.effect !== 'Allow' ||
      !s.actions ||
      !(s.kind === 'policy-template' || s.kind === 'written') ||
      !s.origin.label.startsWith('Policies')
    )
      continue;
    const key = `${s.origin.span.start}:${s.origin.span.end}`;
    const entry = byOrigin.get(key) ?? { statement: s, unused: new Set<string>() };
    for (const a of s.actions) {
      if (!a.includes('*') && !a.includes('?') && !called.has(a.toLowerCase())) entry.unused.add(a);
    }
    byOrigin.set(key, entry);
  }
  const findings: Finding[] = [];
  for (const { statement, unused } of byOrigin.values()) {
    if (unused.size === 0) continue;
    const list = [...unused];
    findings.push({
      ruleId: 'iam-unused-permission',
      severity: 'info',
      functionId: fn.logicalId,
      file: statement.origin.file,
      span: statement.origin.span,
      related: [],
      message:
        `${statement.origin.label.replace(/^Policies › /, '')} ` +
        `grants ${list.length > 4 ? `${list.slice(0, 4).join(', ')} and ${list.length - 4} more` : list.join(', ')}, ` +
        `which ${fn.displayName}'s code never calls.`,
    });
  }
  return findings;
}
