import { booleanOf, entryOf, numberOf, stringOf, valueOf } from '../model/nodes';
import type { FunctionView, Resource } from '../model/template';
import { compact } from './format';
import type { CostKind } from './kinds';
import type { Demand } from './pricing';
import type { PriceSheet } from './prices';
import { flat, HOURS_PER_MONTH, KB_PER_GB, MB_PER_GB } from './prices';
import type { ResolvedUsage } from './wiring';

const SECONDS_PER_MONTH = HOURS_PER_MONTH * 3600;
/** Lambda bills ephemeral storage above the 512 MB every function gets (aws-facts.md §D Lambda). */
const FREE_EPHEMERAL_MB = 512;
/**
 * An SQS message is sent, received and deleted: three requests per 64 KB chunk (aws-facts.md §D SQS).
 * Batching lowers this; empty receives by idle pollers raise it.
 */
const SQS_REQUESTS_PER_MESSAGE = 3;

export interface ServiceInput {
  readonly resource: Resource;
  readonly kind: CostKind;
  readonly usage: ResolvedUsage;
  readonly fn?: FunctionView & { readonly memoryMb: number; readonly arch: 'x86_64' | 'arm64' };
  readonly sheet: PriceSheet;
  /** True for the one function that carries the NAT gateway hours when the template declares no NAT gateway. */
  readonly carriesNatHours: boolean;
}

export interface ServiceCost {
  readonly demands: Demand[];
  /** What drives the cost, briefly: `3M req × 1000 ms @ 512 MB`. */
  readonly drivers: string;
  readonly notes: string[];
}

export function serviceCost(input: ServiceInput): ServiceCost {
  switch (input.kind) {
    case 'function': return functionCost(input);
    case 'restApi': return restApiCost(input);
    case 'httpApi': return httpApiCost(input);
    case 'websocketApi': return websocketCost(input);
    case 'table': return tableCost(input);
    case 'queue': return queueCost(input);
    case 'topic': return topicCost(input);
    case 'eventBus': return eventBusCost(input);
    case 'stateMachine': return stateMachineCost(input);
    case 'bucket': return bucketCost(input);
    case 'natGateway': return natGatewayCost(input);
  }
}

