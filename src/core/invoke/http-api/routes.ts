import { eventSourceOf } from '../../model/event-sources';
import type { MapNode, Node } from '../../model/nodes';
import { mapAt, valueOf } from '../../model/nodes';
import type { TemplateResolver } from '../../model/resolve/resolver';
import type { FunctionEvent, FunctionView, Resource, Template } from '../../model/template';
import {
  payloadFormatOf,
  samHttpAuthorizers,
  samRestAuthorizers,
  serverlessHttpAuthorizers,
  serverlessRestAuthorizer,
} from './authorizer-specs';
import {
  functionUrlCors,
  openApiHttpCors,
  samHttpCors,
  samRestCors,
  serverlessHttpCors,
  serverlessRestCors,
} from './cors';
import { openApiRoutes } from './openapi';
import { writtenV2Routes, writtenV2Stage } from './v2-resources';
import { webSocketApisOf } from '../websocket-api/routes';
import { TemplateValues } from './template-values';
import type {
  ApiKind,
  ApiTable,
  AuthorizerSpec,
  CorsPolicy,
  FunctionUrl,
  LocalApi,
  MockRoute,
  PayloadFormat,
  Route,
} from './types';

/** SAM's stage of the implicit REST API (SAM developer guide, "AWS::Serverless::Api", StageName). */
const IMPLICIT_REST_STAGE = 'Prod';
/** HTTP APIs without `StageName` are served from the `$default` stage. */
const DEFAULT_HTTP_STAGE = '$default';
export const DEFAULT_ROUTE = '$default';

const REST_TYPES = new Set(['AWS::Serverless::Api', 'AWS::ApiGateway::RestApi']);
const PLAIN_HTTP_API = 'AWS::ApiGatewayV2::Api';
const HTTP_TYPES = new Set(['AWS::Serverless::HttpApi', PLAIN_HTTP_API]);

/** A plain `AWS::ApiGatewayV2::Api` is an HTTP API unless its `ProtocolType` says `WEBSOCKET`. */
export function isWebSocketApi(values: TemplateValues, resource: Resource): boolean {
  return (
    resource.type === PLAIN_HTTP_API &&
    values.text(valueOf(resource.properties, 'ProtocolType'))?.toUpperCase() === 'WEBSOCKET'
  );
}

/** An API's settings that routes inherit: default authorizer, API-key requirement, CORS. */
interface ApiSettings {
  readonly api: LocalApi;
  readonly defaultAuthorizer: string | undefined;
  readonly apiKeyRequired: boolean;
  readonly defaultPayload: PayloadFormat;
  readonly definition: Node | undefined;
}

/**
 * Every route the template's APIs serve, as API Gateway would after deploy: events of functions (`Api`, `HttpApi`;
 * the framework's `http`, `httpApi`), inline OpenAPI definitions whose integrations name a function, and function
 * URLs. Nothing is invented: a route whose path or method cannot be read locally is left out with a note.
 */
export function apiTableOf(template: Template, resolver: TemplateResolver): ApiTable {
  const values = new TemplateValues(template, resolver);
  const notes: string[] = [];
  const apis = new Map<string, ApiSettings>();
  const settingsOf = (resource: Resource | undefined, kind: 'rest' | 'http'): ApiSettings => {
    const id = resource?.logicalId ?? (kind === 'rest' ? 'ServerlessRestApi' : 'ServerlessHttpApi');
    let settings = apis.get(id);
    if (!settings) {
      settings = template.serverless
        ? serverlessApi(values, id, kind)
        : samApi(
            values,
            id,
            kind,
            resource?.origin === 'written'
              ? resource.properties
              : mapAt(template.globals, kind === 'rest' ? 'Api' : 'HttpApi'),
          );
      if (resource?.type === PLAIN_HTTP_API) {
        const stage = writtenV2Stage(values, resource) ?? DEFAULT_HTTP_STAGE;
        settings = { ...settings, api: { ...settings.api, stage } };
      }
      apis.set(id, settings);
    }
    return settings;
  };

  const routes: Route[] = [];
  const mockRoutes: MockRoute[] = [];
  for (const view of template.functions) {
    for (const event of view.events) {
      if (event.type !== 'Api' && event.type !== 'HttpApi') continue;
      const kind = event.type === 'Api' ? 'rest' : 'http';
      const source = eventSourceOf(template, view.logicalId, event);
      const resource = source.kind === 'resource' ? source.resource : undefined;
      if (source.kind === 'outside') {
        notes.push(
          `${describe(event, view)} joins an API outside this template; it is served with this template's routes.`,
        );
      }
      const route = eventRoute(values, settingsOf(resource, kind), view, event, notes);
      if (route) routes.push(route);
    }
  }
  for (const resource of template.resources) {
    const kind: 'rest' | 'http' | undefined = REST_TYPES.has(resource.type)
      ? 'rest'
      : HTTP_TYPES.has(resource.type)
        ? 'http'
        : undefined;
    if (!kind || resource.origin !== 'written' || isWebSocketApi(values, resource)) continue;
    const settings = settingsOf(resource, kind);
    if (settings.definition) {
      const fromDefinition = openApiRoutes(values, settings, notes);
      routes.push(...fromDefinition.routes);
      mockRoutes.push(...fromDefinition.mockRoutes);
    }
    if (resource.type === PLAIN_HTTP_API) routes.push(...plainHttpRoutes(values, settings, resource, notes));
  }
  return {
    routes: dropShadowed(routes, notes),
    mockRoutes,
    functionUrls: functionUrlsOf(values, template),
    webSocketApis: webSocketApisOf(values, notes),
    notes,
  };
}

