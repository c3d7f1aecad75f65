import type { MapNode, Node } from '../../model/nodes';
import { mapAt, valueOf } from '../../model/nodes';
import { API_GATEWAY_LIMITS } from './limits';
import type { TemplateValues } from './template-values';
import type { AuthorizerSpec, IdentitySource, PayloadFormat } from './types';

/** REST `TOKEN` authorizers read the `Authorization` header unless `Identity.Header` names another (SAM docs). */
const DEFAULT_TOKEN_HEADER = 'Authorization';

/**
 * `$request.header.Authorization`, `method.request.querystring.q`, `$stageVariables.v`, `$context.x`, as API
 * Gateway writes identity sources (REST: "method.request.…", HTTP: "$request.…").
 */
export function parseIdentitySource(text: string): IdentitySource | undefined {
  const match = /^(?:\$request\.|method\.request\.)(header|querystring)\.(.+)$/.exec(text.trim());
  if (match) return { in: match[1] === 'header' ? 'header' : 'query', name: match[2] };
  const other = /^\$?(stageVariables|context)\.(.+)$/.exec(text.trim());
  if (other) return { in: other[1] === 'context' ? 'context' : 'stageVariable', name: other[2] };
  return undefined;
}

function identitySources(texts: readonly string[]): IdentitySource[] {
  return texts
    .flatMap((t) => t.split(','))
    .map(parseIdentitySource)
    .filter((s): s is IdentitySource => s !== undefined);
}

/** SAM's `Identity: {Headers, QueryStrings, StageVariables, Context}` lists. */
function samIdentity(values: TemplateValues, identity: Node | undefined): IdentitySource[] {
  const list = (key: string, where: IdentitySource['in']) =>
    values.texts(valueOf(identity, key)).map((name) => ({ in: where, name }));
  return [
    ...list('Headers', 'header'),
    ...list('QueryStrings', 'query'),
    ...list('StageVariables', 'stageVariable'),
    ...list('Context', 'context'),
  ];
}

/** SAM `AWS::Serverless::Api` `Auth.Authorizers` (Lambda TOKEN/REQUEST and Cognito user pool authorizers). */
export function samRestAuthorizers(values: TemplateValues, auth: Node | undefined): Map<string, AuthorizerSpec> {
  const out = new Map<string, AuthorizerSpec>();
  for (const { key: name, value } of mapAt(auth, 'Authorizers')?.entries ?? []) {
    const identity = valueOf(value, 'Identity');
    const ttlSeconds =
      values.number(valueOf(identity, 'ReauthorizeEvery')) ?? API_GATEWAY_LIMITS.defaultAuthorizerTtlSeconds;
    if (valueOf(value, 'UserPoolArn')) {
      const header = values.text(valueOf(identity, 'Header')) ?? DEFAULT_TOKEN_HEADER;
      out.set(name, { kind: 'jwt', name, identity: [{ in: 'header', name: header }], issuer: undefined, audience: [] });
      continue;
    }
    const functionId = values.functionOf(valueOf(value, 'FunctionArn'));
    if (!functionId) {
      out.set(name, { kind: 'unsupported', name, reason: 'its FunctionArn names no function of this template' });
      continue;
    }
    const type = values.text(valueOf(value, 'FunctionPayloadType')) === 'REQUEST' ? 'REQUEST' : 'TOKEN';
    out.set(name, {
      kind: 'lambda',
      name,
      type,
      functionId,
      identity:
        type === 'TOKEN'
          ? [{ in: 'header', name: values.text(valueOf(identity, 'Header')) ?? DEFAULT_TOKEN_HEADER }]
          : samIdentity(values, identity),
      validation: values.text(valueOf(identity, 'ValidationExpression')),
      ttlSeconds,
      payloadFormat: '1.0',
      simpleResponses: false,
    });
  }
  return out;
}

/** SAM `AWS::Serverless::HttpApi` `Auth.Authorizers` (Lambda and JWT authorizers). */
export function samHttpAuthorizers(values: TemplateValues, auth: Node | undefined): Map<string, AuthorizerSpec> {
  const out = new Map<string, AuthorizerSpec>();
  for (const { key: name, value } of mapAt(auth, 'Authorizers')?.entries ?? []) {
    const jwt = valueOf(value, 'JwtConfiguration');
    if (jwt) {
      const source = values.texts(valueOf(value, 'IdentitySource'));
      out.set(name, {
        kind: 'jwt',
        name,
        identity: source.length ? identitySources(source) : [{ in: 'header', name: DEFAULT_TOKEN_HEADER }],
        issuer: values.text(valueOf(jwt, 'issuer')),
        audience: values.texts(valueOf(jwt, 'audience')),
      });
      continue;
    }
    const functionId = values.functionOf(valueOf(value, 'FunctionArn'));
    if (!functionId) {
      out.set(name, {
        kind: 'unsupported',
        name,
        reason: 'it is neither a JWT authorizer nor a function of this template',
      });
      continue;
    }
    const identity = valueOf(value, 'Identity');
    out.set(name, {
      kind: 'lambda',
      name,
      type: 'http',
      functionId,
      identity: samIdentity(values, identity),
      validation: undefined,
      ttlSeconds: values.number(valueOf(identity, 'ReauthorizeEvery')) ?? 0,
      payloadFormat: payloadFormatOf(values.text(valueOf(value, 'AuthorizerPayloadFormatVersion'))),
      simpleResponses: values.boolean(valueOf(value, 'EnableSimpleResponses')) ?? false,
    });
  }
  return out;
}

