/**
 * Logical IDs as the Serverless Framework v3 names them (lib/plugins/aws/lib/naming.js), so that the
 * resources we show are the ones `serverless package` writes and a `Ref` to them can be followed.
 */

function upperFirst(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** lodash `capitalize`: first letter upper case, the rest lower case. */
function capitalize(part: string): string {
  return part.charAt(0).toUpperCase() + part.slice(1).toLowerCase();
}

/** `my-func_1` → `MyDashfuncUnderscore1`: functions, layers and other resource names. */
export function normalizedName(name: string): string {
  return upperFirst(name.replace(/-/g, 'Dash').replace(/_/g, 'Underscore'));
}

/** Only letters and digits are kept: topics, buckets, queues, pools. */
export function alphaNumericName(name: string): string {
  return upperFirst(name.replace(/[^0-9A-Za-z]/g, ''));
}

function normalizedPathPart(part: string): string {
  return upperFirst(
    capitalize(part)
      .replace(/-/g, 'Dash')
      .replace(/\{(.*)\}/g, '$1Var')
      .replace(/[^0-9A-Za-z]/g, ''),
  );
}

/** `users/{id}` → `UsersIdVar`; also used for HTTP API route keys (`GET /a` → `GetA`). */
export function normalizedPath(path: string): string {
  return path.split('/').map(normalizedPathPart).join('');
}

function methodId(path: string, method: string): string {
  return `ApiGatewayMethod${normalizedPath(path)}${upperFirst(method.toLowerCase())}`;
}

/**
 * lodash `words` for ASCII names: `test-model` → [test, model], `fooBar` → [foo, Bar], `application/json` →
 * [application, json].
 */
function words(text: string): string[] {
  return text.match(/[A-Z]{2,}(?=[A-Z][a-z]+[0-9]*|\b)|[A-Z]?[a-z]+[0-9]*|[A-Z]|[0-9]+/g) ?? [];
}

/** lodash `camelCase` then `upperFirst`: `test-model` → `TestModel`. */
function pascalCase(text: string): string {
  return words(text)
    .map((w, i) => (i === 0 ? w.toLowerCase() : capitalize(w)))
    .join('')
    .replace(/^./, (c) => c.toUpperCase());
}

/**
 * lodash `startCase(contentType).replace(' ', '')`: the framework removes only the first space, so
 * `application/json` → `ApplicationJson` and `application/vnd.api+json` → `ApplicationVnd Api Json`.
 */
function contentTypeName(contentType: string): string {
  return words(contentType).map(upperFirst).join(' ').replace(' ', '');
}

export const naming = {
  lambda: (fn: string) => `${normalizedName(fn)}LambdaFunction`,
  logGroup: (fn: string) => `${normalizedName(fn)}LogGroup`,
  version: (fn: string) => `${normalizedName(fn)}LambdaVersion<hash>`,
  provisionedAlias: (fn: string) => `${normalizedName(fn)}ProvConcLambdaAlias`,
  eventInvokeConfig: (fn: string) => `${normalizedName(fn)}LambdaEvConf`,
  functionUrl: (fn: string) => `${normalizedName(fn)}LambdaFunctionUrl`,
  functionUrlPermission: (fn: string) => `${normalizedName(fn)}LambdaPermissionFnUrl`,
  layer: (layer: string) => `${normalizedName(layer)}LambdaLayer`,
  role: 'IamRoleLambdaExecution',
  /** serverless-iam-roles-per-function names a function's own role this way. */
  functionRole: (fn: string) => `${normalizedName(fn)}IamRoleLambdaExecution`,
  deploymentBucket: 'ServerlessDeploymentBucket',
  deploymentBucketPolicy: 'ServerlessDeploymentBucketPolicy',
  restApi: 'ApiGatewayRestApi',
  restResource: (path: string) => `ApiGatewayResource${normalizedPath(path)}`,
  restMethod: methodId,
  /** The real ID ends with the deploy's timestamp, which no one can know before deploying. */
  restDeployment: 'ApiGatewayDeployment<timestamp>',
  /** One request validator per service, named after the service (the framework's `getValidatorLogicalId`). */
  requestValidator: (service: string) => `ApiGateway${alphaNumericName(service)}RequestValidator`,
  /** A schema of `provider.apiGateway.request.schemas`, by its key. */
  providerModel: (schemaId: string) => `ApiGateway${pascalCase(schemaId)}Model`,
  /** A schema written on the http event itself, by method and content type. */
  endpointModel: (path: string, method: string, contentType: string) =>
    `${methodId(path, method)}${contentTypeName(contentType)}Model`,
  restPermission: (fn: string) => `${normalizedName(fn)}LambdaPermissionApiGateway`,
  restAuthorizer: (fn: string) => `${normalizedName(fn)}ApiGatewayAuthorizer`,
  restLogGroup: 'ApiGatewayLogGroup',
  apiGatewayCloudWatchRole: 'CustomApiGatewayAccountCloudWatchRole',
  httpApiLogGroup: 'HttpApiLogGroup',
  websocketsLogGroup: 'WebsocketsLogGroup',
  apiKey: (n: number, name?: string) => (name ? `ApiGatewayApiKey${upperFirst(name)}${n}` : `ApiGatewayApiKey${n}`),
  usagePlan: 'ApiGatewayUsagePlan',
  usagePlanKey: (n: number, name?: string) =>
    name ? `ApiGatewayUsagePlanKey${upperFirst(name)}${n}` : `ApiGatewayUsagePlanKey${n}`,
  httpApi: 'HttpApi',
  httpApiStage: 'HttpApiStage',
  httpApiIntegration: (fn: string) => `HttpApiIntegration${normalizedName(fn)}`,
  httpApiRoute: (routeKey: string) =>
    routeKey === '*' ? 'HttpApiRouteDefault' : `HttpApiRoute${normalizedPath(routeKey)}`,
  httpApiPermission: (fn: string) => `${normalizedName(fn)}LambdaPermissionHttpApi`,
  httpApiAuthorizer: (name: string) => `HttpApiAuthorizer${normalizedName(name)}`,
  websocketsApi: 'WebsocketsApi',
  websocketsIntegration: (fn: string) => `${normalizedName(fn)}WebsocketsIntegration`,
  websocketsPermission: (fn: string) => `${normalizedName(fn)}LambdaPermissionWebsockets`,
  websocketsRoute: (route: string) =>
    route
      .replace(/\$/g, 'S')
      .replace(/\//g, 'Slash')
      .replace(/-/g, 'Dash')
      .replace(/_/g, 'Underscore')
      .replace(/\./g, 'Period') + 'WebsocketsRoute',
  websocketsStage: 'WebsocketsDeploymentStage',
  websocketsAuthorizer: (name: string) => `${normalizedName(name)}WebsocketsAuthorizer`,
  websocketsDeployment: 'WebsocketsDeployment<hash>',
  sqsMapping: (fn: string, queue: string) => `${normalizedName(fn)}EventSourceMappingSQS${alphaNumericName(queue)}`,
  streamConsumer: (fn: string, stream: string) => `${normalizedName(`${fn}${stream}Consumer`)}StreamConsumer`,
  streamMapping: (fn: string, type: string, stream: string) =>
    `${normalizedName(fn)}EventSourceMapping${upperFirst(type)}${alphaNumericName(stream)}`,
  mskMapping: (fn: string, cluster: string, topic: string) =>
    `${normalizedName(fn)}EventSourceMappingMSK${alphaNumericName(cluster).slice(0, 79)}` +
    `${alphaNumericName(topic).slice(0, 79)}`,
  kafkaMapping: (fn: string, topic: string) =>
    `${normalizedName(fn)}EventSourceMappingKafka${alphaNumericName(topic).slice(0, 158)}`,
  activeMqMapping: (fn: string, queue: string) =>
    `${normalizedName(fn)}EventSourceMappingActiveMQ${alphaNumericName(queue)}`,
  rabbitMqMapping: (fn: string, queue: string) =>
    `${normalizedName(fn)}EventSourceMappingRabbitMQ${alphaNumericName(queue)}`,
  topic: (topic: string) => `SNSTopic${alphaNumericName(topic)}`,
  snsSubscription: (fn: string, topic: string) => `${normalizedName(fn)}SnsSubscription${alphaNumericName(topic)}`,
  /** The queue policy that lets the topic send undeliverable messages to the redrive (dead-letter) queue. */
  snsDlqPolicy: (fn: string, topic: string) => `${alphaNumericName(topic)}To${normalizedName(fn)}DLQPolicy`,
  snsPermission: (fn: string, topic: string) => `${normalizedName(fn)}LambdaPermission${alphaNumericName(topic)}SNS`,
  bucket: (bucket: string) => `S3Bucket${alphaNumericName(bucket)}`,
  s3Permission: (fn: string, bucket: string) => `${normalizedName(fn)}LambdaPermission${alphaNumericName(bucket)}S3`,
  customS3: (fn: string) => `${normalizedName(fn)}CustomS31`,
  schedule: (fn: string, n: number) => `${normalizedName(fn)}EventsRuleSchedule${n}`,
  schedulePermission: (fn: string, n: number) => `${normalizedName(fn)}LambdaPermissionEventsRuleSchedule${n}`,
  cloudWatchEvent: (fn: string, n: number) => `${normalizedName(fn)}EventsRuleCloudWatchEvent${n}`,
  cloudWatchEventPermission: (fn: string, n: number) =>
    `${normalizedName(fn)}LambdaPermissionEventsRuleCloudWatchEvent${n}`,
  logSubscription: (fn: string, n: number) => `${normalizedName(fn)}LogsSubscriptionFilterCloudWatchLog${n}`,
  logPermission: (fn: string) => `${normalizedName(fn)}LambdaPermissionLogsSubscriptionFilterCloudWatchLog`,
  iotRule: (fn: string, n: number) => `${normalizedName(fn)}IotTopicRule${n}`,
  iotPermission: (fn: string, n: number) => `${normalizedName(fn)}LambdaPermissionIotTopicRule${n}`,
  iotProvisioningTemplate: (fn: string) => `${normalizedName(fn)}IotProvisioningTemplate`,
  iotProvisioningPermission: (fn: string) => `${normalizedName(fn)}LambdaPermissionIotProvisioningTemplate`,
  userPool: (pool: string) => `CognitoUserPool${alphaNumericName(pool)}`,
  userPoolPermission: (fn: string, pool: string, trigger: string) =>
    `${normalizedName(fn)}LambdaPermissionCognitoUserPool${alphaNumericName(pool)}` +
    `TriggerSource${alphaNumericName(trigger)}`,
  customUserPool: (fn: string) => `${normalizedName(fn)}CustomCognitoUserPool1`,
  eventBridgeRule: (fn: string, n: number) => `${alphaNumericName(`${fn}-rule-${n}`)}EventBridgeRule`,
  eventBus: (bus: string) => `${normalizedName(bus)}EventBridgeEventBus`,
  eventBridgePermission: (fn: string, n: number) => `${normalizedName(fn)}EventBridgeLambdaPermission${n}`,
  customEventBridge: (fn: string, n: number) => `${normalizedName(fn)}CustomEventBridge${n}`,
  albTargetGroup: (fn: string, albId: string, multiValue: boolean) =>
    `${normalizedName(fn)}Alb${multiValue ? 'MultiValue' : ''}TargetGroup${albId}`,
  albListenerRule: (fn: string, priority: number | string) => `${normalizedName(fn)}AlbListenerRule${priority}`,
  albPermission: (fn: string) => `${normalizedName(fn)}LambdaPermissionAlb`,
  albRegisterTargetPermission: (fn: string) => `${normalizedName(fn)}LambdaPermissionRegisterTarget`,
  alexaSkillPermission: (fn: string, n: number) => `${normalizedName(fn)}LambdaPermissionAlexaSkill${n}`,
  alexaSmartHomePermission: (fn: string, n: number) => `${normalizedName(fn)}LambdaPermissionAlexaSmartHome${n}`,
  cloudFrontDistribution: 'CloudFrontDistribution',
  customResourcesRole: 'IamRoleCustomResourcesLambdaExecution',
  customResourceFunction: (name: string) => `${normalizedName(name)}LambdaFunction`,
} as const;
