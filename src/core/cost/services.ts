import { entryOf } from '../model/nodes';
import type { SettingReader } from '../model/resolve/setting';
import { NUMBER, TEXT } from '../model/resolve/setting';
import type { PlainValue } from '../model/resolve/types';
import type { Resource, Template } from '../model/template';
import { compact } from './format';
import type { CostKind } from './kinds';
import type { LambdaSettings } from './lambda-settings';
import type { Demand } from './pricing';
import type { PriceSheet } from './prices';
import { flat, HOURS_PER_MONTH, KB_PER_GB, MB_PER_GB } from './prices';
import type { PricedSetting } from './settings';
import { assumptionNote, BOOLEAN, pricedSetting, propertySetting } from './settings';
import type { ResolvedUsage } from './wiring';
import { apiStageCost, cachePricing } from './pricers/api-cache';
import { graphqlApiCost } from './pricers/appsync';
import { userPoolCost } from './pricers/cognito';
import { dataOutPricing, functionUrlCost } from './pricers/data-transfer';
import { streamCost } from './pricers/kinesis';
import { kmsKeyCost } from './pricers/kms';
import { functionLogGroups, logGroupCost } from './pricers/log-group';
import { provisionedConcurrencyCost, provisionedConcurrencyDemand } from './pricers/provisioned-concurrency';
import { secretCost } from './pricers/secret';
import { topicCost } from './pricers/topic';

/** Lambda bills ephemeral storage above the 512 MB every function gets (aws.amazon.com/lambda/pricing). */
const FREE_EPHEMERAL_MB = 512;
/**
 * An SQS message is sent, received and deleted: three requests per 64 KB chunk (aws.amazon.com/sqs/pricing).
 * Batching lowers this; empty receives by idle pollers raise it.
 */
const SQS_REQUESTS_PER_MESSAGE = 3;
/** Any value: for a property whose presence, not its value, decides the price. */
const ANY: SettingReader<PlainValue> = { read: (value) => value, expected: 'a value' };

export interface ServiceInput {
  /** Pricing properties are read through its resolver (parameters, mappings, conditions). */
  readonly template: Template;
  readonly resource: Resource;
  readonly kind: CostKind;
  readonly usage: ResolvedUsage;
  /** Another priced resource's usage (a log group follows its function's). */
  readonly usageOf: (logicalId: string) => ResolvedUsage | undefined;
  readonly fn?: LambdaSettings;
  readonly sheet: PriceSheet;
  /** True for the one function that carries the NAT gateway hours when the template declares no NAT gateway. */
  readonly carriesNatHours: boolean;
}

export interface ServiceCost {
  readonly demands: Demand[];
  /** What drives the cost, briefly: `3M req × 1000 ms @ 512 MB`. */
  readonly drivers: string;
  readonly notes: string[];
  /** The template values the price depends on, with where each came from. */
  readonly settings: readonly PricedSetting[];
}

export function serviceCost(input: ServiceInput): ServiceCost {
  switch (input.kind) {
    case 'function':
      return functionCost(input);
    case 'restApi':
      return restApiCost(input);
    case 'httpApi':
      return httpApiCost(input);
    case 'websocketApi':
      return websocketCost(input);
    case 'table':
      return tableCost(input);
    case 'queue':
      return queueCost(input);
    case 'topic':
      return topicCost(input);
    case 'eventBus':
      return eventBusCost(input);
    case 'stateMachine':
      return stateMachineCost(input);
    case 'bucket':
      return bucketCost(input);
    case 'natGateway':
      return natGatewayCost(input);
    case 'stream':
      return streamCost(input);
    case 'logGroup':
      return logGroupCost(input);
    case 'provisionedConcurrency':
      return provisionedConcurrencyCost(input);
    case 'kmsKey':
      return kmsKeyCost(input);
    case 'secret':
      return secretCost(input);
    case 'graphqlApi':
      return graphqlApiCost(input);
    case 'userPool':
      return userPoolCost(input);
    case 'apiStage':
      return apiStageCost(input);
    case 'functionUrl':
      return functionUrlCost(input);
  }
}

