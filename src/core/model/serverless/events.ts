import type { MapEntry, MapNode, Node, Span } from '../nodes';
import { itemsOf, stringOf, syntheticMap, syntheticScalar, valueOf } from '../nodes';
import type { FunctionEvent } from '../template';

/** One entry of a function's `events:` list, after variables were resolved. */
export interface EventSite {
  /** The event key as written (`http`, `sqs`, ...). */
  readonly key: string;
  readonly keySpan: Span;
  /** The whole list item. */
  readonly span: Span;
  readonly value: Node;
  /** 1-based position among the function's events of the same key (the framework numbers rules this way). */
  readonly ordinal: number;
  /** How many events of this key the function has. */
  readonly count: number;
}

/** Builds a SAM-style property map whose entries keep the spans of the serverless.yml text they come from. */
class Properties {
  readonly entries: MapEntry[] = [];

  constructor(private readonly site: EventSite) {}

  /** Copies `from` keys under SAM names: `[['batchSize', 'BatchSize'], ...]`. */
  rename(pairs: readonly (readonly [string, string])[]): this {
    const map = this.site.value.kind === 'map' ? this.site.value : undefined;
    for (const [from, to] of pairs) {
      const entry = map?.entries.find((e) => e.key === from);
      if (entry) this.entries.push({ key: to, keySpan: entry.keySpan, value: entry.value });
    }
    return this;
  }

  /** A property made from the event's own text (string forms, defaults): spans point at that text. */
  set(key: string, value: Node | undefined, keySpan: Span = value?.span ?? this.site.keySpan): this {
    if (value) this.entries.push({ key, keySpan, value });
    return this;
  }

  /** A default the framework applies when the property is left out. */
  orDefault(key: string, fallback: string | number | boolean): this {
    if (!this.entries.some((e) => e.key === key)) this.set(key, syntheticScalar(fallback, this.site.keySpan));
    return this;
  }

  map(): MapNode {
    return syntheticMap(this.entries, this.site.span);
  }
}

const prop = (site: EventSite, key: string): Node | undefined => valueOf(site.value, key);

/** A string-form event (`- sqs: arn:...`) or one property of the long form. */
const stringOrProp = (site: EventSite, key: string): Node | undefined =>
  site.value.kind === 'map' ? prop(site, key) : site.value;

/** `GET /users` or `{method, path}`, as the framework reads http and httpApi events. */
export function methodAndPath(site: EventSite): { method: string | undefined; path: string | undefined; span: Span } {
  const text = stringOf(site.value);
  if (site.value.kind === 'scalar' && text !== undefined) {
    if (text.trim() === '*') return { method: '*', path: '*', span: site.value.span };
    const [method, ...rest] = text.trim().split(/\s+/);
    return { method, path: rest.join(' ') || undefined, span: site.value.span };
  }
  return { method: stringOf(prop(site, 'method')), path: stringOf(prop(site, 'path')), span: site.span };
}

/** REST API paths have no leading or trailing slash in the framework; SAM's start with one. */
export function restPath(path: string): string {
  return path.replace(/^\/+/, '').replace(/\/+$/, '');
}

type Converter = (site: EventSite, out: Properties) => string;

const STREAM_SHARED: readonly (readonly [string, string])[] = [
  ['batchSize', 'BatchSize'],
  ['batchWindow', 'MaximumBatchingWindowInSeconds'],
  ['enabled', 'Enabled'],
  ['parallelizationFactor', 'ParallelizationFactor'],
  ['maximumRetryAttempts', 'MaximumRetryAttempts'],
  ['bisectBatchOnFunctionError', 'BisectBatchOnFunctionError'],
  ['maximumRecordAgeInSeconds', 'MaximumRecordAgeInSeconds'],
  ['tumblingWindowInSeconds', 'TumblingWindowInSeconds'],
  ['functionResponseType', 'FunctionResponseTypes'],
  ['filterPatterns', 'FilterCriteria'],
  ['destinations', 'DestinationConfig'],
];

