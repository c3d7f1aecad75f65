import type { Node } from './nodes';
import { booleanOf, mapAt, stringOf, valueOf } from './nodes';
import { resourceNamedBy } from './references';
import { IMPLICIT_HTTP_API, IMPLICIT_REST_API } from './sam/api';
import { naming } from './serverless/naming';
import type { FunctionEvent, Resource, Template } from './template';

/**
 * Where an event's events come from. `resource`: a resource of the stack, written or generated (an implicit
 * API, the rule SAM makes for a schedule); an `EventBridgeRule` also says which bus the rule listens on.
 * `outside`: something the template does not define, with the ARN or name expression as written (undefined
 * for the account's default event bus). `unknown`: the template does not say, or the event type has no
 * source resource (an Alexa skill), with the reason.
 */
export type EventSource =
  | { readonly kind: 'resource'; readonly resource: Resource; readonly bus?: EventSource }
  | {
      readonly kind: 'outside';
      readonly expression: Node | undefined;
      readonly reason: string;
      readonly bus?: EventSource;
    }
  | { readonly kind: 'unknown'; readonly reason: string; readonly bus?: EventSource };

/** The property naming the source of each event type, in SAM's vocabulary (Serverless events use it too). */
const SOURCE_PROPERTY: ReadonlyMap<string, string> = new Map(
  Object.entries({
    Api: 'RestApiId',
    HttpApi: 'ApiId',
    SQS: 'Queue',
    Kinesis: 'Stream',
    DynamoDB: 'Stream',
    MSK: 'Stream',
    MQ: 'Broker',
    DocumentDB: 'Cluster',
    SNS: 'Topic',
    S3: 'Bucket',
    CloudWatchLogs: 'LogGroupName',
    Cognito: 'UserPool',
    ALB: 'ListenerArn',
  }),
);

/**
 * Event types whose source is a resource made for the event itself, and the types it may have: SAM names it
 * `<Owner><Event>`; the framework numbers rules per function, and without `provider.eventBridge.useCloudFormation`
 * creates EventBridge rules through a custom resource.
 */
const RULE_TYPES = ['AWS::Events::Rule', 'Custom::EventBridge'];
const GENERATED_SOURCE_TYPES: ReadonlyMap<string, readonly string[]> = new Map(
  Object.entries({
    Schedule: RULE_TYPES,
    CloudWatchEvent: RULE_TYPES,
    EventBridgeRule: RULE_TYPES,
    ScheduleV2: ['AWS::Scheduler::Schedule', 'AWS::Events::Rule'],
    IoTRule: ['AWS::IoT::TopicRule'],
  }),
);

/** SAM's implicit APIs: the API an `Api`/`HttpApi` event joins when it names none. */
const SAM_IMPLICIT_API: ReadonlyMap<string, string> = new Map([
  ['Api', IMPLICIT_REST_API],
  ['HttpApi', IMPLICIT_HTTP_API],
]);

/** The one answer to "which resource does this event come from", for the function or state machine `owner`. */
export function eventSourceOf(template: Template, owner: string, event: FunctionEvent): EventSource {
  const generatedTypes = GENERATED_SOURCE_TYPES.get(event.type);
  if (generatedTypes) {
    const made = generatedFor(template, owner, event, generatedTypes);
    const source: EventSource = made
      ? { kind: 'resource', resource: made }
      : { kind: 'unknown', reason: `no resource is generated for the ${event.type} event ${event.name}` };
    return event.type === 'EventBridgeRule'
      ? { ...source, bus: busOf(template, valueOf(event.properties, 'EventBusName')) }
      : source;
  }
  const property = SOURCE_PROPERTY.get(event.type);
  if (!property) return { kind: 'unknown', reason: `${event.type} events do not come from a resource of the stack` };
  const value = valueOf(event.properties, property);
  const framework = template.serverless ? serverlessSource(template, event, value) : undefined;
  if (framework) return framework;
  if (!value) {
    const implicit = template.serverless ? undefined : SAM_IMPLICIT_API.get(event.type);
    const resource = implicit === undefined ? undefined : template.resourceById.get(implicit);
    return resource
      ? { kind: 'resource', resource }
      : { kind: 'unknown', reason: `the ${event.type} event ${event.name} has no ${property}` };
  }
  return writtenSource(template, value, event.type === 'Api' || event.type === 'HttpApi');
}

