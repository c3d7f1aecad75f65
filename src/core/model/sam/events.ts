import type { MapEntry, Node } from '../nodes';
import { mapAt, stringOf, valueOf, booleanOf } from '../nodes';
import type { Resource } from '../template';
import { entryCause, hashedId, isAlphanumeric, stringAt } from './collector';
import { referencedId } from '../references';
import type { EventSite, SamContext } from './context';

/** Event types that Lambda polls: each becomes an event source mapping named `<Fn><Event>`. */
const POLLED_SOURCES = new Set(['SQS', 'Kinesis', 'DynamoDB', 'MSK', 'MQ', 'SelfManagedKafka', 'DocumentDB']);

/** Event types that become an EventBridge rule (and, for functions, a permission for EventBridge). */
const RULE_SOURCES = new Set(['Schedule', 'CloudWatchEvent', 'EventBridgeRule']);

/** `<Owner><Event>` — the prefix every event-derived logical ID starts with. */
function eventId(site: EventSite): string {
  return site.owner.logicalId + site.entry.key;
}

export function eventSites(owner: Resource): EventSite[] {
  const events = mapAt(owner.properties, 'Events');
  if (!events) return [];
  return events.entries.map((entry: MapEntry) => ({
    owner,
    entry,
    type: stringOf(valueOf(entry.value, 'Type')) ?? '',
    properties: mapAt(entry.value, 'Properties'),
  }));
}

/** The resources a function's event makes (permissions, mappings, rules, subscriptions, ...). */
export function functionEventResources(ctx: SamContext, site: EventSite): void {
  const { out } = ctx;
  const id = eventId(site);
  const fn = site.owner.logicalId;
  const cause = entryCause(site.entry);
  const add = (logicalId: string, type: string, reason: string): void => out.add(logicalId, type, fn, reason, cause);
  const permission = (reason: string): void => add(`${id}Permission`, 'AWS::Lambda::Permission', reason);
  const props = site.properties;

  if (POLLED_SOURCES.has(site.type)) {
    add(id, 'AWS::Lambda::EventSourceMapping', `SAM creates an event source mapping for the ${site.type} event`);
    return;
  }
  if (RULE_SOURCES.has(site.type)) {
    add(id, 'AWS::Events::Rule', `SAM creates an EventBridge rule for the ${site.type} event`);
    permission(`SAM lets EventBridge invoke the function for the ${site.type} event`);
    ruleDeadLetterQueue(ctx, site, fn, true);
    return;
  }
  switch (site.type) {
    case 'Api':
      apiEvent(ctx, site);
      return;
    case 'HttpApi':
      if (!valueOf(props, 'ApiId')) ctx.implicitHttpEvents.push(site);
      if (isDefaultRoute(site) || !hasDefaultRouteOnSameApi(site))
        permission('SAM lets API Gateway invoke the function for the HttpApi event');
      return;
    case 'S3':
      permission('SAM lets S3 invoke the function for the S3 event');
      return;
    case 'SNS':
      snsEvent(ctx, site);
      return;
    case 'ScheduleV2':
      scheduleV2(ctx, site);
      return;
    case 'CloudWatchLogs':
      add(id, 'AWS::Logs::SubscriptionFilter', 'SAM creates a log subscription filter for the CloudWatchLogs event');
      permission('SAM lets CloudWatch Logs invoke the function for the CloudWatchLogs event');
      return;
    case 'IoTRule':
      add(id, 'AWS::IoT::TopicRule', 'SAM creates an IoT topic rule for the IoTRule event');
      permission('SAM lets AWS IoT invoke the function for the IoTRule event');
      return;
    case 'AlexaSkill':
      permission('SAM lets Alexa invoke the function for the AlexaSkill event');
      return;
    case 'Cognito':
      // One permission per function, whatever the event is called: `<Fn>CognitoPermission`.
      out.add(
        `${fn}CognitoPermission`,
        'AWS::Lambda::Permission',
        fn,
        'SAM lets Cognito invoke the function for the Cognito event',
        cause,
      );
      return;
    default:
      return;
  }
}

/** The resources a state machine's event makes: rules and schedules with the role that starts executions. */
export function stateMachineEventResources(ctx: SamContext, site: EventSite): void {
  const { out } = ctx;
  const id = eventId(site);
  const owner = site.owner.logicalId;
  const cause = entryCause(site.entry);
  const role = (reason: string): void => out.add(`${id}Role`, 'AWS::IAM::Role', owner, reason, cause);
  if (RULE_SOURCES.has(site.type)) {
    out.add(id, 'AWS::Events::Rule', owner, `SAM creates an EventBridge rule for the ${site.type} event`, cause);
    if (!valueOf(site.properties, 'RoleArn'))
      role(`SAM creates a role that lets EventBridge start executions for the ${site.type} event`);
    ruleDeadLetterQueue(ctx, site, owner, true);
  } else if (site.type === 'ScheduleV2') {
    scheduleV2(ctx, site);
  } else if (site.type === 'Api') {
    if (!valueOf(site.properties, 'RestApiId')) ctx.implicitRestEvents.push(site);
    role('SAM creates a role that lets API Gateway start executions for the Api event');
  }
}

