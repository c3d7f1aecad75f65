import type { MapNode, Node, Span } from '../nodes';
import { booleanOf, entryOf, itemsOf, mapAt, stringOf, valueOf } from '../nodes';
import type { Resource } from '../template';
import type { EventSite } from './events';
import { methodAndPath, restPath, streamType } from './events';
import type { BuiltFunction } from './functions';
import { naming } from './naming';

export interface GenerationInput {
  /** The service name, as resolved: some logical IDs carry it (the request validator). */
  readonly service: string;
  readonly provider: MapNode | undefined;
  /** Where service-wide resources come from: the `provider` key. */
  readonly providerSpan: Span;
  readonly functions: readonly BuiltFunction[];
  readonly functionKeys: ReadonlySet<string>;
  /** Whether the framework generates the shared execution role. */
  readonly sharedRole: boolean;
}

/** Collects generated resources once per logical ID, in the order the framework would add them. */
class Generated {
  readonly resources: Resource[] = [];
  private readonly seen = new Set<string>();

  add(logicalId: string, type: string, span: Span, by: string, reason: string): void {
    if (this.seen.has(logicalId)) return;
    this.seen.add(logicalId);
    this.resources.push({
      logicalId,
      type,
      origin: 'generated',
      idSpan: span,
      span,
      generatedBy: { logicalId: by, reason },
    });
  }
}

/**
 * The resources `serverless package` adds to the stack for the functions, layers and events of a
 * service, named by the framework's rules (see naming.ts). Properties are not synthesised: what
 * matters to a user is which resources exist, where they come from, and their names.
 */
export function generateServerlessResources(input: GenerationInput): Resource[] {
  const out = new Generated();
  const { provider, providerSpan } = input;
  const deploymentBucket = valueOf(provider, 'deploymentBucket');
  if (!deploymentBucket || (deploymentBucket.kind === 'map' && !entryOf(deploymentBucket, 'name'))) {
    out.add(
      naming.deploymentBucket,
      'AWS::S3::Bucket',
      providerSpan,
      'provider',
      'The framework uploads the deployment package to its own bucket',
    );
    out.add(
      naming.deploymentBucketPolicy,
      'AWS::S3::BucketPolicy',
      providerSpan,
      'provider',
      'The deployment bucket only accepts HTTPS',
    );
  }
  if (input.sharedRole) {
    out.add(
      naming.role,
      'AWS::IAM::Role',
      providerSpan,
      'provider',
      'The framework creates one execution role for the functions without their own role',
    );
  }
  logGroups(out, input);
  const versions = booleanOf(valueOf(provider, 'versionFunctions')) !== false;
  for (const fn of input.functions) functionResources(out, input, fn, versions);
  return out.resources;
}

function functionResources(out: Generated, input: GenerationInput, fn: BuiltFunction, versions: boolean): void {
  const key = fn.facts.key;
  const by = fn.resource.logicalId;
  const node = fn.facts.node;
  const at = fn.resource.idSpan;
  if (booleanOf(valueOf(node, 'disableLogs')) !== true) {
    out.add(
      naming.logGroup(key),
      'AWS::Logs::LogGroup',
      at,
      by,
      "The framework creates the function's log group to set its retention",
    );
  }
  if (versions && booleanOf(valueOf(node, 'versionFunction')) !== false) {
    out.add(
      naming.version(key),
      'AWS::Lambda::Version',
      at,
      by,
      'versionFunctions is on (the default): each deploy publishes a version',
    );
  }
  if (entryOf(node, 'provisionedConcurrency')) {
    out.add(
      naming.provisionedAlias(key),
      'AWS::Lambda::Alias',
      at,
      by,
      'provisionedConcurrency is set on an alias named "provisioned"',
    );
  }
  if (entryOf(node, 'destinations') || entryOf(node, 'maximumEventAge') || entryOf(node, 'maximumRetryAttempts')) {
    out.add(
      naming.eventInvokeConfig(key),
      'AWS::Lambda::EventInvokeConfig',
      at,
      by,
      'destinations or retry settings for asynchronous invocations',
    );
  }
  if (entryOf(node, 'url')) {
    out.add(naming.functionUrl(key), 'AWS::Lambda::Url', at, by, 'url: the function gets an HTTPS endpoint');
    out.add(naming.functionUrlPermission(key), 'AWS::Lambda::Permission', at, by, 'allows calls to the function URL');
  }
  if ('logicalId' in fn.facts.executionRole && fn.facts.executionRole.logicalId !== naming.role) {
    out.add(
      fn.facts.executionRole.logicalId,
      'AWS::IAM::Role',
      at,
      by,
      'serverless-iam-roles-per-function gives the function its own role for iamRoleStatements',
    );
  }
  for (const site of fn.sites) eventResources(out, input, key, by, site, fn.sites);
}

