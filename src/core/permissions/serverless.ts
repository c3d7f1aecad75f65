import type { Node } from '../model/nodes';
import { itemsOf, mapAt, stringOf, toPlain, valueOf } from '../model/nodes';
import type { FunctionView } from '../model/template';
import type { GrantCollector } from './effective';
import { documentStatements } from './statements';

/**
 * The Serverless Framework's role for a function (v3 docs "IAM Permissions For Functions"): one shared
 * role with `provider.iam.role.statements` (v3) or `provider.iamRoleStatements` (v2), managed policies,
 * or a custom role (its contents live elsewhere); per-function `iamRoleStatements` only with the
 * serverless-iam-roles-per-function plugin. Read from the document itself, so it works whatever the
 * Serverless model exposes.
 */
export function serverlessPermissions(grants: GrantCollector, fn: FunctionView): void {
  const root = grants.template.root;
  const provider = mapAt(root, 'provider');
  const config = mapAt(mapAt(root, 'functions'), fn.displayName);
  const iamRole = valueOf(valueOf(provider, 'iam'), 'role');
  const customRole = valueOf(config, 'role') ?? valueOf(provider, 'role') ?? (iamRole && iamRole.kind !== 'map' ? iamRole : undefined);
  if (customRole) {
    grants.unknown.push({ reason: `the function uses the custom role ${describe(customRole)}, whose policies are not in serverless.yml`, origin: grants.origin(customRole.span, 'role') });
    return;
  }
  // The framework always lets the function write its own log group.
  grants.addPlain([{ Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:CreateLogGroup', 'logs:PutLogEvents', 'logs:TagResource'], Resource: '*' }],
    grants.origin(fn.resource.idSpan, 'CloudWatch Logs (the framework adds it to every function role)'), 'implicit');
  const plugins = itemsOf(valueOf(root, 'plugins')).map(stringOf);
  const perFunction = plugins.includes('serverless-iam-roles-per-function') ? valueOf(config, 'iamRoleStatements') : undefined;
  if (perFunction) {
    grants.statements.push(...documentStatements(grants.template, { kind: 'map', span: perFunction.span, entries: [{ key: 'Statement', keySpan: perFunction.span, value: perFunction }] }, `functions › ${fn.displayName} › iamRoleStatements`));
  } else {
    statementsAt(grants, valueOf(iamRole, 'statements'), 'provider.iam.role.statements');
    statementsAt(grants, valueOf(provider, 'iamRoleStatements'), 'provider.iamRoleStatements');
  }
  for (const policy of itemsOf(valueOf(iamRole, 'managedPolicies') ?? valueOf(provider, 'iamManagedPolicies'))) {
    const arn = stringOf(policy) ?? (policy.kind === 'intrinsic' && policy.name === 'Fn::Sub' ? stringOf(policy.argument) : undefined);
    if (arn) grants.addManaged(arn.replace('${AWS::Partition}', 'aws'), grants.origin(policy.span, 'provider.iam.role.managedPolicies'));
    else grants.unknown.push({ reason: 'a managed policy given by an expression cannot be read statically', origin: grants.origin(policy.span, 'provider.iam.role.managedPolicies') });
  }
  eventGrants(grants, config);
}

function statementsAt(grants: GrantCollector, list: Node | undefined, label: string): void {
  if (!list) return;
  grants.statements.push(...documentStatements(grants.template, { kind: 'map', span: list.span, entries: [{ key: 'Statement', keySpan: list.span, value: list }] }, label));
}

/** The framework adds what the event source mappings need to the shared role. */
function eventGrants(grants: GrantCollector, config: Node | undefined): void {
  for (const event of itemsOf(valueOf(config, 'events'))) {
    const sqs = valueOf(event, 'sqs');
    if (sqs) {
      const arn = valueOf(sqs, 'arn') ?? sqs;
      grants.addPlain([{ Effect: 'Allow', Action: ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes'], Resource: toPlain(arn) }],
        grants.origin(event.span, 'sqs event (the framework adds sqs:ReceiveMessage, DeleteMessage, GetQueueAttributes)'), 'implicit');
    }
    const stream = valueOf(event, 'stream');
    if (stream) {
      const arn = valueOf(stream, 'arn') ?? stream;
      const kinesis = stringOf(valueOf(stream, 'type')) === 'kinesis' || /:kinesis:/.test(String(stringOf(arn)));
      const actions = kinesis
        ? ['kinesis:GetRecords', 'kinesis:GetShardIterator', 'kinesis:DescribeStream', 'kinesis:DescribeStreamSummary', 'kinesis:ListShards', 'kinesis:ListStreams']
        : ['dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:DescribeStream', 'dynamodb:ListStreams'];
      grants.addPlain([{ Effect: 'Allow', Action: actions, Resource: toPlain(arn) }], grants.origin(event.span, 'stream event (the framework adds the stream read permissions)'), 'implicit');
    }
  }
}

function describe(node: Node): string {
  const value = stringOf(node);
  return value ?? JSON.stringify(toPlain(node));
}
