import { LOCAL_ACCOUNT_ID } from '../limits';
import { decodePath, headerValue, isTextMediaType, matchesMediaType, queryPairs, type LocalRequest } from './request';
import type { RouteMatch } from './router';
import type { LocalApi, Route } from './types';

/** What an authorizer added for the function: REST `requestContext.authorizer`, HTTP API's `lambda`/`jwt`. */
export type AuthorizerContext = Readonly<Record<string, unknown>> | undefined;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `09/Apr/2015:12:34:56 +0000`, as `requestContext.requestTime` and `time` carry it. */
export function requestTime(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `${pad(date.getUTCDate())}/${MONTHS[date.getUTCMonth()]}/${date.getUTCFullYear()}:` +
    `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000`
  );
}

/** A stable 10-character API ID per logical ID, shaped like API Gateway's. */
export function localApiId(logicalId: string): string {
  let hash = 2166136261;
  for (const ch of logicalId) hash = Math.imul(hash ^ ch.charCodeAt(0), 16777619) >>> 0;
  return hash.toString(36).padStart(10, '0').slice(-10);
}

export function grouped(pairs: readonly (readonly [string, string])[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [k, v] of pairs) out.set(k, [...(out.get(k) ?? []), v]);
  return out;
}

/** Header names grouped case-insensitively under the first spelling sent. */
export function groupedHeaders(request: LocalRequest): Map<string, string[]> {
  const spelling = new Map<string, string>();
  for (const [k] of request.headers) if (!spelling.has(k.toLowerCase())) spelling.set(k.toLowerCase(), k);
  return grouped(request.headers.map(([k, v]) => [spelling.get(k.toLowerCase())!, v]));
}

export function lastOf(map: Map<string, string[]>): Record<string, string> | null {
  if (map.size === 0) return null;
  return Object.fromEntries([...map].map(([k, v]) => [k, v[v.length - 1]]));
}
export function allOf(map: Map<string, string[]>): Record<string, string[]> | null {
  return map.size === 0 ? null : Object.fromEntries(map);
}

/** The body as the API passes it: text, or base64 with `isBase64Encoded` for binary content. */
function bodyOf(request: LocalRequest, api: LocalApi): { body: string | null; isBase64Encoded: boolean } {
  if (request.body.length === 0) return { body: null, isBase64Encoded: false };
  const contentType = headerValue(request, 'content-type');
  const binary =
    api.kind === 'rest' ? matchesMediaType(contentType, api.binaryMediaTypes) : !isTextMediaType(contentType);
  return binary
    ? { body: request.body.toString('base64'), isBase64Encoded: true }
    : { body: request.body.toString('utf8'), isBase64Encoded: false };
}

function domainOf(request: LocalRequest): { domainName: string; domainPrefix: string } {
  const domainName = headerValue(request, 'host') ?? 'localhost';
  return { domainName, domainPrefix: domainName.split('.')[0] };
}

/**
 * The REST API Lambda proxy event, and the HTTP API's payload format 1.0, which adds `version` and `routeKey` (API
 * Gateway developer guide, "Lambda proxy integrations in API Gateway", "Input format of a Lambda function for proxy
 * integration"; "HTTP API payload format version 1.0").
 */