function eventResources(
  out: Generated,
  input: GenerationInput,
  fn: string,
  by: string,
  site: EventSite,
  siblings: readonly EventSite[],
): void {
  const at = site.keySpan;
  const add = (logicalId: string, type: string, reason: string) => out.add(logicalId, type, at, by, reason);
  const value = site.value;
  const text = (k: string) => stringOf(valueOf(value, k));
  const { provider } = input;
  switch (site.key) {
    case 'http': {
      const { method, path } = methodAndPath(site);
      if (!valueOf(mapAt(provider, 'apiGateway'), 'restApiId'))
        add(naming.restApi, 'AWS::ApiGateway::RestApi', 'http events share one REST API');
      const clean = restPath(path ?? '');
      const parts = clean === '' ? [] : clean.split('/');
      parts.forEach((_, i) =>
        add(
          naming.restResource(parts.slice(0, i + 1).join('/')),
          'AWS::ApiGateway::Resource',
          `path segment of ${clean}`,
        ),
      );
      if (method) {
        add(
          naming.restMethod(clean, method === '*' ? 'any' : method),
          'AWS::ApiGateway::Method',
          `${method.toUpperCase()} /${clean}`,
        );
        requestValidation(add, input, clean, method === '*' ? 'any' : method, mapAt(value, 'request'));
      }
      if (valueOf(value, 'cors') && booleanOf(valueOf(value, 'cors')) !== false)
        add(naming.restMethod(clean, 'options'), 'AWS::ApiGateway::Method', `CORS preflight for /${clean}`);
      add(naming.restDeployment, 'AWS::ApiGateway::Deployment', 'each deploy creates a new API deployment');
      add(naming.restPermission(fn), 'AWS::Lambda::Permission', 'lets API Gateway invoke the function');
      const authorizer = restAuthorizerName(valueOf(value, 'authorizer'), input.functionKeys);
      if (authorizer) add(naming.restAuthorizer(authorizer), 'AWS::ApiGateway::Authorizer', `authorizer ${authorizer}`);
      if (authorizer && input.functionKeys.has(authorizer))
        add(
          naming.restPermission(authorizer),
          'AWS::Lambda::Permission',
          'lets API Gateway invoke the authorizer function',
        );
      apiKeys(out, input);
      return;
    }
    case 'httpApi': {
      const { method, path } = methodAndPath(site);
      const external = valueOf(mapAt(provider, 'httpApi'), 'id');
      if (!external) {
        add(naming.httpApi, 'AWS::ApiGatewayV2::Api', 'httpApi events share one HTTP API');
        add(naming.httpApiStage, 'AWS::ApiGatewayV2::Stage', "the HTTP API's $default stage");
      }
      const routeKey =
        method === '*' && path === '*' ? '*' : `${method === '*' ? 'ANY' : (method ?? '').toUpperCase()} ${path ?? ''}`;
      add(naming.httpApiPermission(fn), 'AWS::Lambda::Permission', 'lets the HTTP API invoke the function');
      add(naming.httpApiIntegration(fn), 'AWS::ApiGatewayV2::Integration', 'connects the HTTP API to the function');
      add(naming.httpApiRoute(routeKey), 'AWS::ApiGatewayV2::Route', routeKey === '*' ? 'catch-all route' : routeKey);
      for (const e of mapAt(mapAt(provider, 'httpApi'), 'authorizers')?.entries ?? []) {
        out.add(
          naming.httpApiAuthorizer(e.key),
          'AWS::ApiGatewayV2::Authorizer',
          e.keySpan,
          'provider',
          `provider.httpApi.authorizers.${e.key}`,
        );
      }
      return;
    }
    case 'websocket': {
      const route = stringOf(value.kind === 'map' ? valueOf(value, 'route') : value) ?? '';
      add(naming.websocketsApi, 'AWS::ApiGatewayV2::Api', 'websocket events share one WebSocket API');
      add(
        naming.websocketsIntegration(fn),
        'AWS::ApiGatewayV2::Integration',
        'connects the WebSocket API to the function',
      );
      add(naming.websocketsPermission(fn), 'AWS::Lambda::Permission', 'lets the WebSocket API invoke the function');
      add(naming.websocketsRoute(route), 'AWS::ApiGatewayV2::Route', `route ${route}`);
      const authorizer = websocketAuthorizerName(valueOf(value, 'authorizer'));
      if (authorizer) {
        add(
          naming.websocketsAuthorizer(authorizer),
          'AWS::ApiGatewayV2::Authorizer',
          `the Lambda authorizer ${authorizer} of route ${route}`,
        );
        add(
          naming.websocketsPermission(authorizer),
          'AWS::Lambda::Permission',
          `lets the WebSocket API invoke the authorizer ${authorizer}`,
        );
      }
      if (entryOf(value, 'routeResponseSelectionExpression'))
        add(
          `${naming.websocketsRoute(route)}Response`,
          'AWS::ApiGatewayV2::RouteResponse',
          `responses of route ${route}`,
        );
      add(naming.websocketsStage, 'AWS::ApiGatewayV2::Stage', "the WebSocket API's stage");
      add(
        naming.websocketsDeployment,
        'AWS::ApiGatewayV2::Deployment',
        'each deploy creates a new WebSocket API deployment',
      );
      return;
    }
    case 'sqs':
      add(
        naming.sqsMapping(fn, resourceNameOf(arnOf(site), 'queue', 'queue')),
        'AWS::Lambda::EventSourceMapping',
        'polls the queue for the function',
      );
      return;
    case 'stream': {
      const type = streamType(site) ?? 'Unknown';
      // The framework names the mapping with the ARN's service in lower case: dynamodb → Dynamodb.
      const stream = resourceNameOf(arnOf(site), 'stream', 'stream');
      add(
        naming.streamMapping(fn, type.toLowerCase(), stream),
        'AWS::Lambda::EventSourceMapping',
        `reads the ${type} stream for the function`,
      );
      if (type === 'Kinesis' && booleanOf(valueOf(value, 'consumer')) === true) {
        add(
          naming.streamConsumer(fn, stream),
          'AWS::Kinesis::StreamConsumer',
          'consumer: true reads the stream through enhanced fan-out',
        );
      }
      return;
    }
    case 'msk':
      add(
        naming.mskMapping(fn, resourceNameOf(valueOf(value, 'arn'), 'stream', 'cluster'), text('topic') ?? ''),
        'AWS::Lambda::EventSourceMapping',
        'reads the MSK topic for the function',
      );
      return;
    case 'kafka':
      add(
        naming.kafkaMapping(fn, text('topic') ?? ''),
        'AWS::Lambda::EventSourceMapping',
        'reads the Kafka topic for the function',
      );
      return;
    case 'activemq':
      add(
        naming.activeMqMapping(fn, text('queue') ?? ''),
        'AWS::Lambda::EventSourceMapping',
        'reads the ActiveMQ queue for the function',
      );
      return;
    case 'rabbitmq':
      add(
        naming.rabbitMqMapping(fn, text('queue') ?? ''),
        'AWS::Lambda::EventSourceMapping',
        'reads the RabbitMQ queue for the function',
      );
      return;
    case 'sns': {
      const arn =
        value.kind === 'map' ? valueOf(value, 'arn') : stringOf(value)?.startsWith('arn:') ? value : undefined;
      const topic =
        text('topicName') ??
        (value.kind === 'scalar' && !arn ? stringOf(value) : undefined) ??
        resourceNameOf(arn, 'queue', 'topic');
      if (entryOf(value, 'redrivePolicy')) {
        add(
          naming.snsDlqPolicy(fn, topic),
          'AWS::SQS::QueuePolicy',
          `lets ${topic} send undeliverable messages to the dead-letter queue`,
        );
      }
      // A topic the framework creates subscribes the function inside its own definition, unless the
      // subscription needs a filter or a redrive policy (compile/events/sns.js).
      const ownSubscription =
        arn !== undefined ||
        entryOf(value, 'filterPolicy') !== undefined ||
        entryOf(value, 'redrivePolicy') !== undefined;
      if (!arn) add(naming.topic(topic), 'AWS::SNS::Topic', `topic ${topic}`);
      if (ownSubscription)
        add(naming.snsSubscription(fn, topic), 'AWS::SNS::Subscription', `subscribes the function to ${topic}`);
      add(naming.snsPermission(fn, topic), 'AWS::Lambda::Permission', `lets ${topic} invoke the function`);
      return;
    }
    case 's3': {
      const bucket = stringOf(value.kind === 'map' ? valueOf(value, 'bucket') : value) ?? '';
      if (booleanOf(valueOf(value, 'existing')) === true) {
        add(naming.customS3(fn), 'Custom::S3', `configures notifications on the existing bucket ${bucket}`);
        customResourceFunction(out, 'custom-resource-existing-s3', at, by);
        return;
      }
      add(naming.bucket(bucket), 'AWS::S3::Bucket', `bucket ${bucket}`);
      add(naming.s3Permission(fn, bucket), 'AWS::Lambda::Permission', `lets ${bucket} invoke the function`);
      return;
    }
    case 'schedule': {
      // One rule per rate; the framework numbers them across all of the function's schedules.
      const before = scheduleRulesBefore(site, siblings);
      const rates = Math.max(1, itemsOf(valueOf(value, 'rate')).length);
      for (let n = before + 1; n <= before + rates; n++) {
        add(naming.schedule(fn, n), 'AWS::Events::Rule', 'the schedule rule');
        add(naming.schedulePermission(fn, n), 'AWS::Lambda::Permission', 'lets the schedule invoke the function');
      }
      return;
    }
    case 'cloudwatchEvent':
      add(naming.cloudWatchEvent(fn, site.ordinal), 'AWS::Events::Rule', 'the CloudWatch Events rule');
      add(
        naming.cloudWatchEventPermission(fn, site.ordinal),
        'AWS::Lambda::Permission',
        'lets the rule invoke the function',
      );
      return;
    case 'eventBridge': {
      if (booleanOf(valueOf(mapAt(provider, 'eventBridge'), 'useCloudFormation')) === true) {
        const bus = text('eventBus');
        if (bus && !bus.startsWith('arn:') && bus !== 'default')
          add(naming.eventBus(bus), 'AWS::Events::EventBus', `event bus ${bus}`);
        add(naming.eventBridgeRule(fn, site.ordinal), 'AWS::Events::Rule', 'the EventBridge rule');
        add(
          naming.eventBridgePermission(fn, site.ordinal),
          'AWS::Lambda::Permission',
          'lets EventBridge invoke the function',
        );
        return;
      }
      add(
        naming.customEventBridge(fn, site.ordinal),
        'Custom::EventBridge',
        'the framework creates EventBridge rules through a custom resource unless ' +
          'provider.eventBridge.useCloudFormation is true',
      );
      customResourceFunction(out, 'custom-resource-event-bridge', at, by);
      return;
    }
    case 'cloudwatchLog':
      add(
        naming.logSubscription(fn, site.ordinal),
        'AWS::Logs::SubscriptionFilter',
        'subscribes the function to the log group',
      );
      add(naming.logPermission(fn), 'AWS::Lambda::Permission', 'lets CloudWatch Logs invoke the function');
      return;
    case 'cognitoUserPool': {
      const pool = text('pool') ?? '';
      const trigger = text('trigger') ?? '';
      if (booleanOf(valueOf(value, 'existing')) === true) {
        add(
          naming.customUserPool(fn),
          'Custom::CognitoUserPool',
          `configures the trigger on the existing pool ${pool}`,
        );
        customResourceFunction(out, 'custom-resource-existing-cup', at, by);
        return;
      }
      add(naming.userPool(pool), 'AWS::Cognito::UserPool', `user pool ${pool}`);
      add(
        naming.userPoolPermission(fn, pool, trigger),
        'AWS::Lambda::Permission',
        `lets ${pool} invoke the function on ${trigger}`,
      );
      return;
    }
    case 'iot':
      add(naming.iotRule(fn, site.ordinal), 'AWS::IoT::TopicRule', 'the IoT topic rule');
      add(naming.iotPermission(fn, site.ordinal), 'AWS::Lambda::Permission', 'lets the IoT rule invoke the function');
      return;
    case 'iotFleetProvisioning':
      add(naming.iotProvisioningTemplate(fn), 'AWS::IoT::ProvisioningTemplate', 'the fleet provisioning template');
      add(naming.iotProvisioningPermission(fn), 'AWS::Lambda::Permission', 'lets IoT invoke the pre-provisioning hook');
      return;
    case 'alb': {
      const listener = valueOf(value, 'listenerArn');
      const albId =
        stringOf(listener)?.split('/')[3] ??
        (listener?.kind === 'map' ? stringOf(valueOf(listener, 'Ref')) : undefined) ??
        (listener?.kind === 'intrinsic' ? stringOf(listener.argument) : undefined) ??
        '';
      const multiValue = booleanOf(valueOf(value, 'multiValueHeaders')) === true;
      add(
        naming.albTargetGroup(fn, albId, multiValue),
        'AWS::ElasticLoadBalancingV2::TargetGroup',
        "the load balancer's target group for the function",
      );
      add(
        naming.albListenerRule(fn, stringOf(valueOf(value, 'priority')) ?? site.ordinal),
        'AWS::ElasticLoadBalancingV2::ListenerRule',
        'routes matching requests to the function',
      );
      add(naming.albPermission(fn), 'AWS::Lambda::Permission', 'lets the load balancer invoke the function');
      add(
        naming.albRegisterTargetPermission(fn),
        'AWS::Lambda::Permission',
        'lets the load balancer register the function',
      );
      return;
    }
    case 'alexaSkill':
      add(
        naming.alexaSkillPermission(fn, site.ordinal),
        'AWS::Lambda::Permission',
        'lets the Alexa skill invoke the function',
      );
      return;
    case 'alexaSmartHome':
      add(
        naming.alexaSmartHomePermission(fn, site.ordinal),
        'AWS::Lambda::Permission',
        'lets the Alexa smart home skill invoke the function',
      );
      return;
    case 'cloudFront':
      add(naming.cloudFrontDistribution, 'AWS::CloudFront::Distribution', 'cloudFront events share one distribution');
      return;
    default:
      return;
  }
}

