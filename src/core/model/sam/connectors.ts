import type { MapNode, Node } from '../nodes';
import { itemsOf, mapAt, valueOf } from '../nodes';
import type { Resource } from '../template';
import { entryCause, resourceCause, stringAt } from './collector';
import { referencedId } from '../references';
import type { Cause } from './collector';
import type { SamContext } from './context';
import { deployedType } from './transformed';

/** Which resource a connector generates, by source and destination type (samtranslator connector_profiles). */
type ConnectorOutput = 'Policy' | 'WriteLambdaPermission' | 'QueuePolicy' | 'TopicPolicy';

const LAMBDA = 'AWS::Lambda::Function';
/** Services that call Lambda through its resource policy rather than with a role of their own. */
const INVOKE_THROUGH_PERMISSION = new Set([
  'AWS::SNS::Topic',
  'AWS::S3::Bucket',
  'AWS::ApiGateway::RestApi',
  'AWS::ApiGatewayV2::Api',
  'AWS::Events::Rule',
  'AWS::AppSync::GraphQLApi',
]);

function outputFor(source: string | undefined, destination: string | undefined): ConnectorOutput {
  if (destination === LAMBDA && source && INVOKE_THROUGH_PERMISSION.has(source)) return 'WriteLambdaPermission';
  if (destination === 'AWS::SQS::Queue' && (source === 'AWS::SNS::Topic' || source === 'AWS::Events::Rule'))
    return 'QueuePolicy';
  if (destination === 'AWS::SNS::Topic' && (source === 'AWS::Events::Rule' || source === 'AWS::S3::Bucket'))
    return 'TopicPolicy';
  return 'Policy';
}

const OUTPUT_TYPE: Readonly<Record<ConnectorOutput, string>> = {
  Policy: 'AWS::IAM::ManagedPolicy',
  WriteLambdaPermission: 'AWS::Lambda::Permission',
  QueuePolicy: 'AWS::SQS::QueuePolicy',
  TopicPolicy: 'AWS::SNS::TopicPolicy',
};

const OUTPUT_REASON: Readonly<Record<ConnectorOutput, string>> = {
  Policy: "SAM attaches a policy to the source's role for the connector",
  WriteLambdaPermission: 'SAM lets the source invoke the function for the connector',
  QueuePolicy: 'SAM lets the source send to the queue for the connector',
  TopicPolicy: 'SAM lets the source publish to the topic for the connector',
};

/** `AWS::Serverless::Connector`: one policy or permission per destination. */
export function connectorResources(ctx: SamContext, connector: Resource): void {
  const props = connector.properties;
  connect(
    ctx,
    connector.logicalId,
    connector.logicalId,
    valueOf(props, 'Source'),
    undefined,
    valueOf(props, 'Destination'),
    resourceCause(connector),
  );
}

/** The `Connectors` attribute of any resource: a connector named `<Resource><Name>` with that resource as source. */
export function embeddedConnectorResources(ctx: SamContext, resource: Resource): void {
  const connectors = mapAt(resource.node, 'Connectors');
  for (const entry of connectors?.entries ?? []) {
    const props = mapAt(entry.value, 'Properties');
    connect(
      ctx,
      `${resource.logicalId}${entry.key}`,
      resource.logicalId,
      undefined,
      resource,
      valueOf(props, 'Destination'),
      entryCause(entry),
    );
  }
}

function connect(
  ctx: SamContext,
  connectorId: string,
  producer: string,
  source: Node | undefined,
  sourceResource: Resource | undefined,
  destination: Node | undefined,
  cause: Cause,
): void {
  const sourceType = sourceResource ? deployedType(sourceResource) : endpointType(ctx, source);
  const destinations = destination?.kind === 'seq' ? itemsOf(destination) : destination ? [destination] : [];
  destinations.forEach((d, i) => {
    const output = outputFor(sourceType, endpointType(ctx, d));
    const suffix = destinations.length > 1 ? `Destination${i}` : '';
    ctx.out.add(`${connectorId}${output}${suffix}`, OUTPUT_TYPE[output], producer, OUTPUT_REASON[output], cause);
  });
}

/** A connector endpoint is `{Id: X}` (a resource in the template) or `{Type: ..., Arn: ...}`. */
function endpointType(ctx: SamContext, endpoint: Node | undefined): string | undefined {
  if (endpoint?.kind !== 'map') return undefined;
  const id = stringAt(endpoint, 'Id') ?? referencedId(valueOf(endpoint, 'Id'));
  const resource = id ? ctx.out.written.get(id) : undefined;
  if (resource) return deployedType(resource);
  const type = stringAt(endpoint as MapNode, 'Type');
  return type ? deployedType({ type } as Resource) : undefined;
}