/** The framework's event keys and how each reads in SAM's vocabulary (see FunctionEvent). */
const CONVERTERS: Readonly<Record<string, Converter>> = {
  http: (site, out) => {
    const { method, path, span } = methodAndPath(site);
    out.set(
      'Path',
      path === undefined ? undefined : syntheticScalar(`/${restPath(path)}`, span),
      keySpanOf(site, 'path'),
    );
    out.set(
      'Method',
      method === undefined
        ? undefined
        : syntheticScalar(method.toUpperCase() === '*' ? 'ANY' : method.toUpperCase(), span),
      keySpanOf(site, 'method'),
    );
    out.rename([
      ['cors', 'Cors'],
      ['private', 'ApiKeyRequired'],
      ['authorizer', 'Authorizer'],
      ['integration', 'Integration'],
      ['async', 'Async'],
    ]);
    return 'Api';
  },
  httpApi: (site, out) => {
    const { method, path, span } = methodAndPath(site);
    if (path !== '*' || method !== '*') {
      out.set('Path', path === undefined ? undefined : syntheticScalar(path, span), keySpanOf(site, 'path'));
      out.set(
        'Method',
        method === undefined ? undefined : syntheticScalar(method === '*' ? 'ANY' : method.toUpperCase(), span),
        keySpanOf(site, 'method'),
      );
    }
    out.rename([['authorizer', 'Authorizer']]);
    return 'HttpApi';
  },
  sqs: (site, out) => {
    out.set('Queue', stringOrProp(site, 'arn'), keySpanOf(site, 'arn'));
    out.rename([
      ['batchSize', 'BatchSize'],
      ['maximumBatchingWindow', 'MaximumBatchingWindowInSeconds'],
      ['enabled', 'Enabled'],
      ['functionResponseType', 'FunctionResponseTypes'],
      ['filterPatterns', 'FilterCriteria'],
      ['maximumConcurrency', 'MaximumConcurrency'],
    ]);
    return 'SQS';
  },
  stream: (site, out) => {
    out.set('Stream', stringOrProp(site, 'arn'), keySpanOf(site, 'arn'));
    out.rename([
      ['startingPosition', 'StartingPosition'],
      ['startingPositionTimestamp', 'StartingPositionTimestamp'],
      ...STREAM_SHARED,
    ]);
    out.orDefault('StartingPosition', 'TRIM_HORIZON');
    return streamType(site) ?? 'Unknown';
  },
  sns: (site, out) => {
    out.set(
      'Topic',
      site.value.kind === 'map' ? (prop(site, 'arn') ?? prop(site, 'topicName')) : site.value,
      keySpanOf(site, 'arn') ?? keySpanOf(site, 'topicName'),
    );
    out.rename([
      ['filterPolicy', 'FilterPolicy'],
      ['filterPolicyScope', 'FilterPolicyScope'],
      ['redrivePolicy', 'RedrivePolicy'],
    ]);
    return 'SNS';
  },
  s3: (site, out) => {
    out.set('Bucket', stringOrProp(site, 'bucket'), keySpanOf(site, 'bucket'));
    const event = prop(site, 'event');
    out.set('Events', event ?? syntheticScalar('s3:ObjectCreated:*', site.keySpan), keySpanOf(site, 'event'));
    out.rename([
      ['rules', 'Filter'],
      ['existing', 'Existing'],
    ]);
    return 'S3';
  },
  schedule: (site, out) => {
    const rate = stringOrProp(site, 'rate');
    const scheduler = stringOf(prop(site, 'method')) === 'scheduler';
    out.set(scheduler ? 'ScheduleExpression' : 'Schedule', rate, keySpanOf(site, 'rate'));
    out.rename([
      ['enabled', 'Enabled'],
      ['input', 'Input'],
      ['inputPath', 'InputPath'],
      ['inputTransformer', 'InputTransformer'],
      ['name', 'Name'],
      ['description', 'Description'],
      ['timezone', 'ScheduleExpressionTimezone'],
    ]);
    return scheduler ? 'ScheduleV2' : 'Schedule';
  },
  eventBridge: (site, out) => {
    out.rename([
      ['pattern', 'Pattern'],
      ['eventBus', 'EventBusName'],
      ['input', 'Input'],
      ['inputPath', 'InputPath'],
      ['inputTransformer', 'InputTransformer'],
      ['retryPolicy', 'RetryPolicy'],
      ['deadLetterQueueArn', 'DeadLetterConfig'],
    ]);
    const schedule = prop(site, 'schedule');
    if (schedule) {
      out.set('Schedule', schedule, keySpanOf(site, 'schedule'));
      return 'Schedule';
    }
    return 'EventBridgeRule';
  },
  websocket: (site, out) => {
    out.set('Route', stringOrProp(site, 'route'), keySpanOf(site, 'route'));
    out.rename([
      ['routeResponseSelectionExpression', 'RouteResponseSelectionExpression'],
      ['authorizer', 'Authorizer'],
    ]);
    return 'WebSocket';
  },
  alb: (_site, out) => {
    out.rename([
      ['listenerArn', 'ListenerArn'],
      ['priority', 'Priority'],
      ['conditions', 'Conditions'],
      ['multiValueHeaders', 'MultiValueHeaders'],
      ['healthCheck', 'HealthCheck'],
    ]);
    return 'ALB';
  },
  cloudwatchLog: (site, out) => {
    out.set('LogGroupName', stringOrProp(site, 'logGroup'), keySpanOf(site, 'logGroup'));
    out.rename([['filter', 'FilterPattern']]);
    out.orDefault('FilterPattern', '');
    return 'CloudWatchLogs';
  },
  cloudwatchEvent: (_site, out) => {
    out.rename([
      ['event', 'Pattern'],
      ['input', 'Input'],
      ['inputPath', 'InputPath'],
      ['inputTransformer', 'InputTransformer'],
      ['enabled', 'Enabled'],
      ['name', 'Name'],
    ]);
    return 'CloudWatchEvent';
  },
  cognitoUserPool: (_site, out) => {
    out.rename([
      ['pool', 'UserPool'],
      ['trigger', 'Trigger'],
      ['existing', 'Existing'],
    ]);
    return 'Cognito';
  },
  iot: (_site, out) => {
    out.rename([
      ['sql', 'Sql'],
      ['sqlVersion', 'AwsIotSqlVersion'],
      ['enabled', 'Enabled'],
      ['name', 'Name'],
    ]);
    return 'IoTRule';
  },
  alexaSkill: (site, out) => {
    out.set('SkillId', stringOrProp(site, 'appId'), keySpanOf(site, 'appId'));
    return 'AlexaSkill';
  },
  msk: (_site, out) => {
    out.rename([
      ['arn', 'Stream'],
      ['topic', 'Topics'],
      ['startingPosition', 'StartingPosition'],
      ['batchSize', 'BatchSize'],
      ['maximumBatchingWindow', 'MaximumBatchingWindowInSeconds'],
      ['enabled', 'Enabled'],
      ['consumerGroupId', 'ConsumerGroupId'],
      ['filterPatterns', 'FilterCriteria'],
    ]);
    out.orDefault('StartingPosition', 'TRIM_HORIZON');
    return 'MSK';
  },
  kafka: (_site, out) => {
    out.rename([
      ['topic', 'Topics'],
      ['bootstrapServers', 'KafkaBootstrapServers'],
      ['startingPosition', 'StartingPosition'],
      ['batchSize', 'BatchSize'],
      ['maximumBatchingWindow', 'MaximumBatchingWindowInSeconds'],
      ['enabled', 'Enabled'],
      ['consumerGroupId', 'ConsumerGroupId'],
      ['accessConfigurations', 'SourceAccessConfigurations'],
      ['filterPatterns', 'FilterCriteria'],
    ]);
    out.orDefault('StartingPosition', 'TRIM_HORIZON');
    return 'SelfManagedKafka';
  },
  activemq: (_site, out) => {
    out.rename([
      ['arn', 'Broker'],
      ['queue', 'Queues'],
      ['basicAuthArn', 'SourceAccessConfigurations'],
      ['batchSize', 'BatchSize'],
      ['maximumBatchingWindow', 'MaximumBatchingWindowInSeconds'],
      ['enabled', 'Enabled'],
      ['filterPatterns', 'FilterCriteria'],
    ]);
    return 'MQ';
  },
  rabbitmq: (_site, out) => {
    out.rename([
      ['arn', 'Broker'],
      ['queue', 'Queues'],
      ['virtualHost', 'VirtualHost'],
      ['basicAuthArn', 'SourceAccessConfigurations'],
      ['batchSize', 'BatchSize'],
      ['maximumBatchingWindow', 'MaximumBatchingWindowInSeconds'],
      ['enabled', 'Enabled'],
      ['filterPatterns', 'FilterCriteria'],
    ]);
    return 'MQ';
  },
  alexaSmartHome: (site, out) => {
    out.set('SkillId', stringOrProp(site, 'appId'), keySpanOf(site, 'appId'));
    return 'AlexaSmartHome';
  },
  cloudFront: (_site, out) => {
    out.rename([
      ['eventType', 'EventType'],
      ['origin', 'Origin'],
      ['pathPattern', 'PathPattern'],
      ['includeBody', 'IncludeBody'],
    ]);
    return 'CloudFront';
  },
  iotFleetProvisioning: (_site, out) => {
    out.rename([
      ['templateBody', 'TemplateBody'],
      ['provisioningRoleArn', 'ProvisioningRoleArn'],
      ['templateName', 'TemplateName'],
      ['enabled', 'Enabled'],
    ]);
    return 'IoTFleetProvisioning';
  },
};

