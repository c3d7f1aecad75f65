import type { Node } from '../../model/nodes';
import { itemsOf, mapAt, valueOf } from '../../model/nodes';
import { payloadFormatOf } from './authorizer-specs';
import type { ApiSettings } from './routes';
import type { TemplateValues } from './template-values';
import type { Route } from './types';

/** OpenAPI's operations under a path, and API Gateway's extension for "any method". */
const OPERATIONS = new Set([
  'get',
  'put',
  'post',
  'delete',
  'options',
  'head',
  'patch',
  'x-amazon-apigateway-any-method',
]);
const INTEGRATION = 'x-amazon-apigateway-integration';

/**
 * Routes of an inline OpenAPI definition (`DefinitionBody`, `Body`) whose operations integrate a function of the
 * template through a Lambda proxy integration (`type: aws_proxy`, `uri` naming `${Fn.Arn}` in a `Fn::Sub`):
 * API Gateway developer guide, "x-amazon-apigateway-integration object".
 */
export function openApiRoutes(values: TemplateValues, settings: ApiSettings, notes: string[]): Route[] {
  const definition = settings.definition;
  const paths = mapAt(definition, 'paths');
  if (!paths) {
    if (definition?.kind === 'intrinsic')
      notes.push(`The definition of ${settings.api.id} is not inline (${definition.name}); its routes are not served.`);
    return [];
  }
  const routes: Route[] = [];
  const apiSecurity = securityOf(values, valueOf(definition, 'security'));
  for (const { key: path, value: operations } of paths.entries) {
    for (const { key, value: operation } of operations.kind === 'map' ? operations.entries : []) {
      if (!OPERATIONS.has(key.toLowerCase())) continue;
      const method = key.toLowerCase() === 'x-amazon-apigateway-any-method' ? 'ANY' : key.toUpperCase();
      const integration = valueOf(operation, INTEGRATION);
      const declaredBy = `${method} ${path} in the definition of ${settings.api.id}`;
      if (!integration) continue;
      const type = values.text(valueOf(integration, 'type'))?.toLowerCase();
      const functionId = values.functionOf(valueOf(integration, 'uri'));
      if (type !== 'aws_proxy' || !functionId) {
        notes.push(
          `${declaredBy} is not served: only Lambda proxy integrations of this template's functions run locally.`,
        );
        continue;
      }
      const security = valueOf(operation, 'security')
        ? securityOf(values, valueOf(operation, 'security'))
        : apiSecurity;
      const authorizer = security.find((name) => settings.api.authorizers.has(name)) ?? settings.defaultAuthorizer;
      routes.push({
        api: settings.api,
        method,
        path,
        functionId,
        payloadFormat:
          settings.api.kind === 'rest'
            ? '1.0'
            : payloadFormatOf(values.text(valueOf(integration, 'payloadFormatVersion'))),
        authorizer: authorizer === 'NONE' ? undefined : authorizer,
        apiKeyRequired: security.includes('api_key') || settings.apiKeyRequired,
        declaredBy,
      });
    }
  }
  return routes;
}

/** `security: [{MyAuthorizer: []}, {api_key: []}]` → the scheme names. */
function securityOf(values: TemplateValues, node: Node | undefined): string[] {
  return itemsOf(node).flatMap((item) => (item.kind === 'map' ? item.entries.map((e) => e.key) : values.texts(item)));
}
