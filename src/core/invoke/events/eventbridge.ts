import type { Node } from '../../model/nodes';
import { stringOf, toPlain } from '../../model/nodes';
import type { EventContext } from './context';

/**
 * An example value that an EventBridge pattern matches: the first listed value, or one built from a
 * content filter (`prefix`, `suffix`, `numeric`, `anything-but`, `exists`).
 */
function matching(pattern: unknown): unknown {
  if (!Array.isArray(pattern)) {
    if (pattern && typeof pattern === 'object') {
      return Object.fromEntries(Object.entries(pattern).map(([k, v]) => [k, matching(v)]));
    }
    return pattern;
  }
  const first = pattern[0];
  if (first === null || typeof first !== 'object') return first;
  const filter = first as Record<string, unknown>;
  if (typeof filter.prefix === 'string') return `${filter.prefix}example`;
  if (typeof filter.suffix === 'string') return `example${filter.suffix}`;
  if (Array.isArray(filter.numeric)) return Number(filter.numeric[1] ?? 0) + (filter.numeric[0] === '>' ? 1 : 0);
  if ('anything-but' in filter) return 'anything-else';
  if ('exists' in filter) return filter.exists ? 'present' : undefined;
  return matching(first);
}

/** The target's `Input`, which replaces the event when set (for rules and schedules alike). */
function declaredInput(ctx: EventContext): unknown {
  const input = ctx.text('Input');
  if (input === undefined) return undefined;
  try {
    return JSON.parse(input);
  } catch {
    return input;
  }
}

/** SAM `EventBridgeRule` and `CloudWatchEvent`: an event with the pattern's source, detail-type and detail. */
export function eventBridgeEvent(ctx: EventContext): unknown {
  const input = declaredInput(ctx);
  if (input !== undefined) return input;
  const patternNode: Node | undefined = ctx.node('Pattern');
  const pattern = (patternNode ? toPlain(patternNode) : {}) as Record<string, unknown>;
  return {
    version: '0',
    id: ctx.id(),
    'detail-type': matching(pattern['detail-type']) ?? 'Example Event',
    source: matching(pattern.source) ?? 'com.example.app',
    account: ctx.accountId,
    time: ctx.now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    region: ctx.region,
    resources: pattern.resources ? [matching(pattern.resources)] : [],
    detail: matching(pattern.detail) ?? {},
  };
}

/** SAM `Schedule` (EventBridge rule) and `ScheduleV2` (EventBridge Scheduler). */
export function scheduleEvent(ctx: EventContext, scheduler: boolean): unknown {
  const input = declaredInput(ctx);
  if (input !== undefined) return input;
  // A Scheduler target carries only its Input; without one the handler sees an empty object.
  if (scheduler) return {};
  const rule = stringOf(ctx.node('Name')) ?? `${ctx.functionName}-schedule`;
  return {
    version: '0',
    id: ctx.id(),
    'detail-type': 'Scheduled Event',
    source: 'aws.events',
    account: ctx.accountId,
    time: ctx.now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    region: ctx.region,
    resources: [ctx.arn('events', `rule/${rule}`)],
    detail: {},
  };
}
