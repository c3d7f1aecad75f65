import type { Node, Span } from '../model/nodes';
import { itemsOf, mapAt, stringOf, toPlain, valueOf } from '../model/nodes';
import { resourcesNamedBy } from '../model/references';
import type { FunctionView, Template } from '../model/template';
import { connectorStatements } from './connectors';
import { MANAGED_POLICIES, managedPolicyName } from './data';
import { expandPolicyTemplate, isPolicyTemplate } from './sam-templates';
import { serverlessPermissions } from './serverless';
import { documentStatements, statementOf } from './statements';
import type {
  AttachedManagedPolicy,
  EffectivePermissions,
  Provenance,
  Statement,
  StatementKind,
  UnknownGrant,
} from './types';

/** Collects a function's grants while remembering where each came from. */
export class GrantCollector {
  readonly statements: Statement[] = [];
  readonly managedPolicies: AttachedManagedPolicy[] = [];
  readonly unknown: UnknownGrant[] = [];

  constructor(readonly template: Template) {}

  origin(span: Span, label: string): Provenance {
    return { file: this.template.fileName, span, label };
  }

  addPlain(statements: readonly unknown[], origin: Provenance, kind: StatementKind): void {
    for (const written of statements) {
      const s = statementOf(this.template, written, origin, kind);
      if (s) this.statements.push(s);
    }
  }

  /** A managed policy by name or ARN; its statements when we know them, an unknown grant otherwise. */
  addManaged(nameOrArn: string, origin: Provenance, implicit = false): void {
    const name = managedPolicyName(nameOrArn);
    // A role holds a managed policy once, however many reasons attach it.
    if (this.managedPolicies.some((m) => m.name === name)) return;
    const known = MANAGED_POLICIES[name];
    const awsManaged = !nameOrArn.startsWith('arn:') || /:iam::aws:policy\//.test(nameOrArn);
    this.managedPolicies.push({ name, known: Boolean(known), implicit, origin });
    if (known)
      this.addPlain(known.statements, { ...origin, label: `${origin.label} (AWS managed policy ${name})` }, 'managed');
    else
      this.unknown.push({
        reason: awsManaged
          ? `the contents of the AWS managed policy ${name} are not in our table`
          : `the customer managed policy ${nameOrArn} is defined outside this template`,
        origin,
      });
  }

  result(functionId: string): EffectivePermissions {
    return { functionId, statements: this.statements, managedPolicies: this.managedPolicies, unknown: this.unknown };
  }
}

/** Every statement a function runs with, from whichever template kind defines it. */
export function effectivePermissions(template: Template, fn: FunctionView): EffectivePermissions {
  const grants = new GrantCollector(template);
  if (template.kind === 'serverless') serverlessPermissions(grants, fn);
  else if (fn.role) roleGrants(grants, fn.role);
  else if (fn.resource.type === 'AWS::Serverless::Function') samRoleGrants(grants, fn);
  else
    grants.unknown.push({
      reason: 'the function has no Role',
      origin: grants.origin(fn.resource.idSpan, fn.logicalId),
    });
  if (template.kind !== 'serverless') grants.statements.push(...connectorStatements(template, fn));
  return grants.result(fn.logicalId);
}

/**
 * Managed policies SAM attaches to the role it creates, by what the function uses (SAM developer guide, "Generated AWS
 * CloudFormation resources").
 */
const SAM_EVENT_POLICIES: Readonly<Record<string, string>> = {
  SQS: 'AWSLambdaSQSQueueExecutionRole',
  Kinesis: 'AWSLambdaKinesisExecutionRole',
  DynamoDB: 'AWSLambdaDynamoDBExecutionRole',
  MSK: 'AWSLambdaMSKExecutionRole',
};