export const KNOWN_EVENT_KEYS: ReadonlySet<string> = new Set(Object.keys(CONVERTERS));

function keySpanOf(site: EventSite, key: string): Span | undefined {
  return site.value.kind === 'map' ? site.value.entries.find((e) => e.key === key)?.keySpan : undefined;
}

/** `dynamodb` or `kinesis`, from `type` or from the ARN. */
export function streamType(site: EventSite): 'DynamoDB' | 'Kinesis' | undefined {
  const written = stringOf(prop(site, 'type'))?.toLowerCase();
  const arn = stringOrProp(site, 'arn');
  const hint = written ?? stringOf(arn) ?? (arn?.kind === 'intrinsic' ? JSON.stringify(intrinsicHint(arn)) : '');
  if (/dynamodb|StreamArn/i.test(hint)) return 'DynamoDB';
  if (/kinesis/i.test(hint)) return 'Kinesis';
  return undefined;
}

function intrinsicHint(node: Node): unknown {
  if (node.kind === 'scalar') return node.value;
  if (node.kind === 'intrinsic') return [node.name, intrinsicHint(node.argument)];
  if (node.kind === 'seq') return node.items.map(intrinsicHint);
  return node.entries.map((e) => [e.key, intrinsicHint(e.value)]);
}

/**
 * Events of one function in SAM's vocabulary. A schedule with several rates is several events, as the
 * framework makes one rule per rate. Unknown keys keep their own name as type.
 */
