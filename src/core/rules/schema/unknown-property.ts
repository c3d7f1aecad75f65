import type { Template } from '../../model/template';
import type { UnknownProperty } from '../../schema/validation/violation';
import { defineRule } from '../define';
import { closest, didYouMean } from '../suggest';
import type { Fix } from '../types';
import { placeOf, SCHEMA_SOURCES, violationsOf, SERVERLESS_DOCS, severityOf } from './violations';

export const schemaUnknownProperty = defineRule({
  id: 'schema-unknown-property',
  meta: {
    severity: 'error',
    fixable: true,
    docs: {
      summary: 'A property the resource type (or the nested property type, or SAM Globals section) does not have.',
      why:
        'CloudFormation rejects the resource ("Encountered unsupported property"), and the SAM transform rejects ' +
        'unknown properties of its resources, minutes into a deploy; a misspelt optional property would ' +
        'otherwise be silently missing.',
      fact:
        `Every resource type and property type has a closed set of properties. ` +
        `Source: ${SCHEMA_SOURCES} ${SERVERLESS_DOCS}`,
      example: 'Type: AWS::Serverless::Function\nProperties:\n  MemorySzie: 512',
      fix:
        'Correct the name; the quick fix renames the key to the closest property. Keys a macro fills ' +
        '(`Fn::Transform`, `AWS::Include`) are not checked, nor are custom resources. In a serverless.yml that ' +
        'lists `plugins`, an unknown top-level key, function property, event type or event property may be a ' +
        "plugin's (serverless-step-functions adds `stepFunctions`): it is reported only when it is a near miss " +
        'of a known key, as info with the rename.',
    },
  },
  messages: {
    unknown: "'{{key}}' is not a property of {{place}}.{{suggestion}}",
    unknownUnlessPlugin:
      "'{{key}}' is not a property of {{place}} unless one of the service's plugins defines it.{{suggestion}}",
  },
  check(context) {
    for (const v of violationsOf(context, 'unknown-property')) {
      const suggestion = closest(v.key, v.candidates);
      // Where a listed plugin may declare keys, only a near miss of a known key is worth a word, and only as info:
      // plugins' keys (`stepFunctions`, `warmup`) are not typos, and the framework accepts what a plugin declares.
      if (v.framework?.pluginMayDefine && !suggestion) continue;
      context.report({
        messageId: v.framework?.pluginMayDefine ? 'unknownUnlessPlugin' : 'unknown',
        data: { key: v.key, place: placeOf(v), suggestion: didYouMean(suggestion) },
        span: v.span,
        logicalId: v.logicalId,
        severity: v.framework?.pluginMayDefine ? 'info' : severityOf(v),
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