/** The role SAM creates: basic execution, what events and settings need, then `Policies`. */
export function samRoleGrants(grants: GrantCollector, fn: FunctionView): void {
  const id = fn.resource.idSpan;
  grants.addManaged(
    'AWSLambdaBasicExecutionRole',
    grants.origin(id, 'AWSLambdaBasicExecutionRole (SAM adds it to every function role)'),
    true,
  );
  const props = fn.resource.properties;
  if (valueOf(props, 'VpcConfig'))
    grants.addManaged(
      'AWSLambdaVPCAccessExecutionRole',
      grants.origin(valueOf(props, 'VpcConfig')!.span, 'VpcConfig (SAM adds AWSLambdaVPCAccessExecutionRole)'),
      true,
    );
  const tracing = valueOf(props, 'Tracing');
  if (tracing && tracingMode(grants.template, tracing) !== 'Disabled') {
    grants.addManaged(
      'AWSXrayWriteOnlyAccess',
      grants.origin(tracing.span, 'Tracing (SAM adds AWSXrayWriteOnlyAccess)'),
      true,
    );
  }
  for (const event of fn.events) {
    // An SNS event with SqsSubscription is delivered through a queue SAM creates and polls.
    const viaQueue =
      event.type === 'SNS' &&
      valueOf(event.properties, 'SqsSubscription') !== undefined &&
      stringOf(valueOf(event.properties, 'SqsSubscription')) !== 'false';
    const policy = SAM_EVENT_POLICIES[viaQueue ? 'SQS' : event.type];
    if (policy)
      grants.addManaged(
        policy,
        grants.origin(event.nameSpan, `${event.type} event ${event.name} (SAM adds ${policy})`),
        true,
      );
    destinationGrants(
      grants,
      valueOf(valueOf(event.properties, 'DestinationConfig'), 'OnFailure'),
      `${event.type} event ${event.name} OnFailure`,
    );
  }
  deadLetterGrants(grants, valueOf(props, 'DeadLetterQueue'));
  const invokeDestinations = valueOf(valueOf(props, 'EventInvokeConfig'), 'DestinationConfig');
  for (const on of ['OnSuccess', 'OnFailure'])
    destinationGrants(grants, valueOf(invokeDestinations, on), `EventInvokeConfig ${on}`);
  samPolicies(grants, fn.policies);
}

/** `Tracing` as SAM reads it: any value but `Disabled`, a parameter by its default. */
function tracingMode(template: Template, tracing: Node): string | undefined {
  if (tracing.kind === 'intrinsic' && tracing.name === 'Ref') {
    const parameter = template.parameters.find((p) => p.name === stringOf(tracing.argument));
    return stringOf(valueOf(parameter?.value, 'Default'));
  }
  return stringOf(tracing);
}

/** `DeadLetterQueue: {Type: SQS|SNS, TargetArn}` makes SAM add sqs:SendMessage or sns:Publish on the target. */
function deadLetterGrants(grants: GrantCollector, dlq: Node | undefined): void {
  const type = stringOf(valueOf(dlq, 'Type'));
  const target = valueOf(dlq, 'TargetArn');
  if (!dlq || !target || (type !== 'SQS' && type !== 'SNS')) return;
  const action = type === 'SQS' ? 'sqs:SendMessage' : 'sns:Publish';
  grants.addPlain(
    [{ Effect: 'Allow', Action: action, Resource: toPlain(target) }],
    grants.origin(dlq.span, `DeadLetterQueue (SAM adds ${action})`),
    'implicit',
  );
}

/** What SAM lets a function send to its event source or asynchronous invocation destinations. */
const DESTINATION_ACTIONS: Readonly<Record<string, string>> = {
  SQS: 'sqs:SendMessage',
  SNS: 'sns:publish',
  Lambda: 'lambda:InvokeFunction',
  EventBridge: 'events:PutEvents',
};

function destinationGrants(grants: GrantCollector, destination: Node | undefined, label: string): void {
  const type = stringOf(valueOf(destination, 'Type'));
  const target = valueOf(destination, 'Destination');
  const action = type ? DESTINATION_ACTIONS[type] : undefined;
  if (!destination || !target || !action) return;
  grants.addPlain(
    [{ Action: action, Effect: 'Allow', Resource: toPlain(target) }],
    grants.origin(destination.span, `${label} (SAM adds ${action})`),
    'implicit',
  );
}

/** SAM `Policies`: a name, an inline document, a list of those, policy templates; `Fn::If` items count both ways. */
export function samPolicies(grants: GrantCollector, policies: Node | undefined): void {
  if (!policies) return;
  const items = policies.kind === 'seq' ? itemsOf(policies) : [policies];
  items.forEach((item) => samPolicyItem(grants, item, item));
}