function functionCost({ template, fn, usage, sheet, resource, carriesNatHours }: ServiceInput): ServiceCost {
  if (!fn) return { demands: [], drivers: '', notes: [], settings: [] };
  const { lambda, logs, nat } = sheet;
  const requests = usage.monthlyRequests.value;
  // Lambda rounds each invocation up to the millisecond (aws.amazon.com/lambda/pricing).
  const ms = Math.ceil(usage.averageDurationMs.value);
  const gb = fn.memoryMb / MB_PER_GB;
  const gbSeconds = requests * (ms / 1000) * gb;
  const { provisioned, arch } = fn;
  const noteOf = (name: string): string | undefined => {
    const setting = fn.settings.find((s) => s.name === name);
    return setting && assumptionNote(setting);
  };
  // An unknown memory size or architecture is priced at Lambda's default; the compute line says so.
  const computeNote = joinNotes(
    noteOf('MemorySize'),
    noteOf('Architectures'),
    noteOf('ProvisionedConcurrentExecutions'),
  );
  const ephemeralNote = noteOf('EphemeralStorage');
  const demands: Demand[] = [];
  const notes: string[] = [];
  if (provisioned > 0) {
    demands.push(
      provisionedConcurrencyDemand(sheet, provisioned, fn.memoryMb, arch, usage.provisionedHours.value, computeNote),
      {
        name: `Compute on provisioned concurrency (${arch})`,
        quantity: gbSeconds,
        unit: 'GB-s',
        tiers: flat(lambda.provisionedDurationUsdPerGbSecond[arch]),
        pool: `lambda-pc-duration-${arch}`,
      },
    );
    notes.push(
      'The free tier does not apply to functions with provisioned concurrency; all invocations are assumed to ' +
        'fit the provisioned instances.',
    );
  } else {
    demands.push({
      name: `Compute (${arch})`,
      quantity: gbSeconds,
      unit: 'GB-s',
      tiers: lambda.durationUsdPerGbSecond[arch],
      pool: `lambda-duration-${arch}`,
      freeGroup: 'lambda-gb-seconds',
      note: computeNote,
    });
  }
  demands.push({
    name: 'Requests',
    quantity: requests,
    unit: 'requests',
    tiers: flat(lambda.requestUsd),
    pool: 'lambda-requests',
    freeGroup: provisioned > 0 ? undefined : 'lambda-requests',
  });
  const ephemeralMb = fn.ephemeralMb;
  if (ephemeralMb > FREE_EPHEMERAL_MB) {
    demands.push({
      name: `Ephemeral storage above ${FREE_EPHEMERAL_MB} MB (${ephemeralMb} MB)`,
      quantity: requests * (ms / 1000) * ((ephemeralMb - FREE_EPHEMERAL_MB) / MB_PER_GB),
      unit: 'GB-s',
      tiers: flat(lambda.ephemeralStorageUsdPerGbSecond),
      pool: 'lambda-ephemeral',
    });
  } else if (ephemeralNote) {
    notes.push(ephemeralNote);
  }
  const logGb = (requests * usage.logKbPerInvocation.value) / KB_PER_GB;
  const logGroup = functionLogGroups(template).groupByFunction.get(resource.logicalId);
  if (logGb > 0) {
    demands.push({
      name: 'CloudWatch Logs ingestion (Lambda volume tiers)',
      quantity: logGb,
      unit: 'GB',
      tiers: logs.lambdaIngestionUsdPerGb,
      pool: 'lambda-logs',
    });
    if (logGroup) notes.push(`Stored logs are priced on its log group ${logGroup}, with the group's retention.`);
    else
      demands.push({
        name: 'CloudWatch Logs storage (one month of logs)',
        quantity: logGb,
        unit: 'GB-month',
        tiers: flat(logs.storageUsdPerGbMonth),
        pool: 'logs-storage',
        note: 'Stored logs add up month after month unless the log group has a retention period.',
      });
  }
  if (inVpc(template, resource)) {
    if (carriesNatHours) {
      demands.push({
        name: 'NAT gateway hours (one gateway for the VPC)',
        quantity: HOURS_PER_MONTH,
        unit: 'hours',
        tiers: flat(nat.hourUsd),
        pool: 'nat-hours',
        note:
          'The template declares no NAT gateway: one is assumed for the VPC and counted once, on the first ' +
          'function in a VPC.',
      });
    }
    if (usage.monthlyNatGb.value > 0)
      demands.push({
        name: 'NAT gateway data processed',
        quantity: usage.monthlyNatGb.value,
        unit: 'GB',
        tiers: flat(nat.gbProcessedUsd),
        pool: 'nat-data',
      });
    else
      notes.push('In a VPC: data through a NAT gateway costs extra; set monthlyNatGb in the usage file to include it.');
  }
  // "?" marks a figure priced at Lambda's default because the template's value is unknown.
  const memory = `${fn.memoryMb} MB${fn.memoryAssumed ? '?' : ''}`;
  const architecture = fn.archAssumed ? ' x86_64?' : arch === 'arm64' ? ' arm64' : '';
  const provisionedText =
    provisioned > 0 ? ` · ${provisioned} provisioned` : fn.provisionedAssumed ? ' · provisioned?' : '';
  const drivers = `${compact(requests)} req × ${ms} ms @ ${memory}${architecture}${provisionedText}`;
  return { demands, drivers, notes, settings: fn.settings };
}

