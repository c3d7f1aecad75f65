import { LOCAL_ACCOUNT_ID } from '../limits';
import { localApiId, proxyEventV1, proxyEventV2, routeKeyOf, type AuthorizerContext } from './events';
import { checkJwt } from './jwt';
import { decodePath, headerValue, queryPairs, type LocalRequest } from './request';
import { GATEWAY_ANSWERS, gatewayAnswer, type HttpAnswer } from './responses';
import type { RouteMatch } from './router';
import type { AuthorizerSpec, IdentitySource } from './types';

/** Calls an authorizer function; the payload is its parsed response, or the function's error message. */
export type AuthorizerCall = (
  functionId: string,
  event: object,
) => Promise<{ readonly ok: true; readonly payload: unknown } | { readonly ok: false; readonly errorMessage: string }>;

export type AuthOutcome =
  | { readonly allowed: true; readonly context: AuthorizerContext }
  | { readonly allowed: false; readonly answer: HttpAnswer; readonly reason: string };

type LambdaSpec = Extract<AuthorizerSpec, { kind: 'lambda' }>;

interface CachedResponse {
  readonly expiresAt: number;
  readonly response: Record<string, unknown>;
}

const deny = (answer: HttpAnswer, reason: string): AuthOutcome => ({ allowed: false, answer, reason });

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `arn:aws:execute-api:region:account:apiId/stage/METHOD/path`, the ARN a policy's `Resource` is matched against. */
export function methodArn(region: string, match: RouteMatch, request: LocalRequest): string {
  const api = match.route.api;
  return (
    `arn:aws:execute-api:${region}:${LOCAL_ACCOUNT_ID}:${localApiId(api.id)}/${api.stage}/${request.method}/` +
    decodePath(request.rawPath).replace(/^\//, '')
  );
}

/** IAM's wildcard matching for `Resource`: `*` any run of characters, `?` one. */
function arnMatches(pattern: string, arn: string): boolean {
  const regex = new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
  );
  return regex.test(arn);
}

/**
 * Evaluates an authorizer's policy for `execute-api:Invoke` on the ARN: an explicit deny wins, then an allow;
 * nothing that applies is a deny (API Gateway developer guide, "Output from an API Gateway Lambda authorizer").
 */
export function policyDecision(policy: unknown, arn: string): 'allow' | 'deny' | 'explicit-deny' | 'malformed' {
  if (!isRecord(policy)) return 'malformed';
  const statements = Array.isArray(policy.Statement) ? policy.Statement : [policy.Statement];
  let allowed = false;
  for (const statement of statements) {
    if (!isRecord(statement)) return 'malformed';
    const actions = ([] as unknown[]).concat(statement.Action ?? []);
    const resources = ([] as unknown[]).concat(statement.Resource ?? []);
    const applies =
      actions.some((a) => typeof a === 'string' && arnMatches(a, 'execute-api:Invoke')) &&
      resources.some((r) => typeof r === 'string' && arnMatches(r, arn));
    if (!applies) continue;
    if (statement.Effect === 'Deny') return 'explicit-deny';
    if (statement.Effect === 'Allow') allowed = true;
  }
  return allowed ? 'allow' : 'deny';
}

function identityValue(request: LocalRequest, source: IdentitySource, match: RouteMatch): string | undefined {
  switch (source.in) {
    case 'header':
      return headerValue(request, source.name);
    case 'query':
      return queryPairs(request.rawQuery)
        .filter(([k]) => k === source.name)
        .pop()?.[1];
    case 'stageVariable':
      return match.route.api.stageVariables?.[source.name];
    case 'context':
      return source.name === 'identity.sourceIp' ? request.sourceIp : undefined;
  }
}

export interface AuthorizerOptions {
  readonly call: AuthorizerCall;
  readonly region: () => string;
  readonly now: () => number;
  readonly log: (line: string) => void;
}