type Add = (logicalId: string, type: string, reason: string) => void;

const REQUEST_PARAMETER_LOCATIONS = ['querystrings', 'paths', 'headers'];

/**
 * An http event's `request`: a required parameter or a body schema makes the framework add the service's
 * one request validator, and each schema becomes a model, shared when it names a schema of
 * `provider.apiGateway.request.schemas` (compile/events/api-gateway/lib/request-validator.js).
 */
function requestValidation(
  add: Add,
  input: GenerationInput,
  path: string,
  method: string,
  request: MapNode | undefined,
): void {
  const schemas = mapAt(request, 'schemas')?.entries ?? [];
  const parameters = mapAt(request, 'parameters');
  const required = REQUEST_PARAMETER_LOCATIONS.some((location) =>
    (mapAt(parameters, location)?.entries ?? []).some((e) => isRequiredParameter(e.value)),
  );
  if (!required && schemas.length === 0) return;
  add(
    naming.requestValidator(input.service),
    'AWS::ApiGateway::RequestValidator',
    'validates the request parameters and body of http events that declare them',
  );
  const providerSchemas = mapAt(mapAt(mapAt(input.provider, 'apiGateway'), 'request'), 'schemas');
  for (const schema of schemas) {
    const schemaId = schema.value.kind === 'scalar' ? stringOf(schema.value) : undefined;
    if (schemaId !== undefined && entryOf(providerSchemas, schemaId)) {
      add(
        naming.providerModel(schemaId),
        'AWS::ApiGateway::Model',
        `the request schema ${schemaId} of provider.apiGateway.request.schemas`,
      );
    } else {
      add(
        naming.endpointModel(path, method, schema.key),
        'AWS::ApiGateway::Model',
        `the ${schema.key} request schema of ${method.toUpperCase()} /${path}`,
      );
    }
  }
}

