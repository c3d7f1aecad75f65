import { eventSourceOf } from '../model/event-sources';
import { entryOf, itemsOf, mapAt, numberOf, stringOf, valueOf } from '../model/nodes';
import type { MapNode, Node, Span } from '../model/nodes';
import type { FunctionEvent, Template } from '../model/template';
import { defineRule } from './define';
import { insertPath, replaceScalar } from './edits';
import { polledSources, queueSettings } from './event-sources';
import { about, inheritedBy } from './function-settings';
import { notCreated, originNote, originRelated } from './resolved';
import type { Fix } from './types';
import { formatInteger } from '../format-number';

/** API Gateway developer guide, "Amazon API Gateway quotas": integration timeouts. */
export const API_TIMEOUT_SECONDS = { Api: 29, HttpApi: 30 } as const;
/**
 * Lambda developer guide, "Using Lambda with Amazon SQS": visibility ≥ function timeout (enforced), ≥ 6× recommended;
 * batch limits.
 */
export const SQS_VISIBILITY_FACTOR = 6;
export const SQS_BATCH_WITHOUT_WINDOW_MAX = 10;
export const SQS_FIFO_BATCH_MAX = 10;
/** EventBridge API reference, "PutTargets": target Input ≤ 8,192 characters. */
export const EVENTBRIDGE_INPUT_MAX = 8192;

/**
 * Whether a property can be added to an event's map by name. A Serverless event's map uses SAM's names for the
 * framework's keys (`batchSize` is read as BatchSize), so adding one there would write the wrong name.
 */
function canAddTo(template: Template, properties: MapNode | undefined): properties is MapNode {
  return template.kind !== 'serverless' && properties !== undefined && properties.entries.length > 0;
}

/**
 * Whether a REST API event streams the function's response: SAM's `ResponseTransferMode: RESPONSE_STREAM` on the
 * event, or `responseTransferMode: STREAM` on the route's integration in the API's OpenAPI definition. A streamed
 * integration may run up to 15 minutes, as long as Lambda itself (API Gateway developer guide, "Stream the
 * integration response for your proxy integrations in API Gateway").
 */
function streamsResponse(template: Template, owner: string, event: FunctionEvent): boolean {
  if (stringOf(valueOf(event.properties, 'ResponseTransferMode')) === 'RESPONSE_STREAM') return true;
  const source = eventSourceOf(template, owner, event);
  const path = stringOf(valueOf(event.properties, 'Path'));
  const method = stringOf(valueOf(event.properties, 'Method'))?.toLowerCase();
  if (source.kind !== 'resource' || path === undefined || method === undefined) return false;
  const route = mapAt(mapAt(valueOf(source.resource.properties, 'DefinitionBody'), 'paths'), path);
  const operation = mapAt(route, method === 'any' ? 'x-amazon-apigateway-any-method' : method);
  return stringOf(valueOf(mapAt(operation, 'x-amazon-apigateway-integration'), 'responseTransferMode')) === 'STREAM';
}

export const apiGatewayTimeout = defineRule({
  id: 'api-gateway-timeout',
  meta: {
    severity: 'warning',
    docs: {
      summary:
        'A function behind API Gateway has a timeout longer than the API waits (29 s for a REST API, 30 s for an ' +
        'HTTP API).',
      why:
        "It deploys, but callers get a 504 at the API's limit while the function keeps running and is billed to " +
        'its own timeout.',
      fact:
        'REST integration timeout 50 ms–29 s by default (Regional and private APIs can request more through ' +
        'Service Quotas); HTTP API 50 ms–30 s, not adjustable (API Gateway developer guide, "Amazon API Gateway ' +
        'quotas"). A REST integration that streams the response (SAM `ResponseTransferMode: RESPONSE_STREAM`, ' +
        'OpenAPI `responseTransferMode: STREAM`) may run up to 15 minutes and is not flagged ("Stream the ' +
        'integration response for your proxy integrations in API Gateway").',
      example: 'Timeout: 60\nEvents:\n  Get:\n    Type: Api',
      fix: "Lower the function timeout to the API's limit, or make the work asynchronous (queue it and return 202).",
    },
  },
  // The event is named in the related locations, so that functions inheriting one timeout read as one finding.
  messages: {
    tooLong:
      '{{subject}} has a {{timeout}} s timeout{{origin}}, but the {{api}} in front of it gives up after ' +
      '{{limit}} s.{{where}}',
  },
  check(context) {
    for (const fn of context.template.functions) {
      const timeout = fn.timeout.value;
      if (timeout === undefined || notCreated(fn.resource)) continue;
      for (const event of fn.events) {
        if (event.type !== 'Api' && event.type !== 'HttpApi') continue;
        const limit = API_TIMEOUT_SECONDS[event.type];
        if (timeout <= limit || (event.type === 'Api' && streamsResponse(context.template, fn.logicalId, event)))
          continue;
        context.report({
          messageId: 'tooLong',
          data: {
            timeout,
            origin: originNote(fn.timeout),
            api: event.type === 'Api' ? 'REST API' : 'HTTP API',
            limit,
          },
          span: fn.timeout.span,
          about: about(fn, fn.timeout),
          logicalId: fn.logicalId,
          related: [
            { span: event.nameSpan, message: `${event.type} event '${event.name}' of '${fn.displayName}'` },
            ...originRelated(fn.timeout),
          ],
        });
        break;
      }
    }
  },
});

