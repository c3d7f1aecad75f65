import type { Template } from '../../model/template';
import type { UnknownProperty } from '../../schema/validation/violation';
import { defineRule } from '../define';
import { closest, didYouMean } from '../suggest';
import type { Fix } from '../types';
import { placeOf, SCHEMA_SOURCES, violationsOf } from './violations';

export const schemaUnknownProperty = defineRule({
  id: 'schema-unknown-property',
  meta: {
    severity: 'error',
    fixable: true,
    docs: {
      summary: 'A property the resource type (or the nested property type, or SAM Globals section) does not have.',
      why: 'CloudFormation rejects the resource ("Encountered unsupported property"), and the SAM transform rejects unknown properties of its resources, minutes into a deploy; a misspelt optional property would otherwise be silently missing.',
      fact: `Every resource type and property type has a closed set of properties. Source: ${SCHEMA_SOURCES}`,
      example: 'Type: AWS::Serverless::Function\nProperties:\n  MemorySzie: 512',
      fix: 'Correct the name; the quick fix renames the key to the closest property. Keys a macro fills (`Fn::Transform`, `AWS::Include`) are not checked, nor are custom resources.',
    },
  },
  messages: { unknown: "'{{key}}' is not a property of {{place}}.{{suggestion}}" },
  check(context) {
    for (const v of violationsOf(context, 'unknown-property')) {
      const suggestion = closest(v.key, v.candidates);
      context.report({
        messageId: 'unknown',
        data: { key: v.key, place: placeOf(v), suggestion: didYouMean(suggestion) },
        span: v.span,
        logicalId: v.logicalId,
        fixes: suggestion ? [renameKey(context.template, v, suggestion)] : [],
      });
    }
  },
});

/** Renames the key in place, keeping its quotes. */
function renameKey(template: Template, v: UnknownProperty, name: string): Fix {
  const raw = template.text.slice(v.span.start, v.span.end);
  const quote = raw[0] === '"' || raw[0] === "'" ? raw[0] : '';
  const newText = quote === '"' ? JSON.stringify(name) : `${quote}${name}${quote}`;
  return { title: `Rename '${v.key}' to '${name}'`, edits: [{ span: v.span, newText }], preferred: true };
}