/**
 * The framework's test, in JavaScript truthiness: `true` (or any truthy value), or an object whose
 * `required` is truthy or absent (the object form defaults to required).
 */
function isRequiredParameter(value: Node): boolean {
  if (value.kind === 'map') {
    const required = valueOf(value, 'required');
    return required === undefined || (required.kind === 'scalar' && required.value === null) || isTruthy(required);
  }
  return isTruthy(value);
}

function isTruthy(node: Node): boolean {
  return node.kind !== 'scalar' || Boolean(node.value);
}

/**
 * The name a websocket event's `authorizer` gives its authorizer: a function of the service by name, the
 * function name at the end of a Lambda ARN, or `name` (required with an `arn` that is not a string).
 */
function websocketAuthorizerName(authorizer: Node | undefined): string | undefined {
  const written = stringOf(authorizer);
  if (written !== undefined) return written.split(':').pop();
  const arn = valueOf(authorizer, 'arn');
  const arnText = stringOf(arn);
  if (arnText !== undefined) return arnText.split(':').pop();
  return stringOf(valueOf(authorizer, 'name'));
}

/** Rules made by the function's earlier schedule events (a list of rates makes one rule each). */
function scheduleRulesBefore(site: EventSite, siblings: readonly EventSite[]): number {
  let count = 0;
  for (const other of siblings) {
    if (other === site) break;
    if (other.key === 'schedule') count += Math.max(1, itemsOf(valueOf(other.value, 'rate')).length);
  }
  return count;
}

