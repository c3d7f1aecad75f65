import type { MapNode, Node } from '../nodes';
import { entryOf, mapAt, stringOf, toPlain, valueOf } from '../nodes';
import type { Resource } from '../template';
import { alphanumeric, entryCause, hashedId, isAlphanumeric, propertyCause, resourceCause } from './collector';
import type { Cause } from './collector';
import type { EventSite, SamContext } from './context';
import { resolveParameterRefs } from './parameter-values';
import { pythonJson } from './python-json';

/**
 * The logical IDs of the APIs SAM creates for `Api` and `HttpApi` events that name none (SAM developer guide,
 * "Generated AWS CloudFormation resources for AWS SAM": `ServerlessRestApi`, `ServerlessHttpApi`).
 */
export const IMPLICIT_REST_API = 'ServerlessRestApi';
export const IMPLICIT_HTTP_API = 'ServerlessHttpApi';

/** One REST or HTTP API as SAM sees it: written (`AWS::Serverless::Api`) or implicit (`ServerlessRestApi`). */
interface ApiSite {
  readonly logicalId: string;
  /** The resource whose entry a user would look at: the API itself, or the function of the first event. */
  readonly producer: string;
  readonly properties: MapNode | undefined;
  readonly cause: Cause;
  /** Where a property-derived resource points when the property has no span of its own. */
  readonly causeOf: (property: string) => Cause;
  readonly hashSource: string;
}

export function restApiResources(ctx: SamContext, api: Resource): void {
  const site = writtenSite(ctx, api);
  const stage = valueOf(api.properties, 'StageName');
  restApi(ctx, site, stageId(api.logicalId, stage), 'SAM creates the stage StageName names');
}

export function httpApiResources(ctx: SamContext, api: Resource): void {
  const site = writtenSite(ctx, api);
  const stage = valueOf(api.properties, 'StageName');
  const id =
    !stage || stringOf(stage) === '$default' ? `${api.logicalId}ApiGatewayDefaultStage` : stageId(api.logicalId, stage);
  httpApi(ctx, site, id);
}

/** `ServerlessRestApi` and `ServerlessHttpApi`, made by events that name no API; `Globals` configure them. */
export function implicitApiResources(ctx: SamContext): void {
  const [firstRest] = ctx.implicitRestEvents;
  if (firstRest) {
    const site = implicitSite(ctx, IMPLICIT_REST_API, firstRest, ctx.implicitRestEvents, ctx.globalApi);
    ctx.out.add(
      IMPLICIT_REST_API,
      'AWS::ApiGateway::RestApi',
      site.producer,
      'SAM creates an API Gateway REST API for Api events without RestApiId',
      site.cause,
    );
    restApi(ctx, site, `${IMPLICIT_REST_API}ProdStage`, 'SAM creates the Prod stage of the implicit REST API');
  }
  const [firstHttp] = ctx.implicitHttpEvents;
  if (firstHttp) {
    const site = implicitSite(ctx, IMPLICIT_HTTP_API, firstHttp, ctx.implicitHttpEvents, ctx.globalHttpApi);
    ctx.out.add(
      IMPLICIT_HTTP_API,
      'AWS::ApiGatewayV2::Api',
      site.producer,
      'SAM creates an API Gateway HTTP API for HttpApi events without ApiId',
      site.cause,
    );
    httpApi(ctx, site, `${IMPLICIT_HTTP_API}ApiGatewayDefaultStage`);
  }
}

/** The custom domain of a written API (WebSocket APIs share the HTTP API's domain resources). */
export function apiDomainResources(ctx: SamContext, api: Resource, kind: 'rest' | 'http'): void {
  domain(ctx, writtenSite(ctx, api), kind);
}

function writtenSite(ctx: SamContext, api: Resource): ApiSite {
  return {
    logicalId: api.logicalId,
    producer: api.logicalId,
    properties: api.properties,
    cause: resourceCause(api),
    causeOf: (property) => propertyCause(api, property),
    hashSource: ctx.out.sourceOf(api.node),
  };
}

