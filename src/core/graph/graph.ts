import type { Node, Span } from '../model/nodes';
import { itemsOf, valueOf } from '../model/nodes';
import { referencedLogicalId, referencesIn, resourceNamedBy } from '../model/references';
import type { Reference } from '../model/references';
import { eventSourceOf } from '../model/event-sources';
import { eventsOf } from '../model/functions';
import type { FunctionEvent, Resource, Template } from '../model/template';
import { describeEvent } from '../outline/outline';
import { iconOfType } from '../outline/groups';
import { CONNECTOR_TYPE, connectorEdges } from './connectors';
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
  /** Generated resources people rarely need to see (roles, permissions, deployments): hidden unless asked for. */
  readonly detail: boolean;
  /** Where a click reveals: the logical ID, or the event that stands for a virtual source. */
  readonly span: Span;
  /** What the editor's cursor must be inside for the node to be highlighted (the whole resource entry). */
  readonly extent: Span;
}

/**
 * `event`: an event source invokes a function; `reference`: Ref/GetAtt/Sub in properties; `environment`: an
 * environment variable carries the target's name or ARN; `invokes`: a state machine calls a function;
 * `permission`: the function's role allows actions on the target; `code-call`: its code calls the target.
 */
export type GraphEdgeKind =
  | 'event'
  | 'reference'
  | 'environment'
  | 'invokes'
  | 'permission'
  | 'code-call'
  /** From a written resource to one SAM or the framework generates for it (its role, permission, mapping). */
  | 'generates';

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

const SOURCE_TYPES =
  /^AWS::(Serverless::(Api|HttpApi|WebSocketApi|GraphQLApi)|ApiGateway|ApiGatewayV2|AppSync|Events::|Scheduler::|SNS::|SQS::|Kinesis::|Cognito::|IoT::)/;
const COMPUTE_TYPES = /^AWS::(Serverless::(Function|StateMachine)|Lambda::Function|StepFunctions::StateMachine)$/;
const STATE_MACHINE_TYPES = new Set(['AWS::Serverless::StateMachine', 'AWS::StepFunctions::StateMachine']);
const FUNCTION_TYPES = new Set(['AWS::Serverless::Function', 'AWS::Lambda::Function']);

/** The architecture graph of a template: a pure function of the model and what permissions found. */
export function buildGraph(template: Template, options: GraphOptions = {}): ArchitectureGraph {
  const shown = template.resources.filter((r) => !isRelation(r) && (options.includeGenerated || !isDetail(r)));
  const ids = new Set(shown.map((r) => r.logicalId));
  const nodes: GraphNode[] = shown.map((r) => nodeOf(r, layerOf(r.type)));
  const edges: GraphEdge[] = [];
  // A set of the edges so far, because a search through them makes a template of thousands of resources quadratic.
  const added = new Set<string>();
  const add = (edge: GraphEdge): void => {
    if (edge.from === edge.to || !ids.has(edge.from) || !ids.has(edge.to)) return;
    const key = `${edge.from}\0${edge.to}\0${edge.kind}`;
    if (added.has(key)) return;
    added.add(key);
    edges.push(edge);
  };

  const invoked = [
    ...template.functions.map((fn) => ({ id: fn.logicalId, events: fn.events })),
    ...shown
      .filter((r) => r.type === 'AWS::Serverless::StateMachine')
      .map((r) => ({ id: r.logicalId, events: eventsOf(r.properties) })),
  ];
  for (const target of invoked) {
    for (const event of target.events) {
      const source = eventSource(event, target.id, template, ids);
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
        add({ from: fn.logicalId, to: drawnTarget(template, ref), kind: 'environment', label: variable.name });
      }
    }
  }
  for (const resource of shown) {
    if (!resource.properties) continue;
    const policies = SAM_POLICY_HOLDERS.has(resource.type) ? itemsOf(valueOf(resource.properties, 'Policies')) : [];
    for (const ref of referencesIn(resource.properties, template.text)) {
      if (isEventOrEnvironment(resource, ref.span, template)) continue;
      const policy = policies.find((p) => ref.span.start >= p.span.start && ref.span.end <= p.span.end);
      const to = drawnTarget(template, ref);
      if (policy) {
        add({ from: resource.logicalId, to, kind: 'permission', label: policyName(policy) });
        continue;
      }
      const target = template.resourceById.get(to);
      add({
        from: resource.logicalId,
        to,
        kind: target ? referenceKind(resource, target) : 'reference',
        label: ref.attribute,
      });
    }
  }
  // Generated resources hang off what makes them, so they are drawn beside it rather than floating apart (an
  // implicit API is drawn as the source of its events instead).
  for (const resource of shown) {
    if (resource.generatedBy && isDetail(resource))
      add({ from: resource.generatedBy.logicalId, to: resource.logicalId, kind: 'generates' });
  }
  for (const relation of template.resources.filter((r) => r.origin === 'written' && RELATIONS[r.type]))
    addRelation(relation, template, add);
  for (const edge of connectorEdges(template.resources)) add(edge);
  for (const access of options.access ?? []) {
    add({ from: access.functionId, to: access.resourceId, kind: access.kind, label: access.actions.join(', ') });
  }
  return { nodes, edges };
}