export function proxyEventV1(request: LocalRequest, match: RouteMatch, authorizer: AuthorizerContext): object {
  const { route } = match;
  const api = route.api;
  const headers = groupedHeaders(request);
  const query = grouped(queryPairs(request.rawQuery));
  const path = decodePath(request.rawPath);
  const { body, isBase64Encoded } = bodyOf(request, api);
  const apiKey = headerValue(request, 'x-api-key');
  const http = api.kind !== 'rest';
  const { domainName, domainPrefix } = domainOf(request);
  return {
    ...(http ? { version: '1.0' } : {}),
    resource: route.path,
    path,
    httpMethod: request.method,
    headers: lastOf(headers),
    multiValueHeaders: allOf(headers),
    queryStringParameters: lastOf(query),
    multiValueQueryStringParameters: allOf(query),
    requestContext: {
      accountId: LOCAL_ACCOUNT_ID,
      apiId: localApiId(api.id),
      ...(authorizer ? { authorizer } : {}),
      domainName,
      domainPrefix,
      extendedRequestId: request.requestId,
      httpMethod: request.method,
      identity: {
        accessKey: null,
        accountId: null,
        apiKey: apiKey ?? null,
        apiKeyId: apiKey ? 'local-api-key' : null,
        caller: null,
        cognitoAuthenticationProvider: null,
        cognitoAuthenticationType: null,
        cognitoIdentityId: null,
        cognitoIdentityPoolId: null,
        principalOrgId: null,
        sourceIp: request.sourceIp,
        user: null,
        userAgent: headerValue(request, 'user-agent') ?? null,
        userArn: null,
      },
      path: api.stage === '$default' ? path : `/${api.stage}${path}`,
      protocol: 'HTTP/1.1',
      requestId: request.requestId,
      requestTime: requestTime(request.receivedAt),
      requestTimeEpoch: request.receivedAt.getTime(),
      resourceId: localApiId(`${route.method} ${route.path}`).slice(0, 6),
      resourcePath: route.path,
      ...(http ? { routeKey: routeKeyOf(route) } : {}),
      stage: api.stage,
    },
    pathParameters: match.pathParameters,
    stageVariables: api.stageVariables,
    body,
    isBase64Encoded,
  };
}

export function routeKeyOf(route: Route): string {
  if (route.api.kind === 'url' || route.path === '$default') return '$default';
  return `${route.method} ${route.path}`;
}

/**
 * HTTP API payload format 2.0, which function URLs send too: header names in lower case with repeated values
 * joined by commas, cookies apart, keys without values left out (API Gateway developer guide, "HTTP API payload
 * format version 2.0"; Lambda developer guide, "Invoking Lambda function URLs", "Request payload format").
 */
export function proxyEventV2(request: LocalRequest, match: RouteMatch, authorizer: AuthorizerContext): object {
  const { route } = match;
  const api = route.api;
  const headers = new Map<string, string[]>();
  const cookies: string[] = [];
  for (const [name, value] of request.headers) {
    const lower = name.toLowerCase();
    if (lower === 'cookie')
      cookies.push(
        ...value
          .split(';')
          .map((c) => c.trim())
          .filter(Boolean),
      );
    else headers.set(lower, [...(headers.get(lower) ?? []), value]);
  }
  const query = grouped(queryPairs(request.rawQuery));
  const { body, isBase64Encoded } = bodyOf(request, api);
  const routeKey = routeKeyOf(route);
  const { domainName, domainPrefix } = domainOf(request);
  return {
    version: '2.0',
    routeKey,
    rawPath: request.rawPath,
    rawQueryString: request.rawQuery,
    ...(cookies.length ? { cookies } : {}),
    headers: Object.fromEntries([...headers].map(([k, v]) => [k, v.join(',')])),
    ...(query.size ? { queryStringParameters: Object.fromEntries([...query].map(([k, v]) => [k, v.join(',')])) } : {}),
    requestContext: {
      accountId: api.kind === 'url' ? 'anonymous' : LOCAL_ACCOUNT_ID,
      apiId: localApiId(api.id),
      ...(authorizer ? { authorizer } : {}),
      domainName,
      domainPrefix,
      http: {
        method: request.method,
        path: decodePath(request.rawPath),
        protocol: 'HTTP/1.1',
        sourceIp: request.sourceIp,
        userAgent: headerValue(request, 'user-agent') ?? '',
      },
      requestId: request.requestId,
      routeKey,
      stage: api.stage,
      time: requestTime(request.receivedAt),
      timeEpoch: request.receivedAt.getTime(),
    },
    ...(body !== null ? { body } : {}),
    ...(match.pathParameters ? { pathParameters: match.pathParameters } : {}),
    isBase64Encoded,
    ...(api.stageVariables ? { stageVariables: api.stageVariables } : {}),
  };
}

/** The event a route's function receives. */
export function proxyEvent(request: LocalRequest, match: RouteMatch, authorizer: AuthorizerContext): object {
  return match.route.payloadFormat === '2.0'
    ? proxyEventV2(request, match, authorizer)
    : proxyEventV1(request, match, authorizer);
}