function implicitSite(
  ctx: SamContext,
  logicalId: string,
  first: EventSite,
  events: readonly EventSite[],
  globals: MapNode | undefined,
): ApiSite {
  const cause = entryCause(first.entry);
  return {
    logicalId,
    producer: first.owner.logicalId,
    properties: globals,
    cause,
    causeOf: (property) => {
      const entry = entryOf(globals, property);
      return entry ? entryCause(entry) : cause;
    },
    hashSource: events.map((e) => ctx.out.sourceOf(e.entry.value)).join('\n') + ctx.out.sourceOf(globals),
  };
}

/**
 * A stage's logical ID: `<Api><StageName>Stage` for an alphanumeric name, `<Api>Stage<hash>` for other
 * names, and `<Api>Stage` when the name is an intrinsic SAM cannot read.
 */
function stageId(apiId: string, stage: Node | undefined): string {
  const name = stringOf(stage);
  if (name === undefined) return `${apiId}Stage`;
  return isAlphanumeric(name) ? `${apiId}${name}Stage` : hashedId(`${apiId}Stage`, name);
}

function restApi(ctx: SamContext, site: ApiSite, stageLogicalId: string, stageReason: string): void {
  const { out } = ctx;
  out.add(
    hashedId(`${site.logicalId}Deployment`, site.hashSource),
    'AWS::ApiGateway::Deployment',
    site.producer,
    'SAM deploys the REST API; the deployment ID changes whenever the API definition changes',
    site.cause,
  );
  out.add(stageLogicalId, 'AWS::ApiGateway::Stage', site.producer, stageReason, site.cause);
  domain(ctx, site, 'rest');
  usagePlan(ctx, site);
  authorizerPermissions(ctx, site, 'rest');
}

function httpApi(ctx: SamContext, site: ApiSite, stageLogicalId: string): void {
  ctx.out.add(
    stageLogicalId,
    'AWS::ApiGatewayV2::Stage',
    site.producer,
    'SAM creates the stage of the HTTP API',
    site.cause,
  );
  domain(ctx, site, 'http');
  authorizerPermissions(ctx, site, 'http');
}

/**
 * `Domain`: the custom domain (ID hashed from the domain name, so APIs sharing a name share it), one base
 * path mapping per `BasePath`, and a Route 53 record set group per hosted zone (or per hosted zone and
 * domain with `SeparateRecordSetGroup`). SAM resolves parameter references in `Domain` first, so the
 * hashes are taken over the resolved values.
 */
function domain(ctx: SamContext, site: ApiSite, api: 'rest' | 'http'): void {
  const node = mapAt(site.properties, 'Domain');
  const domain = node
    ? (resolveParameterRefs(toPlain(node), ctx.parameterValues) as Record<string, unknown>)
    : undefined;
  const name = domain?.DomainName;
  if (!domain || name === undefined || name === null) return;
  const cause = site.causeOf('Domain');
  const add = (logicalId: string, type: string, reason: string): void =>
    ctx.out.add(logicalId, type, site.producer, reason, cause);
  const isPrivate = api === 'rest' && domain.EndpointConfiguration === 'PRIVATE';
  const version = api === 'http' || isPrivate ? 'V2' : '';
  const domainType = api === 'http' ? 'AWS::ApiGatewayV2::DomainName' : `AWS::ApiGateway::DomainName${version}`;
  add(
    samHashedId(`ApiGatewayDomainName${version}`, name),
    domainType,
    'SAM creates the custom domain name of the API (Domain)',
  );

  const mappingType = api === 'http' ? 'AWS::ApiGatewayV2::ApiMapping' : `AWS::ApiGateway::BasePathMapping${version}`;
  const mappingSuffix = api === 'http' ? 'ApiMapping' : 'BasePathMapping';
  const basePaths = basePathsOf(domain.BasePath);
  for (const path of basePaths.length ? basePaths : ['']) {
    add(
      `${site.logicalId}${alphanumeric(path)}${mappingSuffix}`,
      mappingType,
      'SAM maps the custom domain to the API (Domain BasePath)',
    );
  }
  const route53 = isPlainMap(domain.Route53) ? domain.Route53 : undefined;
  const zone = route53?.HostedZoneId ?? route53?.HostedZoneName;
  if (zone !== undefined && zone !== null) {
    const separate = String(route53?.SeparateRecordSetGroup) === 'true';
    add(
      samHashedId('RecordSetGroup', separate ? [zone, name] : zone),
      'AWS::Route53::RecordSetGroup',
      'SAM creates the DNS records of the custom domain (Domain Route53)',
    );
  }
  if (isPrivate && domain.AccessAssociation !== undefined) {
    add(
      hashedId('DomainNameAccessAssociation', ctx.out.sourceOf(valueOf(node, 'AccessAssociation'))),
      'AWS::ApiGateway::DomainNameAccessAssociation',
      'SAM associates the private custom domain with the VPC endpoint (Domain AccessAssociation)',
    );
  }
}