/**
 * Whether a function runs in a VPC: it has a `VpcConfig` that the template does not leave out with
 * `AWS::NoValue` (a config naming subnets of the stack is unknown before deploy, but still a VPC).
 */
export function inVpc(template: Template, resource: Resource): boolean {
  const config = entryOf(resource.properties, 'VpcConfig');
  return config !== undefined && !template.resolver.evaluate(config.value).absent;
}

function joinNotes(...notes: (string | undefined)[]): string | undefined {
  const given = notes.filter((n): n is string => n !== undefined);
  return given.length > 0 ? given.join(' ') : undefined;
}

function restApiCost({ template, resource, usage, sheet }: ServiceInput): ServiceCost {
  const requests = usage.monthlyRequests.value;
  // SAM's Api carries its stage's cache; a CloudFormation RestApi's cache is on its AWS::ApiGateway::Stage.
  const cache = cachePricing(template, resource, sheet);
  const dataOut = dataOutPricing(usage, sheet);
  return {
    demands: [
      {
        name: 'REST API requests',
        quantity: requests,
        unit: 'requests',
        tiers: sheet.apiGateway.restUsdPerRequest,
        pool: 'apigw-rest',
      },
      ...cache.demands,
      ...dataOut.demands,
    ],
    drivers: `${compact(requests)} req (REST)${cache.drivers ? ` · ${cache.drivers}` : ''}`,
    notes: dataOut.notes,
    settings: cache.settings,
  };
}

function httpApiCost({ template, resource, usage, sheet }: ServiceInput): ServiceCost {
  const requests = usage.monthlyRequests.value;
  const steps = Math.max(1, Math.ceil(usage.averageResponseKb.value / sheet.apiGateway.httpMeteringKb));
  // An API Gateway v2 API whose ProtocolType is unknown is priced as the HTTP API it most often is (see costKindOf).
  const protocol =
    resource.type === 'AWS::ApiGatewayV2::Api'
      ? propertySetting(template, resource, ['ProtocolType'], TEXT)
      : undefined;
  const settings = protocol ? [pricedSetting('ProtocolType', protocol, undefined, 'priced as an HTTP API')] : [];
  const note = settings.length > 0 ? assumptionNote(settings[0]) : undefined;
  const dataOut = dataOutPricing(usage, sheet);
  return {
    demands: [
      {
        name: `HTTP API requests (metered per ${sheet.apiGateway.httpMeteringKb} KB)`,
        quantity: requests * steps,
        unit: 'requests',
        tiers: sheet.apiGateway.httpUsdPerRequest,
        pool: 'apigw-http',
        note,
      },
      ...dataOut.demands,
    ],
    drivers: `${compact(requests)} req (HTTP API${note ? '?' : ''})${steps > 1 ? ` × ${steps} metering units` : ''}`,
    notes: dataOut.notes,
    settings,
  };
}