function apiEvent(ctx: SamContext, site: EventSite): void {
  const restApi = valueOf(site.properties, 'RestApiId');
  if (!restApi) ctx.implicitRestEvents.push(site);
  const stage = restApi ? explicitStage(ctx, restApi) : 'Prod';
  const prefix = `${eventId(site)}Permission`;
  ctx.out.add(
    isAlphanumeric(stage) ? prefix + stage : hashedId(prefix, stage),
    'AWS::Lambda::Permission',
    site.owner.logicalId,
    'SAM lets API Gateway invoke the function for the Api event',
    entryCause(site.entry),
  );
}

/**
 * The permission of an `Api` event on an explicit API is named after that API's stage (hashed when the
 * name is not alphanumeric); a stage name SAM cannot read (an intrinsic) gives the suffix `Stage`.
 * `RestApiId` is `!Ref Api` or, as SAM also accepts, the bare logical ID.
 */
function explicitStage(ctx: SamContext, restApi: Node): string {
  const apiId = referencedId(restApi) ?? stringOf(restApi);
  const api = apiId ? ctx.out.written.get(apiId) : undefined;
  if (!api) return 'Prod';
  return stringAt(api.properties, 'StageName') ?? 'Stage';
}

function snsEvent(ctx: SamContext, site: EventSite): void {
  const id = eventId(site);
  const fn = site.owner.logicalId;
  const cause = entryCause(site.entry);
  const add = (logicalId: string, type: string, reason: string): void =>
    ctx.out.add(logicalId, type, fn, reason, cause);
  const sqs = valueOf(site.properties, 'SqsSubscription');
  const viaQueue = sqs?.kind === 'map' || booleanOf(sqs) === true;
  if (!viaQueue) {
    add(id, 'AWS::SNS::Subscription', 'SAM subscribes the function to the topic of the SNS event');
    add(`${id}Permission`, 'AWS::Lambda::Permission', 'SAM lets SNS invoke the function for the SNS event');
    return;
  }
  const given = sqs?.kind === 'map' ? sqs : undefined;
  if (!given)
    add(`${id}Queue`, 'AWS::SQS::Queue', 'SAM creates a queue between the topic and the function (SqsSubscription)');
  add(
    stringAt(given, 'QueuePolicyLogicalId') ?? `${id}QueuePolicy`,
    'AWS::SQS::QueuePolicy',
    'SAM lets the topic send to the queue of the SNS event (SqsSubscription)',
  );
  add(id, 'AWS::SNS::Subscription', 'SAM subscribes the queue to the topic of the SNS event (SqsSubscription)');
  add(
    `${id}EventSourceMapping`,
    'AWS::Lambda::EventSourceMapping',
    'SAM makes the function poll the queue of the SNS event (SqsSubscription)',
  );
}

function scheduleV2(ctx: SamContext, site: EventSite): void {
  const id = eventId(site);
  const owner = site.owner.logicalId;
  const cause = entryCause(site.entry);
  ctx.out.add(
    id,
    'AWS::Scheduler::Schedule',
    owner,
    'SAM creates an EventBridge Scheduler schedule for the ScheduleV2 event',
    cause,
  );
  if (!valueOf(site.properties, 'RoleArn')) {
    ctx.out.add(
      `${id}Role`,
      'AWS::IAM::Role',
      owner,
      'SAM creates the role EventBridge Scheduler uses for the ScheduleV2 event',
      cause,
    );
  }
  ruleDeadLetterQueue(ctx, site, owner, false);
}

/**
 * `DeadLetterConfig: {Type: SQS}` makes SAM create the queue (named `QueueLogicalId` or `<Id>Queue`);
 * EventBridge rules also get a queue policy that lets EventBridge send to it.
 */
function ruleDeadLetterQueue(ctx: SamContext, site: EventSite, owner: string, withPolicy: boolean): void {
  const dlq = mapAt(site.properties, 'DeadLetterConfig');
  if (stringAt(dlq, 'Type') !== 'SQS') return;
  const id = eventId(site);
  const cause = entryCause(site.entry);
  const queueId = stringAt(dlq, 'QueueLogicalId') ?? `${id}Queue`;
  ctx.out.add(
    isAlphanumeric(queueId) ? queueId : `${id}Queue`,
    'AWS::SQS::Queue',
    owner,
    `SAM creates the dead-letter queue of the ${site.type} event (DeadLetterConfig Type SQS)`,
    cause,
  );
  if (withPolicy) {
    ctx.out.add(
      `${id}QueuePolicy`,
      'AWS::SQS::QueuePolicy',
      owner,
      `SAM lets EventBridge send failed events of the ${site.type} event to its dead-letter queue`,
      cause,
    );
  }
}

/** An `HttpApi` event without `Path` (or with `$default`) is the API's catch-all route. */
function isDefaultRoute(site: EventSite): boolean {
  const path = valueOf(site.properties, 'Path');
  return !path || stringOf(path) === '$default';
}

function apiKey(site: EventSite): string {
  const api = valueOf(site.properties, 'ApiId');
  return api ? (referencedId(api) ?? stringOf(api) ?? '?') : '';
}

/**
 * SAM gives a function one permission for its catch-all route on an HTTP API and no permissions for its
 * other routes on the same API, which the catch-all permission already covers.
 */
function hasDefaultRouteOnSameApi(site: EventSite): boolean {
  const key = apiKey(site);
  return eventSites(site.owner).some(
    (other) => other.type === 'HttpApi' && isDefaultRoute(other) && apiKey(other) === key,
  );
}
