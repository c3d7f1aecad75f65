import type { Node } from '../model/nodes';
import { stringOf, toPlain, valueOf } from '../model/nodes';
import type { FunctionView } from '../model/template';
import type { GrantCollector } from './effective';
import { statementOf } from './statements';

/**
 * The Serverless Framework's role for a function (v3 docs "IAM Permissions For Functions"), from the model's
 * `serverless.iam` and the function's facts: the shared role's `provider.iam.role.statements` (or v2's
 * `provider.iamRoleStatements`) and managed policies; per-function `iamRoleStatements` with the
 * serverless-iam-roles-per-function plugin (plus the provider's when `iamRoleStatementsInherit`); a custom
 * role, whose contents live elsewhere; and what the framework adds for logs and event sources.
 */
export function serverlessPermissions(grants: GrantCollector, fn: FunctionView): void {
  const info = grants.template.serverless;
  const facts = info?.functionFacts.get(fn.logicalId);
  if (!info || !facts) return;
  if ('node' in facts.executionRole) {
    const role = facts.executionRole.node;
    grants.unknown.push({
      reason: `the function uses the custom role ${describe(role)}, whose policies are not in serverless.yml`,
      origin: grants.origin(role.span, 'role'),
    });
    return;
  }
  // The framework always lets the function write its own log group.
  grants.addPlain(
    [
      {
        Effect: 'Allow',
        Action: ['logs:CreateLogStream', 'logs:CreateLogGroup', 'logs:PutLogEvents', 'logs:TagResource'],
        Resource: '*',
      },
    ],
    grants.origin(fn.resource.idSpan, 'CloudWatch Logs (the framework adds it to every function role)'),
    'implicit',
  );
  const ownRole = facts.perFunctionRolePlugin && facts.iamRoleStatements.length > 0;
  if (ownRole) written(grants, facts.iamRoleStatements, `functions › ${fn.displayName} › iamRoleStatements`);
  if (!ownRole || facts.iamRoleStatementsInherit) written(grants, info.iam.statements, 'provider.iam.role.statements');
  for (const policy of info.iam.managedPolicies) {
    const arn =
      stringOf(policy) ??
      (policy.kind === 'intrinsic' && policy.name === 'Fn::Sub' ? stringOf(policy.argument) : undefined);
    if (arn)
      grants.addManaged(
        arn.replace('${AWS::Partition}', 'aws'),
        grants.origin(policy.span, 'provider.iam.role.managedPolicies'),
      );
    else
      grants.unknown.push({
        reason: 'a managed policy given by an expression cannot be read statically',
        origin: grants.origin(policy.span, 'provider.iam.role.managedPolicies'),
      });
  }
  eventGrants(grants, fn);
}

function written(grants: GrantCollector, statements: readonly Node[], label: string): void {
  for (const node of statements) {
    const s = statementOf(grants.template, toPlain(node), grants.origin(node.span, label), 'written', node);
    if (s) grants.statements.push(s);
  }
}

const STREAM_ACTIONS: Readonly<Record<string, readonly string[]>> = {
  Kinesis: [
    'kinesis:GetRecords',
    'kinesis:GetShardIterator',
    'kinesis:DescribeStream',
    'kinesis:DescribeStreamSummary',
    'kinesis:ListShards',
    'kinesis:ListStreams',
  ],
  DynamoDB: ['dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:DescribeStream', 'dynamodb:ListStreams'],
};

/** The framework adds what the event source mappings need to the function's role. */
function eventGrants(grants: GrantCollector, fn: FunctionView): void {
  for (const event of fn.events) {
    const queue = event.type === 'SQS' ? valueOf(event.properties, 'Queue') : undefined;
    if (queue) {
      grants.addPlain(
        [
          {
            Effect: 'Allow',
            Action: ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes'],
            Resource: toPlain(queue),
          },
        ],
        grants.origin(
          event.span,
          'sqs event (the framework adds sqs:ReceiveMessage, DeleteMessage, GetQueueAttributes)',
        ),
        'implicit',
      );
    }
    const stream = STREAM_ACTIONS[event.type] ? valueOf(event.properties, 'Stream') : undefined;
    if (stream) {
      grants.addPlain(
        [{ Effect: 'Allow', Action: STREAM_ACTIONS[event.type], Resource: toPlain(stream) }],
        grants.origin(event.span, 'stream event (the framework adds the stream read permissions)'),
        'implicit',
      );
    }
  }
}

function describe(node: Node): string {
  return stringOf(node) ?? JSON.stringify(toPlain(node));
}
