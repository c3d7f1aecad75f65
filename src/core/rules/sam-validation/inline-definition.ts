import type { MapEntry, MapNode } from '../../model/nodes';
import { entryOf } from '../../model/nodes';
import type { SamCheck } from './check';
import { samResources } from './check';

/**
 * Properties SAM carries out by editing the API's OpenAPI document, which it can only do to a document written
 * inline in `DefinitionBody` (SAM developer guide, "AWS::Serverless::Api" and "AWS::Serverless::HttpApi": each
 * of these says it works only with an inline definition or one SAM generates).
 */
const EDITS_DEFINITION: readonly {
  readonly type: string;
  readonly document: string;
  readonly properties: readonly string[];
}[] = [
  {
    type: 'AWS::Serverless::Api',
    document: 'Swagger',
    properties: ['Cors', 'Auth', 'Models', 'GatewayResponses', 'DisableExecuteApiEndpoint'],
  },
  {
    type: 'AWS::Serverless::HttpApi',
    document: 'OpenAPI',
    properties: ['Cors', 'Auth', 'Tags', 'DisableExecuteApiEndpoint'],
  },
];

/** The keys that say a definition is an OpenAPI or Swagger document SAM can edit. */
const VERSION_KEYS = ['swagger', 'openapi'];

/** What SAM must edit in the API's definition needs the definition in the template, and a real OpenAPI one. */
export const inlineDefinition: SamCheck = {
  messages: {
    needsInlineDefinition:
      '{{property}} works only with an inline {{document}} definition in DefinitionBody (or none, so SAM ' +
      'generates it); SAM cannot edit the document DefinitionUri points to.',
    notOpenApi:
      "DefinitionBody is not a {{document}} document (it has no 'swagger' or 'openapi' version), so SAM cannot " +
      'add {{properties}} to it.',
    httpNotOpenApi:
      "DefinitionBody is not an OpenAPI document (it has no 'openapi' version or no 'paths'); SAM edits every " +
      "HTTP API's definition, if only to tag it as its own.",
  },
  check(template, report) {
    for (const { resource, properties } of samResources(template, 'AWS::Serverless::HttpApi')) {
      const body = entryOf(properties, 'DefinitionBody');
      if (body?.value.kind === 'map' && !(isDocument(body.value) && entryOf(body.value, 'paths')))
        report({ messageId: 'httpNotOpenApi', span: body.keySpan, logicalId: resource.logicalId });
    }
    for (const { type, document, properties: edited } of EDITS_DEFINITION) {
      for (const { resource, properties } of samResources(template, type)) {
        const uses = edited
          .map((p) => entryOf(properties, p))
          .filter((e): e is MapEntry => e !== undefined && inUse(e));
        if (uses.length === 0) continue;
        const body = entryOf(properties, 'DefinitionBody');
        const logicalId = resource.logicalId;
        if (!body && entryOf(properties, 'DefinitionUri')) {
          for (const use of uses)
            report({
              messageId: 'needsInlineDefinition',
              data: { property: use.key, document },
              span: use.keySpan,
              logicalId,
            });
        } else if (type !== 'AWS::Serverless::HttpApi' && body?.value.kind === 'map' && !isDocument(body.value)) {
          report({
            messageId: 'notOpenApi',
            data: { document, properties: uses.map((u) => u.key).join(', ') },
            span: body.keySpan,
            logicalId,
          });
        }
      }
    }
  },
};

/** An empty map or list asks SAM for nothing; `DisableExecuteApiEndpoint` is an edit whatever its value. */
function inUse(entry: MapEntry): boolean {
  const value = entry.value;
  if (value.kind === 'map') return value.entries.length > 0;
  if (value.kind === 'seq') return value.items.length > 0;
  return value.kind !== 'scalar' || value.value !== null;
}

function isDocument(body: MapNode): boolean {
  return body.entries.some((e) => VERSION_KEYS.includes(e.key) || e.key.startsWith('Fn::'));
}