/**
 * The authorizer an http event makes the framework create: a function of this service by name, or a
 * Lambda or Cognito ARN (named by `name`, else by the function name at the end of the ARN); none for
 * `aws_iam` or an authorizer id from outside the stack.
 */
function restAuthorizerName(authorizer: Node | undefined, functionKeys: ReadonlySet<string>): string | undefined {
  const written = stringOf(authorizer);
  if (written !== undefined) {
    if (written === 'aws_iam') return undefined;
    return written.startsWith('arn:')
      ? (written.split(':').pop() ?? '').split('-').pop()
      : functionKeys.has(written)
        ? written
        : undefined;
  }
  if (authorizer?.kind !== 'map' || entryOf(authorizer, 'authorizerId')) return undefined;
  const type = stringOf(valueOf(authorizer, 'type'))?.toLowerCase();
  if (type === 'aws_iam') return undefined;
  const name = stringOf(valueOf(authorizer, 'name'));
  const arn = stringOf(valueOf(authorizer, 'arn'));
  if (name) return name;
  return arn ? (arn.split(':').pop() ?? '').split('-').pop() : undefined;
}

/** `provider.logs`: access logs of the REST, HTTP and WebSocket APIs, when they exist. */
function logGroups(out: Generated, input: GenerationInput): void {
  const logs = mapAt(input.provider, 'logs');
  const uses = (key: string) => input.functions.some((f) => f.sites.some((s) => s.key === key));
  const at = entryOf(input.provider, 'logs')?.keySpan ?? input.providerSpan;
  const on = (key: string) => {
    const value = valueOf(logs, key);
    return value !== undefined && booleanOf(value) !== false;
  };
  if (on('restApi') && uses('http')) {
    out.add(
      naming.restLogGroup,
      'AWS::Logs::LogGroup',
      at,
      'provider',
      'provider.logs.restApi: REST API access and execution logs',
    );
    out.add(
      naming.apiGatewayCloudWatchRole,
      'Custom::ApiGatewayAccountRole',
      at,
      'provider',
      'lets API Gateway write logs in this account',
    );
  }
  if (on('httpApi') && uses('httpApi'))
    out.add(
      naming.httpApiLogGroup,
      'AWS::Logs::LogGroup',
      at,
      'provider',
      'provider.logs.httpApi: HTTP API access logs',
    );
  if (on('websocket') && uses('websocket'))
    out.add(
      naming.websocketsLogGroup,
      'AWS::Logs::LogGroup',
      at,
      'provider',
      'provider.logs.websocket: WebSocket API logs',
    );
}

