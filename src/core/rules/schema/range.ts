import { defineRule } from '../define';
import { originSuffix, placeOf, SCHEMA_SOURCES, violationsOf, SERVERLESS_DOCS, severityOf } from './violations';

const MEASURES = { value: '', length: ' characters long', items: ' items' } as const;

export const schemaRange = defineRule({
  id: 'schema-range',
  meta: {
    severity: 'error',
    docs: {
      summary:
        'A number below its minimum or above its maximum, a text too short or too long, a list with too few or ' +
        'too many items.',
      why:
        'CloudFormation or the service rejects the value ("failed to satisfy constraint: Member must have length ' +
        'less than or equal to 64") and the stack rolls back.',
      fact:
        `Property constraints (minimum/maximum, length, number of items) are in each resource type's reference ` +
        `page ("Minimum", "Maximum", "Pattern" under each property). Items a condition may leave out ` +
        `(\`AWS::NoValue\`) count only towards the most there can be. ` +
        `Source: ${SCHEMA_SOURCES} ${SERVERLESS_DOCS}`,
      example: 'Type: AWS::SQS::Queue\nProperties:\n  MessageRetentionPeriod: 30',
      fix: 'Choose a value within the bounds the message gives.',
    },
  },
  messages: {
    min: '{{place}} is {{actual}}{{measure}}{{origin}}; the minimum is {{limit}}.',
    max: '{{place}} is {{actual}}{{measure}}{{origin}}; the maximum is {{limit}}.',
  },
  check(context) {
    for (const v of violationsOf(context, 'range')) {
      context.report({
        messageId: v.bound,
        data: {
          place: placeOf(v),
          actual: v.actual,
          measure: MEASURES[v.measure],
          origin: originSuffix(v.origin),
          limit: v.limit,
        },
        span: v.span,
        logicalId: v.logicalId,
        severity: severityOf(v),
      });
    }
  },
});
