import type { MapNode, Node, Span } from '../model/nodes';
import { stringOf, valueOf } from '../model/nodes';
import { NUMBER } from '../model/resolve/setting';
import { eventSourceOf } from '../model/event-sources';
import { functionNamedBy, resourceNamedBy } from '../model/references';
import type { FunctionView, Resource, Template } from '../model/template';

export type PollerKind = 'SQS' | 'Kinesis' | 'DynamoDB';

/**
 * A queue or stream that Lambda polls for a function, whether written as a SAM/Serverless event or as an
 * `AWS::Lambda::EventSourceMapping`: the same limits apply to both.
 */
export interface PolledSource {
  readonly kind: PollerKind;
  readonly fn: FunctionView | undefined;
  /** The mapping's settings (BatchSize, StartingPosition, ...) with SAM's property names. */
  readonly properties: MapNode | undefined;
  /** Where to point when a setting is missing: the event's name or the mapping's logical ID. */
  readonly anchor: Span;
  /** The queue or stream resource when it is in the template. */
  readonly source: Resource | undefined;
  readonly logicalId: string;
  readonly origin: 'event' | 'mapping';
}

function kindOfArn(template: Template, node: Node | undefined): PollerKind | undefined {
  const resource = resourceNamedBy(template, node);
  if (resource) {
    if (/^AWS::SQS::Queue$/.test(resource.type)) return 'SQS';
    if (/^AWS::Kinesis::Stream$/.test(resource.type)) return 'Kinesis';
    if (/^AWS::(DynamoDB::Table|Serverless::SimpleTable)$/.test(resource.type)) return 'DynamoDB';
  }
  const arn = stringOf(node) ?? '';
  if (arn.startsWith('arn:') && arn.includes(':sqs:')) return 'SQS';
  if (arn.includes(':kinesis:')) return 'Kinesis';
  if (arn.includes(':dynamodb:') && arn.includes('/stream/')) return 'DynamoDB';
  return undefined;
}

const cache = new WeakMap<Template, PolledSource[]>();

export function polledSources(template: Template): PolledSource[] {
  let found = cache.get(template);
  if (found) return found;
  found = [];
  for (const fn of template.functions) {
    for (const event of fn.events) {
      if (event.type !== 'SQS' && event.type !== 'Kinesis' && event.type !== 'DynamoDB') continue;
      const source = eventSourceOf(template, fn.logicalId, event);
      found.push({
        kind: event.type,
        fn,
        properties: event.properties,
        anchor: event.nameSpan,
        source: source.kind === 'resource' ? source.resource : undefined,
        logicalId: fn.logicalId,
        origin: 'event',
      });
    }
  }
  for (const r of template.resources) {
    if (r.type !== 'AWS::Lambda::EventSourceMapping' || r.origin !== 'written') continue;
    const arn = valueOf(r.properties, 'EventSourceArn');
    const kind = kindOfArn(template, arn);
    if (!kind) continue;
    const fn = functionNamedBy(template, valueOf(r.properties, 'FunctionName'))?.fn;
    found.push({
      kind,
      fn,
      properties: r.properties,
      anchor: r.idSpan,
      source: resourceNamedBy(template, arn),
      logicalId: r.logicalId,
      origin: 'mapping',
    });
  }
  cache.set(template, found);
  return found;
}

/**
 * SQS queue settings a rule needs, as they resolve: visibility timeout (default 30 s, Lambda developer guide, "Using
 * Lambda with Amazon SQS"; undefined
 * when it is known only at deploy) and FIFO-ness.
 */
export function queueSettings(
  template: Template,
  queue: Resource,
): { visibilityTimeout: number | undefined; fifo: boolean } {
  const props = queue.properties;
  const vt = valueOf(props, 'VisibilityTimeout');
  const fifo =
    stringOf(valueOf(props, 'FifoQueue')) === 'true' || (stringOf(valueOf(props, 'QueueName')) ?? '').endsWith('.fifo');
  if (vt === undefined) return { visibilityTimeout: SQS_DEFAULT_VISIBILITY_TIMEOUT, fifo };
  const resolved = template.resolver.evaluate(vt);
  return { visibilityTimeout: resolved.known ? NUMBER.read(resolved.value) : undefined, fifo };
}

/** SQS VisibilityTimeout default: 30 s (Lambda developer guide, "Using Lambda with Amazon SQS"). */
export const SQS_DEFAULT_VISIBILITY_TIMEOUT = 30;
