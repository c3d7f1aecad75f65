import type { Node } from '../../model/nodes';
import { valueOf } from '../../model/nodes';
import type { TemplateValues } from './template-values';
import type { CorsPolicy } from './types';

/**
 * The headers the Serverless Framework allows when an event says `cors: true` (framework docs, "API Gateway",
 * "Enabling CORS"; HTTP API: "httpApi.cors: true" adds X-Amzn-Trace-Id).
 */
const SERVERLESS_REST_HEADERS = [
  'Content-Type',
  'X-Amz-Date',
  'Authorization',
  'X-Api-Key',
  'X-Amz-Security-Token',
  'X-Amz-User-Agent',
];
const SERVERLESS_HTTP_HEADERS = [...SERVERLESS_REST_HEADERS, 'X-Amzn-Trace-Id'];

const ALL = ['*'];

/** SAM writes REST CORS values as header values in quotes (`"'*'"`): the quotes are API Gateway's, not the value's. */
function unquote(text: string | undefined): string | undefined {
  return text?.replace(/^'(.*)'$/, '$1');
}
const commaList = (text: string | undefined): string[] =>
  (unquote(text) ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** SAM `Api` `Cors`: a quoted origin, or `{AllowOrigin, AllowMethods, AllowHeaders, MaxAge, AllowCredentials}`. */
export function samRestCors(values: TemplateValues, node: Node | undefined): CorsPolicy | undefined {
  if (!node) return undefined;
  if (node.kind !== 'map') {
    const origin = unquote(values.text(node));
    return origin ? policy({ allowOrigins: [origin] }) : undefined;
  }
  const methods = commaList(values.text(valueOf(node, 'AllowMethods')));
  return policy({
    allowOrigins: commaList(values.text(valueOf(node, 'AllowOrigin'))),
    allowMethods: methods,
    allowHeaders: commaList(values.text(valueOf(node, 'AllowHeaders'))),
    maxAgeSeconds: values.number(unquoted(values, valueOf(node, 'MaxAge'))),
    allowCredentials: values.boolean(valueOf(node, 'AllowCredentials')) ?? false,
  });
}

function unquoted(values: TemplateValues, node: Node | undefined): Node | undefined {
  const text = unquote(values.text(node));
  return text === undefined || !node ? undefined : { kind: 'scalar', value: text, span: node.span };
}

/**
 * SAM `HttpApi` and CloudFormation `AWS::ApiGatewayV2::Api` `CorsConfiguration`: `true` (SAM only: every origin,
 * method and header) or the API's `Cors` object.
 */
export function samHttpCors(values: TemplateValues, node: Node | undefined): CorsPolicy | undefined {
  if (!node) return undefined;
  if (node.kind !== 'map') {
    return values.boolean(node) ? policy({ allowOrigins: ALL, allowMethods: ALL, allowHeaders: ALL }) : undefined;
  }
  return httpCorsObject(values, node, (name) => name);
}

/**
 * An HTTP API definition's `x-amazon-apigateway-cors` at the root of the OpenAPI document: the same six settings as
 * `CorsConfiguration`, spelt in camel case (API Gateway developer guide, "x-amazon-apigateway-cors object").
 */
export function openApiHttpCors(values: TemplateValues, definition: Node | undefined): CorsPolicy | undefined {
  const node = valueOf(definition, 'x-amazon-apigateway-cors');
  if (node?.kind !== 'map') return undefined;
  return httpCorsObject(values, node, (name) => name.charAt(0).toLowerCase() + name.slice(1));
}

function httpCorsObject(values: TemplateValues, node: Node, spelling: (name: string) => string): CorsPolicy {
  const at = (name: string) => valueOf(node, spelling(name));
  return policy({
    allowOrigins: values.texts(at('AllowOrigins')),
    allowMethods: values.texts(at('AllowMethods')),
    allowHeaders: values.texts(at('AllowHeaders')),
    exposeHeaders: values.texts(at('ExposeHeaders')),
    maxAgeSeconds: values.number(at('MaxAge')),
    allowCredentials: values.boolean(at('AllowCredentials')) ?? false,
  });
}

/** Lambda `FunctionUrlConfig` `Cors`: the HTTP API's keys, spelt the same. */
export const functionUrlCors = samHttpCors;

/** Serverless Framework `http` event `cors: true` or `{origin(s), headers, allowCredentials, maxAge}`. */
export function serverlessRestCors(values: TemplateValues, node: Node | undefined): CorsPolicy | undefined {
  if (!node) return undefined;
  if (node.kind !== 'map') {
    return values.boolean(node) ? policy({ allowOrigins: ALL, allowHeaders: SERVERLESS_REST_HEADERS }) : undefined;
  }
  const origins = values.texts(valueOf(node, 'origins'));
  return policy({
    allowOrigins: origins.length
      ? origins
      : values.texts(valueOf(node, 'origin')).length
        ? values.texts(valueOf(node, 'origin'))
        : ALL,
    allowHeaders: valueOf(node, 'headers') ? values.texts(valueOf(node, 'headers')) : SERVERLESS_REST_HEADERS,
    maxAgeSeconds: values.number(valueOf(node, 'maxAge')),
    allowCredentials: values.boolean(valueOf(node, 'allowCredentials')) ?? false,
  });
}

/** Serverless Framework `provider.httpApi.cors`: `true` or `{allowedOrigins, allowedHeaders, ...}`. */
export function serverlessHttpCors(values: TemplateValues, node: Node | undefined): CorsPolicy | undefined {
  if (!node) return undefined;
  if (node.kind !== 'map') {
    return values.boolean(node)
      ? policy({ allowOrigins: ALL, allowMethods: ALL, allowHeaders: SERVERLESS_HTTP_HEADERS })
      : undefined;
  }
  const or = (key: string, fallback: string[]) => (valueOf(node, key) ? values.texts(valueOf(node, key)) : fallback);
  return policy({
    allowOrigins: or('allowedOrigins', ALL),
    allowMethods: or('allowedMethods', ALL),
    allowHeaders: or('allowedHeaders', SERVERLESS_HTTP_HEADERS),
    exposeHeaders: or('exposedResponseHeaders', []),
    maxAgeSeconds: values.number(valueOf(node, 'maxAge')),
    allowCredentials: values.boolean(valueOf(node, 'allowCredentials')) ?? false,
  });
}

function policy(parts: Partial<CorsPolicy>): CorsPolicy {
  return {
    allowOrigins: parts.allowOrigins ?? [],
    allowMethods: parts.allowMethods ?? [],
    allowHeaders: parts.allowHeaders ?? [],
    exposeHeaders: parts.exposeHeaders ?? [],
    maxAgeSeconds: parts.maxAgeSeconds,
    allowCredentials: parts.allowCredentials ?? false,
  };
}

export interface PreflightRequest {
  readonly origin: string | undefined;
  readonly requestMethod: string | undefined;
  readonly requestHeaders: string | undefined;
}

/**
 * A REST API's CORS preflight: the OPTIONS method SAM and the framework add to each path, a mock integration that
 * answers 200 with the configured headers whoever asks (API Gateway developer guide, "Enabling CORS for a REST API
 * resource"). `pathMethods` are the methods the path has, which SAM allows when `AllowMethods` is not given.
 */
export function restPreflightHeaders(cors: CorsPolicy, pathMethods: readonly string[]): Record<string, string> {
  const headers: Record<string, string> = {
    'Access-Control-Allow-Origin': cors.allowOrigins.join(','),
    'Access-Control-Allow-Methods': (cors.allowMethods.length
      ? cors.allowMethods
      : [...new Set([...pathMethods, 'OPTIONS'])]
    ).join(','),
  };
  if (cors.allowHeaders.length) headers['Access-Control-Allow-Headers'] = cors.allowHeaders.join(',');
  if (cors.maxAgeSeconds !== undefined) headers['Access-Control-Max-Age'] = String(cors.maxAgeSeconds);
  if (cors.allowCredentials) headers['Access-Control-Allow-Credentials'] = 'true';
  return headers;
}

/** The origin an HTTP API or function URL answers with, or undefined when the origin is not allowed. */
function allowedOrigin(cors: CorsPolicy, origin: string | undefined): string | undefined {
  if (!origin) return undefined;
  if (cors.allowOrigins.includes(origin)) return origin;
  return cors.allowOrigins.includes('*') ? '*' : undefined;
}

/**
 * An HTTP API's (or function URL's) answer to a preflight: API Gateway answers it itself, 204, for any path, when
 * CORS is configured (API Gateway developer guide, "Configuring CORS for an HTTP API").
 */
export function httpPreflightHeaders(cors: CorsPolicy, request: PreflightRequest): Record<string, string> {
  const origin = allowedOrigin(cors, request.origin);
  if (!origin) return {};
  const headers: Record<string, string> = { 'Access-Control-Allow-Origin': origin };
  const methods = cors.allowMethods.includes('*') ? request.requestMethod : cors.allowMethods.join(',');
  if (methods) headers['Access-Control-Allow-Methods'] = methods;
  const allowHeaders = cors.allowHeaders.includes('*') ? request.requestHeaders : cors.allowHeaders.join(',');
  if (allowHeaders) headers['Access-Control-Allow-Headers'] = allowHeaders;
  if (cors.maxAgeSeconds !== undefined) headers['Access-Control-Max-Age'] = String(cors.maxAgeSeconds);
  if (cors.allowCredentials) headers['Access-Control-Allow-Credentials'] = 'true';
  return headers;
}

/** The CORS headers an HTTP API adds to an ordinary response for an allowed origin. */
export function httpResponseCorsHeaders(cors: CorsPolicy, origin: string | undefined): Record<string, string> {
  const allowed = allowedOrigin(cors, origin);
  if (!allowed) return {};
  const headers: Record<string, string> = { 'Access-Control-Allow-Origin': allowed };
  if (cors.exposeHeaders.length) headers['Access-Control-Expose-Headers'] = cors.exposeHeaders.join(',');
  if (cors.allowCredentials) headers['Access-Control-Allow-Credentials'] = 'true';
  return headers;
}