export type { ApiSettings };

function describe(event: FunctionEvent, view: FunctionView): string {
  return `event ${event.name} of ${view.displayName}`;
}

function eventRoute(
  values: TemplateValues,
  settings: ApiSettings,
  view: FunctionView,
  event: FunctionEvent,
  notes: string[],
): Route | undefined {
  const props = event.properties;
  const declaredBy = describe(event, view);
  const pathNode = valueOf(props, 'Path');
  const methodNode = valueOf(props, 'Method');
  let path: string | undefined;
  let method: string | undefined;
  if (settings.api.kind === 'http' && !pathNode && !methodNode) {
    path = DEFAULT_ROUTE;
    method = 'ANY';
  } else {
    path = values.text(pathNode);
    method = values.text(methodNode)?.toUpperCase();
  }
  if (path === undefined || method === undefined) {
    notes.push(`${declaredBy} is left out: its Path or Method cannot be read without AWS.`);
    return undefined;
  }
  if (method === '*' || method === 'X-AMAZON-APIGATEWAY-ANY-METHOD') method = 'ANY';
  const auth = valueOf(props, 'Auth');
  const framework = valueOf(props, 'Authorizer');
  let authorizer = values.text(valueOf(auth, 'Authorizer')) ?? settings.defaultAuthorizer;
  let api = settings.api;
  if (framework) {
    const spec = frameworkAuthorizer(values, settings, framework);
    if (spec && !api.authorizers.has(spec.name)) api = withAuthorizer(api, spec);
    authorizer = spec?.name;
  }
  if (authorizer === 'NONE' || authorizer === 'AWS_IAM') authorizer = undefined;
  if (authorizer !== undefined && !api.authorizers.has(authorizer)) {
    notes.push(
      `${declaredBy} names the authorizer ${authorizer}, which its API does not define; ` +
        'the route is served without it.',
    );
    authorizer = undefined;
  }
  const cors = valueOf(props, 'Cors');
  if (cors) api = withCors(api, serverlessRestCors(values, cors));
  return {
    api,
    method,
    path: path === DEFAULT_ROUTE ? DEFAULT_ROUTE : `/${path.replace(/^\/+/, '')}`,
    functionId: view.logicalId,
    payloadFormat:
      api.kind === 'rest'
        ? '1.0'
        : payloadFormatOf(values.text(valueOf(props, 'PayloadFormatVersion')), settings.defaultPayload),
    authorizer,
    apiKeyRequired:
      values.boolean(valueOf(auth, 'ApiKeyRequired')) ??
      values.boolean(valueOf(props, 'ApiKeyRequired')) ??
      settings.apiKeyRequired,
    declaredBy,
  };
}

/** A framework event's `authorizer`: the REST API's own definition, or a name in `provider.httpApi.authorizers`. */
function frameworkAuthorizer(values: TemplateValues, settings: ApiSettings, node: Node): AuthorizerSpec | undefined {
  if (settings.api.kind === 'rest') return serverlessRestAuthorizer(values, node);
  const name = node.kind === 'map' ? values.text(valueOf(node, 'name')) : values.text(node);
  return name === undefined ? undefined : settings.api.authorizers.get(name);
}

function withAuthorizer(api: LocalApi, spec: AuthorizerSpec): LocalApi {
  return { ...api, authorizers: new Map([...api.authorizers, [spec.name, spec]]) };
}

function withCors(api: LocalApi, cors: CorsPolicy | undefined): LocalApi {
  return cors ? { ...api, cors } : api;
}

function stageVariablesOf(values: TemplateValues, node: Node | undefined): Record<string, string> | null {
  const value = values.value(node);
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const out = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, String(v)]));
  return Object.keys(out).length ? out : null;
}

function samApi(values: TemplateValues, id: string, kind: 'rest' | 'http', props: MapNode | undefined): ApiSettings {
  const auth = valueOf(props, 'Auth');
  const stage =
    values.text(valueOf(props, 'StageName')) ?? (kind === 'rest' ? IMPLICIT_REST_STAGE : DEFAULT_HTTP_STAGE);
  const definition = valueOf(props, 'DefinitionBody') ?? valueOf(props, 'Body');
  const api: LocalApi = {
    id,
    kind,
    stage,
    stageVariables: stageVariablesOf(values, valueOf(props, kind === 'rest' ? 'Variables' : 'StageVariables')),
    // A written `CorsConfiguration` replaces the definition's `x-amazon-apigateway-cors` whole, as the SAM
    // translator does (its test http_api_existing_openapi); a plain AWS::ApiGatewayV2::Api is read the same way.
    cors:
      kind === 'rest'
        ? samRestCors(values, valueOf(props, 'Cors'))
        : (samHttpCors(values, valueOf(props, 'CorsConfiguration')) ?? openApiHttpCors(values, definition)),
    authorizers: kind === 'rest' ? samRestAuthorizers(values, auth) : samHttpAuthorizers(values, auth),
    binaryMediaTypes: values.texts(valueOf(props, 'BinaryMediaTypes')).map((t) => t.replace('~1', '/')),
  };
  return {
    api,
    defaultAuthorizer: values.text(valueOf(auth, 'DefaultAuthorizer')),
    apiKeyRequired: values.boolean(valueOf(auth, 'ApiKeyRequired')) ?? false,
    defaultPayload: '2.0',
    definition,
  };
}

