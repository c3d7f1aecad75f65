import type { MapNode } from '../model/nodes';
import { itemsOf, mapAt, stringOf, toPlain, valueOf } from '../model/nodes';
import type { FunctionView, Resource, Template } from '../model/template';
import { statementOf } from './statements';
import type { Statement } from './types';

interface Access {
  readonly Read?: readonly string[];
  readonly Write?: readonly string[];
  /** Resource suffixes after the destination ARN ('' is the ARN itself). */
  readonly resources: readonly string[];
}

/**
 * What a connector from a Lambda function grants on each destination type, from SAM's connector profiles
 * (checked against tests/translator/output/connector_function_to_*.json in the corpus).
 */
const FROM_FUNCTION: Readonly<Record<string, Access>> = {
  'AWS::DynamoDB::Table': {
    Read: [
      'dynamodb:GetItem',
      'dynamodb:Query',
      'dynamodb:Scan',
      'dynamodb:BatchGetItem',
      'dynamodb:ConditionCheckItem',
      'dynamodb:PartiQLSelect',
    ],
    Write: [
      'dynamodb:PutItem',
      'dynamodb:UpdateItem',
      'dynamodb:DeleteItem',
      'dynamodb:BatchWriteItem',
      'dynamodb:PartiQLDelete',
      'dynamodb:PartiQLInsert',
      'dynamodb:PartiQLUpdate',
    ],
    resources: ['', '/index/*'],
  },
  'AWS::SQS::Queue': {
    Read: ['sqs:ReceiveMessage', 'sqs:GetQueueAttributes'],
    Write: ['sqs:DeleteMessage', 'sqs:SendMessage', 'sqs:ChangeMessageVisibility', 'sqs:PurgeQueue'],
    resources: [''],
  },
  'AWS::S3::Bucket': {
    Read: [
      's3:GetObject',
      's3:GetObjectAcl',
      's3:GetObjectLegalHold',
      's3:GetObjectRetention',
      's3:GetObjectTorrent',
      's3:GetObjectVersion',
      's3:GetObjectVersionAcl',
      's3:GetObjectVersionForReplication',
      's3:GetObjectVersionTorrent',
      's3:ListBucket',
      's3:ListBucketMultipartUploads',
      's3:ListBucketVersions',
      's3:ListMultipartUploadParts',
    ],
    Write: [
      's3:AbortMultipartUpload',
      's3:DeleteObject',
      's3:DeleteObjectVersion',
      's3:PutObject',
      's3:PutObjectLegalHold',
      's3:PutObjectRetention',
      's3:RestoreObject',
    ],
    resources: ['', '/*'],
  },
  'AWS::SNS::Topic': { Write: ['sns:Publish'], resources: [''] },
  'AWS::Lambda::Function': { Write: ['lambda:InvokeAsync', 'lambda:InvokeFunction'], resources: [''] },
  'AWS::Serverless::Function': { Write: ['lambda:InvokeAsync', 'lambda:InvokeFunction'], resources: [''] },
  'AWS::StepFunctions::StateMachine': {
    Read: ['states:DescribeExecution'],
    Write: ['states:StartExecution', 'states:StartSyncExecution', 'states:StopExecution'],
    resources: [''],
  },
  'AWS::Serverless::StateMachine': {
    Read: ['states:DescribeExecution'],
    Write: ['states:StartExecution', 'states:StartSyncExecution', 'states:StopExecution'],
    resources: [''],
  },
  'AWS::Events::EventBus': { Write: ['events:PutEvents'], resources: [''] },
};

/**
 * Statements granted to `fn` by `AWS::Serverless::Connector` resources and embedded `Connectors` whose source is the
 * function.
 */
export function connectorStatements(template: Template, fn: FunctionView): Statement[] {
  const out: Statement[] = [];
  for (const connector of connectorsBySource(template).get(fn.logicalId) ?? []) {
    out.push(...grant(template, connector.properties!, `Connector ${connector.logicalId}`, connector.span));
  }
  for (const entry of mapAt(fn.resource.node, 'Connectors')?.entries ?? []) {
    const props = mapAt(entry.value, 'Properties');
    if (props)
      out.push(
        ...grant(template, props, `Connectors › ${entry.key}`, {
          start: entry.keySpan.start,
          end: entry.value.span.end,
        }),
      );
  }
  return out;
}

/** Connector resources by the logical ID of their source, indexed once per template (models are immutable). */
const connectorIndex = new WeakMap<Template, Map<string, Resource[]>>();
function connectorsBySource(template: Template): Map<string, Resource[]> {
  let index = connectorIndex.get(template);
  if (!index) {
    index = new Map();
    for (const resource of template.resources) {
      if (resource.type !== 'AWS::Serverless::Connector' || !resource.properties) continue;
      const source = stringOf(valueOf(valueOf(resource.properties, 'Source'), 'Id'));
      if (source) index.set(source, [...(index.get(source) ?? []), resource]);
    }
    connectorIndex.set(template, index);
  }
  return index;
}

function grant(template: Template, props: MapNode, label: string, span: { start: number; end: number }): Statement[] {
  const permissions = itemsOf(valueOf(props, 'Permissions')).map(stringOf);
  const destinations = valueOf(props, 'Destination');
  const list = destinations?.kind === 'seq' ? destinations.items : destinations ? [destinations] : [];
  const out: Statement[] = [];
  for (const destination of list) {
    const id = stringOf(valueOf(destination, 'Id'));
    const type = id ? template.resourceById.get(id)?.type : stringOf(valueOf(destination, 'Type'));
    const access = type ? FROM_FUNCTION[type] : undefined;
    if (!access) continue;
    const written = valueOf(destination, 'Arn');
    const arn = id ? { 'Fn::GetAtt': [id, 'Arn'] } : written ? toPlain(written) : '*';
    const resources = access.resources.map((suffix) =>
      suffix ? { 'Fn::Sub': ['${DestinationArn}' + suffix, { DestinationArn: arn }] } : arn,
    );
    for (const level of ['Read', 'Write'] as const) {
      if (!permissions.includes(level) || !access[level]) continue;
      const s = statementOf(
        template,
        { Effect: 'Allow', Action: access[level], Resource: resources },
        { file: template.fileName, span, label: `${label} (${level})` },
        'implicit',
      );
      if (s) out.push(s);
    }
  }
  return out;
}
