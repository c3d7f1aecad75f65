import { entryOf, mapAt, stringOf } from '../../model/nodes';
import type { SamCheck } from './check';
import { samEvents } from './check';

/** Events SAM turns into an EventBridge rule or a schedule, whose target may have a dead-letter queue. */
const RULE_EVENTS = new Set(['Schedule', 'ScheduleV2', 'CloudWatchEvent', 'EventBridgeRule']);

/**
 * The only queue SAM creates for `DeadLetterConfig.Type` (SAM developer guide, "DeadLetterConfig" of the
 * Schedule, ScheduleV2 and EventBridgeRule events: "Type: ... Valid values: SQS").
 */
const CREATED_QUEUE_TYPE = 'SQS';

/**
 * A rule event's `DeadLetterConfig` either names a queue (`Arn`) or asks SAM to create one (`Type: SQS`,
 * optionally `QueueLogicalId`, which becomes a logical ID and so must be a plain string).
 */
export const ruleDeadLetterConfig: SamCheck = {
  messages: {
    dlqNeither: "DeadLetterConfig needs either 'Arn' (an existing queue) or 'Type: SQS' (a queue SAM creates).",
    dlqBoth:
      "DeadLetterConfig takes either 'Arn' or 'Type', not both: 'Arn' names an existing queue, 'Type' asks SAM " +
      'to create one.',
    dlqType: "DeadLetterConfig Type '{{type}}' is not supported: SAM can only create an SQS queue (Type: SQS).",
    dlqQueueId:
      'QueueLogicalId becomes the logical ID of the queue SAM creates, so it must be a plain string, not an ' +
      'intrinsic function.',
  },
  check(template, report) {
    for (const { owner, event } of samEvents(template)) {
      if (!RULE_EVENTS.has(event.type)) continue;
      const entry = entryOf(event.properties, 'DeadLetterConfig');
      const dlq = mapAt(event.properties, 'DeadLetterConfig');
      if (!entry || !dlq) continue;
      const arn = entryOf(dlq, 'Arn');
      const type = entryOf(dlq, 'Type');
      const logicalId = owner.logicalId;
      if (!arn && !type) report({ messageId: 'dlqNeither', span: entry.keySpan, logicalId });
      else if (arn && type)
        report({
          messageId: 'dlqBoth',
          span: type.keySpan,
          logicalId,
          related: [{ span: arn.keySpan, message: 'Arn is also set here' }],
        });
      else if (type && type.value.kind === 'scalar' && stringOf(type.value) !== CREATED_QUEUE_TYPE) {
        report({ messageId: 'dlqType', data: { type: stringOf(type.value) ?? '' }, span: type.value.span, logicalId });
      }
      const queueId = entryOf(dlq, 'QueueLogicalId');
      if (queueId && queueId.value.kind !== 'scalar')
        report({ messageId: 'dlqQueueId', span: queueId.value.span, logicalId });
    }
  },
};
