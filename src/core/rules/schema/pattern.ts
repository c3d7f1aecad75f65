import { defineRule } from '../define';
import { originSuffix, placeOf, SCHEMA_SOURCES, violationsOf, SERVERLESS_DOCS, severityOf } from './violations';

export const schemaPattern = defineRule({
  id: 'schema-pattern',
  meta: {
    severity: 'error',
    docs: {
      summary: 'A text value that does not have the form the property requires (an ARN, a name, an identifier).',
      why:
        'CloudFormation or the service rejects the value ("failed to satisfy constraint: Member must satisfy ' +
        'regular expression pattern") and the stack rolls back.',
      fact:
        `Properties with a required form give it as a pattern in their resource type's schema and reference page ` +
        `("Pattern"). Dynamic references (\`{{resolve:...}}\`) and values only known at deploy are not checked. ` +
        `Source: ${SCHEMA_SOURCES} ${SERVERLESS_DOCS}`,
      example: 'Type: AWS::Lambda::Function\nProperties:\n  FunctionName: "my function"',
      fix: 'Write the value in the form the pattern in the message describes.',
    },
  },
  messages: { pattern: "'{{value}}'{{origin}} does not have the form {{place}} requires (pattern {{pattern}})." },
  check(context) {
    for (const v of violationsOf(context, 'pattern')) {
      context.report({
        messageId: 'pattern',
        data: { value: v.value, origin: originSuffix(v.origin), place: placeOf(v), pattern: v.pattern },
        span: v.span,
        logicalId: v.logicalId,
        severity: severityOf(v),
      });
    }
  },
});
