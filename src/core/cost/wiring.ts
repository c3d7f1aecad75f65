import type { Node } from '../model/nodes';
import { mapAt, stringOf, valueOf } from '../model/nodes';
import { eventSourceOf } from '../model/event-sources';
import { resourceNamedBy } from '../model/references';
import type { Resource, Template } from '../model/template';
import type { CostKind } from './kinds';
import { typesOfKind, USAGE_KEYS } from './kinds';
import { firingsPerMonth } from './schedule';
import type { UsageFile } from './usage-file';

/** One usage figure and where it came from, so that every default is stated where it is used. */
export interface UsageFigure {
  readonly value: number;
  /** `usage file`, `usage defaults for <type>`, `default`, or the wiring it followed (`from ServerlessRestApi`). */
  readonly source: string;
  /** True when the value is, or is summed from, a built-in default rather than something the user gave. */
  readonly builtInDefault?: boolean;
}

export type ResolvedUsage = Readonly<Record<string, UsageFigure>>;

export interface CostedResource {
  readonly resource: Resource;
  readonly kind: CostKind;
  /** Another name the usage file may use: a Serverless Framework function's key (`subscribe`). */
  readonly alias?: string;
}

/**
 * Who feeds whom, as far as traffic goes: the API behind each Api/HttpApi event (the implicit one when
 * the event names none), the queue and topic behind SQS/SNS events, and the dead-letter queues.
 */
export interface Wiring {
  /** API logical ID → the functions it invokes. */
  readonly functionsByApi: ReadonlyMap<string, readonly string[]>;
  /** Function → the APIs, queues and topics that invoke it. */
  readonly sourcesByFunction: ReadonlyMap<
    string,
    readonly { readonly id: string; readonly kind: 'api' | 'queue' | 'topic' }[]
  >;
  /** Queue → the functions it feeds. */
  readonly functionsByQueue: ReadonlyMap<string, readonly string[]>;
  readonly deadLetterQueues: ReadonlySet<string>;
  /** Function or state machine → the schedule expressions that run it, resolved. */
  readonly schedulesById: ReadonlyMap<string, readonly string[]>;
  /** Function or state machine → why a schedule expression of it cannot be known (its runs are then not counted). */
  readonly unknownSchedulesById: ReadonlyMap<string, readonly string[]>;
}

export function wiringOf(template: Template): Wiring {
  const functionsByApi = new Map<string, string[]>();
  const functionsByQueue = new Map<string, string[]>();
  const add = (map: Map<string, string[]>, key: string, value: string): void => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  const sourcesByFunction = new Map<string, { id: string; kind: 'api' | 'queue' | 'topic' }[]>();
  const link = (fn: string, id: string, kind: 'api' | 'queue' | 'topic'): void => {
    const sources = sourcesByFunction.get(fn) ?? [];
    if (sources.some((s) => s.id === id)) return;
    sources.push({ id, kind });
    sourcesByFunction.set(fn, sources);
    if (kind === 'api') add(functionsByApi, id, fn);
    else if (kind === 'queue') add(functionsByQueue, id, fn);
  };
  const schedulesById = new Map<string, string[]>();
  const unknownSchedulesById = new Map<string, string[]>();
  const schedule = (id: string, type: string, props: Node | undefined): void => {
    if (type !== 'Schedule' && type !== 'ScheduleV2') return;
    const node = valueOf(props, 'Schedule') ?? valueOf(props, 'ScheduleExpression');
    const expression = node && template.resolver.evaluate(node);
    if (expression?.known && typeof expression.value === 'string') add(schedulesById, id, expression.value);
    else if (expression && !expression.known && !expression.absent) add(unknownSchedulesById, id, expression.reason);
  };
  for (const fn of template.functions) {
    for (const event of fn.events) {
      const kind = TRAFFIC_SOURCE_KIND.get(event.type);
      const source = kind ? eventSourceOf(template, fn.logicalId, event) : undefined;
      if (kind && source?.kind === 'resource') link(fn.logicalId, source.resource.logicalId, kind);
      schedule(fn.logicalId, event.type, event.properties);
    }
  }
  for (const r of template.resources) {
    if (r.type !== 'AWS::Serverless::StateMachine') continue;
    for (const e of mapAt(r.properties, 'Events')?.entries ?? [])
      schedule(r.logicalId, stringOf(valueOf(e.value, 'Type')) ?? '', valueOf(e.value, 'Properties'));
  }
  const deadLetterQueues = new Set<string>();
  for (const r of template.resources) {
    if (r.type !== 'AWS::SQS::Queue') continue;
    const target = resourceNamedBy(template, valueOf(valueOf(r.properties, 'RedrivePolicy'), 'deadLetterTargetArn'));
    if (target) deadLetterQueues.add(target.logicalId);
  }
  return { functionsByApi, functionsByQueue, sourcesByFunction, deadLetterQueues, schedulesById, unknownSchedulesById };
}

/** The events whose source passes its traffic on to the function, and what kind of source that is. */
const TRAFFIC_SOURCE_KIND: ReadonlyMap<string, 'api' | 'queue' | 'topic'> = new Map([
  ['Api', 'api'],
  ['HttpApi', 'api'],
  ['SQS', 'queue'],
  ['SNS', 'topic'],
]);

/** The traffic key of each kind: what flows along the wiring. */
const TRAFFIC_KEY: Partial<Record<CostKind, string>> = {
  function: 'monthlyRequests',
  restApi: 'monthlyRequests',
  httpApi: 'monthlyRequests',
  queue: 'monthlyMessages',
  topic: 'monthlyPublishes',
};