function visibilityFix(
  template: Template,
  queueNode: Node | undefined,
  vtNode: Node | undefined,
  seconds: number,
): Fix[] {
  if (vtNode?.kind === 'scalar')
    return [
      {
        title: `Set VisibilityTimeout to ${seconds} (6 × the function timeout)`,
        edits: [replaceScalar(template, vtNode, seconds)],
        preferred: true,
      },
    ];
  if (!vtNode && queueNode?.kind === 'map') {
    return [
      {
        title: `Set VisibilityTimeout to ${seconds} (6 × the function timeout)`,
        edits: [insertPath(template, queueNode, ['Properties', 'VisibilityTimeout'], seconds)],
        preferred: true,
      },
    ];
  }
  return [];
}

export const sqsVisibilityTimeout = defineRule({
  id: 'sqs-visibility-timeout',
  meta: {
    severity: 'warning',
    fixable: true,
    docs: {
      summary:
        "A queue's visibility timeout is shorter than the timeout of the function it triggers (error) or than 6 " +
        'times it (warning).',
      why:
        'Below the function timeout Lambda refuses to create the event source mapping. Below 6× a message can ' +
        'become visible again while a retried batch is still running and be processed twice.',
      fact:
        'Queue VisibilityTimeout must be ≥ the function timeout (Lambda validates it); AWS recommends ≥ 6× the ' +
        'function timeout; the default is 30 s (Lambda developer guide, "Using Lambda with Amazon SQS", cfn-lint ' +
        'E3505).',
      example:
        'Queue:\n  Type: AWS::SQS::Queue\n  Properties:\n    VisibilityTimeout: 30\nWorker:\n  Properties:\n    ' +
        'Timeout: 60\n    Events: { Q: { Type: SQS, Properties: { Queue: !GetAtt Queue.Arn } } }',
      fix:
        "Set the queue's VisibilityTimeout to 6 × the function timeout (quick fix), or shorten the function " +
        'timeout.',
    },
  },
  messages: {
    belowTimeout:
      "Queue '{{queue}}' has a visibility timeout of {{visibility}} s, shorter than the {{timeout}} s timeout of " +
      "function '{{fn}}' it triggers: Lambda rejects the event source mapping. Use at least {{recommended}} s (6 " +
      '× {{timeout}}).',
    belowRecommended:
      "Queue '{{queue}}' has a visibility timeout of {{visibility}} s; AWS recommends at least 6 × the " +
      "{{timeout}} s timeout of function '{{fn}}' ({{recommended}} s) so retried messages are not processed " +
      'twice.',
  },
  check(context) {
    const { template } = context;
    for (const s of polledSources(template)) {
      const queue = s.source;
      const timeout = s.fn?.timeout.value;
      if (s.kind !== 'SQS' || !queue?.node || !s.fn || timeout === undefined) continue;
      const { visibilityTimeout } = queueSettings(template, queue);
      const recommended = timeout * SQS_VISIBILITY_FACTOR;
      if (visibilityTimeout === undefined || Number.isNaN(visibilityTimeout) || visibilityTimeout >= recommended)
        continue;
      const vtNode = valueOf(queue.properties, 'VisibilityTimeout');
      const blocking = visibilityTimeout < timeout;
      // Redelivery while a batch still runs needs the function and the queue to exist; a rejected mapping does not.
      if (!blocking && (notCreated(s.fn.resource) || notCreated(queue))) continue;
      context.report({
        messageId: blocking ? 'belowTimeout' : 'belowRecommended',
        data: { queue: queue.logicalId, visibility: visibilityTimeout, timeout, fn: s.fn.displayName, recommended },
        span: vtNode?.span ?? queue.idSpan,
        severity: blocking ? 'error' : 'warning',
        logicalId: queue.logicalId,
        related: [
          {
            span: s.fn.timeout.span,
            message:
              `${s.fn.displayName}'s timeout: ${timeout} ` +
              `s${originNote(s.fn.timeout)}${inheritedBy(s.fn, s.fn.timeout)}`,
          },
          { span: s.anchor, message: 'the event source mapping' },
          ...originRelated(s.fn.timeout),
        ],
        fixes: visibilityFix(template, queue.node, vtNode, recommended),
      });
    }
  },
});

