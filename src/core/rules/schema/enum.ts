import { defineRule } from '../define';
import { replaceScalar } from '../edits';
import { closest, didYouMean } from '../suggest';
import { listed, originSuffix, placeOf, SCHEMA_SOURCES, violationsOf, SERVERLESS_DOCS, severityOf } from './violations';

export const schemaEnum = defineRule({
  id: 'schema-enum',
  meta: {
    severity: 'error',
    fixable: true,
    docs: {
      summary: 'A property value outside the values the property allows.',
      why:
        "CloudFormation or the service rejects the value (\"Value ... at 'billingMode' failed to satisfy " +
        'constraint: Member must satisfy enum value set") and the stack rolls back.',
      fact:
        `Properties with a fixed set of values list them in their reference page ("Allowed values"). Values fill ` +
        `in at deploy (a dynamic reference \`{{resolve:...}}\`, an unknown parameter) are not checked. ` +
        `Source: ${SCHEMA_SOURCES} ${SERVERLESS_DOCS}`,
      example: 'Type: AWS::DynamoDB::Table\nProperties:\n  BillingMode: PAY_PER_REQUST',
      fix:
        'Use one of the allowed values; the quick fix replaces a value written in place with the closest one, ' +
        'keeping its quotes.',
    },
  },
  messages: {
    notAllowed: "'{{value}}'{{origin}} is not an allowed value of {{place}}. Allowed: {{allowed}}.{{suggestion}}",
  },
  check(context) {
    for (const v of violationsOf(context, 'enum')) {
      const suggestion = closest(v.value, v.allowed);
      context.report({
        messageId: 'notAllowed',
        data: {
          value: v.value,
          origin: originSuffix(v.origin),
          place: placeOf(v),
          allowed: listed(v.allowed),
          suggestion: didYouMean(suggestion),
        },
        span: v.span,
        logicalId: v.logicalId,
        severity: severityOf(v),
        fixes:
          suggestion && v.literal
            ? [
                {
                  title: `Change to '${suggestion}'`,
                  edits: [replaceScalar(context.template, v.literal, suggestion)],
                  preferred: true,
                },
              ]
            : [],
      });
    }
  },
});