function functionCost({ fn, usage, sheet, resource, carriesNatHours }: ServiceInput): ServiceCost {
  if (!fn) return { demands: [], drivers: '', notes: [] };
  const { lambda, logs, nat } = sheet;
  const requests = usage.monthlyRequests.value;
  // Lambda rounds each invocation up to the millisecond (aws-facts.md §D Lambda billing mechanics).
  const ms = Math.ceil(usage.averageDurationMs.value);
  const gb = fn.memoryMb / MB_PER_GB;
  const gbSeconds = requests * (ms / 1000) * gb;
  const provisioned = fn.provisionedConcurrency?.value ?? 0;
  const demands: Demand[] = [];
  const notes: string[] = [];
  if (provisioned > 0) {
    demands.push(
      { name: `Provisioned concurrency (${provisioned} × ${fn.memoryMb} MB, ${fn.arch})`, quantity: provisioned * gb * SECONDS_PER_MONTH, unit: 'GB-s', tiers: flat(lambda.provisionedConcurrencyUsdPerGbSecond[fn.arch]), pool: `lambda-pc-${fn.arch}` },
      { name: `Compute on provisioned concurrency (${fn.arch})`, quantity: gbSeconds, unit: 'GB-s', tiers: flat(lambda.provisionedDurationUsdPerGbSecond[fn.arch]), pool: `lambda-pc-duration-${fn.arch}` },
    );
    notes.push('The free tier does not apply to functions with provisioned concurrency; all invocations are assumed to fit the provisioned instances.');
  } else {
    demands.push({ name: `Compute (${fn.arch})`, quantity: gbSeconds, unit: 'GB-s', tiers: lambda.durationUsdPerGbSecond[fn.arch], pool: `lambda-duration-${fn.arch}`, freeGroup: 'lambda-gb-seconds' });
  }
  demands.push({ name: 'Requests', quantity: requests, unit: 'requests', tiers: flat(lambda.requestUsd), pool: 'lambda-requests', freeGroup: provisioned > 0 ? undefined : 'lambda-requests' });
  const ephemeralMb = fn.ephemeralStorage.value ?? FREE_EPHEMERAL_MB;
  if (ephemeralMb > FREE_EPHEMERAL_MB) {
    demands.push({
      name: `Ephemeral storage above ${FREE_EPHEMERAL_MB} MB (${ephemeralMb} MB)`, quantity: requests * (ms / 1000) * ((ephemeralMb - FREE_EPHEMERAL_MB) / MB_PER_GB),
      unit: 'GB-s', tiers: flat(lambda.ephemeralStorageUsdPerGbSecond), pool: 'lambda-ephemeral',
    });
  }
  const logGb = (requests * usage.logKbPerInvocation.value) / KB_PER_GB;
  if (logGb > 0) {
    demands.push(
      { name: 'CloudWatch Logs ingestion (Lambda volume tiers)', quantity: logGb, unit: 'GB', tiers: logs.lambdaIngestionUsdPerGb, pool: 'lambda-logs' },
      { name: 'CloudWatch Logs storage (one month of logs)', quantity: logGb, unit: 'GB-month', tiers: flat(logs.storageUsdPerGbMonth), pool: 'logs-storage', note: 'Stored logs add up month after month unless the log group has a retention period.' },
    );
  }
  if (entryOf(resource.properties, 'VpcConfig')) {
    if (carriesNatHours) {
      demands.push({ name: 'NAT gateway hours (one gateway for the VPC)', quantity: HOURS_PER_MONTH, unit: 'hours', tiers: flat(nat.hourUsd), pool: 'nat-hours', note: 'The template declares no NAT gateway: one is assumed for the VPC and counted once, on the first function in a VPC.' });
    }
    if (usage.monthlyNatGb.value > 0) demands.push({ name: 'NAT gateway data processed', quantity: usage.monthlyNatGb.value, unit: 'GB', tiers: flat(nat.gbProcessedUsd), pool: 'nat-data' });
    else notes.push('In a VPC: data through a NAT gateway costs extra; set monthlyNatGb in the usage file to include it.');
  }
  const drivers = `${compact(requests)} req × ${ms} ms @ ${fn.memoryMb} MB${fn.arch === 'arm64' ? ' arm64' : ''}${provisioned > 0 ? ` · ${provisioned} provisioned` : ''}`;
  return { demands, drivers, notes };
}

function restApiCost({ usage, sheet }: ServiceInput): ServiceCost {
  const requests = usage.monthlyRequests.value;
  return {
    demands: [{ name: 'REST API requests', quantity: requests, unit: 'requests', tiers: sheet.apiGateway.restUsdPerRequest, pool: 'apigw-rest' }],
    drivers: `${compact(requests)} req (REST)`,
    notes: [],
  };
}

function httpApiCost({ usage, sheet }: ServiceInput): ServiceCost {
  const requests = usage.monthlyRequests.value;
  const steps = Math.max(1, Math.ceil(usage.averageResponseKb.value / sheet.apiGateway.httpMeteringKb));
  return {
    demands: [{ name: `HTTP API requests (metered per ${sheet.apiGateway.httpMeteringKb} KB)`, quantity: requests * steps, unit: 'requests', tiers: sheet.apiGateway.httpUsdPerRequest, pool: 'apigw-http' }],
    drivers: `${compact(requests)} req (HTTP API)${steps > 1 ? ` × ${steps} metering units` : ''}`,
    notes: [],
  };
}

function websocketCost({ usage, sheet }: ServiceInput): ServiceCost {
  const { apiGateway } = sheet;
  const messages = usage.monthlyRequests.value;
  const steps = Math.max(1, Math.ceil(usage.averageResponseKb.value / apiGateway.websocketMeteringKb));
  const minutes = usage.monthlyConnectionMinutes.value;
  return {
    demands: [
      { name: `WebSocket messages (metered per ${apiGateway.websocketMeteringKb} KB)`, quantity: messages * steps, unit: 'messages', tiers: apiGateway.websocketUsdPerMessage, pool: 'apigw-ws' },
      { name: 'WebSocket connection minutes', quantity: minutes, unit: 'minutes', tiers: flat(apiGateway.websocketUsdPerConnectionMinute), pool: 'apigw-ws-minutes' },
    ],
    drivers: `${compact(messages)} msg · ${compact(minutes)} conn-min`,
    notes: [],
  };
}