export const sqsBatchWindow = defineRule({
  id: 'sqs-batch-window',
  meta: {
    severity: 'error',
    fixable: true,
    docs: {
      summary:
        `An SQS event source has a batch size over ${SQS_BATCH_WITHOUT_WINDOW_MAX} without a batching window of ` +
        `at least 1 second.`,
      why: 'Lambda rejects the event source mapping.',
      fact:
        'When BatchSize > 10 for SQS, MaximumBatchingWindowInSeconds must be ≥ 1 (Lambda developer guide, "Using ' +
        'Lambda with Amazon SQS", CreateEventSourceMapping API).',
      example: 'Type: SQS\nProperties:\n  Queue: !GetAtt Queue.Arn\n  BatchSize: 100',
      fix: 'Add MaximumBatchingWindowInSeconds: 1 (or more), or lower BatchSize to 10.',
    },
  },
  messages: {
    noWindow:
      'A batch size of {{size}} needs MaximumBatchingWindowInSeconds of at least 1 s (Lambda rejects SQS batches ' +
      'over {{max}} without one).',
  },
  check(context) {
    const { template } = context;
    for (const s of polledSources(template)) {
      if (s.kind !== 'SQS' || (s.source && queueSettings(template, s.source).fifo)) continue;
      const batch = valueOf(s.properties, 'BatchSize');
      const size = numberOf(batch);
      if (!batch || size === undefined || size <= SQS_BATCH_WITHOUT_WINDOW_MAX) continue;
      const windowNode = valueOf(s.properties, 'MaximumBatchingWindowInSeconds');
      const window = numberOf(windowNode);
      if (windowNode && (window === undefined || window >= 1)) continue;
      context.report({
        messageId: 'noWindow',
        data: { size, max: SQS_BATCH_WITHOUT_WINDOW_MAX },
        span: batch.span,
        logicalId: s.logicalId,
        fixes:
          windowNode?.kind === 'scalar'
            ? [{ title: 'Set MaximumBatchingWindowInSeconds to 1', edits: [replaceScalar(template, windowNode, 1)] }]
            : canAddTo(template, s.properties) && !windowNode
              ? [
                  {
                    title: 'Add MaximumBatchingWindowInSeconds: 1',
                    edits: [insertPath(template, s.properties, ['MaximumBatchingWindowInSeconds'], 1)],
                  },
                ]
              : [],
      });
    }
  },
});

export const sqsFifoBatchSize = defineRule({
  id: 'sqs-fifo-batch-size',
  meta: {
    severity: 'error',
    fixable: true,
    docs: {
      summary: `An event source on a FIFO queue has a batch size over ${SQS_FIFO_BATCH_MAX}.`,
      why: 'Lambda rejects the event source mapping.',
      fact:
        'SQS BatchSize: standard queues up to 10,000, FIFO queues up to 10 (Lambda developer guide, "Using ' +
        'Lambda with Amazon SQS").',
      example: 'BatchSize: 20   # Queue has FifoQueue: true',
      fix: 'Set BatchSize to 10 or less.',
    },
  },
  messages: { tooLarge: "Queue '{{queue}}' is a FIFO queue; its batch size can be at most {{max}}, not {{size}}." },
  check(context) {
    const { template } = context;
    for (const s of polledSources(template)) {
      if (s.kind !== 'SQS' || !s.source || !queueSettings(template, s.source).fifo) continue;
      const batch = valueOf(s.properties, 'BatchSize');
      const size = numberOf(batch);
      if (!batch || size === undefined || size <= SQS_FIFO_BATCH_MAX) continue;
      context.report({
        messageId: 'tooLarge',
        data: { queue: s.source.logicalId, size, max: SQS_FIFO_BATCH_MAX },
        span: batch.span,
        logicalId: s.logicalId,
        related: [{ span: s.source.idSpan, message: `${s.source.logicalId} is a FIFO queue` }],
        fixes:
          batch.kind === 'scalar'
            ? [
                {
                  title: `Set BatchSize to ${SQS_FIFO_BATCH_MAX}`,
                  edits: [replaceScalar(template, batch, SQS_FIFO_BATCH_MAX)],
                  preferred: true,
                },
              ]
            : [],
      });
    }
  },
});