/**
 * A source given by a reference (`!GetAtt Queue.Arn`, `!Ref Bucket`, `!GetAtt Table.StreamArn`) is that
 * resource; an API may also be named by its bare logical ID, as SAM accepts. Anything else is an ARN or a
 * name from outside the template.
 */
function writtenSource(template: Template, value: Node, byLogicalId: boolean): EventSource {
  const named =
    resourceNamedBy(template, value) ?? (byLogicalId ? template.resourceById.get(stringOf(value) ?? '') : undefined);
  if (named) return { kind: 'resource', resource: named };
  return { kind: 'outside', expression: value, reason: 'named by an ARN or name, not by a resource of this template' };
}

/** The bus an EventBridge rule listens on: a bus of the template, one named from outside, or the default bus. */
function busOf(template: Template, bus: Node | undefined): EventSource {
  if (!bus) return { kind: 'outside', expression: undefined, reason: "the account's default event bus" };
  const name = stringOf(bus);
  if (template.serverless && name !== undefined && name !== 'default' && !name.startsWith('arn:')) {
    const generated = template.resourceById.get(naming.eventBus(name));
    if (generated) return { kind: 'resource', resource: generated };
  }
  return writtenSource(template, bus, false);
}

/**
 * What the framework makes for an event: its shared REST, HTTP and WebSocket APIs (unless the provider names
 * an API of another stack), and the topic, bucket or user pool an event names by a plain name (unless
 * `existing: true` says it is already there). Undefined where the event names its source like SAM's do.
 */
function serverlessSource(template: Template, event: FunctionEvent, value: Node | undefined): EventSource | undefined {
  const provider = template.serverless?.provider;
  const shared = (external: Node | undefined, logicalId: string): EventSource | undefined => {
    if (external)
      return { kind: 'outside', expression: external, reason: 'the provider names an API of another stack' };
    const resource = template.resourceById.get(logicalId);
    return resource ? { kind: 'resource', resource } : undefined;
  };
  const name = stringOf(value);
  const byName = (logicalId: (name: string) => string): EventSource | undefined => {
    if (name === undefined || name.startsWith('arn:')) return undefined;
    if (booleanOf(valueOf(event.properties, 'Existing')) === true)
      return {
        kind: 'outside',
        expression: value,
        reason: 'existing: true names a resource made outside this service',
      };
    const resource = template.resourceById.get(logicalId(name));
    return resource ? { kind: 'resource', resource } : undefined;
  };
  switch (event.type) {
    case 'Api':
      return shared(valueOf(mapAt(provider, 'apiGateway'), 'restApiId'), naming.restApi);
    case 'HttpApi':
      return shared(valueOf(mapAt(provider, 'httpApi'), 'id'), naming.httpApi);
    case 'WebSocket':
      return shared(undefined, naming.websocketsApi);
    case 'SNS':
      return byName(naming.topic);
    case 'S3':
      return byName(naming.bucket);
    case 'Cognito':
      return byName(naming.userPool);
    default:
      return undefined;
  }
}

/**
 * The resource made for the event itself. SAM names it `<Owner><Event>`; the framework's generated resources
 * point at the event's key, and a schedule with a list of rates (events `schedule-1`, `schedule-2`) makes one
 * rule per rate in that order.
 */
function generatedFor(
  template: Template,
  owner: string,
  event: FunctionEvent,
  types: readonly string[],
): Resource | undefined {
  if (!template.serverless) {
    const named = template.resourceById.get(owner + event.name);
    return named && types.includes(named.type) ? named : undefined;
  }
  const made = template.resources.filter(
    (r) => r.generatedBy?.logicalId === owner && r.idSpan.start === event.nameSpan.start && types.includes(r.type),
  );
  const variant = /-(\d+)$/.exec(event.name);
  return made[variant ? Number(variant[1]) - 1 : 0];
}
