import { defineRule } from '../define';
import {
  originSuffix,
  placeOf,
  SCHEMA_SOURCES,
  typeWords,
  violationsOf,
  SERVERLESS_DOCS,
  severityOf,
} from './violations';

export const schemaType = defineRule({
  id: 'schema-type',
  meta: {
    severity: 'error',
    docs: {
      summary: 'A property value of the wrong kind: text, number, integer, true/false, list or map.',
      why: 'CloudFormation rejects the resource ("expected type: Number, found: String"), minutes into the deploy.',
      fact:
        `Each property has a type in its resource type's reference page. CloudFormation reads scalars leniently: ` +
        `"512" is a valid integer, "true" a valid boolean, and a number where text belongs becomes text, so none ` +
        `of these is reported. An intrinsic function is checked for what it returns: a list (\`Fn::Split\`, ` +
        `\`Fn::GetAZs\`, \`!Ref\` of a List or CommaDelimitedList parameter) where a single value belongs, or ` +
        `the other way round; values known before deploying (a parameter's Default) are checked too. ` +
        `\`Fn::GetAtt\` and functions whose result is unknown are not. ` +
        `Source: ${SCHEMA_SOURCES} ${SERVERLESS_DOCS}`,
      example: 'Type: AWS::Serverless::Function\nProperties:\n  Timeout: "abc"',
      fix:
        'Give a value of the expected kind; for a list parameter where one value belongs, pick one with ' +
        '`!Select` or join them with `!Join`.',
    },
  },
  messages: { type: '{{place}} must be {{expected}}, not {{actual}}{{origin}}.' },
  check(context) {
    for (const v of violationsOf(context, 'type')) {
      context.report({
        messageId: 'type',
        data: { place: placeOf(v), expected: typeWords(v.expected), actual: v.actual, origin: originSuffix(v.origin) },
        span: v.span,
        logicalId: v.logicalId,
        severity: severityOf(v),
      });
    }
  },
});
