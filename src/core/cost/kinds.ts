import { entryOf, valueOf } from '../model/nodes';
import type { Resource, Template } from '../model/template';

/** What a resource is for pricing; resources of other types cost nothing by themselves (roles, permissions, ...). */
export type CostKind =
  | 'function'
  | 'restApi'
  | 'httpApi'
  | 'websocketApi'
  | 'table'
  | 'queue'
  | 'topic'
  | 'eventBus'
  | 'stateMachine'
  | 'bucket'
  | 'natGateway'
  | 'stream'
  | 'logGroup'
  | 'provisionedConcurrency'
  | 'kmsKey'
  | 'secret'
  | 'graphqlApi'
  | 'userPool'
  | 'apiStage'
  | 'functionUrl';

const KIND_BY_TYPE: Readonly<Record<string, CostKind>> = {
  'AWS::Serverless::Function': 'function',
  'AWS::Lambda::Function': 'function',
  'AWS::Serverless::Api': 'restApi',
  'AWS::ApiGateway::RestApi': 'restApi',
  'AWS::Serverless::HttpApi': 'httpApi',
  'AWS::DynamoDB::Table': 'table',
  'AWS::Serverless::SimpleTable': 'table',
  'AWS::SQS::Queue': 'queue',
  'AWS::SNS::Topic': 'topic',
  'AWS::Events::EventBus': 'eventBus',
  'AWS::Serverless::StateMachine': 'stateMachine',
  'AWS::StepFunctions::StateMachine': 'stateMachine',
  'AWS::S3::Bucket': 'bucket',
  'AWS::EC2::NatGateway': 'natGateway',
  'AWS::Kinesis::Stream': 'stream',
  'AWS::Logs::LogGroup': 'logGroup',
  'AWS::KMS::Key': 'kmsKey',
  'AWS::KMS::ReplicaKey': 'kmsKey',
  'AWS::SecretsManager::Secret': 'secret',
  'AWS::Serverless::GraphQLApi': 'graphqlApi',
  'AWS::AppSync::GraphQLApi': 'graphqlApi',
  'AWS::Cognito::UserPool': 'userPool',
  'AWS::Lambda::Url': 'functionUrl',
};

/**
 * Types priced only when a property that costs money is written: a version or alias with provisioned concurrency,
 * a stage with a cache. (SAM's and the framework's generated versions and aliases carry no properties: their
 * provisioned concurrency is priced on the function.)
 */
const KIND_BY_PRICED_PROPERTY: Readonly<Record<string, { readonly property: string; readonly kind: CostKind }>> = {
  'AWS::Lambda::Version': { property: 'ProvisionedConcurrencyConfig', kind: 'provisionedConcurrency' },
  'AWS::Lambda::Alias': { property: 'ProvisionedConcurrencyConfig', kind: 'provisionedConcurrency' },
  'AWS::ApiGateway::Stage': { property: 'CacheClusterEnabled', kind: 'apiStage' },
};

/**
 * The kind a resource is priced as; an API Gateway v2 API by its `ProtocolType`, resolved (HTTP unless known to be
 * WEBSOCKET).
 */
export function costKindOf(template: Template, resource: Resource): CostKind | undefined {
  if (resource.type === 'AWS::ApiGatewayV2::Api') {
    const protocol = valueOf(resource.properties, 'ProtocolType');
    const evaluated = protocol && template.resolver.evaluate(protocol);
    return evaluated?.known && evaluated.value === 'WEBSOCKET' ? 'websocketApi' : 'httpApi';
  }
  const priced = KIND_BY_PRICED_PROPERTY[resource.type];
  if (priced) return entryOf(resource.properties, priced.property) ? priced.kind : undefined;
  return KIND_BY_TYPE[resource.type];
}

/** Data sent to the internet, on the kinds that answer callers there (APIs and function URLs). */
const DATA_OUT = {
  monthlyDataOutGb: {
    fallback: 0,
    meaning: 'data sent to the internet per month (GB; the first 100 GB a month of the account are free)',
  },
} as const;

/** Hours a month that provisioned concurrency is on (730 = all month). */
const PROVISIONED_HOURS = {
  provisionedHours: {
    fallback: 730,
    meaning: 'hours per month that provisioned concurrency is configured (730 = all month)',
  },
} as const;

/** The usage keys each kind reads, with the built-in default and why it is what it is (shown wherever it is used). */
export const USAGE_KEYS: Readonly<
  Record<CostKind, Readonly<Record<string, { readonly fallback: number; readonly meaning: string }>>>