/** The box a reference points at: SAM's `!Ref Fn.Alias` is drawn to `Fn`, whose alias is not a box of its own. */
function drawnTarget(template: Template, ref: Reference): string {
  return referencedLogicalId(template, ref) ?? ref.target;
}

function layerOf(type: string): GraphLayer {
  if (COMPUTE_TYPES.test(type)) return 'compute';
  if (SOURCE_TYPES.test(type)) return 'source';
  return 'store';
}

function nodeOf(r: Resource, layer: GraphLayer): GraphNode {
  return {
    id: r.logicalId,
    label: r.logicalId,
    type: r.type,
    icon: iconOfType(r.type),
    layer,
    origin: r.origin,
    detail: isDetail(r),
    span: r.idSpan,
    extent: r.span,
  };
}

/** Generated resources except the implicit APIs, which stand for the `Api`/`HttpApi` events people wrote. */
function isDetail(resource: Resource): boolean {
  return resource.origin === 'generated' && !/^AWS::(ApiGateway::RestApi|ApiGatewayV2::Api)$/.test(resource.type);
}

/**
 * A state machine naming a function invokes it; a source naming a function or state machine as its target
 * (an S3 bucket's notification, an EventBridge rule's target, an SNS subscription) sends it events.
 */
function referenceKind(from: Resource, to: Resource): GraphEdgeKind {
  if (STATE_MACHINE_TYPES.has(from.type) && FUNCTION_TYPES.has(to.type)) return 'invokes';
  const sends = SOURCE_TYPES.test(from.type) || from.type === 'AWS::S3::Bucket';
  return sends && COMPUTE_TYPES.test(to.type) ? 'event' : 'reference';
}

/**
 * Resources that only connect two others (an event source mapping joins a queue to a function, a permission
 * lets a source invoke a function, a subscription sends a topic to an endpoint): drawn as the edge they make,
 * not as a box. The properties name the sending and the receiving end.
 */
const RELATIONS: Readonly<Record<string, readonly [from: string, to: string]>> = {
  'AWS::Lambda::EventSourceMapping': ['EventSourceArn', 'FunctionName'],
  'AWS::Lambda::Permission': ['SourceArn', 'FunctionName'],
  'AWS::SNS::Subscription': ['TopicArn', 'Endpoint'],
};

function isRelation(resource: Resource): boolean {
  return resource.type === CONNECTOR_TYPE || (resource.origin === 'written' && RELATIONS[resource.type] !== undefined);
}

function addRelation(relation: Resource, template: Template, add: (edge: GraphEdge) => void): void {
  const [fromProperty, toProperty] = RELATIONS[relation.type];
  const target = (property: string): string | undefined =>
    resourceNamedBy(template, valueOf(relation.properties, property))?.logicalId;
  const from = target(fromProperty);
  const to = target(toProperty);
  if (from && to) add({ from, to, kind: 'event', label: relation.type.replace(/^AWS::\w+::/, '') });
}

/**
 * SAM resources whose `Policies` grant access: a resource named there is one the function or state machine may touch.
 */
const SAM_POLICY_HOLDERS = new Set(['AWS::Serverless::Function', 'AWS::Serverless::StateMachine']);

/** `DynamoDBCrudPolicy` for a policy template item, `policy` for an inline statement. */
function policyName(policy: Node): string {
  return policy.kind === 'map' && policy.entries.length === 1 ? policy.entries[0].key : 'policy';
}

/** Event and environment references are drawn as their own edge kinds, not again as plain references. */
function isEventOrEnvironment(resource: Resource, span: Span, template: Template): boolean {
  const fn = template.functions.find((f) => f.logicalId === resource.logicalId);
  if (!fn) return false;
  const inside = (node: { span: Span } | undefined): boolean =>
    !!node && span.start >= node.span.start && span.end <= node.span.end;
  return fn.events.some((e) => inside(e)) || fn.environment.some((v) => inside(v.value));
}

/**
 * The resource an event comes from (for an EventBridge rule, the bus it listens on), as the model answers it,
 * or a virtual node (a schedule, an external ARN) when it is outside the template or hidden as a detail.
 */
function eventSource(event: FunctionEvent, owner: string, template: Template, shown: ReadonlySet<string>): GraphNode {
  const source = eventSourceOf(template, owner, event);
  const resource = [source.bus, source]
    .map((s) => (s?.kind === 'resource' ? s.resource : undefined))
    .find((r) => r && (shown.has(r.logicalId) || !isDetail(r)));
  if (resource) return nodeOf(resource, 'source');
  return {
    id: `${event.type}:${describeEvent(event)}`,
    label: describeEvent(event),
    type: event.type,
    icon: /Schedule/.test(event.type) ? 'schedule' : 'events',
    layer: 'source',
    origin: 'virtual',
    detail: false,
    span: event.nameSpan,
    extent: event.span,
  };
}