function arnOf(site: EventSite): Node | undefined {
  return site.value.kind === 'map' ? valueOf(site.value, 'arn') : site.value;
}

/**
 * The name the framework puts into logical IDs for a queue or topic (`queue`) and for a stream or
 * cluster (`stream`), read from the ARN as the framework's compilers read it: a written ARN's last
 * `:` part (queues) or its part after the first `/` (streams), the resource of `Fn::GetAtt`, the name
 * of `Fn::ImportValue` or `Ref`, or the last element of an `Fn::Join`.
 */
function resourceNameOf(arn: Node | undefined, kind: 'queue' | 'stream', fallback: string): string {
  if (!arn) return fallback;
  const text = stringOf(arn);
  if (text !== undefined) return (kind === 'queue' ? text.split(':').pop() : text.split('/')[1]) ?? fallback;
  const intrinsic = arn.kind === 'intrinsic' ? arn : undefined;
  if (!intrinsic) return fallback;
  const argument = intrinsic.argument;
  switch (intrinsic.name) {
    case 'Fn::GetAtt':
      return stringOf(itemsOf(argument)[0]) ?? stringOf(argument)?.split('.')[0] ?? fallback;
    case 'Fn::ImportValue':
    case 'Ref':
      return stringOf(argument) ?? fallback;
    case 'Fn::Join': {
      const parts = itemsOf(itemsOf(argument)[1]);
      const last = stringOf(parts[parts.length - 1]);
      if (last === undefined) return fallback;
      return kind === 'queue' ? last : (last.split('/').pop() ?? last);
    }
    default:
      return fallback;
  }
}

