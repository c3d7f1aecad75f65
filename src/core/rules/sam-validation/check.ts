import type { MapEntry, MapNode, Node, Span } from '../../model/nodes';
import { mapAt, valueOf } from '../../model/nodes';
import { eventSourceOf } from '../../model/event-sources';
import { eventsOf } from '../../model/functions';
import type { FunctionEvent, Resource, Template } from '../../model/template';
import type { RelatedLocation } from '../types';

/** One finding of a check: what is wrong, in words, at the node the message is about. */
export interface SamProblem {
  readonly messageId: string;
  readonly data?: Readonly<Record<string, string | number>>;
  readonly span: Span;
  readonly logicalId: string;
  readonly related?: readonly RelatedLocation[];
}

/**
 * One family of what the SAM transform rejects. The rule `sam-validation` runs every check and words each
 * problem with the check's own messages, so a check is a file that knows one thing.
 */
export interface SamCheck {
  readonly messages: Readonly<Record<string, string>>;
  check(template: Template, report: (problem: SamProblem) => void): void;
}

/** Written resources of one SAM type, with their properties (Globals merged) as a map. */
export function samResources(template: Template, type: string): { resource: Resource; properties: MapNode }[] {
  const out: { resource: Resource; properties: MapNode }[] = [];
  for (const resource of template.resources) {
    if (resource.origin === 'written' && resource.type === type && resource.properties)
      out.push({ resource, properties: resource.properties });
  }
  return out;
}

/** An event of a SAM function or state machine, with the resource that owns it. */
export interface OwnedEvent {
  readonly owner: Resource;
  readonly event: FunctionEvent;
}

const EVENT_OWNERS = ['AWS::Serverless::Function', 'AWS::Serverless::StateMachine'];

/** Every event of every SAM function and state machine, in document order. */
export function samEvents(template: Template): OwnedEvent[] {
  const out: OwnedEvent[] = [];
  for (const type of EVENT_OWNERS) {
    for (const { resource, properties } of samResources(template, type)) {
      for (const event of eventsOf(properties)) out.push({ owner: resource, event });
    }
  }
  return out;
}

/** The entry of `key` along a path of maps (`Auth`, `Authorizers`): undefined when a step is not a map. */
export function entryAt(map: Node | undefined, ...path: string[]): MapEntry | undefined {
  let current: Node | undefined = map;
  for (let i = 0; i < path.length - 1; i++) current = mapAt(current, path[i]);
  if (current?.kind !== 'map') return undefined;
  const last = path[path.length - 1];
  return current.entries.find((e) => e.key === last);
}

/** The value along a path of maps. */
export function valueAt(map: Node | undefined, ...path: string[]): Node | undefined {
  let current: Node | undefined = map;
  for (const key of path) current = valueOf(current, key);
  return current;
}

/** The REST or HTTP API an `Api`/`HttpApi` event joins, as SAM configures it. */
export interface EventApi {
  readonly logicalId: string;
  /**
   * The API's properties: the written API's (Globals merged), or `Globals.Api`/`Globals.HttpApi` for the implicit one.
   */
  readonly properties: MapNode | undefined;
  readonly implicit: boolean;
}

const API_TYPES: Readonly<Record<string, { readonly written: string; readonly globals: string }>> = {
  Api: { written: 'AWS::Serverless::Api', globals: 'Api' },
  HttpApi: { written: 'AWS::Serverless::HttpApi', globals: 'HttpApi' },
};

/** The API of an `Api` or `HttpApi` event when the template defines it; undefined when it is elsewhere or unknown. */
export function apiOfEvent(template: Template, owned: OwnedEvent): EventApi | undefined {
  const kind = API_TYPES[owned.event.type];
  if (!kind) return undefined;
  const source = eventSourceOf(template, owned.owner.logicalId, owned.event);
  if (source.kind !== 'resource') return undefined;
  const api = source.resource;
  if (api.origin === 'generated')
    return { logicalId: api.logicalId, properties: mapAt(template.globals, kind.globals), implicit: true };
  return api.type === kind.written
    ? { logicalId: api.logicalId, properties: api.properties, implicit: false }
    : undefined;
}