export function samEvents(sites: readonly EventSite[]): FunctionEvent[] {
  const events: FunctionEvent[] = [];
  for (const site of sites) {
    const name = site.count > 1 ? `${site.key}${site.ordinal}` : site.key;
    const convert = CONVERTERS[site.key];
    if (!convert) {
      events.push({
        name,
        type: site.key,
        nameSpan: site.keySpan,
        span: site.span,
        properties: site.value.kind === 'map' ? site.value : undefined,
      });
      continue;
    }
    // A schedule with a list of rates is one rule per rate in the framework.
    const rates = site.key === 'schedule' && site.value.kind === 'map' ? itemsOf(valueOf(site.value, 'rate')) : [];
    const variants =
      rates.length > 0
        ? rates.map((rate) => ({ ...site, value: withEntry(site.value as MapNode, 'rate', rate) }))
        : [site];
    variants.forEach((variant, i) => {
      const out = new Properties(variant);
      const type = convert(variant, out);
      events.push({
        name: variants.length > 1 ? `${name}-${i + 1}` : name,
        type,
        nameSpan: site.keySpan,
        span: site.span,
        properties: out.map(),
      });
    });
  }
  return events;
}

function withEntry(map: MapNode, key: string, value: Node): MapNode {
  return { ...map, entries: map.entries.map((e) => (e.key === key ? { ...e, value } : e)) };
}
