import type { Node } from '../../model/nodes';
import { itemsOf, mapAt, valueOf } from '../../model/nodes';
import { payloadFormatOf } from './authorizer-specs';
import type { ApiSettings } from './routes';
import type { TemplateValues } from './template-values';
import type { MockRoute, Route } from './types';

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
export function openApiRoutes(
  values: TemplateValues,
  settings: ApiSettings,
  notes: string[],
): { routes: Route[]; mockRoutes: MockRoute[] } {
  const definition = settings.definition;
  const paths = mapAt(definition, 'paths');
  const routes: Route[] = [];
  const mockRoutes: MockRoute[] = [];
  if (!paths) {
    if (definition?.kind === 'intrinsic')
      notes.push(`The definition of ${settings.api.id} is not inline (${definition.name}); its routes are not served.`);
    return { routes, mockRoutes };
  }
  const apiSecurity = securityOf(values, valueOf(definition, 'security'));
  for (const { key: path, value: operations } of paths.entries) {
    for (const { key, value: operation } of operations.kind === 'map' ? operations.entries : []) {
      if (!OPERATIONS.has(key.toLowerCase())) continue;
      const method = key.toLowerCase() === 'x-amazon-apigateway-any-method' ? 'ANY' : key.toUpperCase();
      const integration = valueOf(operation, INTEGRATION);
      const declaredBy = `${method} ${path} in the definition of ${settings.api.id}`;
      if (!integration) continue;
      const type = values.text(valueOf(integration, 'type'))?.toLowerCase();
      if (type === 'mock' && settings.api.kind === 'rest') {
        const mock = mockRoute(values, settings, { method, path, declaredBy }, integration, notes);
        if (mock) mockRoutes.push(mock);
        continue;
      }
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
  return { routes, mockRoutes };
}

/** `'text'`: a literal value of a mapping (API Gateway developer guide, "Mapping data in API Gateway"). */
const LITERAL = /^'(.*)'$/s;
const RESPONSE_HEADER = 'method.response.header.';
const JSON_TYPE = 'application/json';

/**
 * A mock integration's answer: the `default` entry of its `responses` (API Gateway developer guide,
 * "x-amazon-apigateway-integration.responses object"), with the status it names, the literal header values of its
 * `responseParameters` and a literal `application/json` response template as the body. A value API Gateway would
 * compute (`integration.response.*`, `context.*`, a template with `$` or `#`) is left out with a note.
 */
function mockRoute(
  values: TemplateValues,
  settings: ApiSettings,
  where: { method: string; path: string; declaredBy: string },
  integration: Node,
  notes: string[],
): MockRoute | undefined {
  const response = mapAt(mapAt(integration, 'responses'), 'default');
  const status = values.number(valueOf(response, 'statusCode'));
  if (status === undefined) {
    notes.push(`${where.declaredBy} is a mock without a readable responses.default.statusCode; not served.`);
    return undefined;
  }
  const headers: [string, string][] = [];
  const computed: string[] = [];
  for (const { key, value } of mapAt(response, 'responseParameters')?.entries ?? []) {
    if (!key.startsWith(RESPONSE_HEADER)) continue;
    const literal = LITERAL.exec(values.text(value) ?? '');
    if (literal) headers.push([key.slice(RESPONSE_HEADER.length), literal[1]]);
    else computed.push(key.slice(RESPONSE_HEADER.length));
  }
  const template = values.text(valueOf(mapAt(response, 'responseTemplates'), JSON_TYPE));
  const body = template !== undefined && !/[$#]/.test(template) ? template : '';
  if (template !== undefined && body !== template) computed.push('the body');
  if (computed.length)
    notes.push(`${where.declaredBy} is a mock whose ${computed.join(', ')} API Gateway computes; left out.`);
  if (body) headers.push(['Content-Type', JSON_TYPE]);
  return {
    api: settings.api,
    method: where.method,
    path: where.path,
    status,
    headers,
    body,
    declaredBy: where.declaredBy,
  };
}

/** `security: [{MyAuthorizer: []}, {api_key: []}]` → the scheme names. */
function securityOf(values: TemplateValues, node: Node | undefined): string[] {
  return itemsOf(node).flatMap((item) => (item.kind === 'map' ? item.entries.map((e) => e.key) : values.texts(item)));
}