/**
 * Runs a route's authorizer as API Gateway does before the integration: Lambda TOKEN and REQUEST authorizers of REST
 * APIs, HTTP API Lambda authorizers (simple and IAM-policy responses) and JWT authorizers, each result cached for
 * its TTL under its identity sources' values.
 */
export class AuthorizerRunner {
  private readonly cache = new Map<string, CachedResponse>();
  private jwtNoted = false;

  constructor(private readonly options: AuthorizerOptions) {}

  /** Forgets cached results (after a reload: the authorizer's code may have changed). */
  clear(): void {
    this.cache.clear();
  }

  async authorize(request: LocalRequest, match: RouteMatch): Promise<AuthOutcome> {
    const route = match.route;
    if (route.apiKeyRequired && !headerValue(request, 'x-api-key'))
      return deny(
        gatewayAnswer(GATEWAY_ANSWERS.forbidden),
        'the route requires an API key (x-api-key) and none was sent',
      );
    const spec = route.authorizer === undefined ? undefined : route.api.authorizers.get(route.authorizer);
    if (!spec) return { allowed: true, context: undefined };
    switch (spec.kind) {
      case 'unsupported':
        this.options.log(`authorizer ${spec.name} is not run locally (${spec.reason}); the request goes through.`);
        return { allowed: true, context: undefined };
      case 'jwt':
        return this.jwt(spec, request, match);
      case 'lambda':
        return this.lambda(spec, request, match);
    }
  }

  private jwt(spec: Extract<AuthorizerSpec, { kind: 'jwt' }>, request: LocalRequest, match: RouteMatch): AuthOutcome {
    if (!this.jwtNoted) {
      this.jwtNoted = true;
      this.options.log(`JWT authorizers: issuer, audience and expiry are checked; signatures are not checked locally.`);
    }
    const token = spec.identity.map((s) => identityValue(request, s, match)).find((v) => v !== undefined);
    if (!token)
      return deny(
        gatewayAnswer(GATEWAY_ANSWERS.unauthorized),
        `${spec.name}: no token in ${spec.identity.map((s) => s.name).join(', ')}`,
      );
    const checked = checkJwt(token, spec, this.options.now());
    if (!checked.ok) {
      return deny(
        gatewayAnswer(GATEWAY_ANSWERS.unauthorized, {
          'www-authenticate': `Bearer scope="" error="invalid_token" error_description="${checked.reason}"`,
        }),
        `${spec.name}: ${checked.reason}`,
      );
    }
    const kind = match.route.api.kind;
    if (kind === 'rest') return { allowed: true, context: { claims: checked.claims } };
    const jwt = { claims: checked.claims, scopes: checked.scopes };
    return { allowed: true, context: match.route.payloadFormat === '2.0' ? { jwt } : jwt };
  }

  private async lambda(spec: LambdaSpec, request: LocalRequest, match: RouteMatch): Promise<AuthOutcome> {
    const identity = spec.identity.map((s) => identityValue(request, s, match));
    const missing = spec.identity.filter((_, i) => identity[i] === undefined);
    // API Gateway refuses a request that lacks an identity source without calling the authorizer: always for TOKEN
    // and HTTP API authorizers, and for REQUEST authorizers when results are cached.
    if (missing.length && (spec.type !== 'REQUEST' || spec.ttlSeconds > 0))
      return deny(
        gatewayAnswer(GATEWAY_ANSWERS.unauthorized),
        `${spec.name}: no ${missing.map((s) => s.name).join(', ')} in the request`,
      );
    if (spec.type === 'TOKEN' && spec.validation !== undefined && !new RegExp(spec.validation).test(identity[0]!))
      return deny(
        gatewayAnswer(GATEWAY_ANSWERS.unauthorized),
        `${spec.name}: the token does not match ${spec.validation}`,
      );
    const arn = methodArn(this.options.region(), match, request);
    const key = `${match.route.api.id}\0${spec.name}\0${JSON.stringify(identity)}`;
    const now = this.options.now();
    let response = spec.ttlSeconds > 0 && spec.identity.length ? this.cache.get(key) : undefined;
    if (response && response.expiresAt <= now) response = undefined;
    if (!response) {
      const called = await this.options.call(spec.functionId, this.eventFor(spec, request, match, arn, identity));
      if (!called.ok) {
        return called.errorMessage === 'Unauthorized'
          ? deny(gatewayAnswer(GATEWAY_ANSWERS.unauthorized), `${spec.name} answered Unauthorized`)
          : deny(authorizerFailure(), `${spec.name} failed: ${called.errorMessage}`);
      }
      if (!isRecord(called.payload)) return deny(authorizerFailure(), `${spec.name} returned no object`);
      response = { expiresAt: now + spec.ttlSeconds * 1000, response: called.payload };
      if (spec.ttlSeconds > 0 && spec.identity.length) this.cache.set(key, response);
    } else {
      this.options.log(`${spec.name}: cached result (TTL ${spec.ttlSeconds} s)`);
    }
    return this.decide(spec, response.response, match, arn);
  }