function websocketCost({ usage, sheet }: ServiceInput): ServiceCost {
  const { apiGateway } = sheet;
  const messages = usage.monthlyRequests.value;
  const steps = Math.max(1, Math.ceil(usage.averageResponseKb.value / apiGateway.websocketMeteringKb));
  const minutes = usage.monthlyConnectionMinutes.value;
  const dataOut = dataOutPricing(usage, sheet);
  return {
    demands: [
      {
        name: `WebSocket messages (metered per ${apiGateway.websocketMeteringKb} KB)`,
        quantity: messages * steps,
        unit: 'messages',
        tiers: apiGateway.websocketUsdPerMessage,
        pool: 'apigw-ws',
      },
      {
        name: 'WebSocket connection minutes',
        quantity: minutes,
        unit: 'minutes',
        tiers: flat(apiGateway.websocketUsdPerConnectionMinute),
        pool: 'apigw-ws-minutes',
      },
      ...dataOut.demands,
    ],
    drivers: `${compact(messages)} msg · ${compact(minutes)} conn-min`,
    notes: dataOut.notes,
    settings: [],
  };
}

function tableCost({ template, resource, usage, sheet }: ServiceInput): ServiceCost {
  const { dynamodb } = sheet;
  const throughputGiven = propertySetting(template, resource, ['ProvisionedThroughput'], ANY) !== undefined;
  const billingMode = propertySetting(template, resource, ['BillingMode'], TEXT);
  // CloudFormation's default billing mode is PROVISIONED; SAM's SimpleTable is on-demand unless given throughput.
  const assumedMode = throughputGiven
    ? 'priced as PROVISIONED because ProvisionedThroughput is given'
    : 'priced on demand because no ProvisionedThroughput is given';
  const settings: PricedSetting[] = billingMode
    ? [pricedSetting('BillingMode', billingMode, undefined, assumedMode)]
    : [];
  const mode = billingMode?.value;
  const provisioned = mode === 'PROVISIONED' || (mode === undefined && throughputGiven);
  const storage: Demand = {
    name: 'Storage',
    quantity: usage.storageGb.value,
    unit: 'GB-month',
    tiers: flat(dynamodb.storageUsdPerGbMonth),
    pool: 'ddb-storage',
    freeGroup: 'ddb-storage',
  };
  const modeNote = settings.length > 0 ? assumptionNote(settings[0]) : undefined;
  if (provisioned) {
    const capacity = (key: string): { units: number; note?: string } => {
      const setting = propertySetting(template, resource, ['ProvisionedThroughput', key], NUMBER);
      if (!setting) return { units: 0, note: `${key} is not given; priced at 0.` };
      const priced = pricedSetting(key, setting, undefined, 'priced at 0, so this line is not included');
      settings.push(priced);
      return { units: setting.value ?? 0, note: assumptionNote(priced) };
    };
    const read = capacity('ReadCapacityUnits');
    const write = capacity('WriteCapacityUnits');
    return {
      demands: [
        {
          name: `Provisioned read capacity (${read.units} RCU)`,
          quantity: read.units * HOURS_PER_MONTH,
          unit: 'RCU-hours',
          tiers: flat(dynamodb.provisionedUsdPerRcuHour),
          pool: 'ddb-rcu',
          freeGroup: 'ddb-rcu',
          note: joinNotes(modeNote, read.note),
        },
        {
          name: `Provisioned write capacity (${write.units} WCU)`,
          quantity: write.units * HOURS_PER_MONTH,
          unit: 'WCU-hours',
          tiers: flat(dynamodb.provisionedUsdPerWcuHour),
          pool: 'ddb-wcu',
          freeGroup: 'ddb-wcu',
          note: write.note,
        },
        storage,
      ],
      drivers:
        `${read.units}${read.note ? '?' : ''} RCU · ${write.units}${write.note ? '?' : ''} WCU ` +
        `· ${compact(usage.storageGb.value)} GB`,
      notes: ['Provisioned capacity of global secondary indexes and auto scaling are not included.'],
      settings,
    };
  }
  return {
    demands: [
      {
        name: 'On-demand reads',
        quantity: usage.monthlyReads.value,
        unit: 'read request units',
        tiers: flat(dynamodb.onDemandUsdPerReadRequestUnit),
        pool: 'ddb-reads',
        note: modeNote,
      },
      {
        name: 'On-demand writes',
        quantity: usage.monthlyWrites.value,
        unit: 'write request units',
        tiers: flat(dynamodb.onDemandUsdPerWriteRequestUnit),
        pool: 'ddb-writes',
      },
      storage,
    ],
    drivers:
      `${compact(usage.monthlyReads.value)} reads · ${compact(usage.monthlyWrites.value)} writes ` +
      `· ${compact(usage.storageGb.value)} GB${modeNote ? ' (on demand?)' : ''}`,
    notes: [],
    settings,
  };
}