export const streamStartingPosition = defineRule({
  id: 'stream-starting-position',
  meta: {
    severity: 'error',
    fixable: true,
    docs: {
      summary: 'A Kinesis or DynamoDB stream event source has no StartingPosition, or an SQS one has one.',
      why:
        'Lambda rejects the event source mapping: streams need to know where to start reading; queues have no ' +
        'position.',
      fact:
        'StartingPosition (TRIM_HORIZON, LATEST, AT_TIMESTAMP) is required for Kinesis and DynamoDB Streams and ' +
        'not supported for SQS (CreateEventSourceMapping API, Lambda developer guide, "Using Lambda with Amazon ' +
        'SQS" / "Streams").',
      example: 'Type: Kinesis\nProperties:\n  Stream: !GetAtt Stream.Arn\n  BatchSize: 100',
      fix: 'Add StartingPosition: LATEST (or TRIM_HORIZON) to stream sources; remove it from SQS sources.',
    },
  },
  messages: {
    missing: '{{source}} event sources need a StartingPosition (TRIM_HORIZON, LATEST or AT_TIMESTAMP).',
    notAllowed: 'SQS event sources do not take a StartingPosition; Lambda rejects it.',
  },
  check(context) {
    const { template } = context;
    for (const s of polledSources(template)) {
      const position = entryOf(s.properties, 'StartingPosition');
      if (s.kind === 'SQS' && position) {
        context.report({ messageId: 'notAllowed', span: position.keySpan, logicalId: s.logicalId });
      } else if (s.kind !== 'SQS' && !position && template.kind !== 'serverless') {
        // The Serverless Framework fills in a default position for streams, so only SAM and CloudFormation need it
        // written.
        context.report({
          messageId: 'missing',
          data: { source: s.kind },
          span: s.anchor,
          logicalId: s.logicalId,
          fixes: canAddTo(template, s.properties)
            ? [
                {
                  title: 'Add StartingPosition: LATEST',
                  edits: [insertPath(template, s.properties, ['StartingPosition'], 'LATEST')],
                },
              ]
            : [],
        });
      }
    }
  },
});

/** `Input` strings of EventBridge rule targets and of SAM schedule/rule events. */
function eventBridgeInputs(template: Template): { node: Node; span: Span; logicalId: string }[] {
  const inputs: { node: Node; span: Span; logicalId: string }[] = [];
  for (const r of template.resources) {
    if (r.type !== 'AWS::Events::Rule') continue;
    for (const target of itemsOf(valueOf(r.properties, 'Targets'))) {
      const input = valueOf(target, 'Input');
      if (input) inputs.push({ node: input, span: input.span, logicalId: r.logicalId });
    }
  }
  for (const fn of template.functions) {
    for (const event of fn.events) {
      if (!/^(Schedule|ScheduleV2|EventBridgeRule|CloudWatchEvent)$/.test(event.type)) continue;
      const input = valueOf(event.properties, 'Input');
      if (input) inputs.push({ node: input, span: input.span, logicalId: fn.logicalId });
    }
  }
  return inputs;
}

export const eventBridgeInputSize = defineRule({
  id: 'eventbridge-input-size',
  meta: {
    severity: 'error',
    docs: {
      summary:
        `An EventBridge target's constant Input is longer than ${formatInteger(EVENTBRIDGE_INPUT_MAX)} ` +
        `characters.`,
      why: 'EventBridge rejects the rule target and the deploy fails.',
      fact:
        'Target Input (constant JSON): at most 8,192 characters (EventBridge API reference, "PutTargets", ' +
        'EventBridge API model).',
      example: 'Events:\n  Nightly:\n    Type: Schedule\n    Properties:\n      Input: <a 9,000-character JSON string>',
      fix: 'Pass a reference (an S3 key, an SSM parameter name) instead of the data, or use InputTransformer.',
    },
  },
  messages: { tooLong: 'This target Input has {{length}} characters; EventBridge allows {{max}}.' },
  check(context) {
    for (const input of eventBridgeInputs(context.template)) {
      const text = stringOf(input.node);
      if (text === undefined || text.length <= EVENTBRIDGE_INPUT_MAX) continue;
      context.report({
        messageId: 'tooLong',
        data: { length: formatInteger(text.length), max: formatInteger(EVENTBRIDGE_INPUT_MAX) },
        span: input.span,
        logicalId: input.logicalId,
      });
    }
  },
});