/** The framework's helper function and role behind custom resources (existing buckets and pools, EventBridge). */
function customResourceFunction(out: Generated, name: string, at: Span, by: string): void {
  out.add(
    naming.customResourceFunction(name),
    'AWS::Lambda::Function',
    at,
    by,
    "the framework's helper function behind this custom resource",
  );
  out.add(
    naming.customResourcesRole,
    'AWS::IAM::Role',
    at,
    by,
    "the role of the framework's custom resource functions",
  );
}

function apiKeys(out: Generated, input: GenerationInput): void {
  const keys = itemsOf(valueOf(mapAt(input.provider, 'apiGateway'), 'apiKeys'));
  if (keys.length === 0) return;
  const entry = entryOf(mapAt(input.provider, 'apiGateway'), 'apiKeys');
  const at = entry?.keySpan ?? input.providerSpan;
  keys.forEach((_, i) =>
    out.add(naming.apiKey(i + 1), 'AWS::ApiGateway::ApiKey', at, 'provider', 'provider.apiGateway.apiKeys'),
  );
  out.add(naming.usagePlan, 'AWS::ApiGateway::UsagePlan', at, 'provider', 'API keys need a usage plan');
  keys.forEach((_, i) =>
    out.add(
      naming.usagePlanKey(i + 1),
      'AWS::ApiGateway::UsagePlanKey',
      at,
      'provider',
      'attaches the API key to the usage plan',
    ),
  );
}