function samPolicyItem(grants: GrantCollector, item: Node, at: Node): void {
  if (item.kind === 'scalar') {
    const name = stringOf(item);
    if (name) grants.addManaged(name, grants.origin(at.span, `Policies › ${name}`));
    return;
  }
  if (item.kind === 'intrinsic') {
    if (item.name === 'Fn::If') {
      for (const branch of itemsOf(item.argument).slice(1)) {
        if (!(branch.kind === 'intrinsic' && stringOf(branch.argument) === 'AWS::NoValue'))
          samPolicyItem(grants, branch, at);
      }
      return;
    }
    grants.unknown.push({
      reason: 'a managed policy given by an intrinsic function cannot be read statically',
      origin: grants.origin(at.span, 'Policies'),
    });
    return;
  }
  if (item.kind !== 'map') return;
  if (valueOf(item, 'Statement')) {
    grants.statements.push(...documentStatements(grants.template, item, 'Policies › inline statement'));
    return;
  }
  for (const entry of item.entries) {
    if (!isPolicyTemplate(entry.key)) {
      grants.unknown.push({
        reason: `'${entry.key}' is not a SAM policy template`,
        origin: grants.origin(entry.keySpan, `Policies › ${entry.key}`),
      });
      continue;
    }
    const parameters = entry.value.kind === 'map' ? (toPlain(entry.value) as Record<string, unknown>) : {};
    const expansion = expandPolicyTemplate(entry.key, parameters);
    const origin = grants.origin({ start: entry.keySpan.start, end: entry.value.span.end }, `Policies › ${entry.key}`);
    if (expansion.ok) grants.addPlain(expansion.statements, origin, 'policy-template');
    else grants.unknown.push({ reason: expansion.message, origin });
  }
}

/** `Role: !GetAtt MyRole.Arn` (or `!Ref`, or the role's ARN): the role in this template, else unknown. */
function roleGrants(grants: GrantCollector, role: Node): void {
  const target = resourcesNamedBy(grants.template, role).find((r) => r.type === 'AWS::IAM::Role');
  if (!target) {
    grants.unknown.push({
      reason: 'the function uses a role defined outside this template',
      origin: grants.origin(role.span, 'Role'),
    });
    return;
  }
  iamRoleGrants(grants, target.logicalId);
}

/** An `AWS::IAM::Role` of the template: inline policies, managed ARNs, and policies that name the role. */
export function iamRoleGrants(grants: GrantCollector, roleId: string): void {
  const template = grants.template;
  const role = template.resourceById.get(roleId)!;
  for (const policy of itemsOf(valueOf(role.properties, 'Policies'))) {
    const name = stringOf(valueOf(policy, 'PolicyName')) ?? 'inline policy';
    grants.statements.push(...documentStatements(template, valueOf(policy, 'PolicyDocument'), `${roleId} › ${name}`));
  }
  for (const arn of itemsOf(valueOf(role.properties, 'ManagedPolicyArns'))) managedArn(grants, arn, roleId);
  for (const resource of template.resources) {
    if (resource.type !== 'AWS::IAM::Policy' && resource.type !== 'AWS::IAM::ManagedPolicy') continue;
    const roles = itemsOf(valueOf(resource.properties, 'Roles'));
    if (
      !roles.some(
        (r) => resourcesNamedBy(template, r).some((named) => named.logicalId === roleId) || stringOf(r) === roleId,
      )
    )
      continue;
    grants.statements.push(
      ...documentStatements(
        template,
        mapAt(resource.properties, 'PolicyDocument'),
        `${resource.logicalId} (${resource.type})`,
      ),
    );
  }
}

function managedArn(grants: GrantCollector, arn: Node, roleId: string): void {
  const template = grants.template;
  const plain =
    stringOf(arn) ?? (arn.kind === 'intrinsic' && arn.name === 'Fn::Sub' ? stringOf(arn.argument) : undefined);
  const local = resourcesNamedBy(template, arn).find((r) => r.type === 'AWS::IAM::ManagedPolicy');
  if (local) {
    grants.statements.push(
      ...documentStatements(
        template,
        mapAt(local.properties, 'PolicyDocument'),
        `${local.logicalId} (AWS::IAM::ManagedPolicy)`,
      ),
    );
  } else if (plain) {
    grants.addManaged(
      plain.replace('${AWS::Partition}', 'aws'),
      grants.origin(arn.span, `${roleId} › ManagedPolicyArns`),
    );
  } else {
    grants.unknown.push({
      reason: 'a managed policy ARN given by an intrinsic function cannot be read statically',
      origin: grants.origin(arn.span, `${roleId} › ManagedPolicyArns`),
    });
  }
}