function queueCost({ template, resource, usage, sheet }: ServiceInput): ServiceCost {
  const { sqs } = sheet;
  const fifoQueue = propertySetting(template, resource, ['FifoQueue'], BOOLEAN);
  const settings = fifoQueue ? [pricedSetting('FifoQueue', fifoQueue, undefined, 'priced as a Standard queue')] : [];
  const note = settings.length > 0 ? assumptionNote(settings[0]) : undefined;
  const fifo = fifoQueue?.value === true;
  const messages = usage.monthlyMessages.value;
  const chunks = Math.max(1, Math.ceil(usage.averageMessageKb.value / sqs.chunkKb));
  return {
    demands: [
      {
        name: `${fifo ? 'FIFO' : 'Standard'} queue requests (send, receive, delete per ${sqs.chunkKb} KB chunk)`,
        quantity: messages * chunks * SQS_REQUESTS_PER_MESSAGE,
        unit: 'requests',
        tiers: fifo ? sqs.fifoUsdPerRequest : sqs.standardUsdPerRequest,
        pool: fifo ? 'sqs-fifo' : 'sqs-standard',
        freeGroup: 'sqs-requests',
        note,
      },
    ],
    drivers: `${compact(messages)} msg${fifo ? ' (FIFO)' : note ? ' (Standard?)' : ''}`,
    notes: [],
    settings,
  };
}

/** Each 64 KB chunk of an event is billed as one event (aws.amazon.com/eventbridge/pricing): 128 KB is two. */
function eventBusCost({ usage, sheet }: ServiceInput): ServiceCost {
  const { eventBridge } = sheet;
  const events = usage.monthlyEvents.value;
  const chunks = Math.max(1, Math.ceil(usage.averageEventKb.value / eventBridge.chunkKb));
  return {
    demands: [
      {
        name: `Custom events (per ${eventBridge.chunkKb} KB chunk)`,
        quantity: events * chunks,
        unit: 'events',
        tiers: flat(eventBridge.customEventUsd),
        pool: 'eventbridge',
      },
    ],
    drivers: `${compact(events)} events${chunks > 1 ? ` × ${chunks} chunks of ${eventBridge.chunkKb} KB` : ''}`,
    notes: [],
    settings: [],
  };
}