function tableCost({ resource, usage, sheet }: ServiceInput): ServiceCost {
  const { dynamodb } = sheet;
  const props = resource.properties;
  const throughput = valueOf(props, 'ProvisionedThroughput');
  const mode = stringOf(valueOf(props, 'BillingMode'));
  // CloudFormation's default billing mode is PROVISIONED; SAM's SimpleTable is on-demand unless given throughput.
  const provisioned = mode === 'PROVISIONED' || (mode === undefined && throughput !== undefined);
  const storage: Demand = { name: 'Storage', quantity: usage.storageGb.value, unit: 'GB-month', tiers: flat(dynamodb.storageUsdPerGbMonth), pool: 'ddb-storage', freeGroup: 'ddb-storage' };
  if (provisioned) {
    const rcu = numberOf(valueOf(throughput, 'ReadCapacityUnits')) ?? 0;
    const wcu = numberOf(valueOf(throughput, 'WriteCapacityUnits')) ?? 0;
    return {
      demands: [
        { name: `Provisioned read capacity (${rcu} RCU)`, quantity: rcu * HOURS_PER_MONTH, unit: 'RCU-hours', tiers: flat(dynamodb.provisionedUsdPerRcuHour), pool: 'ddb-rcu', freeGroup: 'ddb-rcu' },
        { name: `Provisioned write capacity (${wcu} WCU)`, quantity: wcu * HOURS_PER_MONTH, unit: 'WCU-hours', tiers: flat(dynamodb.provisionedUsdPerWcuHour), pool: 'ddb-wcu', freeGroup: 'ddb-wcu' },
        storage,
      ],
      drivers: `${rcu} RCU · ${wcu} WCU · ${compact(usage.storageGb.value)} GB`,
      notes: ['Provisioned capacity of global secondary indexes and auto scaling are not included.'],
    };
  }
  return {
    demands: [
      { name: 'On-demand reads', quantity: usage.monthlyReads.value, unit: 'read request units', tiers: flat(dynamodb.onDemandUsdPerReadRequestUnit), pool: 'ddb-reads' },
      { name: 'On-demand writes', quantity: usage.monthlyWrites.value, unit: 'write request units', tiers: flat(dynamodb.onDemandUsdPerWriteRequestUnit), pool: 'ddb-writes' },
      storage,
    ],
    drivers: `${compact(usage.monthlyReads.value)} reads · ${compact(usage.monthlyWrites.value)} writes · ${compact(usage.storageGb.value)} GB`,
    notes: [],
  };
}

function queueCost({ resource, usage, sheet }: ServiceInput): ServiceCost {
  const { sqs } = sheet;
  const fifo = booleanOf(valueOf(resource.properties, 'FifoQueue')) === true;
  const messages = usage.monthlyMessages.value;
  const chunks = Math.max(1, Math.ceil(usage.averageMessageKb.value / sqs.chunkKb));
  return {
    demands: [{
      name: `${fifo ? 'FIFO' : 'Standard'} queue requests (send, receive, delete per ${sqs.chunkKb} KB chunk)`,
      quantity: messages * chunks * SQS_REQUESTS_PER_MESSAGE, unit: 'requests',
      tiers: fifo ? sqs.fifoUsdPerRequest : sqs.standardUsdPerRequest, pool: fifo ? 'sqs-fifo' : 'sqs-standard', freeGroup: 'sqs-requests',
    }],
    drivers: `${compact(messages)} msg${fifo ? ' (FIFO)' : ''}`,
    notes: [],
  };
}

