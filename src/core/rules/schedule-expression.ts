import type { MapNode, Node, Span } from '../model/nodes';
import { entryOf, itemsOf, mapAt, stringOf, valueOf } from '../model/nodes';
import type { Template } from '../model/template';
import { defineRule } from './define';
import { renameFix } from './edits';
import { checkSchedule } from './schedule-syntax';

/** An expression to check, the resource it belongs to, and whether one-time `at(...)` schedules are allowed there. */
interface ScheduleSite {
  readonly node: Node;
  readonly logicalId: string;
  readonly allowAt: boolean;
}

/**
 * Event types and the property holding their expression (SAM: "Schedule", "ScheduleV2"; serverless.yml schedule events
 * map onto them).
 */
const EVENT_PROPERTY: Readonly<Record<string, { property: string; allowAt: boolean }>> = {
  Schedule: { property: 'Schedule', allowAt: false },
  ScheduleV2: { property: 'ScheduleExpression', allowAt: true },
};
/**
 * Resources with a ScheduleExpression property: EventBridge rules, and Scheduler schedules (which also take `at(...)`).
 */
const RESOURCE_ALLOWS_AT: Readonly<Record<string, boolean>> = {
  'AWS::Events::Rule': false,
  'AWS::Scheduler::Schedule': true,
};
const STATE_MACHINE = 'AWS::Serverless::StateMachine';

function eventSite(logicalId: string, type: string, properties: MapNode | undefined): ScheduleSite[] {
  const spec = EVENT_PROPERTY[type];
  const value = spec && valueOf(properties, spec.property);
  // A serverless.yml `rate` may list several expressions.
  const nodes = value?.kind === 'seq' ? itemsOf(value) : value ? [value] : [];
  return nodes.map((node) => ({ node, logicalId, allowAt: spec.allowAt }));
}

function scheduleSites(template: Template): ScheduleSite[] {
  const fromFunctions = template.functions.flatMap((fn) =>
    fn.events.flatMap((e) => eventSite(fn.logicalId, e.type, e.properties)),
  );
  const fromResources = template.resources
    .filter((r) => r.origin === 'written')
    .flatMap((r) => {
      if (r.type === STATE_MACHINE) {
        return (mapAt(r.properties, 'Events')?.entries ?? []).flatMap((e) =>
          eventSite(r.logicalId, stringOf(valueOf(e.value, 'Type')) ?? '', mapAt(e.value, 'Properties')),
        );
      }
      const allowAt = RESOURCE_ALLOWS_AT[r.type];
      const node = allowAt === undefined ? undefined : entryOf(r.properties, 'ScheduleExpression')?.value;
      return node ? [{ node, logicalId: r.logicalId, allowAt }] : [];
    });
  return [...fromFunctions, ...fromResources];
}

/**
 * Where the expression's own characters start in the text, when the scalar is written as is (plain or quoted without
 * escapes).
 */
function textStart(template: Template, node: Node, expression: string): number | undefined {
  for (const start of [node.span.start, node.span.start + 1]) {
    if (template.text.startsWith(expression, start)) return start;
  }
  return undefined;
}

export const scheduleExpressionInvalid = defineRule({
  id: 'schedule-expression-invalid',
  meta: {
    severity: 'error',
    fixable: true,
    docs: {
      summary:
        'A schedule expression (SAM Schedule and ScheduleV2 events, serverless.yml schedule events, ' +
        'AWS::Events::Rule, AWS::Scheduler::Schedule) that EventBridge rejects.',
      why:
        'The deploy fails when CloudFormation creates the rule or schedule ("Parameter ScheduleExpression is not ' +
        'valid"), after the resources before it were created.',
      fact:
        'rate(value unit): a positive whole number and minute, hour or day, singular for 1 and plural above; ' +
        'cron(minutes hours day-of-month month day-of-week year): six fields, and one of day-of-month and ' +
        'day-of-week must be ? (EventBridge user guide, "Schedule expressions for rules"). Scheduler schedules ' +
        'also take at(yyyy-mm-ddThh:mm:ss) (EventBridge Scheduler user guide, "Schedule types on EventBridge ' +
        'Scheduler").',
      example: 'Events:\n  Nightly:\n    Type: Schedule\n    Properties:\n      Schedule: cron(0 2 * * MON-FRI *)',
      fix:
        'Correct the field the finding points at; the quick fix replaces * with ? in day-of-month or ' +
        'day-of-week, and corrects the unit of a rate.',
    },
  },
  messages: { invalid: "Schedule '{{expression}}' is not valid: {{reason}}" },
  check(context) {
    const { template } = context;
    for (const site of scheduleSites(template)) {
      const expression =
        site.node.kind === 'scalar' && typeof site.node.value === 'string' ? site.node.value : undefined;
      // Variables (`${self:custom.rate}`) and intrinsics are known only when deployed.
      if (expression === undefined || expression.includes('${')) continue;
      const mistake = checkSchedule(expression, site.allowAt);
      if (!mistake) continue;
      const start = textStart(template, site.node, expression);
      const span: Span =
        start === undefined ? site.node.span : { start: start + mistake.start, end: start + mistake.end };
      const fixes =
        start !== undefined && mistake.replacement !== undefined ? [renameFix(span, mistake.replacement)] : [];
      context.report({
        messageId: 'invalid',
        data: { expression, reason: mistake.message },
        span,
        fixes,
        logicalId: site.logicalId,
      });
    }
  },
});