/**
 * Usage for every priced resource. Precedence: the resource's own entry in the usage file, then the wiring
 * (from a neighbour whose traffic the usage file gives), then `defaults:` for its type, then the built-in
 * default. An API without its own figure carries the sum of its functions' requests; a queue the requests
 * of the function it feeds.
 */
export function resolveUsage(
  costed: readonly CostedResource[],
  usage: UsageFile,
  wiring: Wiring,
): Map<string, ResolvedUsage> {
  const kindById = new Map(costed.map((c) => [c.resource.logicalId, c.kind]));
  const aliasOf = new Map(costed.filter((c) => c.alias).map((c) => [c.resource.logicalId, c.alias!]));
  const ownValue = (id: string, key: string): number | undefined => {
    const alias = aliasOf.get(id);
    return usage.resources[id]?.[key] ?? (alias === undefined ? undefined : usage.resources[alias]?.[key]);
  };
  const own = (id: string, key: string): UsageFigure | undefined => {
    const value = ownValue(id, key);
    return value === undefined ? undefined : { value, source: 'usage file' };
  };
  // A type's defaults are worked out once: every resource of the type starts from a copy of the same figures.
  const defaultsByType = new Map<string, Record<string, UsageFigure>>();
  const typeDefaults = (kind: CostKind, type: string): Record<string, UsageFigure> => {
    const cacheKey = `${kind} ${type}`;
    let figures = defaultsByType.get(cacheKey);
    if (!figures) {
      figures = {};
      for (const [key, spec] of Object.entries(USAGE_KEYS[kind])) {
        const given = [type, ...typesOfKind(kind)].find((t) => usage.defaults[t]?.[key] !== undefined);
        figures[key] = given
          ? { value: usage.defaults[given]![key], source: `usage defaults for ${given}` }
          : { value: spec.fallback, source: 'default', builtInDefault: true };
      }
      defaultsByType.set(cacheKey, figures);
    }
    return figures;
  };
  const plain = (c: CostedResource): Record<string, UsageFigure> => {
    const out = { ...typeDefaults(c.kind, c.resource.type) };
    const id = c.resource.logicalId;
    if (usage.resources[id] === undefined && (c.alias === undefined || usage.resources[c.alias] === undefined))
      return out;
    for (const key of Object.keys(out)) {
      const figure = own(id, key);
      if (figure) out[key] = figure;
    }
    return out;
  };
  const explicitTraffic = (id: string): number | undefined => {
    const kind = kindById.get(id);
    const key = kind && TRAFFIC_KEY[kind];
    return key ? ownValue(id, key) : undefined;
  };

  /** Runs a month by schedule; an expression we cannot read leaves the figure to the defaults. */
  const scheduled = (id: string): { value: number; source: string }[] =>
    (wiring.schedulesById.get(id) ?? []).flatMap((expression) => {
      const firings = firingsPerMonth(expression);
      return firings === undefined ? [] : [{ value: firings, source: `schedule ${expression}` }];
    });

  const resolved = new Map<string, ResolvedUsage>();
  // Functions first: their traffic comes from their own figure or from a neighbour with an explicit one.
  for (const c of costed.filter((x) => x.kind === 'function')) {
    const id = c.resource.logicalId;
    const figures = plain(c);
    if (!own(id, 'monthlyRequests')) {
      const shares = (wiring.sourcesByFunction.get(id) ?? []).flatMap((s) => {
        const traffic = explicitTraffic(s.id);
        if (traffic === undefined) return [];
        const siblings =
          s.kind === 'api'
            ? (wiring.functionsByApi.get(s.id)?.length ?? 1)
            : s.kind === 'queue'
              ? (wiring.functionsByQueue.get(s.id)?.length ?? 1)
              : 1;
        return [{ value: traffic / siblings, source: siblings > 1 ? `${s.id} ÷ ${siblings} functions` : s.id }];
      });
      shares.push(...scheduled(id));
      if (shares.length > 0) {
        figures.monthlyRequests = {
          value: shares.reduce((sum, s) => sum + s.value, 0),
          source: `from ${shares.map((s) => s.source).join(' + ')}`,
        };
      }
    }
    resolved.set(id, figures);
  }
  const sumOfFunctions = (ids: readonly string[] | undefined): UsageFigure | undefined => {
    if (!ids || ids.length === 0) return undefined;
    const figures = ids.map((fn) => resolved.get(fn)?.monthlyRequests);
    const value = figures.reduce((sum, f) => sum + (f?.value ?? 0), 0);
    const source = `from ${ids.join(' + ')}`;
    return figures.some((f) => f?.builtInDefault) ? { value, source, builtInDefault: true } : { value, source };
  };
  for (const c of costed.filter((x) => x.kind !== 'function')) {
    const id = c.resource.logicalId;
    const figures = plain(c);
    const key = TRAFFIC_KEY[c.kind];
    if (c.kind === 'stateMachine' && !own(id, 'monthlyExecutions')) {
      const runs = scheduled(id);
      if (runs.length > 0)
        figures.monthlyExecutions = {
          value: runs.reduce((sum, r) => sum + r.value, 0),
          source: `from ${runs.map((r) => r.source).join(' + ')}`,
        };
    }
    if (key && !own(id, key)) {
      const wired =
        c.kind === 'queue'
          ? sumOfFunctions(wiring.functionsByQueue.get(id))
          : c.kind === 'topic'
            ? undefined
            : sumOfFunctions(wiring.functionsByApi.get(id));
      if (wired) figures[key] = wired;
      else if (c.kind === 'queue' && wiring.deadLetterQueues.has(id) && figures[key].source === 'default') {
        figures[key] = { value: 0, source: 'dead-letter queue: only failed messages' };
      }
    }
    resolved.set(id, figures);
  }
  return resolved;
}
