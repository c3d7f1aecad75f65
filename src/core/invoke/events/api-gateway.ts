import { EXAMPLE_BODY, type EventContext } from './context';

const METHODS_WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);

/** A concrete request for a route: `{id}` and greedy `{proxy+}` parameters filled with example values. */
function route(ctx: EventContext): {
  template: string;
  path: string;
  method: string;
  parameters: Record<string, string> | null;
} {
  const template = ctx.text('Path') ?? '/';
  const declared = (ctx.text('Method') ?? 'GET').toUpperCase();
  const method = declared === 'ANY' || declared === '*' ? 'GET' : declared;
  const parameters: Record<string, string> = {};
  const path = template.replace(/\{([^}+]+)(\+?)\}/g, (_, name: string, greedy: string) => {
    const value = greedy ? 'example/path' : /id$/i.test(name) ? '123' : `example-${name}`;
    parameters[name] = value;
    return value;
  });
  return { template, path, method, parameters: Object.keys(parameters).length ? parameters : null };
}

const HEADERS = {
  Accept: 'application/json',
  'Content-Type': 'application/json',
  Host: 'abcdef1234.execute-api.us-east-1.amazonaws.com',
  'User-Agent': 'Serverless-Workbench',
  'X-Forwarded-For': '127.0.0.1',
  'X-Forwarded-Port': '443',
  'X-Forwarded-Proto': 'https',
};

/** SAM `Api`: the API Gateway REST API proxy integration event (payload format 1.0). */
export function apiGatewayRestEvent(ctx: EventContext): unknown {
  const r = route(ctx);
  const stage = 'Prod';
  const multi = (o: Record<string, string>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, [v]]));
  return {
    body: METHODS_WITH_BODY.has(r.method) ? EXAMPLE_BODY : null,
    resource: r.template,
    path: r.path,
    httpMethod: r.method,
    isBase64Encoded: false,
    queryStringParameters: null,
    multiValueQueryStringParameters: null,
    pathParameters: r.parameters,
    stageVariables: null,
    headers: HEADERS,
    multiValueHeaders: multi(HEADERS),
    requestContext: {
      accountId: ctx.accountId,
      resourceId: 'abc123',
      stage,
      requestId: ctx.id(),
      requestTime: ctx.now.toUTCString(),
      requestTimeEpoch: ctx.now.getTime(),
      identity: {
        cognitoIdentityPoolId: null,
        accountId: null,
        cognitoIdentityId: null,
        caller: null,
        accessKey: null,
        sourceIp: '127.0.0.1',
        cognitoAuthenticationType: null,
        cognitoAuthenticationProvider: null,
        userArn: null,
        userAgent: 'Serverless-Workbench',
        user: null,
      },
      path: `/${stage}${r.path}`,
      resourcePath: r.template,
      httpMethod: r.method,
      apiId: 'abcdef1234',
      protocol: 'HTTP/1.1',
    },
  };
}

/** SAM `HttpApi`: the HTTP API event (payload format 2.0). */
export function httpApiEvent(ctx: EventContext): unknown {
  const declaredPath = ctx.text('Path');
  const r = route(ctx);
  const routeKey = declaredPath ? `${(ctx.text('Method') ?? 'ANY').toUpperCase()} ${declaredPath}` : '$default';
  const headers = Object.fromEntries(Object.entries(HEADERS).map(([k, v]) => [k.toLowerCase(), v]));
  return {
    version: '2.0',
    routeKey,
    rawPath: r.path,
    rawQueryString: '',
    cookies: [],
    headers,
    queryStringParameters: {},
    requestContext: {
      accountId: ctx.accountId,
      apiId: 'abcdef1234',
      authentication: null,
      authorizer: { jwt: { claims: {}, scopes: [] } },
      domainName: 'abcdef1234.execute-api.us-east-1.amazonaws.com',
      domainPrefix: 'abcdef1234',
      http: {
        method: r.method,
        path: r.path,
        protocol: 'HTTP/1.1',
        sourceIp: '127.0.0.1',
        userAgent: 'Serverless-Workbench',
      },
      requestId: ctx.id(),
      routeKey,
      stage: '$default',
      time: ctx.now.toUTCString(),
      timeEpoch: ctx.now.getTime(),
    },
    body: METHODS_WITH_BODY.has(r.method) ? EXAMPLE_BODY : undefined,
    pathParameters: r.parameters ?? {},
    isBase64Encoded: false,
    stageVariables: {},
  };
}

/** Serverless `alb`: an Application Load Balancer target request. */
export function albEvent(ctx: EventContext): unknown {
  const r = route(ctx);
  return {
    requestContext: {
      elb: { targetGroupArn: ctx.arn('elasticloadbalancing', `targetgroup/${ctx.functionName}/0123456789abcdef`) },
    },
    httpMethod: r.method,
    path: r.path,
    queryStringParameters: {},
    headers: Object.fromEntries(Object.entries(HEADERS).map(([k, v]) => [k.toLowerCase(), v])),
    body: METHODS_WITH_BODY.has(r.method) ? EXAMPLE_BODY : '',
    isBase64Encoded: false,
  };
}