function serverlessApi(values: TemplateValues, id: string, kind: 'rest' | 'http'): ApiSettings {
  const serverless = values.template.serverless!;
  const provider = mapAt(serverless.resolved, 'provider');
  const httpApi = mapAt(provider, 'httpApi');
  const api: LocalApi = {
    id,
    kind,
    stage: kind === 'rest' ? serverless.stage : DEFAULT_HTTP_STAGE,
    stageVariables: null,
    cors: kind === 'http' ? serverlessHttpCors(values, valueOf(httpApi, 'cors')) : undefined,
    authorizers: kind === 'http' ? serverlessHttpAuthorizers(values, provider) : new Map(),
    binaryMediaTypes: values.texts(valueOf(mapAt(provider, 'apiGateway'), 'binaryMediaTypes')),
  };
  return {
    api,
    defaultAuthorizer: undefined,
    apiKeyRequired: false,
    defaultPayload: payloadFormatOf(values.text(valueOf(httpApi, 'payload'))),
    definition: undefined,
  };
}

/** Routes of a plain CloudFormation HTTP API: its `AWS::ApiGatewayV2::Route` resources or its quick-create target. */
function plainHttpRoutes(values: TemplateValues, settings: ApiSettings, api: Resource, notes: string[]): Route[] {
  const routes: Route[] = [];
  for (const written of writtenV2Routes(values, api)) {
    const declaredBy = `${written.declaredBy} of ${api.logicalId}`;
    const [method, path] = written.routeKey === DEFAULT_ROUTE ? ['ANY', DEFAULT_ROUTE] : written.routeKey.split(' ');
    if (!written.functionId || !path) {
      notes.push(
        `${declaredBy} (${written.routeKey}) is not served: only Lambda proxy integrations of this template's ` +
          'functions run locally.',
      );
      continue;
    }
    if (written.authorizationType === 'JWT' || written.authorizationType === 'CUSTOM') {
      notes.push(`${declaredBy} is served without its ${written.authorizationType} authorizer, which is not read.`);
    }
    routes.push({
      api: settings.api,
      method: method.toUpperCase(),
      path,
      functionId: written.functionId,
      payloadFormat: payloadFormatOf(written.payloadFormat, settings.defaultPayload),
      authorizer: undefined,
      apiKeyRequired: false,
      declaredBy,
    });
  }
  return routes;
}

/**
 * Two routes with the same method and path: API Gateway would refuse the deploy; the first declared is served and
 * the other is named in a note.
 */
function dropShadowed(routes: readonly Route[], notes: string[]): Route[] {
  const seen = new Map<string, Route>();
  for (const route of routes) {
    const key = `${route.api.kind} ${route.method} ${route.path.replace(/\{[^}]+?(\+?)\}/g, '{}$1')}`;
    const first = seen.get(key);
    if (first) {
      notes.push(
        `${route.declaredBy} repeats ${route.method} ${route.path} of ${first.declaredBy}; the first is served.`,
      );
      continue;
    }
    seen.set(key, route);
  }
  return [...seen.values()];
}

/** SAM `FunctionUrlConfig` and the framework's `url: true` / `url: {authorizer, cors}`. */
function functionUrlsOf(values: TemplateValues, template: Template): FunctionUrl[] {
  const urls: FunctionUrl[] = [];
  for (const view of template.functions) {
    const config = template.serverless
      ? template.serverless.functionFacts.get(view.logicalId)?.node &&
        valueOf(template.serverless.functionFacts.get(view.logicalId)!.node, 'url')
      : valueOf(view.resource.properties, 'FunctionUrlConfig');
    if (!config || values.boolean(config) === false) continue;
    const authType = (
      values.text(valueOf(config, template.serverless ? 'authorizer' : 'AuthType')) ?? 'NONE'
    ).toUpperCase();
    const cors = template.serverless
      ? serverlessHttpCors(values, valueOf(config, 'cors'))
      : functionUrlCors(values, valueOf(config, 'Cors'));
    const api: LocalApi = {
      id: view.logicalId,
      kind: 'url' satisfies ApiKind,
      stage: DEFAULT_HTTP_STAGE,
      stageVariables: null,
      cors,
      authorizers: new Map(),
      binaryMediaTypes: [],
    };
    urls.push({ api, functionId: view.logicalId, authType: authType === 'AWS_IAM' ? 'AWS_IAM' : 'NONE' });
  }
  return urls;
}
