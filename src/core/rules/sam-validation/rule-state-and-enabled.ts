import { entryOf } from '../../model/nodes';
import type { SamCheck } from './check';
import { samEvents } from './check';

/**
 * Events with both the older `Enabled` and the newer `State` switch (SAM developer guide, "Schedule",
 * "EventBridgeRule").
 */
const SWITCHED_EVENTS = new Set(['Schedule', 'CloudWatchEvent', 'EventBridgeRule']);

/** `Enabled` is the older spelling of `State`; SAM refuses an event that sets both, as they could disagree. */
export const ruleStateAndEnabled: SamCheck = {
  messages: {
    stateAndEnabled:
      "Set either 'State' or 'Enabled' on this {{type}} event, not both: 'Enabled' is the older form of 'State'.",
  },
  check(template, report) {
    for (const { owner, event } of samEvents(template)) {
      if (!SWITCHED_EVENTS.has(event.type)) continue;
      const state = entryOf(event.properties, 'State');
      const enabled = entryOf(event.properties, 'Enabled');
      if (!state || !enabled) continue;
      report({
        messageId: 'stateAndEnabled',
        data: { type: event.type },
        span: enabled.keySpan,
        logicalId: owner.logicalId,
        related: [{ span: state.keySpan, message: 'State is set here' }],
      });
    }
  },
};
