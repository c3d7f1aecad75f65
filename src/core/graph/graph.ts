import type { Node, Span } from '../model/nodes';
import { valueOf } from '../model/nodes';
import { referencesIn } from '../model/references';
import { eventsOf } from '../model/functions';
import type { FunctionEvent, Resource, Template } from '../model/template';
import { describeEvent } from '../outline/outline';
import { iconOfType } from '../outline/groups';
import type { ServiceIcon } from '../outline/groups';

/** Columns of the picture, left to right: what triggers, what runs, what is touched. */
export type GraphLayer = 'source' | 'compute' | 'store';

export interface GraphNode {
  readonly id: string;
  readonly label: string;
  readonly type: string;
  readonly icon: ServiceIcon | 'schedule';
  readonly layer: GraphLayer;
  readonly origin: 'written' | 'generated' | 'virtual';
  readonly span: Span;
}

/**
 * `event`: an event source invokes a function; `reference`: Ref/GetAtt/Sub in properties; `environment`: an
 * environment variable carries the target's name or ARN; `invokes`: a state machine calls a function;
 * `permission`: the function's role allows actions on the target; `code-call`: its code calls the target.
 */
export type GraphEdgeKind = 'event' | 'reference' | 'environment' | 'invokes' | 'permission' | 'code-call';

export interface GraphEdge {
  readonly from: string;
  readonly to: string;
  readonly kind: GraphEdgeKind;
  readonly label?: string;
}

export interface ArchitectureGraph {
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
}

/** What a function may touch (from its role) or does touch (from its code), as the permissions analysis found. */
export interface AccessEdge {
  readonly functionId: string;
  readonly resourceId: string;
  readonly kind: 'permission' | 'code-call';
  readonly actions: readonly string[];
}

export interface GraphOptions {
  readonly includeGenerated?: boolean;
  readonly access?: readonly AccessEdge[];
}

const SOURCE_TYPES = /^AWS::(Serverless::(Api|HttpApi|WebSocketApi|GraphQLApi)|ApiGateway|ApiGatewayV2|AppSync|Events::|Scheduler::|SNS::|SQS::|Kinesis::|Cognito::|IoT::)/;
const COMPUTE_TYPES = /^AWS::(Serverless::(Function|StateMachine)|Lambda::Function|StepFunctions::StateMachine)$/;
const STATE_MACHINE_TYPES = new Set(['AWS::Serverless::StateMachine', 'AWS::StepFunctions::StateMachine']);
const FUNCTION_TYPES = new Set(['AWS::Serverless::Function', 'AWS::Lambda::Function']);

/** The architecture graph of a template: a pure function of the model and what permissions found. */
export function buildGraph(template: Template, options: GraphOptions = {}): ArchitectureGraph {
  const shown = template.resources.filter((r) => options.includeGenerated || r.origin === 'written' || isImplicitApi(r));
  const ids = new Set(shown.map((r) => r.logicalId));
  const nodes: GraphNode[] = shown.map((r) => ({
    id: r.logicalId, label: r.logicalId, type: r.type, icon: iconOfType(r.type), layer: layerOf(r.type),
    origin: r.origin, span: r.idSpan,
  }));
  const edges: GraphEdge[] = [];
  const add = (edge: GraphEdge): void => {
    if (edge.from === edge.to || !ids.has(edge.from) || !ids.has(edge.to)) return;
    if (!edges.some((e) => e.from === edge.from && e.to === edge.to && e.kind === edge.kind)) edges.push(edge);
  };

  const invoked = [
    ...template.functions.map((fn) => ({ id: fn.logicalId, events: fn.events })),
    ...shown.filter((r) => r.type === 'AWS::Serverless::StateMachine').map((r) => ({ id: r.logicalId, events: eventsOf(r.properties) })),
  ];
  for (const target of invoked) {
    for (const event of target.events) {
      const source = eventSource(event, template);
      if (!ids.has(source.id)) {
        nodes.push(source);
        ids.add(source.id);
      }
      add({ from: source.id, to: target.id, kind: 'event', label: event.type });
    }
  }
  for (const fn of template.functions) {
    for (const variable of fn.environment) {
      for (const ref of referencesIn(variable.value, template.text)) {
        add({ from: fn.logicalId, to: ref.target, kind: 'environment', label: variable.name });
      }
    }
  }
  for (const resource of shown) {
    if (!resource.properties) continue;
    const invokes = STATE_MACHINE_TYPES.has(resource.type);
    for (const ref of referencesIn(resource.properties, template.text)) {
      if (isEventOrEnvironment(resource, ref.span, template)) continue;
      const target = template.resourceById.get(ref.target);
      const kind = invokes && target && FUNCTION_TYPES.has(target.type) ? 'invokes' : 'reference';
      add({ from: resource.logicalId, to: ref.target, kind, label: ref.attribute });
    }
  }
  for (const access of options.access ?? []) {
    add({ from: access.functionId, to: access.resourceId, kind: access.kind, label: access.actions.join(', ') });
  }
  return { nodes, edges };
}

function layerOf(type: string): GraphLayer {
  if (COMPUTE_TYPES.test(type)) return 'compute';
  if (SOURCE_TYPES.test(type)) return 'source';
  return 'store';
}

function isImplicitApi(resource: Resource): boolean {
  return resource.origin === 'generated' && /^AWS::(ApiGateway::RestApi|ApiGatewayV2::Api)$/.test(resource.type);
}

/** Event and environment references are drawn as their own edge kinds, not again as plain references. */
function isEventOrEnvironment(resource: Resource, span: Span, template: Template): boolean {
  const fn = template.functions.find((f) => f.logicalId === resource.logicalId);
  if (!fn) return false;
  const inside = (node: { span: Span } | undefined): boolean => !!node && span.start >= node.span.start && span.end <= node.span.end;
  return fn.events.some((e) => inside(e)) || fn.environment.some((v) => inside(v.value));
}

const EVENT_SOURCE_PROPERTY: Readonly<Record<string, string>> = {
  SQS: 'Queue', SNS: 'Topic', S3: 'Bucket', Kinesis: 'Stream', DynamoDB: 'Stream', Api: 'RestApiId', HttpApi: 'ApiId',
  EventBridgeRule: 'EventBusName', CloudWatchLogs: 'LogGroupName', Cognito: 'UserPool', MSK: 'Stream', MQ: 'Broker',
};

const IMPLICIT_API: Readonly<Record<string, string>> = { Api: 'ServerlessRestApi', HttpApi: 'ServerlessHttpApi' };

/** The resource an event comes from, or a virtual node (a schedule, an external ARN) when it is not in the template. */
function eventSource(event: FunctionEvent, template: Template): GraphNode {
  const property = EVENT_SOURCE_PROPERTY[event.type];
  const value: Node | undefined = property ? valueOf(event.properties, property) : undefined;
  const target = value ? referencesIn(value, template.text)[0]?.target : IMPLICIT_API[event.type];
  if (target && template.resourceById.has(target)) {
    const r = template.resourceById.get(target)!;
    return { id: r.logicalId, label: r.logicalId, type: r.type, icon: iconOfType(r.type), layer: 'source', origin: r.origin, span: r.idSpan };
  }
  return {
    id: `${event.type}:${describeEvent(event)}`, label: describeEvent(event), type: event.type,
    icon: /Schedule/.test(event.type) ? 'schedule' : 'events', layer: 'source', origin: 'virtual', span: event.nameSpan,
  };
}