export function payloadFormatOf(text: string | undefined, fallback: PayloadFormat = '2.0'): PayloadFormat {
  if (text === undefined) return fallback;
  return Number(text) === 1 ? '1.0' : '2.0';
}

/**
 * A Serverless Framework `http` event's `authorizer`: a function key or ARN, or `{name, arn, type, identitySource,
 * resultTtlInSeconds, identityValidationExpression}` (framework docs, "API Gateway", "HTTP Endpoints with Custom
 * Authorizers"). Returns the authorizer and the name routes use for it.
 */
export function serverlessRestAuthorizer(values: TemplateValues, node: Node): AuthorizerSpec {
  const map = node.kind === 'map' ? node : undefined;
  const reference = map ? (values.text(valueOf(map, 'arn')) ?? values.text(valueOf(map, 'name'))) : values.text(node);
  const name = (map && values.text(valueOf(map, 'name'))) ?? reference ?? 'authorizer';
  const type = (values.text(valueOf(map, 'type')) ?? 'token').toUpperCase();
  if (type === 'COGNITO_USER_POOLS' || /:userpool\//.test(reference ?? '')) {
    return {
      kind: 'jwt',
      name,
      identity: [{ in: 'header', name: DEFAULT_TOKEN_HEADER }],
      issuer: undefined,
      audience: [],
    };
  }
  const functionId = reference === undefined ? undefined : values.functionNamed(reference);
  if (!functionId)
    return { kind: 'unsupported', name, reason: `${reference ?? name} is not a function of this service` };
  const sources = identitySources(values.texts(valueOf(map, 'identitySource')));
  return {
    kind: 'lambda',
    name,
    type: type === 'REQUEST' ? 'REQUEST' : 'TOKEN',
    functionId,
    identity: sources.length ? sources : [{ in: 'header', name: DEFAULT_TOKEN_HEADER }],
    validation: values.text(valueOf(map, 'identityValidationExpression')),
    ttlSeconds: values.number(valueOf(map, 'resultTtlInSeconds')) ?? API_GATEWAY_LIMITS.defaultAuthorizerTtlSeconds,
    payloadFormat: '1.0',
    simpleResponses: false,
  };
}

/** Serverless Framework `provider.httpApi.authorizers`: JWT (the default type) and `type: request` Lambda ones. */
export function serverlessHttpAuthorizers(
  values: TemplateValues,
  provider: MapNode | undefined,
): Map<string, AuthorizerSpec> {
  const out = new Map<string, AuthorizerSpec>();
  for (const { key: name, value } of mapAt(mapAt(provider, 'httpApi'), 'authorizers')?.entries ?? []) {
    const sources = identitySources(values.texts(valueOf(value, 'identitySource')));
    if ((values.text(valueOf(value, 'type')) ?? 'jwt').toLowerCase() === 'jwt') {
      out.set(name, {
        kind: 'jwt',
        name,
        identity: sources.length ? sources : [{ in: 'header', name: DEFAULT_TOKEN_HEADER }],
        issuer: values.text(valueOf(value, 'issuerUrl')),
        audience: values.texts(valueOf(value, 'audience')),
      });
      continue;
    }
    const reference = values.text(valueOf(value, 'functionName')) ?? values.text(valueOf(value, 'functionArn'));
    const functionId = reference === undefined ? undefined : values.functionNamed(reference);
    if (!functionId) {
      out.set(name, { kind: 'unsupported', name, reason: `${reference ?? name} is not a function of this service` });
      continue;
    }
    out.set(name, {
      kind: 'lambda',
      name,
      type: 'http',
      functionId,
      identity: sources,
      validation: undefined,
      ttlSeconds: values.number(valueOf(value, 'resultTtlInSeconds')) ?? 0,
      payloadFormat: payloadFormatOf(values.text(valueOf(value, 'payloadVersion'))),
      simpleResponses: values.boolean(valueOf(value, 'enableSimpleResponses')) ?? false,
    });
  }
  return out;
}
