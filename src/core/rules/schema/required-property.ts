import type { Template } from '../../model/template';
import type { SchemaType } from '../../schema/validation/schema-node';
import type { RequiredProperty } from '../../schema/validation/violation';
import { defineRule } from '../define';
import type { PlainValue } from '../edits';
import { insertPath, RawText } from '../edits';
import type { Fix } from '../types';
import { placeOf, SCHEMA_SOURCES, violationsOf, SERVERLESS_DOCS, severityOf } from './violations';

export const schemaRequiredProperty = defineRule({
  id: 'schema-required-property',
  meta: {
    severity: 'error',
    fixable: true,
    docs: {
      summary: 'A property the resource type (or nested property type) requires is missing.',
      why:
        'CloudFormation rejects the resource before creating anything ("required key [...] not found"), and the ' +
        'stack rolls back.',
      fact:
        `Each resource type lists its required properties ("Required: Yes" in its reference page). ` +
        `Source: ${SCHEMA_SOURCES} ${SERVERLESS_DOCS}`,
      example:
        'Type: AWS::DynamoDB::Table\nProperties:\n  BillingMode: PAY_PER_REQUEST\n  KeySchema:\n    - ' +
        'AttributeName: id\n      KeyType: HASH',
      fix:
        'Add the property. The quick fix inserts it with an empty placeholder to fill in. A property SAM Globals ' +
        'gives a function counts as given; a key written as `!Ref AWS::NoValue` is missing (`Properties: !Ref ' +
        'AWS::NoValue` leaves them all out), one given as `AWS::NoValue` in one branch of `Fn::If` is not ' +
        'reported, and a branch of `Fn::If` that lacks a key is reported in that branch.',
    },
  },
  messages: { missing: "{{place}} is missing the required property '{{property}}'." },
  check(context) {
    for (const v of violationsOf(context, 'required')) {
      const fix = context.template.kind === 'serverless' ? undefined : insertFix(context.template, v);
      context.report({
        messageId: 'missing',
        data: { place: placeOf(v), property: v.property },
        span: v.span,
        logicalId: v.logicalId,
        severity: severityOf(v),
        fixes: fix ? [fix] : [],
      });
    }
  },
});

/** An empty value of the expected kind, for the user to fill in. */
function placeholder(expected: readonly SchemaType[]): PlainValue {
  if (expected.length === 1 && expected[0] === 'array') return new RawText('[]', '[]');
  if (expected.length === 1 && expected[0] === 'object') return new RawText('{}', '{}');
  return '';
}

function insertFix(template: Template, v: RequiredProperty): Fix | undefined {
  const value = placeholder(v.expected);
  const title = `Add the required property '${v.property}'`;
  // A key written as `!Ref AWS::NoValue` is there to be replaced, not added again.
  if (v.map?.entries.some((e) => e.key === v.property)) return undefined;
  if (v.map && (v.map.entries.length > 0 || template.text[v.map.span.start] === '{')) {
    return { title, edits: [insertPath(template, v.map, [v.property], value)], preferred: true };
  }
  if (!v.map && v.resource)
    return { title, edits: [insertPath(template, v.resource, ['Properties', v.property], value)], preferred: true };
  return undefined;
}
