import type { FunctionEvent, FunctionView } from '../../model/template';
import type { LocalResolution } from '../local-settings';
import { albEvent, apiGatewayRestEvent, httpApiEvent } from './api-gateway';
import { EventContext } from './context';
import { eventBridgeEvent, scheduleEvent } from './eventbridge';
import { kafkaEvent, mqEvent, snsEvent, sqsEvent } from './messaging';
import { cloudWatchLogsEvent, s3Event } from './storage';
import { dynamoDbEvent, kinesisEvent } from './streams';
import { alexaSkillEvent, cognitoEvent, iotRuleEvent, webSocketEvent } from './triggers';

type Generator = (ctx: EventContext) => unknown;

/** One generator per event type, in the model's SAM vocabulary (`FunctionEvent.type`). */
export const EVENT_GENERATORS: Readonly<Record<string, Generator>> = {
  Api: apiGatewayRestEvent,
  HttpApi: httpApiEvent,
  ALB: albEvent,
  WebSocket: webSocketEvent,
  SQS: sqsEvent,
  SNS: snsEvent,
  MQ: mqEvent,
  MSK: (ctx) => kafkaEvent(ctx, false),
  SelfManagedKafka: (ctx) => kafkaEvent(ctx, true),
  S3: s3Event,
  CloudWatchLogs: cloudWatchLogsEvent,
  DynamoDB: dynamoDbEvent,
  Kinesis: kinesisEvent,
  EventBridgeRule: eventBridgeEvent,
  CloudWatchEvent: eventBridgeEvent,
  Schedule: (ctx) => scheduleEvent(ctx, false),
  ScheduleV2: (ctx) => scheduleEvent(ctx, true),
  Cognito: cognitoEvent,
  IoTRule: iotRuleEvent,
  AlexaSkill: alexaSkillEvent,
};

export interface EventSuggestion {
  /** A file name without extension: the declared event's name, or `empty`. */
  readonly name: string;
  /** What it is, for a picker: `Api POST /orders/{id}`. */
  readonly label: string;
  readonly payload: unknown;
}

function describe(event: FunctionEvent, ctx: EventContext): string {
  const detail = [ctx.text('Method')?.toUpperCase(), ctx.text('Path')].filter(Boolean).join(' ');
  return `${event.type}${detail ? ` ${detail}` : ''}`;
}

/** An event for each event the function declares that we know how to build, then an empty one. */
export function suggestEvents(
  view: FunctionView,
  resolution: LocalResolution,
  functionName: string,
): EventSuggestion[] {
  const suggestions: EventSuggestion[] = [];
  for (const event of view.events) {
    const generate = EVENT_GENERATORS[event.type];
    if (!generate) continue;
    const ctx = new EventContext(event.properties, resolution, functionName);
    suggestions.push({ name: event.name, label: describe(event, ctx), payload: generate(ctx) });
  }
  suggestions.push({ name: 'empty', label: 'Empty event {}', payload: {} });
  return suggestions;
}