  private decide(spec: LambdaSpec, response: Record<string, unknown>, match: RouteMatch, arn: string): AuthOutcome {
    const context = isRecord(response.context) ? response.context : {};
    if (spec.type === 'http' && spec.simpleResponses && spec.payloadFormat === '2.0') {
      if (typeof response.isAuthorized !== 'boolean')
        return deny(authorizerFailure(), `${spec.name}: isAuthorized is not a boolean`);
      return response.isAuthorized
        ? { allowed: true, context: { lambda: context } }
        : deny(gatewayAnswer(GATEWAY_ANSWERS.forbidden), `${spec.name} answered isAuthorized: false`);
    }
    const decision = policyDecision(response.policyDocument, arn);
    if (decision === 'malformed')
      return deny(authorizerFailure(), `${spec.name}: policyDocument is missing or malformed`);
    if (decision !== 'allow') {
      const answer =
        spec.type === 'http'
          ? GATEWAY_ANSWERS.forbidden
          : decision === 'explicit-deny'
            ? GATEWAY_ANSWERS.explicitDeny
            : GATEWAY_ANSWERS.restDenied;
      return deny(gatewayAnswer(answer), `${spec.name}: the policy does not allow ${arn}`);
    }
    const principalId = response.principalId;
    if (spec.type === 'http' && match.route.payloadFormat === '2.0')
      return { allowed: true, context: { lambda: context } };
    return { allowed: true, context: { ...context, principalId, integrationLatency: 0 } };
  }

  private eventFor(
    spec: LambdaSpec,
    request: LocalRequest,
    match: RouteMatch,
    arn: string,
    identity: (string | undefined)[],
  ): object {
    if (spec.type === 'TOKEN') return { type: 'TOKEN', authorizationToken: identity[0], methodArn: arn };
    const sources = identity.filter((v): v is string => v !== undefined);
    if (spec.type === 'http' && spec.payloadFormat === '2.0') {
      const {
        body: _body,
        isBase64Encoded: _base64,
        ...event
      } = proxyEventV2(request, match, undefined) as Record<string, unknown>;
      const routeArn = arn;
      return { ...event, type: 'REQUEST', routeArn, identitySource: sources, routeKey: routeKeyOf(match.route) };
    }
    const {
      body: _body,
      isBase64Encoded: _base64,
      ...event
    } = proxyEventV1(request, match, undefined) as Record<string, unknown>;
    return spec.type === 'http'
      ? { ...event, version: '1.0', type: 'REQUEST', methodArn: arn, identitySource: sources.join(',') }
      : { type: 'REQUEST', methodArn: arn, ...event };
  }
}

/** An authorizer that fails or answers something API Gateway cannot read: 500, with a null message. */
function authorizerFailure(): HttpAnswer {
  return { status: 500, headers: [['Content-Type', 'application/json']], body: Buffer.from('{"message":null}') };
}