function topicCost({ usage, sheet }: ServiceInput): ServiceCost {
  const publishes = usage.monthlyPublishes.value;
  return {
    demands: [{ name: 'Publishes', quantity: publishes, unit: 'publishes', tiers: flat(sheet.sns.publishUsd), pool: 'sns-publishes', freeGroup: 'sns-publishes' }],
    drivers: `${compact(publishes)} publishes`,
    notes: ['Deliveries to SQS and Lambda are free; HTTP, email and SMS deliveries are not included.'],
  };
}

function eventBusCost({ usage, sheet }: ServiceInput): ServiceCost {
  const events = usage.monthlyEvents.value;
  return {
    demands: [{ name: `Custom events (per ${sheet.eventBridge.chunkKb} KB chunk)`, quantity: events, unit: 'events', tiers: flat(sheet.eventBridge.customEventUsd), pool: 'eventbridge' }],
    drivers: `${compact(events)} events`,
    notes: [],
  };
}

function stateMachineCost({ resource, usage, sheet }: ServiceInput): ServiceCost {
  const { stepFunctions } = sheet;
  const props = resource.properties;
  const type = stringOf(valueOf(props, 'Type')) ?? stringOf(valueOf(props, 'StateMachineType')) ?? 'STANDARD';
  const executions = usage.monthlyExecutions.value;
  if (type.toUpperCase() === 'EXPRESS') {
    // Express bills duration rounded up to 100 ms in 64 MB memory steps; the smallest step is assumed.
    const ms = Math.ceil(usage.averageDurationMs.value / stepFunctions.expressDurationRoundMs) * stepFunctions.expressDurationRoundMs;
    return {
      demands: [
        { name: 'Express requests', quantity: executions, unit: 'requests', tiers: flat(stepFunctions.expressUsdPerRequest), pool: 'sfn-express-requests' },
        { name: `Express duration (${stepFunctions.expressMemoryChunkMb} MB)`, quantity: executions * (ms / 1000) * (stepFunctions.expressMemoryChunkMb / MB_PER_GB), unit: 'GB-s', tiers: stepFunctions.expressDurationUsdPerGbSecond, pool: 'sfn-express-duration' },
      ],
      drivers: `${compact(executions)} exec × ${ms} ms (Express)`,
      notes: [],
    };
  }
  const transitions = executions * usage.transitionsPerExecution.value;
  return {
    demands: [{ name: 'State transitions', quantity: transitions, unit: 'transitions', tiers: flat(stepFunctions.standardUsdPerTransition), pool: 'sfn-transitions', freeGroup: 'sfn-transitions' }],
    drivers: `${compact(executions)} exec × ${compact(usage.transitionsPerExecution.value)} transitions`,
    notes: [],
  };
}

function bucketCost({ usage, sheet }: ServiceInput): ServiceCost {
  const { s3 } = sheet;
  return {
    demands: [
      { name: 'Storage (S3 Standard)', quantity: usage.storageGb.value, unit: 'GB-month', tiers: s3.storageUsdPerGbMonth, pool: 's3-storage' },
      { name: 'PUT, COPY, POST, LIST requests', quantity: usage.monthlyPuts.value, unit: 'requests', tiers: flat(s3.putUsdPerRequest), pool: 's3-puts' },
      { name: 'GET requests', quantity: usage.monthlyGets.value, unit: 'requests', tiers: flat(s3.getUsdPerRequest), pool: 's3-gets' },
    ],
    drivers: `${compact(usage.storageGb.value)} GB · ${compact(usage.monthlyPuts.value)} PUT · ${compact(usage.monthlyGets.value)} GET`,
    notes: ['Data transfer out to the internet is not included.'],
  };
}

function natGatewayCost({ usage, sheet }: ServiceInput): ServiceCost {
  const gb = usage.monthlyGbProcessed.value;
  return {
    demands: [
      { name: 'NAT gateway hours', quantity: HOURS_PER_MONTH, unit: 'hours', tiers: flat(sheet.nat.hourUsd), pool: 'nat-hours' },
      { name: 'NAT gateway data processed', quantity: gb, unit: 'GB', tiers: flat(sheet.nat.gbProcessedUsd), pool: 'nat-data' },
    ],
    drivers: `${HOURS_PER_MONTH} h · ${compact(gb)} GB`,
    notes: [],
  };
}