> = {
  function: {
    monthlyRequests: { fallback: 1_000_000, meaning: 'invocations per month' },
    averageDurationMs: { fallback: 100, meaning: 'average billed duration of one invocation (ms)' },
    logKbPerInvocation: {
      fallback: 1,
      meaning: 'CloudWatch Logs written per invocation (KB; START/END/REPORT alone are about 0.3 KB)',
    },
    monthlyNatGb: { fallback: 0, meaning: 'data through a NAT gateway per month (GB), for functions in a VPC' },
    ...PROVISIONED_HOURS,
  },
  restApi: {
    monthlyRequests: { fallback: 1_000_000, meaning: 'API calls per month' },
    averageResponseKb: { fallback: 1, meaning: 'average response size (KB)' },
    ...DATA_OUT,
  },
  httpApi: {
    monthlyRequests: { fallback: 1_000_000, meaning: 'API calls per month' },
    averageResponseKb: { fallback: 1, meaning: 'average request+response size (KB; metered in 512 KB steps)' },
    ...DATA_OUT,
  },
  websocketApi: {
    monthlyRequests: { fallback: 1_000_000, meaning: 'messages per month' },
    averageResponseKb: { fallback: 1, meaning: 'average message size (KB; metered in 32 KB steps)' },
    monthlyConnectionMinutes: { fallback: 1_000_000, meaning: 'connection minutes per month' },
    ...DATA_OUT,
  },
  table: {
    monthlyReads: { fallback: 1_000_000, meaning: 'read request units per month (one 4 KB strongly consistent read)' },
    monthlyWrites: { fallback: 1_000_000, meaning: 'write request units per month (one 1 KB write)' },
    storageGb: { fallback: 1, meaning: 'table size (GB)' },
  },
  queue: {
    monthlyMessages: { fallback: 1_000_000, meaning: 'messages per month' },
    averageMessageKb: { fallback: 1, meaning: 'average message size (KB; each 64 KB chunk is a request)' },
  },
  topic: {
    monthlyPublishes: { fallback: 1_000_000, meaning: 'publishes per month' },
    averageMessageKb: { fallback: 1, meaning: 'average message size (KB; each 64 KB chunk is billed as a publish)' },
  },
  eventBus: {
    monthlyEvents: { fallback: 1_000_000, meaning: 'custom events put per month' },
    averageEventKb: { fallback: 1, meaning: 'average event size (KB; each 64 KB chunk is billed as an event)' },
  },
  stateMachine: {
    monthlyExecutions: { fallback: 10_000, meaning: 'executions per month' },
    transitionsPerExecution: { fallback: 10, meaning: 'state transitions per execution (Standard)' },
    averageDurationMs: { fallback: 1000, meaning: 'average execution duration (Express, ms)' },
    memoryMb: { fallback: 64, meaning: 'memory an Express execution uses (MB; billed in 64 MB steps)' },
  },
  bucket: {
    storageGb: { fallback: 10, meaning: 'stored data (GB, S3 Standard)' },
    monthlyPuts: { fallback: 10_000, meaning: 'PUT/COPY/POST/LIST requests per month' },
    monthlyGets: { fallback: 100_000, meaning: 'GET requests per month' },
  },
  natGateway: {
    monthlyGbProcessed: { fallback: 0, meaning: 'data processed per month (GB)' },
  },
  stream: {
    monthlyRecords: { fallback: 1_000_000, meaning: 'records put per month' },
    averageRecordKb: {
      fallback: 1,
      meaning:
        'average record size (KB; provisioned streams bill 25 KB PUT payload units, on-demand rounds up to 1 KB)',
    },
    consumers: { fallback: 1, meaning: 'applications reading every record (on-demand streams bill each read per GB)' },
  },
  logGroup: {
    monthlyIngestedGb: {
      fallback: 1,
      meaning: "log data ingested per month (GB); a function's log group follows the function's logs",
    },
  },
  provisionedConcurrency: { ...PROVISIONED_HOURS },
  kmsKey: {
    monthlyRequests: {
      fallback: 10_000,
      meaning: 'cryptographic requests per month (the first 20,000 of the account are free)',
    },
  },
  secret: {
    monthlyRequests: { fallback: 10_000, meaning: 'API calls per month (GetSecretValue and others)' },
  },
  graphqlApi: {
    monthlyRequests: { fallback: 1_000_000, meaning: 'query and mutation operations per month' },
    monthlyRealtimeUpdates: { fallback: 0, meaning: 'real-time updates delivered to subscribers per month' },
    monthlyConnectionMinutes: { fallback: 0, meaning: 'real-time connection minutes per month' },
  },
  userPool: {
    monthlyActiveUsers: {
      fallback: 1_000,
      meaning: 'monthly active users (the first 10,000 of the account are free on Lite and Essentials)',
    },
  },
  apiStage: {},
  functionUrl: { ...DATA_OUT },
};

export const ALL_USAGE_KEYS: ReadonlySet<string> = new Set(
  Object.values(USAGE_KEYS).flatMap((keys) => Object.keys(keys)),
);

const TYPES_BY_KIND = new Map<CostKind, string[]>();

/** The types a `defaults:` entry may be keyed by, per kind (SAM and CloudFormation spellings share defaults). */
export function typesOfKind(kind: CostKind): readonly string[] {
  let types = TYPES_BY_KIND.get(kind);
  if (!types) {
    types = [
      ...Object.entries(KIND_BY_TYPE).filter(([, k]) => k === kind),
      ...Object.entries(KIND_BY_PRICED_PROPERTY).filter(([, p]) => p.kind === kind),
    ].map(([t]) => t);
    if (kind === 'httpApi' || kind === 'websocketApi') types.push('AWS::ApiGatewayV2::Api');
    TYPES_BY_KIND.set(kind, types);
  }
  return types;
}

/** The kinds a resource type may be priced as (an API Gateway v2 API is HTTP or WebSocket by its ProtocolType). */
export function kindsOfType(type: string): CostKind[] {
  return (Object.keys(USAGE_KEYS) as CostKind[]).filter((kind) => typesOfKind(kind).includes(type));
}
