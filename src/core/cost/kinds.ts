import { valueOf } from '../model/nodes';
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
  | 'natGateway';

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
  return KIND_BY_TYPE[resource.type];
}

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
  },
  restApi: {
    monthlyRequests: { fallback: 1_000_000, meaning: 'API calls per month' },
    averageResponseKb: { fallback: 1, meaning: 'average response size (KB)' },
  },
  httpApi: {
    monthlyRequests: { fallback: 1_000_000, meaning: 'API calls per month' },
    averageResponseKb: { fallback: 1, meaning: 'average request+response size (KB; metered in 512 KB steps)' },
  },
  websocketApi: {
    monthlyRequests: { fallback: 1_000_000, meaning: 'messages per month' },
    averageResponseKb: { fallback: 1, meaning: 'average message size (KB; metered in 32 KB steps)' },
    monthlyConnectionMinutes: { fallback: 1_000_000, meaning: 'connection minutes per month' },
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
  },
  eventBus: {
    monthlyEvents: { fallback: 1_000_000, meaning: 'custom events put per month' },
  },
  stateMachine: {
    monthlyExecutions: { fallback: 10_000, meaning: 'executions per month' },
    transitionsPerExecution: { fallback: 10, meaning: 'state transitions per execution (Standard)' },
    averageDurationMs: { fallback: 1000, meaning: 'average execution duration (Express, ms)' },
  },
  bucket: {
    storageGb: { fallback: 10, meaning: 'stored data (GB, S3 Standard)' },
    monthlyPuts: { fallback: 10_000, meaning: 'PUT/COPY/POST/LIST requests per month' },
    monthlyGets: { fallback: 100_000, meaning: 'GET requests per month' },
  },
  natGateway: {
    monthlyGbProcessed: { fallback: 0, meaning: 'data processed per month (GB)' },
  },
};

export const ALL_USAGE_KEYS: ReadonlySet<string> = new Set(
  Object.values(USAGE_KEYS).flatMap((keys) => Object.keys(keys)),
);

const TYPES_BY_KIND = new Map<CostKind, string[]>();

/** The types a `defaults:` entry may be keyed by, per kind (SAM and CloudFormation spellings share defaults). */
export function typesOfKind(kind: CostKind): readonly string[] {
  let types = TYPES_BY_KIND.get(kind);
  if (!types) {
    types = Object.entries(KIND_BY_TYPE)
      .filter(([, k]) => k === kind)
      .map(([t]) => t);
    if (kind === 'httpApi' || kind === 'websocketApi') types.push('AWS::ApiGatewayV2::Api');
    TYPES_BY_KIND.set(kind, types);
  }
  return types;
}

/** The kinds a resource type may be priced as (an API Gateway v2 API is HTTP or WebSocket by its ProtocolType). */
export function kindsOfType(type: string): CostKind[] {
  return (Object.keys(USAGE_KEYS) as CostKind[]).filter((kind) => typesOfKind(kind).includes(type));
}