function basePathsOf(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]).map((item) =>
    typeof item === 'string' || typeof item === 'number' ? String(item) : '',
  );
}

function isPlainMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * SAM's `LogicalIdGenerator(prefix, data)`: a string is hashed as is, anything else as Python's compact sorted JSON.
 */
function samHashedId(prefix: string, data: unknown): string {
  return hashedId(prefix, typeof data === 'string' ? data : pythonJson(data));
}

/** `Auth.UsagePlan.CreateUsagePlan`: PER_API makes a plan and key per API, SHARED one set for all. */
function usagePlan(ctx: SamContext, site: ApiSite): void {
  const plan = mapAt(mapAt(site.properties, 'Auth'), 'UsagePlan');
  const mode = ctx.resolveString(valueOf(plan, 'CreateUsagePlan'));
  if (mode !== 'PER_API' && mode !== 'SHARED') return;
  const prefix = mode === 'PER_API' ? site.logicalId : 'Serverless';
  const cause = site.causeOf('Auth');
  const reason = `SAM creates a usage plan and API key (Auth UsagePlan ${mode})`;
  ctx.out.add(`${prefix}UsagePlan`, 'AWS::ApiGateway::UsagePlan', site.producer, reason, cause);
  ctx.out.add(`${prefix}ApiKey`, 'AWS::ApiGateway::ApiKey', site.producer, reason, cause);
  ctx.out.add(`${prefix}UsagePlanKey`, 'AWS::ApiGateway::UsagePlanKey', site.producer, reason, cause);
}

/**
 * A Lambda authorizer (`FunctionArn`) gets a permission that lets API Gateway call it: on REST APIs unless
 * `DisableFunctionDefaultPermissions: true`, on HTTP APIs only with `EnableFunctionDefaultPermissions: true`.
 */
function authorizerPermissions(ctx: SamContext, site: ApiSite, api: 'rest' | 'http'): void {
  const authorizers = mapAt(mapAt(site.properties, 'Auth'), 'Authorizers');
  for (const entry of authorizers?.entries ?? []) {
    if (!valueOf(entry.value, 'FunctionArn')) continue;
    const flag = api === 'rest' ? 'DisableFunctionDefaultPermissions' : 'EnableFunctionDefaultPermissions';
    if ((stringOf(valueOf(entry.value, flag)) === 'true') !== (api === 'http')) continue;
    ctx.out.add(
      `${site.logicalId}${entry.key}AuthorizerPermission`,
      'AWS::Lambda::Permission',
      site.producer,
      `SAM lets API Gateway call the Lambda authorizer ${entry.key}`,
      entryCause(entry),
    );
  }
}