function stateMachineCost({ template, resource, usage, sheet }: ServiceInput): ServiceCost {
  const { stepFunctions } = sheet;
  // SAM spells it `Type`, CloudFormation `StateMachineType`; both default to STANDARD.
  const name = resource.type === 'AWS::Serverless::StateMachine' ? 'Type' : 'StateMachineType';
  const typeSetting = propertySetting(template, resource, [name], TEXT);
  const settings = typeSetting
    ? [pricedSetting(name, typeSetting, undefined, 'priced as a STANDARD state machine')]
    : [];
  const note = settings.length > 0 ? assumptionNote(settings[0]) : undefined;
  const type = typeSetting?.value ?? 'STANDARD';
  const executions = usage.monthlyExecutions.value;
  if (type.toUpperCase() === 'EXPRESS') {
    // Express bills duration rounded up to 100 ms and memory in 64 MB steps (aws.amazon.com/step-functions/pricing).
    const ms =
      Math.ceil(usage.averageDurationMs.value / stepFunctions.expressDurationRoundMs) *
      stepFunctions.expressDurationRoundMs;
    const chunk = stepFunctions.expressMemoryChunkMb;
    const memoryMb = Math.max(1, Math.ceil(usage.memoryMb.value / chunk)) * chunk;
    return {
      demands: [
        {
          name: 'Express requests',
          quantity: executions,
          unit: 'requests',
          tiers: flat(stepFunctions.expressUsdPerRequest),
          pool: 'sfn-express-requests',
          note,
        },
        {
          name: `Express duration (${memoryMb} MB)`,
          quantity: executions * (ms / 1000) * (memoryMb / MB_PER_GB),
          unit: 'GB-s',
          tiers: stepFunctions.expressDurationUsdPerGbSecond,
          pool: 'sfn-express-duration',
        },
      ],
      drivers: `${compact(executions)} exec × ${ms} ms @ ${memoryMb} MB (Express)`,
      notes: [],
      settings,
    };
  }
  const transitions = executions * usage.transitionsPerExecution.value;
  return {
    demands: [
      {
        name: 'State transitions',
        quantity: transitions,
        unit: 'transitions',
        tiers: flat(stepFunctions.standardUsdPerTransition),
        pool: 'sfn-transitions',
        freeGroup: 'sfn-transitions',
        note,
      },
    ],
    drivers:
      `${compact(executions)} exec × ${compact(usage.transitionsPerExecution.value)} ` +
      `transitions${note ? ' (Standard?)' : ''}`,
    notes: [],
    settings,
  };
}

function bucketCost({ usage, sheet }: ServiceInput): ServiceCost {
  const { s3 } = sheet;
  return {
    demands: [
      {
        name: 'Storage (S3 Standard)',
        quantity: usage.storageGb.value,
        unit: 'GB-month',
        tiers: s3.storageUsdPerGbMonth,
        pool: 's3-storage',
      },
      {
        name: 'PUT, COPY, POST, LIST requests',
        quantity: usage.monthlyPuts.value,
        unit: 'requests',
        tiers: flat(s3.putUsdPerRequest),
        pool: 's3-puts',
      },
      {
        name: 'GET requests',
        quantity: usage.monthlyGets.value,
        unit: 'requests',
        tiers: flat(s3.getUsdPerRequest),
        pool: 's3-gets',
      },
    ],
    drivers:
      `${compact(usage.storageGb.value)} GB · ${compact(usage.monthlyPuts.value)} PUT ` +
      `· ${compact(usage.monthlyGets.value)} GET`,
    notes: ['Data transfer out to the internet is not included.'],
    settings: [],
  };
}

function natGatewayCost({ usage, sheet }: ServiceInput): ServiceCost {
  const gb = usage.monthlyGbProcessed.value;
  return {
    demands: [
      {
        name: 'NAT gateway hours',
        quantity: HOURS_PER_MONTH,
        unit: 'hours',
        tiers: flat(sheet.nat.hourUsd),
        pool: 'nat-hours',
      },
      {
        name: 'NAT gateway data processed',
        quantity: gb,
        unit: 'GB',
        tiers: flat(sheet.nat.gbProcessedUsd),
        pool: 'nat-data',
      },
    ],
    drivers: `${HOURS_PER_MONTH} h · ${compact(gb)} GB`,
    notes: [],
    settings: [],
  };
}
